package io.crmkit.core.record;

import io.crmkit.core.internal.Checks;

/**
 * A reference to a record of any type: what a follow-up, reminder, schedule entry or change-log
 * entry is about.
 *
 * @param type the kind of record
 * @param id the record's id text
 */
public record RecordRef(RecordType type, String id) {
    /** Validates both parts. */
    public RecordRef {
        Checks.required("type", type);
        Checks.id("id", id);
    }

    /** A reference to the record of {@code type} with {@code id}. */
    public static RecordRef of(RecordType type, RecordId id) {
        Checks.required("id", id);
        return new RecordRef(type, id.value());
    }

    /** For example {@code LEAD:01J...}. */
    @Override
    public String toString() {
        return type + ":" + id;
    }
}
