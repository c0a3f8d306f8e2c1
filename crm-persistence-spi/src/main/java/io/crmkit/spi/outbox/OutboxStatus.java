package io.crmkit.spi.outbox;

/** Where an outbox entry is in its delivery. */
public enum OutboxStatus {
    /** Waiting to be delivered (or to be retried after a failure). */
    PENDING,
    /** Delivered to the sink. */
    DELIVERED,
    /** Failed too often; kept with its last error for an operator to inspect and retry. */
    PARKED
}
