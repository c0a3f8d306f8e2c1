package io.crmkit.core.error;

/**
 * The stable, machine-readable codes every {@link CrmException} carries.
 *
 * <p>A code's {@link #code() string} never changes once released: hosts may switch on it, store it,
 * or map it to their own messages. The human messages for each code live in the resource bundle
 * {@code io.crmkit.core.error.CrmMessages} (English, and Simplified Chinese in {@code _zh}), keyed
 * by the code string.
 *
 * <p>Codes are grouped by area; each area keeps its codes together so the list reads as a catalogue.
 */
public enum ErrorCode {
    // --- generic kinds (one per exception type) ---
    /** One or more inputs were invalid; the exception lists every violation by field. */
    VALIDATION_FAILED("validation.failed"),
    /** The record does not exist in the caller's tenant. */
    NOT_FOUND("record.not-found"),
    /** The actor may not perform the action. */
    FORBIDDEN("actor.forbidden"),
    /** A business rule refused the change. */
    RULE_VIOLATED("rule.violated"),
    /** The record changed since it was read; reload and retry. */
    CONCURRENT_MODIFICATION("record.concurrent-modification"),
    /** The store could not be reached or failed transiently; retry later. */
    STORAGE_UNAVAILABLE("storage.unavailable"),
    /** A record with the same id (or the same unique key) already exists. */
    DUPLICATE_RECORD("record.duplicate"),

    // --- field violations (codes of single entries in a validation error) ---
    /** A required field is missing or blank. */
    FIELD_REQUIRED("field.required"),
    /** A field's value is malformed. */
    FIELD_INVALID("field.invalid"),
    /** A field's value is outside its allowed range. */
    FIELD_OUT_OF_RANGE("field.out-of-range"),
    /** A text field is longer than allowed. */
    FIELD_TOO_LONG("field.too-long"),
    /** A number that must not be negative is negative. */
    FIELD_NEGATIVE("field.negative"),
    /** A number that must be positive is zero or negative. */
    FIELD_NOT_POSITIVE("field.not-positive"),

    // --- money ---
    /** Amounts of different currencies were combined. */
    CURRENCY_MISMATCH("money.currency-mismatch"),
    /** An amount has more decimal places than its currency allows. */
    MONEY_SCALE_EXCEEDED("money.scale-exceeded"),
    /** A currency has no fixed minor unit (for example XAU, gold) and cannot carry money. */
    CURRENCY_UNSUPPORTED("money.currency-unsupported"),
    /** A discount multiplier is outside [0, 1]. */
    DISCOUNT_OUT_OF_RANGE("money.discount-out-of-range"),
    /** Percentages of a split do not add up to 100. */
    SPLIT_PERCENTAGES_NOT_100("money.split-percentages-not-100"),
    /** A rounding mode that is not allowed for money was configured. */
    ROUNDING_MODE_UNSUPPORTED("money.rounding-mode-unsupported"),

    // --- state machines ---
    /** The requested move is not allowed from the record's current state. */
    ILLEGAL_TRANSITION("state.illegal-transition"),
    /** A sales process is malformed (no stages, duplicate stage ids, bad win rate). */
    SALES_PROCESS_INVALID("sales-process.invalid"),
    /** A stage id is not part of the opportunity's sales process. */
    UNKNOWN_STAGE("sales-process.unknown-stage"),

    // --- payment ---
    /** A payment plan must belong to exactly one sales order or exactly one contract. */
    PAYMENT_PLAN_TARGET("payment.plan-target"),

    // --- leads, pools and conditions ---
    /**
     * A condition tree is malformed: a bad field name, the wrong number or type of values for its
     * operator, an empty group or too deep a nesting. Each violation names the exact problem.
     */
    CONDITION_INVALID("condition.invalid"),
    /**
     * Pool rules contradict each other: a recycle warning not before the recycle, two rules with one
     * id, conflicting return settings, extension days without extensions.
     */
    POOL_RULES_INVALID("pool.rules-invalid"),

    // --- sales ---
    /** A stored figure of a quote or order (subtotal, total, allocated line totals) is not what its parts add up to. */
    SALES_TOTAL_MISMATCH("sales.total-mismatch");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The stable code string, for example {@code money.currency-mismatch}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
