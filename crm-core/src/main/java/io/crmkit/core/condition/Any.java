package io.crmkit.core.condition;

import io.crmkit.core.internal.Checks;
import java.util.List;

/**
 * True when at least one child condition is true.
 *
 * @param conditions the children, at least one, in the order given (order never changes the result,
 *     but is kept so an editor shows the rule as written)
 */
public record Any(List<Condition> conditions) implements Condition {
    /**
     * Validates and copies the children.
     *
     * @throws io.crmkit.core.error.ValidationException if there is no child, a child is null, or
     *     the tree would nest deeper than {@link Condition#MAX_DEPTH}
     */
    public Any {
        conditions = Checks.list("conditions", conditions);
        if (conditions.isEmpty()) {
            throw ConditionChecks.invalid("conditions", "empty-group", "any");
        }
        ConditionChecks.requireDepth("conditions", conditions);
    }
}
