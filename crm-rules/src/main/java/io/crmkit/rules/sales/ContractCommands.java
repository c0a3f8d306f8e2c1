package io.crmkit.rules.sales;

import io.crmkit.core.internal.Checks;
import io.crmkit.rules.internal.RulesContext;

/**
 * The contract commands (销售合同).
 */
public final class ContractCommands {
    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public ContractCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }
}
