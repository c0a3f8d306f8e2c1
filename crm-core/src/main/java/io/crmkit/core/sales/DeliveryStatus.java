package io.crmkit.core.sales;

import io.crmkit.core.error.IllegalTransitionException;

/**
 * Delivery of a {@link SalesOrder}, and its state machine:
 * {@code NOT_SHIPPED --ship--> SHIPPED --confirmReceipt--> RECEIVED}. Every other move throws
 * {@link IllegalTransitionException} with machine {@value #MACHINE}.
 */
public enum DeliveryStatus {
    /** Nothing shipped yet. */
    NOT_SHIPPED,
    /** Shipped (已发货), not yet confirmed as received. */
    SHIPPED,
    /** The customer confirmed receipt (已收货). */
    RECEIVED;

    /** The machine name carried by {@link IllegalTransitionException#machine()}. */
    public static final String MACHINE = "order-delivery";

    /**
     * NOT_SHIPPED → SHIPPED.
     *
     * @throws IllegalTransitionException from any other status
     */
    public DeliveryStatus ship() {
        if (this != NOT_SHIPPED) {
            throw new IllegalTransitionException(MACHINE, this, "ship");
        }
        return SHIPPED;
    }

    /**
     * SHIPPED → RECEIVED.
     *
     * @throws IllegalTransitionException from any other status
     */
    public DeliveryStatus confirmReceipt() {
        if (this != SHIPPED) {
            throw new IllegalTransitionException(MACHINE, this, "confirmReceipt");
        }
        return RECEIVED;
    }

    /** Whether the order has been shipped (SHIPPED or RECEIVED). */
    public boolean isShipped() {
        return this != NOT_SHIPPED;
    }
}
