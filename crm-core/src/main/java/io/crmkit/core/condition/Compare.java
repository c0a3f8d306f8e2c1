package io.crmkit.core.condition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.CustomValue;
import java.util.List;

/**
 * Compares a field of the record with literal values: {@code level EQ choice A},
 * {@code custom.budget GE number 10000}, {@code source IN (fair, web)}.
 *
 * <p>The number of values depends on the operator: none for {@code IS_NULL} and
 * {@code IS_NOT_NULL}, one or more (at most {@link #MAX_VALUES}, all of one type) for {@code IN}
 * and {@code NOT_IN}, exactly one for the others. {@code CONTAINS} needs a text value; the ordering
 * operators ({@code GT}, {@code GE}, {@code LT}, {@code LE}) need a number, date, timestamp or
 * amount, because the order of text and of pick-list options is not the same in every database
 * collation and would make stores disagree. On an empty field every operator but {@code IS_NULL}
 * is false (see {@link Condition}).
 *
 * @param field a standard field name ({@code level}) or {@code custom.<name>} for a custom field
 * @param op the operator
 * @param values the values to compare with, as typed custom values (also for standard fields: an
 *     account level is a {@link CustomValue.Choice}, an amount a {@link CustomValue.Amount})
 */
public record Compare(String field, Operator op, List<CustomValue> values) implements Condition {
    /** The most values an {@code IN} or {@code NOT_IN} list may hold, so compiled queries stay bounded. */
    public static final int MAX_VALUES = 1000;

    /**
     * Validates the field name, and the number and types of the values for the operator.
     *
     * @throws io.crmkit.core.error.ValidationException with {@code FIELD_REQUIRED} for a missing
     *     field, operator or value, or {@code CONDITION_INVALID} naming the problem
     */
    public Compare {
        FieldNames.require("field", field);
        Checks.required("op", op);
        values = Checks.list("values", values);
        int count = values.size();
        if (op.maxValues() == 0 && count != 0) {
            throw ConditionChecks.invalid("values", "no-values", op, count);
        }
        if (op.maxValues() == 1 && count != 1) {
            throw ConditionChecks.invalid("values", "one-value", op, count);
        }
        if (op.maxValues() > 1 && (count < 1 || count > op.maxValues())) {
            throw ConditionChecks.invalid("values", "some-values", op, op.maxValues(), count);
        }
        if (op == Operator.CONTAINS && !(values.get(0) instanceof CustomValue.Text)) {
            throw ConditionChecks.invalid("values", "contains-needs-text", ConditionChecks.kind(values.get(0)));
        }
        if (op.isOrdering() && !isOrdered(values.get(0))) {
            throw ConditionChecks.invalid("values", "not-orderable", op, ConditionChecks.kind(values.get(0)));
        }
        for (CustomValue value : values) {
            // A field has one type, so a list mixing types is a mistake, not a wider match.
            if (value.getClass() != values.get(0).getClass()) {
                throw ConditionChecks.invalid("values", "mixed-types",
                        ConditionChecks.kind(values.get(0)), ConditionChecks.kind(value));
            }
        }
    }

    /** Whether {@link #field()} names a custom field ({@code custom.<name>}). */
    @JsonIgnore
    public boolean isCustomField() {
        return FieldNames.isCustom(field);
    }

    /**
     * The one value of a single-value operator.
     *
     * @throws IllegalStateException if the operator takes no values or several
     */
    @JsonIgnore
    public CustomValue value() {
        if (op.maxValues() != 1) {
            throw new IllegalStateException(op + " does not take exactly one value");
        }
        return values.get(0);
    }

    private static boolean isOrdered(CustomValue value) {
        return value instanceof CustomValue.Number
                || value instanceof CustomValue.Date
                || value instanceof CustomValue.Timestamp
                || value instanceof CustomValue.Amount;
    }
}
