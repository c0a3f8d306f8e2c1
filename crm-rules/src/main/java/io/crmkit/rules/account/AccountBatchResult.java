package io.crmkit.rules.account;

import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.account.Account;
import java.util.List;

/**
 * What a batch assignment or distribution did: one outcome per account, in the order the accounts were
 * given. The assigned accounts were written in one transaction; the rejected ones are unchanged.
 *
 * @param outcomes one per account, in input order
 */
public record AccountBatchResult(List<AccountBatchOutcome> outcomes) {
    /** Copies the outcomes. */
    public AccountBatchResult {
        outcomes = Checks.list("outcomes", outcomes);
    }

    /** The accounts assigned, as stored, in input order. */
    public List<Account> assigned() {
        return outcomes.stream().filter(AccountBatchOutcome::isAssigned).map(AccountBatchOutcome::account).toList();
    }

    /** The outcomes of the accounts not assigned, in input order. */
    public List<AccountBatchOutcome> rejected() {
        return outcomes.stream().filter(o -> !o.isAssigned()).toList();
    }

    /** The accounts assigned to {@code member}, in input order. */
    public List<Account> assignedTo(UserId member) {
        return assigned().stream().filter(account -> member.equals(account.owner())).toList();
    }
}
