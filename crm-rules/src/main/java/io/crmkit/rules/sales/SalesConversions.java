package io.crmkit.rules.sales;

import io.crmkit.core.internal.Checks;
import io.crmkit.rules.internal.RulesContext;

/**
 * Conversions between sales documents: opportunity → quote, quote → order, quote → contract, contract → order.
 */
public final class SalesConversions {
    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public SalesConversions(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }
}
