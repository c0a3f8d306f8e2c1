package io.crmkit.core.sales;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;

/**
 * The opportunity stage machine: pure functions from a position and a {@link SalesProcess} to the
 * next position. Nothing is changed in place; a refused move throws and the caller keeps its value.
 *
 * <ul>
 *   <li>{@link #advance advance}: one stage forward; from the last open stage it is refused, because
 *       closing needs a result ({@link #close close}).</li>
 *   <li>{@link #moveTo moveTo}: to any later stage; to an earlier one only if the process allows
 *       rollback; to the current stage never (it would be a change that changes nothing).</li>
 *   <li>{@link #close close}: from any open stage, with WON, LOST or INVALID; LOST takes a reason
 *       (see {@link SalesProcess#checkCloseReason}).</li>
 *   <li>{@link #reopen reopen}: from closed, to any stage, only if the process allows reopening.</li>
 * </ul>
 *
 * <p>Refused moves throw {@link IllegalTransitionException} with machine {@value #MACHINE}. A stage
 * id the process does not have (the target, or the current stage of an open position) is a
 * {@link ValidationException} with {@link ErrorCode#UNKNOWN_STAGE}, checked before the move itself.
 */
public final class StageMoves {
    /** The machine name carried by {@link IllegalTransitionException#machine()}. */
    public static final String MACHINE = "opportunity-stage";

    private StageMoves() {}

    /** Where a new opportunity of {@code process} starts: open at its first stage. */
    public static OpportunityStage start(SalesProcess process) {
        return OpportunityStage.open(Checks.required("process", process).firstStage().id());
    }

    /**
     * One stage forward.
     *
     * @return the position open at the next stage
     * @throws IllegalTransitionException when closed, or at the last open stage (close instead)
     * @throws ValidationException with {@link ErrorCode#UNKNOWN_STAGE} when the current stage is not
     *     part of {@code process}
     */
    public static OpportunityStage advance(SalesProcess process, OpportunityStage from) {
        Checks.required("process", process);
        Checks.required("stage", from);
        if (from.isClosed()) {
            throw refused(from, "advance");
        }
        int index = currentIndex(process, from);
        if (index == process.stages().size() - 1) {
            throw refused(from, "advance");
        }
        return OpportunityStage.open(process.stages().get(index + 1).id());
    }

    /**
     * To {@code target}: forward always, backward only if {@link SalesProcess#rollbackAllowed()}.
     *
     * @return the position open at {@code target}
     * @throws ValidationException with {@link ErrorCode#UNKNOWN_STAGE} when {@code target} or the
     *     current stage is not part of {@code process}
     * @throws IllegalTransitionException when closed (reopen instead), when {@code target} is the
     *     current stage, or when moving back without rollback allowed
     */
    public static OpportunityStage moveTo(SalesProcess process, OpportunityStage from, StageId target) {
        Checks.required("process", process);
        Checks.required("stage", from);
        Checks.required("stageId", target);
        int to = process.indexOf(target);
        if (to < 0) {
            throw process.unknownStage("stageId", target);
        }
        String action = "moveTo(" + target + ")";
        if (from.isClosed()) {
            throw refused(from, action);
        }
        int at = currentIndex(process, from);
        if (to == at || (to < at && !process.rollbackAllowed())) {
            throw refused(from, action);
        }
        return OpportunityStage.open(target);
    }

    /**
     * Closes with {@code result}.
     *
     * @param reason the LOST reason; see {@link SalesProcess#checkCloseReason} for what is accepted
     * @return the closed position, remembering the stage it was closed from
     * @throws IllegalTransitionException when already closed
     * @throws ValidationException with {@link ErrorCode#UNKNOWN_STAGE} when the current stage is not
     *     part of {@code process}, or as {@link SalesProcess#checkCloseReason} for a bad reason
     */
    public static OpportunityStage close(SalesProcess process, OpportunityStage from, CloseResult result, String reason) {
        Checks.required("process", process);
        Checks.required("stage", from);
        Checks.required("result", result);
        if (from.isClosed()) {
            throw refused(from, "close(" + result + ")");
        }
        currentIndex(process, from);
        process.checkCloseReason(result, reason);
        return OpportunityStage.closed(from.stageId(), result);
    }

    /**
     * Reopens a closed opportunity at {@code target}.
     *
     * @return the position open at {@code target}
     * @throws ValidationException with {@link ErrorCode#UNKNOWN_STAGE} when {@code target} is not part
     *     of {@code process}
     * @throws IllegalTransitionException when open, or when the process does not allow reopening
     */
    public static OpportunityStage reopen(SalesProcess process, OpportunityStage from, StageId target) {
        Checks.required("process", process);
        Checks.required("stage", from);
        Checks.required("stageId", target);
        if (!process.contains(target)) {
            throw process.unknownStage("stageId", target);
        }
        if (from.isOpen() || !process.reopenAllowed()) {
            throw refused(from, "reopen(" + target + ")");
        }
        return OpportunityStage.open(target);
    }

    /**
     * The win rate at {@code position}: the open stage's default win rate, or the close result's.
     *
     * @throws ValidationException with {@link ErrorCode#UNKNOWN_STAGE} when open at a stage that is
     *     not part of {@code process}
     */
    public static int winRatePercent(SalesProcess process, OpportunityStage position) {
        Checks.required("process", process);
        Checks.required("stage", position);
        if (position.isClosed()) {
            return position.result().winRatePercent();
        }
        return process.stages().get(currentIndex(process, position)).winRatePercent();
    }

    private static int currentIndex(SalesProcess process, OpportunityStage from) {
        int index = process.indexOf(from.stageId());
        if (index < 0) {
            throw process.unknownStage("stage", from.stageId());
        }
        return index;
    }

    private static IllegalTransitionException refused(OpportunityStage from, String action) {
        return new IllegalTransitionException(MACHINE, from, action);
    }
}
