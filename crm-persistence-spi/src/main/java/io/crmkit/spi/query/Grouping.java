package io.crmkit.spi.query;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.crmkit.core.condition.FieldNames;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.time.PeriodUnit;

/**
 * One key an aggregate groups by: a field's value, or the calendar period of a date or instant field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Grouping.ByField.class, name = "field"),
    @JsonSubTypes.Type(value = Grouping.ByPeriod.class, name = "period")
})
public sealed interface Grouping {
    /** The field the grouping reads. */
    String field();

    /** Group by the field's value. */
    static Grouping by(String field) {
        return new ByField(field);
    }

    /** Group by the calendar period (in the tenant's zone) of a date or instant field. */
    static Grouping byPeriod(String field, PeriodUnit unit) {
        return new ByPeriod(field, unit);
    }

    /**
     * Group by a field's value. The key is the value's text, the same in every store: an enum's name;
     * an id's value; text as it is; a number by value, as a plain decimal without trailing zeros
     * ({@code 2} and {@code 2.00} are one group, key {@code 2}); a flag {@code true} or
     * {@code false}; a date as {@code yyyy-MM-dd}; an instant as ISO-8601 in UTC
     * ({@link java.time.Instant#toString()}); money as currency code, space, amount at the currency's
     * scale ({@code CNY 100.00}); several pick-list options joined with {@code ,} in their stored
     * order. Null when the field is empty.
     *
     * @param field a standard field name or {@code custom.<name>}
     */
    record ByField(String field) implements Grouping {
        /** Checks the field name. */
        public ByField {
            FieldNames.require("field", field);
        }
    }

    /**
     * Group by the calendar period of a date or instant field; the key is the period's text (see
     * {@link PeriodUnit}), null when the field is empty.
     *
     * @param field a date or instant field
     * @param unit the period length
     */
    record ByPeriod(String field, PeriodUnit unit) implements Grouping {
        /** Checks both parts. */
        public ByPeriod {
            FieldNames.require("field", field);
            Checks.required("unit", unit);
        }
    }
}
