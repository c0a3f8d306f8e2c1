/** Store ports of the pool area. */
package io.crmkit.spi.pool;
