/** Notifications and the sink the host implements to deliver them. */
package io.crmkit.spi.notify;
