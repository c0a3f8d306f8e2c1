/**
 * The in-memory reference store, {@link io.crmkit.spi.memory.InMemoryCrmStore}: every port of the
 * persistence SPI held in memory, serialised and transactional. Everything but that class is
 * internal to this package.
 */
package io.crmkit.spi.memory;
