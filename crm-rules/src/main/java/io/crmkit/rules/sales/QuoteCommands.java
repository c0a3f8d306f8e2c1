package io.crmkit.rules.sales;

import io.crmkit.core.internal.Checks;
import io.crmkit.rules.internal.RulesContext;

/**
 * The quote commands (报价单).
 */
public final class QuoteCommands {
    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public QuoteCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }
}
