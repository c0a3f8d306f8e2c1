package io.crmkit.core.activity;

import io.crmkit.core.internal.Checks;

/**
 * One field's change in a {@link ChangeLogEntry}: its value before and after, as display text (the
 * log is history for people, not a way to restore typed values).
 *
 * @param field the field's path, for example {@code owner} or {@code customFields.region}; at most 128
 *     characters
 * @param before the value before the change, or null when it was empty
 * @param after the value after the change, or null when it became empty
 */
public record FieldChange(String field, String before, String after) {
    /**
     * Requires the field path.
     *
     * @throws io.crmkit.core.error.ValidationException if the field path is blank or longer than 128
     */
    public FieldChange {
        field = Checks.text("field", field, 128);
    }

    /** The change of {@code field} from {@code before} to {@code after}, each rendered with {@code String.valueOf} unless null. */
    public static FieldChange of(String field, Object before, Object after) {
        return new FieldChange(field, before == null ? null : String.valueOf(before),
                after == null ? null : String.valueOf(after));
    }
}
