package io.crmkit.core.sales;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.util.Set;

/**
 * An automatic close rule for opportunities, such as "no activity for 90 days in PROPOSAL or
 * NEGOTIATION → LOST, reason 'No response'". A sweep applies it; it never touches an opportunity that
 * is already closed (a won deal stays won), and it matches stages by {@link StageId}, never by their
 * display names, so renaming a stage cannot make a rule miss or hit.
 *
 * <p>"Activity" is the latest of the opportunity's last follow-up and its last change: an opportunity
 * whose latest activity lies {@code inactiveDays} calendar days (in the tenant's zone) or more before
 * the sweep's day is inactive.
 *
 * @param id the rule's id, unique within the tenant's sales settings (letters, digits, {@code ._:-})
 * @param salesProcessId the process whose opportunities the rule watches
 * @param stages the open stages it applies to; empty means every open stage of the process
 * @param inactiveDays how many days without activity close an opportunity; 1 or more
 * @param result the result to close with: LOST or INVALID (an automatic rule never wins a deal)
 * @param reason the lost reason recorded when closing as LOST (must be one of the process's configured
 *     reasons when it has any), or {@code null}; never set for INVALID
 */
public record AutoCloseRule(
        String id,
        SalesProcessId salesProcessId,
        Set<StageId> stages,
        int inactiveDays,
        CloseResult result,
        String reason) {

    /** Longest inactivity a rule may wait for: about 27 years. */
    public static final int MAX_INACTIVE_DAYS = 10_000;

    /**
     * Validates the rule.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a missing part,
     *     {@link ErrorCode#FIELD_OUT_OF_RANGE} for {@code inactiveDays} outside 1..{@value #MAX_INACTIVE_DAYS},
     *     {@link ErrorCode#FIELD_INVALID} for WON as result or a reason on an INVALID rule
     */
    public AutoCloseRule {
        id = Checks.id("id", id);
        Checks.required("salesProcessId", salesProcessId);
        stages = Checks.set("stages", stages);
        Checks.range("inactiveDays", inactiveDays, 1, MAX_INACTIVE_DAYS);
        Checks.required("result", result);
        if (result == CloseResult.WON) {
            throw ValidationException.of("result", ErrorCode.FIELD_INVALID,
                    "an automatic rule may close as LOST or INVALID, never as WON");
        }
        reason = Checks.optionalText("reason", reason, SalesProcess.MAX_LOST_REASON);
        if (reason != null && result != CloseResult.LOST) {
            throw ValidationException.of("reason", ErrorCode.FIELD_INVALID,
                    "a reason is recorded only when closing as LOST, not " + result);
        }
    }

    /** A rule closing opportunities of {@code process} inactive for {@code days} days, in any open stage, as LOST with {@code reason}. */
    public static AutoCloseRule lostAfter(String id, SalesProcessId process, int days, String reason) {
        return new AutoCloseRule(id, process, Set.of(), days, CloseResult.LOST, reason);
    }

    /** This rule limited to {@code stages}. */
    public AutoCloseRule onlyIn(Set<StageId> stages) {
        return new AutoCloseRule(id, salesProcessId, stages, inactiveDays, result, reason);
    }

    /** Whether the rule watches an opportunity open at {@code stage} of process {@code process}. */
    public boolean watches(SalesProcessId process, OpportunityStage stage) {
        return salesProcessId.equals(process) && stage.isOpen() && (stages.isEmpty() || stages.contains(stage.stageId()));
    }
}
