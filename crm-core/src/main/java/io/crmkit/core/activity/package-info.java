/** The activity area of the model. */
package io.crmkit.core.activity;
