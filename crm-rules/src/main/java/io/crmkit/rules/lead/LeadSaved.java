package io.crmkit.rules.lead;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.Lead;
import io.crmkit.rules.duplicate.DuplicateMatch;
import java.util.List;

/**
 * What {@link LeadIntake#create} and {@link LeadIntake#update} return: the stored lead, and the
 * existing leads it may duplicate (empty unless the tenant's duplicate policy for leads is WARN, or is
 * BLOCK and only weak reasons matched), for the user to review.
 *
 * @param lead the lead as stored
 * @param warnings the likely duplicates, empty when there are none or they were not looked for
 */
public record LeadSaved(Lead lead, List<DuplicateMatch> warnings) {
    /** Requires the lead and copies the warnings. */
    public LeadSaved {
        Checks.required("lead", lead);
        warnings = Checks.list("warnings", warnings);
    }
}
