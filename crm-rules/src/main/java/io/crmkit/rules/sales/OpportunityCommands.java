package io.crmkit.rules.sales;

import io.crmkit.core.internal.Checks;
import io.crmkit.rules.internal.RulesContext;

/**
 * The opportunity commands (商机).
 */
public final class OpportunityCommands {
    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public OpportunityCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }
}
