package io.crmkit.core.condition;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordFields;
import io.crmkit.core.record.RecordId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

/**
 * Evaluates a {@link Condition} against a model record in memory: the interpreter the in-memory
 * store and dry runs use. It follows the semantics fixed on {@link Condition} (two-valued logic,
 * an empty field true only for {@code IS_NULL}, an empty field matching {@link DaysSince}, days
 * counted in the tenant's zone); a store's query compiler must give the same answers.
 *
 * <h2>How values compare</h2>
 *
 * Field values and condition values are first brought to one of six kinds:
 * <ul>
 *   <li><b>text</b>: a {@code String}, an enum's {@code name()}, a typed id's {@code value()}, a
 *       currency's code, a {@link CustomValue.Text} or {@link CustomValue.Choice}. {@code EQ},
 *       {@code NE}, {@code IN} and {@code NOT_IN} compare exactly and case-sensitively;
 *       {@code CONTAINS} is a literal, case-sensitive substring test. Text has no order.
 *   <li><b>number</b>: {@code BigDecimal}, {@code BigInteger}, {@code int}, {@code long} and their
 *       boxes, {@link CustomValue.Number}; compared by value, so {@code 2.0} equals {@code 2}.
 *   <li><b>flag</b>, <b>date</b> ({@code LocalDate}), <b>timestamp</b> ({@code Instant}); dates and
 *       timestamps are ordered.
 *   <li><b>amount</b> ({@link Money}): ordered and equal only within one currency. Amounts of
 *       different currencies are not comparable: every operator but {@code IS_NULL} and
 *       {@code IS_NOT_NULL} is false for them, {@code NE} and {@code NOT_IN} included.
 * </ul>
 * A value of one kind never equals, differs from or orders against a value of another kind: such a
 * comparison is false, {@code NE} and {@code NOT_IN} included, exactly like a comparison with an
 * empty field. {@link #check} rejects such conditions on standard fields; a custom field's kind is
 * known only per record, so there a custom value of another kind than the condition's (say text in
 * {@code custom.budget} compared with a number) simply does not match.
 *
 * <p>A {@link CustomValue.Choices} custom field (several pick-list options) is a set: {@code EQ} and
 * {@code IN} are true when any of its options equals a value, {@code NE} and {@code NOT_IN} when
 * none does; an empty {@code Choices} is a value (not empty in the {@code IS_NULL} sense) that
 * equals nothing. A {@code Choices} condition value compares with nothing ({@link #check} rejects it).
 *
 * <p>{@code NOT_IN} is true exactly when {@code NE} holds for every one of its values, {@code IN}
 * when {@code EQ} holds for one of them.
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {}

    /**
     * Whether {@code record} satisfies {@code condition}.
     *
     * @param condition the condition; null matches every record
     * @param record the record to test
     * @param now the current instant, for {@link DaysSince}
     * @param zone the tenant's time zone, in which {@link DaysSince} counts calendar days
     * @return true when the record satisfies the condition
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a null record, instant or
     *     zone, or with {@link ErrorCode#CONDITION_INVALID} when the condition names a standard field
     *     the record does not have ({@link #check} finds that before any record is read)
     * @throws io.crmkit.core.error.CrmException with {@link ErrorCode#FIELD_INVALID} if a field's
     *     accessor cannot be invoked
     */
    public static boolean matches(Condition condition, Record record, Instant now, ZoneId zone) {
        Checks.required("record", record);
        Checks.required("now", now);
        Checks.required("zone", zone);
        return condition == null || evaluate(condition, record, now, zone);
    }

    /**
     * Checks that {@code condition} can be evaluated against records of {@code type}: every field
     * exists, can be compared, and is compared with values of its kind by operators its kind has.
     * Custom fields are checked only for names; their values are checked per record when evaluated
     * (see the type's documentation).
     *
     * @param condition the condition; null (match everything) is always fine
     * @param type the record type the condition will be evaluated against
     * @throws ValidationException with {@link ErrorCode#CONDITION_INVALID}, one violation per
     *     problem, each at the path of the offending node's part ({@code conditions[1].condition.field},
     *     {@code values}): an unknown field, a field conditions cannot compare (a list, a nested
     *     record), a value of another kind than the field's, an ordering operator on text or flags,
     *     {@code CONTAINS} on a non-text field, {@code daysSince} on a field that is neither a date nor
     *     a timestamp, or a {@code choices} condition value; or with {@link ErrorCode#FIELD_REQUIRED}
     *     for a null type
     */
    public static void check(Condition condition, Class<? extends Record> type) {
        Checks.required("type", type);
        if (condition != null) {
            ConditionKindCheck.check(condition, type);
        }
    }

    private static boolean evaluate(Condition condition, Record record, Instant now, ZoneId zone) {
        if (condition instanceof Compare compare) {
            return compare(compare, RecordFields.value(record, compare.field()));
        }
        if (condition instanceof DaysSince daysSince) {
            return daysSince(daysSince, RecordFields.value(record, daysSince.field()), now, zone);
        }
        if (condition instanceof Not not) {
            return !evaluate(not.condition(), record, now, zone);
        }
        if (condition instanceof All all) {
            for (Condition child : all.conditions()) {
                if (!evaluate(child, record, now, zone)) {
                    return false;
                }
            }
            return true;
        }
        Any any = (Any) condition; // the interface is sealed: Any is the only kind left
        for (Condition child : any.conditions()) {
            if (evaluate(child, record, now, zone)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(Compare compare, Object raw) {
        Object field = normalize(raw);
        Operator op = compare.op();
        if (op == Operator.IS_NULL) {
            return field == null;
        }
        if (field == null) {
            return false;
        }
        List<CustomValue> values = compare.values();
        return switch (op) {
            case IS_NULL -> false; // handled above: the field has a value here
            case IS_NOT_NULL -> true;
            case EQ -> equal(field, normalize(values.get(0)));
            case NE -> differ(field, normalize(values.get(0)));
            case IN -> anyEqual(field, values);
            case NOT_IN -> allDiffer(field, values);
            case CONTAINS -> field instanceof String text && normalize(values.get(0)) instanceof String part
                    && text.contains(part);
            case GT -> {
                Integer order = order(field, normalize(values.get(0)));
                yield order != null && order > 0;
            }
            case GE -> {
                Integer order = order(field, normalize(values.get(0)));
                yield order != null && order >= 0;
            }
            case LT -> {
                Integer order = order(field, normalize(values.get(0)));
                yield order != null && order < 0;
            }
            case LE -> {
                Integer order = order(field, normalize(values.get(0)));
                yield order != null && order <= 0;
            }
        };
    }

    private static boolean anyEqual(Object field, List<CustomValue> values) {
        for (CustomValue value : values) {
            if (equal(field, normalize(value))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDiffer(Object field, List<CustomValue> values) {
        for (CustomValue value : values) {
            if (!differ(field, normalize(value))) {
                return false;
            }
        }
        return true;
    }

    private static boolean daysSince(DaysSince condition, Object raw, Instant now, ZoneId zone) {
        // DaysSince documents that 0 days matches every record, a value in the future included.
        if (condition.days() == 0) {
            return true;
        }
        Object value = normalize(raw);
        if (value == null) {
            return true;
        }
        LocalDate since;
        if (value instanceof LocalDate date) {
            since = date;
        } else if (value instanceof Instant instant) {
            since = LocalDate.ofInstant(instant, zone);
        } else {
            return false; // a custom field holding something other than a date or timestamp
        }
        return ChronoUnit.DAYS.between(since, LocalDate.ofInstant(now, zone)) >= condition.days();
    }

    // ------------------------------------------------------------------ values

    /** Marks a record value of a kind conditions cannot compare (a list, a nested record). */
    private static final Object INCOMPARABLE = new Object();

    /**
     * The comparable form of a field or condition value: String, BigDecimal, Boolean, LocalDate,
     * Instant, Money, a List of option codes for Choices, {@link #INCOMPARABLE}, or null when empty.
     */
    static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof BigDecimal || value instanceof Boolean
                || value instanceof Instant || value instanceof LocalDate || value instanceof Money) {
            return value;
        }
        if (value instanceof CustomValue custom) {
            return unwrap(custom);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof RecordId id) {
            return id.value();
        }
        if (value instanceof Currency currency) {
            return currency.getCurrencyCode();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        return INCOMPARABLE;
    }

    private static Object unwrap(CustomValue value) {
        if (value instanceof CustomValue.Text text) {
            return text.value();
        }
        if (value instanceof CustomValue.Choice choice) {
            return choice.value();
        }
        if (value instanceof CustomValue.Number number) {
            return number.value();
        }
        if (value instanceof CustomValue.Flag flag) {
            return flag.value();
        }
        if (value instanceof CustomValue.Date date) {
            return date.value();
        }
        if (value instanceof CustomValue.Timestamp timestamp) {
            return timestamp.value();
        }
        if (value instanceof CustomValue.Amount amount) {
            return amount.value();
        }
        return ((CustomValue.Choices) value).values(); // sealed: Choices is the only kind left
    }

    /** Whether the two normalised values are of one kind (and for amounts, one currency). */
    private static boolean comparable(Object field, Object value) {
        if (field == INCOMPARABLE || value == INCOMPARABLE || field instanceof List || value instanceof List) {
            return false;
        }
        if (field instanceof Money a) {
            return value instanceof Money b && a.currency().equals(b.currency());
        }
        return field.getClass() == value.getClass();
    }

    private static boolean equal(Object field, Object value) {
        if (field instanceof List<?> options) {
            return value instanceof String && options.contains(value);
        }
        if (!comparable(field, value)) {
            return false;
        }
        if (field instanceof BigDecimal a) {
            return a.compareTo((BigDecimal) value) == 0;
        }
        if (field instanceof Money a) {
            return a.amount().compareTo(((Money) value).amount()) == 0;
        }
        return field.equals(value);
    }

    private static boolean differ(Object field, Object value) {
        if (field instanceof List<?> options) {
            return value instanceof String && !options.contains(value);
        }
        return comparable(field, value) && !equal(field, value);
    }

    /** The order of two values of one ordered kind (and one currency); null when they have no common order. */
    private static Integer order(Object field, Object value) {
        if (!comparable(field, value)) {
            return null;
        }
        if (field instanceof BigDecimal a) {
            return a.compareTo((BigDecimal) value);
        }
        if (field instanceof LocalDate a) {
            return a.compareTo((LocalDate) value);
        }
        if (field instanceof Instant a) {
            return a.compareTo((Instant) value);
        }
        if (field instanceof Money a) {
            return a.amount().compareTo(((Money) value).amount());
        }
        return null; // text and flags have no order
    }
}
