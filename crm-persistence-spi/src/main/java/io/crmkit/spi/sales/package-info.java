/** Store ports of the sales area. */
package io.crmkit.spi.sales;
