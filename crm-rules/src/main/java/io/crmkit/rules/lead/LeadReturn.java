package io.crmkit.rules.lead;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadReturnReason;
import jakarta.validation.constraints.Size;

/**
 * A return of a lead to a pool (退回), as {@link LeadPoolCommands#returnToPool} takes it.
 *
 * @param lead the lead to return
 * @param reason why it is returned
 * @param note more about why, at most {@value #MAX_NOTE} characters, or null; required when the
 *     reason is {@link LeadReturnReason#OTHER}; stored stripped
 * @param target the pool to return it to, or null for its pool of origin
 */
record LeadReturn(LeadId lead, LeadReturnReason reason, @Size(max = LeadReturn.MAX_NOTE) String note, LeadPoolId target) {
    /** Longest note. */
    static final int MAX_NOTE = 1000;

    /**
     * Checks the structure; the note's length is a content rule for
     * {@link io.crmkit.core.validation.CrmValidation}.
     *
     * @throws ValidationException if the lead or reason is missing, or the reason is OTHER without a note
     */
    LeadReturn {
        Checks.required("lead", lead);
        Checks.required("reason", reason);
        note = Checks.optionalText("note", note, Integer.MAX_VALUE);
        if (reason == LeadReturnReason.OTHER && note == null) {
            throw ValidationException.of("note", ErrorCode.FIELD_REQUIRED);
        }
    }

    /** The reason as the change log keeps it: the code, then the note. */
    String logReason() {
        return note == null ? reason.name() : reason.name() + ": " + note;
    }
}
