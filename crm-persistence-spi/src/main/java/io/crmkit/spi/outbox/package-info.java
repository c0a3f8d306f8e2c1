/** The transactional outbox and the relay that drains it to the notification sink. */
package io.crmkit.spi.outbox;
