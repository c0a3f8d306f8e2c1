/** The lead area of the model. */
package io.crmkit.core.lead;
