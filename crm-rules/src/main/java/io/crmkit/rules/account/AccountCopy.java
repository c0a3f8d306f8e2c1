package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.internal.Checks;
import io.crmkit.rules.duplicate.DuplicateMatch;
import java.util.List;

/**
 * What {@link AccountCommands#copy} made: the new account, and the likely duplicates the tenant's
 * duplicate policy reports as warnings (empty under ALLOW, or when nothing matched).
 *
 * @param account the new account, as stored
 * @param warnings the existing accounts the copy probably duplicates, under a WARN policy (or weak
 *     matches under BLOCK); never null
 */
public record AccountCopy(Account account, List<DuplicateMatch> warnings) {
    /** Validates and copies the warnings. */
    public AccountCopy {
        Checks.required("account", account);
        warnings = Checks.list("warnings", warnings);
    }
}
