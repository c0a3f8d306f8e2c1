package io.crmkit.core.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordId;

/**
 * A department of the host's organisation directory.
 *
 * @param value the id's text
 */
public record DepartmentId(String value) implements RecordId {
    /** @throws io.crmkit.core.error.ValidationException if the id is blank or malformed */
    public DepartmentId {
        Checks.id("departmentId", value);
    }

    /** The id {@code value}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DepartmentId of(String value) {
        return new DepartmentId(value);
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
