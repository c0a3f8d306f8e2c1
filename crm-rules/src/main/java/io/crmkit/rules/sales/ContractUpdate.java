package io.crmkit.rules.sales;

import io.crmkit.core.money.Money;
import io.crmkit.core.sales.Contract;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What {@link ContractCommands#update} changes on a DRAFT contract. Every part left {@code null} keeps
 * the contract's value; a blank title clears the title.
 *
 * @param number the new contract number, 1 to {@value Contract#MAX_NUMBER} characters, unique in the
 *     tenant; null keeps it
 * @param title the new title, at most {@value Contract#MAX_TITLE} characters (blank clears it); null keeps it
 * @param startsOn the new first day of the period; null keeps it
 * @param endsOn the new last day of the period; null keeps it
 * @param amount the new agreed amount, zero or more, in the contract's currency; null keeps it
 */
public record ContractUpdate(
        @Size(min = 1, max = Contract.MAX_NUMBER) String number,
        @Size(max = Contract.MAX_TITLE) String title,
        LocalDate startsOn,
        LocalDate endsOn,
        Money amount) {

    /** Strips present texts, keeping a blank title blank (it means "clear"). */
    public ContractUpdate {
        number = number == null ? null : number.strip();
        title = title == null ? null : title.strip();
    }

    /** An update that changes nothing yet; add changes with the {@code with...} methods. */
    public static ContractUpdate none() {
        return new ContractUpdate(null, null, null, null, null);
    }

    /** This update also renumbering the contract. */
    public ContractUpdate withNumber(String number) {
        return new ContractUpdate(number, title, startsOn, endsOn, amount);
    }

    /** This update also setting the title (blank clears it). */
    public ContractUpdate withTitle(String title) {
        return new ContractUpdate(number, title, startsOn, endsOn, amount);
    }

    /** This update also setting the period. */
    public ContractUpdate withPeriod(LocalDate startsOn, LocalDate endsOn) {
        return new ContractUpdate(number, title, startsOn, endsOn, amount);
    }

    /** This update also setting the agreed amount. */
    public ContractUpdate withAmount(Money amount) {
        return new ContractUpdate(number, title, startsOn, endsOn, amount);
    }
}
