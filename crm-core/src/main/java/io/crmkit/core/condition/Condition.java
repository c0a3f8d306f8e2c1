package io.crmkit.core.condition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.crmkit.core.record.CustomValue;
import java.util.List;

/**
 * A condition on a record's fields, as a tree of data: groups ({@link All}, {@link Any}),
 * negation ({@link Not}) and two kinds of leaf ({@link Compare}, {@link DaysSince}). Recycle
 * rules, reminder rules and filters are written with it, for example "level is A and no follow-up
 * for 15 days":
 *
 * <pre>{@code
 * Condition.all(
 *     Condition.eq("level", new CustomValue.Choice("A")),
 *     Condition.daysSince("lastFollowUpAt", 15))
 * }</pre>
 *
 * <p>The set of kinds is closed: in JSON each node carries a {@code type} ({@code all},
 * {@code any}, {@code not}, {@code compare}, {@code daysSince}), and any other type is rejected
 * rather than instantiated. Every node validates itself when built, so a stored tree is always
 * well formed; whether the named fields exist on a record type and have a matching type is checked
 * by the rules against the model and the tenant's custom field definitions.
 *
 * <h2>Semantics every interpreter must follow</h2>
 *
 * The rules module evaluates trees in memory and each store compiles them to its query language;
 * both must give the same answer, so the semantics are fixed here:
 *
 * <ul>
 *   <li>Logic is two-valued: every node is either true or false for a record, never "unknown".
 *       {@link Not} simply inverts its child. (A SQL compiler therefore has to turn SQL's
 *       {@code NULL} comparisons into false, for example with {@code COALESCE(..., FALSE)}.)
 *   <li>A {@link Compare} on a field without a value (null, or a custom field that is not set) is
 *       true only for {@link Operator#IS_NULL}; every other operator, {@code NE} and
 *       {@code NOT_IN} included, is false. So {@code not(eq(x, A))} matches records whose
 *       {@code x} is empty, while {@code ne(x, A)} does not.
 *   <li>{@link DaysSince} treats an empty field as matching (see there).
 *   <li>"N days" are calendar days in the tenant's time zone.
 * </ul>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = All.class, name = "all"),
    @JsonSubTypes.Type(value = Any.class, name = "any"),
    @JsonSubTypes.Type(value = Not.class, name = "not"),
    @JsonSubTypes.Type(value = Compare.class, name = "compare"),
    @JsonSubTypes.Type(value = DaysSince.class, name = "daysSince")
})
public sealed interface Condition permits All, Any, Not, Compare, DaysSince {
    /**
     * How deeply groups and negations may nest (a leaf is 1 level). Deeper trees are rejected: no
     * business rule needs them, and they would make compiled queries and recursive evaluators fragile.
     */
    int MAX_DEPTH = 32;

    /**
     * True when every one of {@code conditions} is true.
     *
     * @throws io.crmkit.core.error.ValidationException if there is none, or one is null
     */
    static Condition all(Condition... conditions) {
        return new All(List.of(conditions));
    }

    /**
     * True when every one of {@code conditions} is true.
     *
     * @throws io.crmkit.core.error.ValidationException if there is none, or one is null
     */
    static Condition all(List<Condition> conditions) {
        return new All(conditions);
    }

    /**
     * True when at least one of {@code conditions} is true.
     *
     * @throws io.crmkit.core.error.ValidationException if there is none, or one is null
     */
    static Condition any(Condition... conditions) {
        return new Any(List.of(conditions));
    }

    /**
     * True when at least one of {@code conditions} is true.
     *
     * @throws io.crmkit.core.error.ValidationException if there is none, or one is null
     */
    static Condition any(List<Condition> conditions) {
        return new Any(conditions);
    }

    /**
     * True when {@code condition} is false.
     *
     * @throws io.crmkit.core.error.ValidationException if it is null
     */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    /**
     * {@code field} equals {@code value}.
     *
     * @throws io.crmkit.core.error.ValidationException if the field name or value is invalid
     */
    static Condition eq(String field, CustomValue value) {
        return new Compare(field, Operator.EQ, single(value));
    }

    /**
     * {@code field} has a value and it differs from {@code value}.
     *
     * @throws io.crmkit.core.error.ValidationException if the field name or value is invalid
     */
    static Condition ne(String field, CustomValue value) {
        return new Compare(field, Operator.NE, single(value));
    }

    /**
     * {@code field} is greater than {@code value} (a number, date, timestamp or amount).
     *
     * @throws io.crmkit.core.error.ValidationException if the field name or value is invalid
     */
    static Condition gt(String field, CustomValue value) {
        return new Compare(field, Operator.GT, single(value));
    }

    /**
     * {@code field} is greater than or equal to {@code value} (a number, date, timestamp or amount).
     *
     * @throws io.crmkit.core.error.ValidationException if the field name or value is invalid
     */
    static Condition ge(String field, CustomValue value) {
        return new Compare(field, Operator.GE, single(value));
    }

    /**
     * {@code field} is less than {@code value} (a number, date, timestamp or amount).
     *
     * @throws io.crmkit.core.error.ValidationException if the field name or value is invalid
     */
    static Condition lt(String field, CustomValue value) {
        return new Compare(field, Operator.LT, single(value));
    }

    /**
     * {@code field} is less than or equal to {@code value} (a number, date, timestamp or amount).
     *
     * @throws io.crmkit.core.error.ValidationException if the field name or value is invalid
     */
    static Condition le(String field, CustomValue value) {
        return new Compare(field, Operator.LE, single(value));
    }

    /**
     * {@code field} equals one of {@code values}.
     *
     * @throws io.crmkit.core.error.ValidationException if the field name is invalid, there is no
     *     value, or the values are not all of one type
     */
    static Condition in(String field, CustomValue... values) {
        return new Compare(field, Operator.IN, List.of(values));
    }

    /**
     * {@code field} equals one of {@code values}.
     *
     * @throws io.crmkit.core.error.ValidationException if the field name is invalid, there is no
     *     value, or the values are not all of one type
     */
    static Condition in(String field, List<CustomValue> values) {
        return new Compare(field, Operator.IN, values);
    }

    /**
     * {@code field} has a value and it equals none of {@code values}.
     *
     * @throws io.crmkit.core.error.ValidationException if the field name is invalid, there is no
     *     value, or the values are not all of one type
     */
    static Condition notIn(String field, CustomValue... values) {
        return new Compare(field, Operator.NOT_IN, List.of(values));
    }

    /**
     * {@code field} has a value and it equals none of {@code values}.
     *
     * @throws io.crmkit.core.error.ValidationException if the field name is invalid, there is no
     *     value, or the values are not all of one type
     */
    static Condition notIn(String field, List<CustomValue> values) {
        return new Compare(field, Operator.NOT_IN, values);
    }

    /**
     * {@code field} has no value.
     *
     * @throws io.crmkit.core.error.ValidationException if the field name is invalid
     */
    static Condition isNull(String field) {
        return new Compare(field, Operator.IS_NULL, List.of());
    }

    /**
     * {@code field} has a value.
     *
     * @throws io.crmkit.core.error.ValidationException if the field name is invalid
     */
    static Condition isNotNull(String field) {
        return new Compare(field, Operator.IS_NOT_NULL, List.of());
    }

    /**
     * The text in {@code field} contains {@code text} literally (case-sensitive, no wildcards).
     *
     * @throws io.crmkit.core.error.ValidationException if the field name or text is invalid
     */
    static Condition contains(String field, String text) {
        return new Compare(field, Operator.CONTAINS, List.of(new CustomValue.Text(text)));
    }

    /**
     * At least {@code days} days have passed since the instant in {@code field}, or the field is
     * empty (a record never followed up counts as not followed up for any number of days).
     *
     * @throws io.crmkit.core.error.ValidationException if the field name is invalid or {@code days}
     *     is out of range
     */
    static Condition daysSince(String field, int days) {
        return new DaysSince(field, days);
    }

    private static List<CustomValue> single(CustomValue value) {
        // List.of would throw a NullPointerException; let Compare report the missing value instead.
        return value == null ? java.util.Collections.singletonList(null) : List.of(value);
    }
}
