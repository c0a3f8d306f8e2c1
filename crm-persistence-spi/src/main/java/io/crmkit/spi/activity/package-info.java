/** Store ports of the activity area. */
package io.crmkit.spi.activity;
