package io.crmkit.core.record;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A typed value of a custom field. The set of kinds is closed: in JSON each value carries a
 * {@code type} name from this list, and any other name is rejected rather than instantiated.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CustomValue.Text.class, name = "text"),
    @JsonSubTypes.Type(value = CustomValue.Number.class, name = "number"),
    @JsonSubTypes.Type(value = CustomValue.Flag.class, name = "flag"),
    @JsonSubTypes.Type(value = CustomValue.Date.class, name = "date"),
    @JsonSubTypes.Type(value = CustomValue.Timestamp.class, name = "timestamp"),
    @JsonSubTypes.Type(value = CustomValue.Amount.class, name = "amount"),
    @JsonSubTypes.Type(value = CustomValue.Choice.class, name = "choice"),
    @JsonSubTypes.Type(value = CustomValue.Choices.class, name = "choices")
})
public sealed interface CustomValue {
    /** Longest text a custom text value may hold. */
    int MAX_TEXT = 4000;

    /** Free text. @param value the text, at most 4000 characters */
    record Text(String value) implements CustomValue {
        /** Validates the text. */
        public Text {
            Checks.required("value", value);
            if (value.length() > MAX_TEXT) {
                Checks.text("value", value, MAX_TEXT);
            }
            Checks.noNul("value", value);
        }
    }

    /** An exact number. @param value the number */
    record Number(BigDecimal value) implements CustomValue {
        /** Validates the number. */
        public Number {
            Checks.required("value", value);
        }
    }

    /** A yes/no value. @param value the flag */
    record Flag(boolean value) implements CustomValue {}

    /** A calendar date. @param value the date */
    record Date(LocalDate value) implements CustomValue {
        /** Validates the date. */
        public Date {
            Checks.required("value", value);
        }
    }

    /** An instant. @param value the instant */
    record Timestamp(Instant value) implements CustomValue {
        /** Validates the instant. */
        public Timestamp {
            Checks.required("value", value);
        }
    }

    /** An amount of money. @param value the amount */
    record Amount(Money value) implements CustomValue {
        /** Validates the amount. */
        public Amount {
            Checks.required("value", value);
        }
    }

    /** One option of a pick list, by its code. @param value the option code */
    record Choice(String value) implements CustomValue {
        /** Validates the option code. */
        public Choice {
            Checks.text("value", value, 128);
        }
    }

    /** Several options of a pick list, by code. @param values the option codes, in order */
    record Choices(List<String> values) implements CustomValue {
        /** Validates and copies the option codes. */
        public Choices {
            values = Checks.list("values", values);
            for (String v : values) {
                Checks.text("values[]", v, 128);
            }
        }
    }
}
