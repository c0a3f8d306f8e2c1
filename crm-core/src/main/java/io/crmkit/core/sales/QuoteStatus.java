package io.crmkit.core.sales;

import io.crmkit.core.error.IllegalTransitionException;

/**
 * The life cycle of a {@link Quote}, and its state machine:
 * {@code DRAFT --send--> SENT --accept/reject/expire--> ACCEPTED/REJECTED/EXPIRED}, and
 * {@code DRAFT --expire--> EXPIRED} (a draft that was never sent can run out too). ACCEPTED, REJECTED
 * and EXPIRED are final. Every other move throws {@link IllegalTransitionException} with machine
 * {@value #MACHINE}.
 */
public enum QuoteStatus {
    /** Being prepared; not yet shown to the customer. */
    DRAFT,
    /** Sent to the customer, awaiting an answer. */
    SENT,
    /** The customer accepted it. */
    ACCEPTED,
    /** The customer rejected it. */
    REJECTED,
    /** It ran out before it was accepted. */
    EXPIRED;

    /** The machine name carried by {@link IllegalTransitionException#machine()}. */
    public static final String MACHINE = "quote-status";

    /**
     * DRAFT → SENT.
     *
     * @throws IllegalTransitionException from any other status
     */
    public QuoteStatus send() {
        return move(this == DRAFT, SENT, "send");
    }

    /**
     * SENT → ACCEPTED.
     *
     * @throws IllegalTransitionException from any other status
     */
    public QuoteStatus accept() {
        return move(this == SENT, ACCEPTED, "accept");
    }

    /**
     * SENT → REJECTED.
     *
     * @throws IllegalTransitionException from any other status
     */
    public QuoteStatus reject() {
        return move(this == SENT, REJECTED, "reject");
    }

    /**
     * DRAFT or SENT → EXPIRED.
     *
     * @throws IllegalTransitionException from any other status
     */
    public QuoteStatus expire() {
        return move(this == DRAFT || this == SENT, EXPIRED, "expire");
    }

    /** Whether no move leaves this status (ACCEPTED, REJECTED, EXPIRED). */
    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED || this == EXPIRED;
    }

    private QuoteStatus move(boolean allowed, QuoteStatus to, String action) {
        if (!allowed) {
            throw new IllegalTransitionException(MACHINE, this, action);
        }
        return to;
    }
}
