/** The organisation directory the host provides: users, departments, managers. */
package io.crmkit.spi.directory;
