package io.crmkit.rules.sales;

import io.crmkit.core.sales.Contract;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What {@link SalesConversions#quoteToContract} needs besides the quote: the contract's number, title
 * and period, and how the copied lines are repriced.
 *
 * @param number the contract number, unique in the tenant, 1 to {@value Contract#MAX_NUMBER} characters
 * @param title the contract's title, at most {@value Contract#MAX_TITLE} characters, or {@code null} for
 *     the quote's title
 * @param startsOn the first day of the contract period, or {@code null} while not agreed
 * @param endsOn the last day of the period, not before {@code startsOn}, or {@code null}
 * @param repricing new sales prices or line discounts by line number and a new whole-order discount;
 *     {@code null} means {@link Repricing#none()}
 */
public record ContractDraft(
        @NotBlank @Size(max = Contract.MAX_NUMBER) String number,
        @Size(max = Contract.MAX_TITLE) String title,
        LocalDate startsOn,
        LocalDate endsOn,
        Repricing repricing) {

    /** Strips the texts (blank becomes {@code null}) and defaults the repricing to none. */
    public ContractDraft {
        number = number == null || number.isBlank() ? null : number.strip();
        title = title == null || title.isBlank() ? null : title.strip();
        repricing = repricing == null ? Repricing.none() : repricing;
    }

    /** A contract numbered {@code number}, titled like the quote, without period, at the quote's prices. */
    public static ContractDraft numbered(String number) {
        return new ContractDraft(number, null, null, null, Repricing.none());
    }

    /** This draft titled {@code title}. */
    public ContractDraft withTitle(String title) {
        return new ContractDraft(number, title, startsOn, endsOn, repricing);
    }

    /** This draft running from {@code startsOn} to {@code endsOn} (inclusive). */
    public ContractDraft withPeriod(LocalDate startsOn, LocalDate endsOn) {
        return new ContractDraft(number, title, startsOn, endsOn, repricing);
    }

    /** This draft with {@code repricing}. */
    public ContractDraft withRepricing(Repricing repricing) {
        return new ContractDraft(number, title, startsOn, endsOn, repricing);
    }
}
