package io.crmkit.rules.sales;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.money.Money;
import io.crmkit.core.sales.Contract;
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
 * What {@link ContractCommands#create} needs to create a contract directly (not from a quote). Texts
 * are stripped and a blank title becomes null.
 *
 * <p>The contract amount is what was agreed: required when there are no lines; with lines and no
 * amount it is the lines' subtotal; an explicit amount may differ from the lines.
 *
 * @param account the buying account; required
 * @param number the contract number, 1 to {@value Contract#MAX_NUMBER} characters, unique in the tenant
 * @param title the title, at most {@value Contract#MAX_TITLE} characters, or {@code null}
 * @param currency the contract's currency, or {@code null} for the tenant's
 * @param lines product lines (products on shelf), or {@code null} / empty for none
 * @param amount the agreed amount, zero or more, in the contract's currency; {@code null} only with lines
 * @param startsOn the first day of the period, or {@code null} while not agreed
 * @param endsOn the last day of the period, not before {@code startsOn}, or {@code null}
 */
public record NewContract(
        @NotNull AccountId account,
        @NotBlank @Size(max = Contract.MAX_NUMBER) String number,
        @Size(max = Contract.MAX_TITLE) String title,
        Currency currency,
        @Valid List<LineInput> lines,
        Money amount,
        LocalDate startsOn,
        LocalDate endsOn) {

    /** Strips the texts and copies the lines. */
    public NewContract {
        number = number == null ? null : number.strip();
        title = title == null || title.isBlank() ? null : title.strip();
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    /** A contract numbered {@code number} for {@code account} over {@code amount}, no lines, no period yet. */
    public static NewContract of(AccountId account, String number, Money amount) {
        return new NewContract(account, number, null, amount == null ? null : amount.currency(), null, amount, null, null);
    }

    /** This contract titled {@code title}. */
    public NewContract withTitle(String title) {
        return new NewContract(account, number, title, currency, lines, amount, startsOn, endsOn);
    }

    /** This contract over the period {@code startsOn} to {@code endsOn} (both days included). */
    public NewContract withPeriod(LocalDate startsOn, LocalDate endsOn) {
        return new NewContract(account, number, title, currency, lines, amount, startsOn, endsOn);
    }

    /** This contract with {@code lines}. */
    public NewContract withLines(List<LineInput> lines) {
        return new NewContract(account, number, title, currency, lines, amount, startsOn, endsOn);
    }

    /** This contract over {@code amount} ({@code null}: the lines' subtotal). */
    public NewContract withAmount(Money amount) {
        return new NewContract(account, number, title, currency, lines, amount, startsOn, endsOn);
    }

    /** This contract in {@code currency}. */
    public NewContract inCurrency(Currency currency) {
        return new NewContract(account, number, title, currency, lines, amount, startsOn, endsOn);
    }
}
