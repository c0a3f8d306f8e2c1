/** The sales area of the model. */
package io.crmkit.core.sales;
