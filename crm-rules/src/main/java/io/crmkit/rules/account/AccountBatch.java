package io.crmkit.rules.account;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.account.AccountId;
import jakarta.validation.constraints.Size;
import java.util.HashSet;
import java.util.List;

/**
 * A batch of accounts to give to members, as {@link AccountPoolCommands#assignBatch} and
 * {@link AccountPoolCommands#distribute} take it.
 *
 * @param accounts the accounts, in the order they are handed out: 1 to {@value #MAX_ACCOUNTS}, each once
 * @param members who receives them, in turn order: 1 to {@value #MAX_MEMBERS}, each once (one for
 *     an assignment to a single member)
 */
record AccountBatch(
        @Size(min = 1, max = AccountBatch.MAX_ACCOUNTS) List<AccountId> accounts,
        @Size(min = 1, max = AccountBatch.MAX_MEMBERS) List<UserId> members) {

    /** Most accounts in one batch. */
    static final int MAX_ACCOUNTS = 1000;

    /** Most members one batch is distributed among. */
    static final int MAX_MEMBERS = 1000;

    /**
     * Copies both lists; their sizes are content rules for
     * {@link io.crmkit.core.validation.CrmValidation}.
     *
     * @throws ValidationException if a list holds null or names a account or member twice
     */
    AccountBatch {
        accounts = Checks.list("accounts", accounts);
        members = Checks.list("members", members);
        if (new HashSet<>(accounts).size() != accounts.size()) {
            throw ValidationException.of("accounts", ErrorCode.FIELD_INVALID, "a account is listed twice");
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw ValidationException.of("members", ErrorCode.FIELD_INVALID, "a member is listed twice");
        }
    }
}
