package io.crmkit.rules.product;

import io.crmkit.core.internal.Checks;
import io.crmkit.rules.internal.RulesContext;

/**
 * The product catalogue (产品).
 */
public final class ProductCatalogue {
    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public ProductCatalogue(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }
}
