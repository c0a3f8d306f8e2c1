/** The contact area of the model. */
package io.crmkit.core.contact;
