package io.crmkit.core.condition;

import io.crmkit.core.internal.Checks;
import java.util.List;

/**
 * True when the child condition is false. Logic is two-valued (see {@link Condition}), so
 * {@code not(eq(x, A))} also matches records whose {@code x} is empty.
 *
 * @param condition the negated condition
 */
public record Not(Condition condition) implements Condition {
    /**
     * Validates the child.
     *
     * @throws io.crmkit.core.error.ValidationException if it is null, or the tree would nest deeper
     *     than {@link Condition#MAX_DEPTH}
     */
    public Not {
        Checks.required("condition", condition);
        ConditionChecks.requireDepth("condition", List.of(condition));
    }
}
