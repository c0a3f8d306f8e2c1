/** Store ports of the account area. */
package io.crmkit.spi.account;
