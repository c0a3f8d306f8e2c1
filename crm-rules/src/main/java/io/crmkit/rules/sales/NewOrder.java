package io.crmkit.rules.sales;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.sales.OpportunityId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * What {@link OrderCommands#create} needs to create a sales order directly (not converted from a
 * quote or a contract). The caller names products, quantities and prices; every amount and total is
 * computed by the library.
 *
 * @param account the buying account; required
 * @param currency the order's currency, or {@code null} for the tenant's currency
 * @param lines the product lines, at least one; priced with the tenant's policy, products on shelf
 * @param wholeOrderDiscount the discount on the whole order (整单折扣), or {@code null} for none
 * @param opportunity the opportunity the order comes from, or {@code null}; it must belong to
 *     {@code account}
 */
public record NewOrder(
        @NotNull AccountId account,
        Currency currency,
        @NotEmpty @Valid List<LineInput> lines,
        Discount wholeOrderDiscount,
        OpportunityId opportunity) {

    /** Copies the lines (keeping null entries, which the command reports) and defaults the discount. */
    public NewOrder {
        lines = lines == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(lines));
        wholeOrderDiscount = wholeOrderDiscount == null ? Discount.NONE : wholeOrderDiscount;
    }

    /** An order of {@code lines} for {@code account} in the tenant's currency, no discount, no opportunity. */
    public static NewOrder of(AccountId account, List<LineInput> lines) {
        return new NewOrder(account, null, lines, null, null);
    }

    /** This order in {@code currency}. */
    public NewOrder inCurrency(Currency currency) {
        return new NewOrder(account, currency, lines, wholeOrderDiscount, opportunity);
    }

    /** This order with {@code discount} on the whole order. */
    public NewOrder withDiscount(Discount discount) {
        return new NewOrder(account, currency, lines, discount, opportunity);
    }

    /** This order made from {@code opportunity}. */
    public NewOrder fromOpportunity(OpportunityId opportunity) {
        return new NewOrder(account, currency, lines, wholeOrderDiscount, opportunity);
    }
}
