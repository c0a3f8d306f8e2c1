/** The payment area of the model. */
package io.crmkit.core.payment;
