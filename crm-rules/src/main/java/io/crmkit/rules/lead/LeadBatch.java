package io.crmkit.rules.lead;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.LeadId;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;

/**
 * A batch of leads to give to members, as {@link LeadPoolCommands#assignBatch} and
 * {@link LeadPoolCommands#distribute} take it.
 *
 * @param leads the leads, in the order they are handed out: 1 to {@value #MAX_LEADS}, each once
 * @param members who receives them, in turn order: 1 to {@value #MAX_MEMBERS}, each once (one for
 *     an assignment to a single member)
 */
record LeadBatch(
        @Size(min = 1, max = LeadBatch.MAX_LEADS) List<LeadId> leads,
        @Size(min = 1, max = LeadBatch.MAX_MEMBERS) List<UserId> members) {

    /** Most leads in one batch. */
    static final int MAX_LEADS = 1000;

    /** Most members one batch is distributed among. */
    static final int MAX_MEMBERS = 1000;

    /**
     * Copies both lists; their sizes are content rules for
     * {@link io.crmkit.core.validation.CrmValidation}.
     *
     * @throws ValidationException if a list holds null or names a lead or member twice
     */
    LeadBatch {
        leads = Checks.list("leads", leads);
        members = Checks.list("members", members);
        if (new HashSet<>(leads).size() != leads.size()) {
            throw ValidationException.of("leads", ErrorCode.FIELD_INVALID, "a lead is listed twice");
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw ValidationException.of("members", ErrorCode.FIELD_INVALID, "a member is listed twice");
        }
    }
}
