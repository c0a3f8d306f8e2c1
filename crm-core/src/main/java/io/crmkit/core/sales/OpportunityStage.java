package io.crmkit.core.sales;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.internal.Checks;

/**
 * Where an opportunity stands in its sales process: either <em>open</em> at one of the process's
 * stages, or <em>closed</em> with a {@link CloseResult}. A closed position remembers the last open
 * stage it was closed from, so analytics can tell at which stage deals are lost.
 *
 * <p>This value only says where the opportunity is; which moves are allowed is decided by
 * {@link StageMoves} against the opportunity's {@link SalesProcess}.
 *
 * @param stageId the current stage while open; the last open stage once closed
 * @param result the close result, or {@code null} while the opportunity is open
 */
public record OpportunityStage(StageId stageId, CloseResult result) {
    /** The name of the implicit final stage, used when a closed position is shown. */
    public static final String CLOSED = "CLOSED";

    /**
     * Validates the position.
     *
     * @throws io.crmkit.core.error.ValidationException if {@code stageId} is missing
     */
    public OpportunityStage {
        Checks.required("stageId", stageId);
    }

    /** Open at {@code stageId}. */
    public static OpportunityStage open(StageId stageId) {
        return new OpportunityStage(stageId, null);
    }

    /** Closed with {@code result}, having been open at {@code lastOpenStage} before. */
    public static OpportunityStage closed(StageId lastOpenStage, CloseResult result) {
        return new OpportunityStage(lastOpenStage, Checks.required("result", result));
    }

    /** Whether the opportunity is closed (it then has a {@link #result()}). */
    @JsonIgnore
    public boolean isClosed() {
        return result != null;
    }

    /** Whether the opportunity is still open at {@link #stageId()}. */
    @JsonIgnore
    public boolean isOpen() {
        return result == null;
    }

    /** For example {@code PROPOSAL} while open, {@code CLOSED(WON)} once closed. */
    @Override
    public String toString() {
        return result == null ? stageId.value() : CLOSED + "(" + result + ")";
    }
}
