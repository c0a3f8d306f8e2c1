package io.crmkit.core.error;

import java.util.Objects;

/**
 * A business rule refused the change; nothing was changed. Carries which rule and, where the rule
 * is a limit, the limit that would have been exceeded, so a host can tell its user exactly why.
 */
public class RuleViolationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String rule;
    private final transient Object limit;

    /**
     * A violation of {@code rule} with the generic message.
     *
     * @param rule a stable name of the rule, for example {@code pool.holding-limit}
     * @param limit the limit that applied, or {@code null} when the rule is not a limit
     * @param detail an English explanation for logs
     */
    public RuleViolationException(String rule, Object limit, String detail) {
        super(ErrorCode.RULE_VIOLATED, null, rule, limit == null ? "-" : limit, detail);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.limit = limit;
    }

    /**
     * For subtypes with a more specific code and message.
     *
     * @param code the stable code
     * @param rule a stable name of the rule
     * @param limit the limit that applied, or {@code null}
     * @param arguments the message's placeholder values
     */
    protected RuleViolationException(ErrorCode code, String rule, Object limit, Object... arguments) {
        super(code, null, arguments);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.limit = limit;
    }

    /** The stable name of the rule that said no. */
    public String rule() {
        return rule;
    }

    /** The limit that would have been exceeded, or {@code null} when the rule is not a limit. */
    public Object limit() {
        return limit;
    }
}
