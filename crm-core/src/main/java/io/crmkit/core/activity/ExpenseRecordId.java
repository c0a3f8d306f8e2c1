package io.crmkit.core.activity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordId;

/**
 * The id of an expense record (费用记录).
 *
 * @param value the id's text
 */
public record ExpenseRecordId(String value) implements RecordId {
    /** @throws io.crmkit.core.error.ValidationException if the id is blank or malformed */
    public ExpenseRecordId {
        Checks.id("expenseRecordId", value);
    }

    /** The id {@code value}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ExpenseRecordId of(String value) {
        return new ExpenseRecordId(value);
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
