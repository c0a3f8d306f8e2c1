package io.crmkit.rules.account;

import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;

/**
 * What happened to one account of a batch assignment or distribution: assigned (the stored account) or
 * rejected (why, as the single command would have thrown it; nothing changed for that account).
 *
 * @param accountId the account
 * @param account the account as stored after the assignment, or null when rejected
 * @param rejection why the account was not assigned, or null when assigned: a
 *     {@link io.crmkit.core.error.RuleViolationException} (its {@code rule()}, for example
 *     {@code pool.holding-limit}), a {@link io.crmkit.core.error.ForbiddenException}, or a
 *     {@link io.crmkit.core.error.NotFoundException}
 */
public record AccountBatchOutcome(AccountId accountId, Account account, CrmException rejection) {
    /**
     * Requires the id and exactly one of account and rejection.
     *
     * @throws ValidationException otherwise
     */
    public AccountBatchOutcome {
        Checks.required("accountId", accountId);
        if ((account == null) == (rejection == null)) {
            throw ValidationException.of("account", ErrorCode.FIELD_INVALID,
                    "an outcome is either the assigned account or the rejection, exactly one");
        }
    }

    /** An assigned account. */
    static AccountBatchOutcome assigned(Account stored) {
        return new AccountBatchOutcome(stored.id(), stored, null);
    }

    /** A rejected account. */
    static AccountBatchOutcome rejected(AccountId id, CrmException why) {
        return new AccountBatchOutcome(id, null, why);
    }

    /** Whether the account was assigned. */
    public boolean isAssigned() {
        return account != null;
    }

    /** Who the account was assigned to, or null when it was rejected. */
    public UserId assignee() {
        return account == null ? null : account.owner();
    }
}
