/** Store ports of the contact area. */
package io.crmkit.spi.contact;
