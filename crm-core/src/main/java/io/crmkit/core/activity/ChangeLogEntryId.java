package io.crmkit.core.activity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordId;

/**
 * The id of a change-log entry (变更记录).
 *
 * @param value the id's text
 */
public record ChangeLogEntryId(String value) implements RecordId {
    /** @throws io.crmkit.core.error.ValidationException if the id is blank or malformed */
    public ChangeLogEntryId {
        Checks.id("changeLogEntryId", value);
    }

    /** The id {@code value}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ChangeLogEntryId of(String value) {
        return new ChangeLogEntryId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
