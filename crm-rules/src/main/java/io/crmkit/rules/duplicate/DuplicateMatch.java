package io.crmkit.rules.duplicate;

import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordRef;

/**
 * One existing record that a new or changed record probably duplicates, and why. A record that
 * matches for several reasons appears once per reason.
 *
 * @param match the existing record
 * @param reason what the two have in common
 * @param normalizedValue the key both have (for example {@code 13800000000} for two ways of writing one
 *     mobile number), to show the user
 */
public record DuplicateMatch(RecordRef match, DuplicateReason reason, String normalizedValue) {
    /**
     * Requires every part.
     *
     * @throws io.crmkit.core.error.ValidationException naming a missing part
     */
    public DuplicateMatch {
        Checks.required("match", match);
        Checks.required("reason", reason);
        Checks.required("normalizedValue", normalizedValue);
    }
}
