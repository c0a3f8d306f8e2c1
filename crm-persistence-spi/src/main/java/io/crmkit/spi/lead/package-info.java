/** Store ports of the lead area. */
package io.crmkit.spi.lead;
