package io.crmkit.rules.sales;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.OpportunityId;
import java.util.List;

/**
 * What one run of {@link OpportunityCommands#closeInactive} did.
 *
 * @param examined how many distinct opportunities the rules' queries returned (open, of a rule's process,
 *     inactive long enough), before the stage filter
 * @param closed the opportunities closed, in the order they were closed
 * @param problems the opportunities that could not be closed (each left as it was; the next run tries
 *     again)
 */
public record AutoCloseResult(int examined, List<Closed> closed, List<Problem> problems) {

    /** Copies the lists. */
    public AutoCloseResult {
        closed = Checks.list("closed", closed);
        problems = Checks.list("problems", problems);
    }

    /**
     * One opportunity closed by a rule.
     *
     * @param opportunityId the opportunity
     * @param ruleId the rule that closed it
     * @param result the result it was closed with (LOST or INVALID)
     */
    public record Closed(OpportunityId opportunityId, String ruleId, CloseResult result) {}

    /**
     * One opportunity a rule could not close.
     *
     * @param opportunityId the opportunity
     * @param ruleId the rule being applied
     * @param errorCode the typed error's {@link io.crmkit.core.error.CrmException#code() code}
     * @param message the error's message, for operators
     */
    public record Problem(OpportunityId opportunityId, String ruleId, String errorCode, String message) {}
}
