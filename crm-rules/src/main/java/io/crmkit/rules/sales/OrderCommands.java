package io.crmkit.rules.sales;

import io.crmkit.core.internal.Checks;
import io.crmkit.rules.internal.RulesContext;

/**
 * The sales order commands (销售订单).
 */
public final class OrderCommands {
    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public OrderCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }
}
