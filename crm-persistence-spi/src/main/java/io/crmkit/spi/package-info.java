/**
 * The persistence SPI: what a host or an adapter implements so the library can store its records.
 * {@link io.crmkit.spi.CrmStore} is the entry; {@link io.crmkit.spi.RecordStore} states the contract
 * every store keeps.
 */
package io.crmkit.spi;
