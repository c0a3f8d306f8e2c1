package io.crmkit.core.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordId;

/**
 * A user of the host's organisation directory. The library never stores user profiles, only their ids.
 *
 * @param value the id's text
 */
public record UserId(String value) implements RecordId {
    /** @throws io.crmkit.core.error.ValidationException if the id is blank or malformed */
    public UserId {
        Checks.id("userId", value);
    }

    /** The id {@code value}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static UserId of(String value) {
        return new UserId(value);
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
