package io.crmkit.rules.sales;

import io.crmkit.core.sales.Quote;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What {@link SalesConversions#opportunityToQuote} needs besides the opportunity: the new quote's
 * title and validity, and how its copied lines are repriced.
 *
 * @param title the quote's title, at most {@value Quote#MAX_TITLE} characters, or {@code null} for the
 *     opportunity's name
 * @param validUntil the last day the offer holds, not before today in the tenant's zone, or {@code null}
 * @param repricing new sales prices or line discounts by line number and a new whole-order discount;
 *     {@code null} means {@link Repricing#none()}
 */
public record QuoteDraft(
        @Size(max = Quote.MAX_TITLE) String title,
        LocalDate validUntil,
        Repricing repricing) {

    /** Strips the title (blank becomes {@code null}) and defaults the repricing to none. */
    public QuoteDraft {
        title = title == null || title.isBlank() ? null : title.strip();
        repricing = repricing == null ? Repricing.none() : repricing;
    }

    /** A draft taking the opportunity's name, open-ended, with the opportunity's prices. */
    public static QuoteDraft asIs() {
        return new QuoteDraft(null, null, Repricing.none());
    }

    /** A draft titled {@code title}, open-ended, with the opportunity's prices. */
    public static QuoteDraft titled(String title) {
        return new QuoteDraft(title, null, Repricing.none());
    }

    /** This draft valid until {@code validUntil}. */
    public QuoteDraft withValidUntil(LocalDate validUntil) {
        return new QuoteDraft(title, validUntil, repricing);
    }

    /** This draft with {@code repricing}. */
    public QuoteDraft withRepricing(Repricing repricing) {
        return new QuoteDraft(title, validUntil, repricing);
    }
}
