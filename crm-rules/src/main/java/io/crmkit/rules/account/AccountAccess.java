package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.rules.internal.CommandContext;

/**
 * Who may act on an account, in one place, so every account command applies the same rules:
 * <ul>
 *   <li>an account's <b>owner</b> works it (follow up, edit, return, change its deal status);</li>
 *   <li>the <b>admins of its public pool</b> see and act on every account of the pool;</li>
 *   <li>a <b>tenant admin</b> (the configured admin role) may act on every account of the tenant.</li>
 * </ul>
 * A <b>voided</b> account (in the recycle bin) accepts nothing but being restored from the bin; a
 * <b>locked</b> account accepts nothing but being unlocked.
 */
final class AccountAccess {
    private AccountAccess() {}

    /** The account, in the actor's tenant. */
    static Account load(CommandContext command, AccountId id) {
        return command.tx().accounts().get(command.tenant(), id);
    }

    /** The account's pool, or null when it has none. */
    static Pool poolOf(CommandContext command, Account account) {
        return account.poolId() == null ? null : command.tx().pools().get(command.tenant(), account.poolId());
    }

    /** Whether the actor administers the account: tenant admin, or admin of the account's pool. */
    static boolean actorAdministers(CommandContext command, Account account) {
        if (command.actorIsAdmin()) {
            return true;
        }
        Pool pool = poolOf(command, account);
        return pool != null && pool.isAdmin(command.actor().userId());
    }

    /**
     * Requires the actor to own the account or administer it.
     *
     * @throws io.crmkit.core.error.ForbiddenException otherwise
     */
    static void requireOwnerOrAdmin(CommandContext command, Account account, String action) {
        boolean owner = account.owner() != null && command.actorIs(account.owner());
        if (!owner && !actorAdministers(command, account)) {
            throw command.forbidden(action,
                    "only the account's owner, its pool's admins or a tenant admin may do this");
        }
    }

    /**
     * Requires the account to be out of the recycle bin and unlocked, so it may change.
     *
     * @throws RuleViolationException with rule {@code account.voided} or {@code account.locked}
     */
    static void requireChangeable(Account account, String action) {
        if (account.voided()) {
            throw new RuleViolationException("account.voided", null,
                    "account " + account.id() + " is in the recycle bin; restore it before " + action);
        }
        if (account.locked()) {
            throw new RuleViolationException("account.locked", null,
                    "account " + account.id() + " is locked; unlock it before " + action);
        }
    }

    /** The change-log reference of an account. */
    static RecordRef ref(Account account) {
        return RecordRef.of(RecordType.ACCOUNT, account.id());
    }

    /** The pool-log context of an account: its pool, or null. */
    static RecordRef poolContext(Account account) {
        return account.poolId() == null ? null : RecordRef.of(RecordType.POOL, account.poolId());
    }
}
