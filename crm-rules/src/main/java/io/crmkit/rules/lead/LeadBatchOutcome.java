package io.crmkit.rules.lead;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;

/**
 * What happened to one lead of a batch assignment or distribution: assigned (the stored lead) or
 * rejected (why, as the single command would have thrown it; nothing changed for that lead).
 *
 * @param leadId the lead
 * @param lead the lead as stored after the assignment, or null when rejected
 * @param rejection why the lead was not assigned, or null when assigned: a
 *     {@link io.crmkit.core.error.RuleViolationException} (its {@code rule()}, for example
 *     {@code pool.holding-limit}), a {@link io.crmkit.core.error.ForbiddenException}, or a
 *     {@link io.crmkit.core.error.NotFoundException}
 */
public record LeadBatchOutcome(LeadId leadId, Lead lead, CrmException rejection) {
    /**
     * Requires the id and exactly one of lead and rejection.
     *
     * @throws ValidationException otherwise
     */
    public LeadBatchOutcome {
        Checks.required("leadId", leadId);
        if ((lead == null) == (rejection == null)) {
            throw ValidationException.of("lead", ErrorCode.FIELD_INVALID,
                    "an outcome is either the assigned lead or the rejection, exactly one");
        }
    }

    /** An assigned lead. */
    static LeadBatchOutcome assigned(Lead stored) {
        return new LeadBatchOutcome(stored.id(), stored, null);
    }

    /** A rejected lead. */
    static LeadBatchOutcome rejected(LeadId id, CrmException why) {
        return new LeadBatchOutcome(id, null, why);
    }

    /** Whether the lead was assigned. */
    public boolean isAssigned() {
        return lead != null;
    }

    /** Who the lead was assigned to, or null when it was rejected. */
    public UserId assignee() {
        return lead == null ? null : lead.owner();
    }
}
