/** The product area of the model. */
package io.crmkit.core.product;
