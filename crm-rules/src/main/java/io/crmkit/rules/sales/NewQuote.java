package io.crmkit.rules.sales;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.Quote;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/**
 * What {@link QuoteCommands#create} needs to create a quote. There is no field for a line amount, a
 * subtotal or a total: the library computes every figure from the lines with the core math.
 *
 * @param accountId the account the offer is made to; required
 * @param opportunityId the opportunity the quote belongs to, or {@code null}; it must be of the same account
 * @param title the quote's title, 1 to {@value Quote#MAX_TITLE} characters
 * @param currency the quote's currency, or {@code null} for the opportunity's currency (with an
 *     opportunity) or the tenant's
 * @param lines the product lines as the caller asks for them; {@code null} means none
 * @param wholeOrderDiscount the discount on the whole quote, or {@code null} for none
 * @param validUntil the last day the offer holds, not before today in the tenant's zone, or {@code null}
 */
public record NewQuote(
        @NotNull AccountId accountId,
        OpportunityId opportunityId,
        @NotBlank @Size(max = Quote.MAX_TITLE) String title,
        Currency currency,
        List<@Valid LineInput> lines,
        Discount wholeOrderDiscount,
        LocalDate validUntil) {

    /** Strips the title and defaults the lines (none) and the whole-order discount ({@link Discount#NONE}). */
    public NewQuote {
        title = title == null || title.isBlank() ? null : title.strip();
        // nulls inside the list are kept so the command can report them by position
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
        wholeOrderDiscount = wholeOrderDiscount == null ? Discount.NONE : wholeOrderDiscount;
    }

    /** An empty quote titled {@code title} for {@code account}, in the tenant's currency, without opportunity. */
    public static NewQuote of(AccountId account, String title) {
        return new NewQuote(account, null, title, null, List.of(), null, null);
    }

    /** This quote for {@code opportunity}. */
    public NewQuote withOpportunity(OpportunityId opportunity) {
        return new NewQuote(accountId, opportunity, title, currency, lines, wholeOrderDiscount, validUntil);
    }

    /** This quote in {@code currency}. */
    public NewQuote withCurrency(Currency currency) {
        return new NewQuote(accountId, opportunityId, title, currency, lines, wholeOrderDiscount, validUntil);
    }

    /** This quote with {@code lines}. */
    public NewQuote withLines(List<LineInput> lines) {
        return new NewQuote(accountId, opportunityId, title, currency, lines, wholeOrderDiscount, validUntil);
    }

    /** This quote with {@code lines}. */
    public NewQuote withLines(LineInput... lines) {
        return withLines(List.of(lines));
    }

    /** This quote with {@code discount} on the whole quote. */
    public NewQuote withWholeOrderDiscount(Discount discount) {
        return new NewQuote(accountId, opportunityId, title, currency, lines, discount, validUntil);
    }

    /** This quote valid until {@code validUntil} (inclusive). */
    public NewQuote withValidUntil(LocalDate validUntil) {
        return new NewQuote(accountId, opportunityId, title, currency, lines, wholeOrderDiscount, validUntil);
    }
}
