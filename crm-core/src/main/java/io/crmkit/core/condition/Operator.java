package io.crmkit.core.condition;

/**
 * How a {@link Compare} relates a field to its values. Each operator takes a fixed number of
 * values ({@link #minValues()} to {@link #maxValues()}); on a field without a value every operator
 * except {@link #IS_NULL} is false (see {@link Condition}).
 */
public enum Operator {
    /** Equal to the one value. */
    EQ(1, 1),
    /** Not equal to the one value (false when the field is empty). */
    NE(1, 1),
    /** Greater than the one value; needs a number, date, timestamp or amount. */
    GT(1, 1),
    /** Greater than or equal to the one value; needs a number, date, timestamp or amount. */
    GE(1, 1),
    /** Less than the one value; needs a number, date, timestamp or amount. */
    LT(1, 1),
    /** Less than or equal to the one value; needs a number, date, timestamp or amount. */
    LE(1, 1),
    /** Equal to one of the values (one or more, of one type). */
    IN(1, Compare.MAX_VALUES),
    /** Equal to none of the values (one or more, of one type; false when the field is empty). */
    NOT_IN(1, Compare.MAX_VALUES),
    /** The field has no value; takes no values. */
    IS_NULL(0, 0),
    /** The field has a value; takes no values. */
    IS_NOT_NULL(0, 0),
    /** The field's text contains the one text value literally: case-sensitive, no wildcards. */
    CONTAINS(1, 1);

    private final int minValues;
    private final int maxValues;

    Operator(int minValues, int maxValues) {
        this.minValues = minValues;
        this.maxValues = maxValues;
    }

    /** The fewest values the operator takes. */
    public int minValues() {
        return minValues;
    }

    /** The most values the operator takes. */
    public int maxValues() {
        return maxValues;
    }

    /** Whether the operator compares order (GT, GE, LT, LE), which only some value types have. */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }
}
