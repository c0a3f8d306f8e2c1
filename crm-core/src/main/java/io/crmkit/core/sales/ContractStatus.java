package io.crmkit.core.sales;

import io.crmkit.core.error.IllegalTransitionException;

/**
 * The life cycle of a {@link Contract}, and its state machine:
 * {@code DRAFT --activate--> ACTIVE --expire--> EXPIRED}, and {@code DRAFT/ACTIVE --terminate-->
 * TERMINATED}. EXPIRED and TERMINATED are final. Every other move throws
 * {@link IllegalTransitionException} with machine {@value #MACHINE}.
 */
public enum ContractStatus {
    /** Being negotiated; not yet in force. */
    DRAFT,
    /** Signed and in force. */
    ACTIVE,
    /** Ran to its end. */
    EXPIRED,
    /** Ended early, or abandoned before it came into force. */
    TERMINATED;

    /** The machine name carried by {@link IllegalTransitionException#machine()}. */
    public static final String MACHINE = "contract-status";

    /**
     * DRAFT → ACTIVE.
     *
     * @throws IllegalTransitionException from any other status
     */
    public ContractStatus activate() {
        return move(this == DRAFT, ACTIVE, "activate");
    }

    /**
     * ACTIVE → EXPIRED.
     *
     * @throws IllegalTransitionException from any other status
     */
    public ContractStatus expire() {
        return move(this == ACTIVE, EXPIRED, "expire");
    }

    /**
     * DRAFT or ACTIVE → TERMINATED.
     *
     * @throws IllegalTransitionException from any other status
     */
    public ContractStatus terminate() {
        return move(this == DRAFT || this == ACTIVE, TERMINATED, "terminate");
    }

    /** Whether the contract has been signed into force at some point (ACTIVE or EXPIRED). */
    public boolean isSigned() {
        return this == ACTIVE || this == EXPIRED;
    }

    /** Whether no move leaves this status (EXPIRED, TERMINATED). */
    public boolean isFinal() {
        return this == EXPIRED || this == TERMINATED;
    }

    private ContractStatus move(boolean allowed, ContractStatus to, String action) {
        if (!allowed) {
            throw new IllegalTransitionException(MACHINE, this, action);
        }
        return to;
    }
}
