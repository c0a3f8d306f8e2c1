/** Store ports of the product area. */
package io.crmkit.spi.product;
