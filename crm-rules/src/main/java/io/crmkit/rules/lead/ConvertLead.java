package io.crmkit.rules.lead;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Money;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.validation.NonNegativeMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * How {@link LeadConversion#convert} converts a lead: into a new account or an existing one, and
 * whether it also opens an opportunity. Build it with {@link #toNewAccount()},
 * {@link #toExistingAccount(AccountId)} and {@link #withOpportunity}.
 *
 * @param existingAccount the tenant's account to convert into, or null for a new account
 * @param accountName the new account's name, at most 200 characters, or null for the lead's company;
 *     only for a new account
 * @param opportunity the opportunity to open, or null for none
 */
public record ConvertLead(
        AccountId existingAccount,
        @Size(max = 200) String accountName,
        @Valid OpportunityDraft opportunity) {

    /**
     * Strips the account name and checks that it is given only for a new account.
     *
     * @throws ValidationException on {@code accountName} if it is given with an existing account
     */
    public ConvertLead {
        accountName = accountName == null || accountName.isBlank() ? null : accountName.strip();
        if (existingAccount != null && accountName != null) {
            throw ValidationException.of("accountName", ErrorCode.FIELD_INVALID,
                    "an existing account keeps its name; give a name only for a new account");
        }
    }

    /** Into a new account named after the lead's company, without an opportunity. */
    public static ConvertLead toNewAccount() {
        return new ConvertLead(null, null, null);
    }

    /** Into a new account named {@code accountName}, without an opportunity. */
    public static ConvertLead toNewAccount(String accountName) {
        return new ConvertLead(null, accountName, null);
    }

    /**
     * Into the tenant's existing account {@code account}, without an opportunity.
     *
     * @throws ValidationException if {@code account} is null
     */
    public static ConvertLead toExistingAccount(AccountId account) {
        if (account == null) {
            throw ValidationException.of("existingAccount", ErrorCode.FIELD_REQUIRED);
        }
        return new ConvertLead(account, null, null);
    }

    /** This conversion also opening {@code opportunity}. */
    public ConvertLead withOpportunity(OpportunityDraft opportunity) {
        return new ConvertLead(existingAccount, accountName, opportunity);
    }

    /**
     * The opportunity a conversion opens, at the first stage of the default sales process.
     *
     * @param name the opportunity's name, 1 to {@value Opportunity#MAX_NAME} characters
     * @param amount the expected amount, zero or more; its currency is the opportunity's
     * @param expectedCloseDate when the deal is expected to close, or null
     */
    public record OpportunityDraft(
            @NotBlank @Size(max = Opportunity.MAX_NAME) String name,
            @NotNull @NonNegativeMoney Money amount,
            LocalDate expectedCloseDate) {

        /** Strips the name; the rest is checked with every other violation when the command runs. */
        public OpportunityDraft {
            name = name == null ? null : name.strip();
        }
    }
}
