/** The company registry lookup (工商信息) hosts plug in. */
package io.crmkit.spi.registry;
