package io.crmkit.spi.outbox;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;

/**
 * What one or more runs of the {@link OutboxRelay} did. Every claimed entry ends in exactly one of
 * the four outcomes, so {@code claimed == delivered + failed + parked + leaseLost}.
 *
 * @param claimed entries leased to the relay for delivery
 * @param delivered entries the sink accepted and the outbox recorded as DELIVERED
 * @param failed entries the sink refused; recorded and due again after the backoff
 * @param parked entries the sink refused for the last allowed time; recorded as PARKED
 * @param leaseLost entries whose outcome was not recorded because the relay's lease had ended and
 *     another worker may hold the entry (it will be delivered, possibly again, by that worker): a
 *     sign that the lease is short for the time a batch takes, not an error
 */
public record RelayResult(int claimed, int delivered, int failed, int parked, int leaseLost) {

    /** Nothing claimed, nothing done. */
    public static final RelayResult NONE = new RelayResult(0, 0, 0, 0, 0);

    /**
     * Validates the counts.
     *
     * @throws ValidationException if a count is negative or the outcomes do not add up to
     *     {@code claimed}
     */
    public RelayResult {
        Checks.range("claimed", claimed, 0, Integer.MAX_VALUE);
        Checks.range("delivered", delivered, 0, Integer.MAX_VALUE);
        Checks.range("failed", failed, 0, Integer.MAX_VALUE);
        Checks.range("parked", parked, 0, Integer.MAX_VALUE);
        Checks.range("leaseLost", leaseLost, 0, Integer.MAX_VALUE);
        long outcomes = (long) delivered + failed + parked + leaseLost;
        if (outcomes != claimed) {
            throw ValidationException.of("claimed", ErrorCode.FIELD_INVALID,
                    "must equal delivered + failed + parked + leaseLost (" + outcomes + "), but was " + claimed);
        }
    }

    /**
     * The sums of this result's counts and {@code other}'s.
     *
     * @throws ArithmeticException if a sum exceeds {@link Integer#MAX_VALUE} (never for the results
     *     of one {@link OutboxRelay#drain} call, which is bounded well below that)
     */
    public RelayResult plus(RelayResult other) {
        Checks.required("other", other);
        return new RelayResult(
                Math.addExact(claimed, other.claimed),
                Math.addExact(delivered, other.delivered),
                Math.addExact(failed, other.failed),
                Math.addExact(parked, other.parked),
                Math.addExact(leaseLost, other.leaseLost));
    }
}
