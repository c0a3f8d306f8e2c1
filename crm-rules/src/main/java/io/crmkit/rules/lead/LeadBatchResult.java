package io.crmkit.rules.lead;

import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.Lead;
import java.util.List;

/**
 * What a batch assignment or distribution did: one outcome per lead, in the order the leads were
 * given. The assigned leads were written in one transaction; the rejected ones are unchanged.
 *
 * @param outcomes one per lead, in input order
 */
public record LeadBatchResult(List<LeadBatchOutcome> outcomes) {
    /** Copies the outcomes. */
    public LeadBatchResult {
        outcomes = Checks.list("outcomes", outcomes);
    }

    /** The leads assigned, as stored, in input order. */
    public List<Lead> assigned() {
        return outcomes.stream().filter(LeadBatchOutcome::isAssigned).map(LeadBatchOutcome::lead).toList();
    }

    /** The outcomes of the leads not assigned, in input order. */
    public List<LeadBatchOutcome> rejected() {
        return outcomes.stream().filter(o -> !o.isAssigned()).toList();
    }

    /** The leads assigned to {@code member}, in input order. */
    public List<Lead> assignedTo(UserId member) {
        return assigned().stream().filter(lead -> member.equals(lead.owner())).toList();
    }
}
