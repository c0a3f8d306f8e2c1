/** Store ports of the payment area. */
package io.crmkit.spi.payment;
