package io.crmkit.rules.sales;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.TeamAccess;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.rules.internal.CommandContext;

/**
 * Who may act on sales records, in one place, so every sales command applies the same rules:
 * <ul>
 *   <li>to <b>create</b> a sales record for an account (an opportunity, a quote, an order, a
 *       contract), the actor must be able to work the account: its owner, a team member with
 *       read-write access, an admin of its public pool, or a tenant admin; the account must be out of
 *       the recycle bin and unlocked;</li>
 *   <li>to <b>change</b> a sales record, the actor must be its owner or a tenant admin;</li>
 *   <li>a tenant admin is the user with the configured admin role.</li>
 * </ul>
 */
final class SalesAccess {
    private SalesAccess() {}

    /**
     * The account, in the actor's tenant, after checking the actor may work it and it may take new
     * records.
     *
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException when the actor may not work the account
     * @throws RuleViolationException with rule {@code account.voided} or {@code account.locked}
     */
    static Account workableAccount(CommandContext cmd, AccountId id, String action) {
        Account account = cmd.tx().accounts().get(cmd.tenant(), id);
        UserId actor = cmd.actor().userId();
        boolean works = actor.equals(account.owner())
                || account.teamMembers().stream()
                        .anyMatch(m -> m.user().equals(actor) && m.access() == TeamAccess.READ_WRITE)
                || cmd.actorIsAdmin()
                || administersPool(cmd, account);
        if (!works) {
            throw cmd.forbidden(action, "only the account's owner, its read-write team members, its pool's admins "
                    + "or a tenant admin may add sales records to account " + id);
        }
        if (account.voided()) {
            throw new RuleViolationException("account.voided", null,
                    "account " + id + " is in the recycle bin; restore it before " + action);
        }
        if (account.locked()) {
            throw new RuleViolationException("account.locked", null,
                    "account " + id + " is locked; unlock it before " + action);
        }
        return account;
    }

    /**
     * The account, in the actor's tenant, after checking the actor may see it: its owner, any team
     * member, an admin of its public pool, or a tenant admin (for reading its sales history).
     *
     * @throws io.crmkit.core.error.NotFoundException when the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException when the actor may not see the account
     */
    static Account readableAccount(CommandContext cmd, AccountId id, String action) {
        Account account = cmd.tx().accounts().get(cmd.tenant(), id);
        UserId actor = cmd.actor().userId();
        boolean sees = actor.equals(account.owner()) || account.isTeamMember(actor) || cmd.actorIsAdmin()
                || administersPool(cmd, account);
        if (!sees) {
            throw cmd.forbidden(action, "only the account's owner, its team, its pool's admins or a tenant admin "
                    + "may read the sales records of account " + id);
        }
        return account;
    }

    private static boolean administersPool(CommandContext cmd, Account account) {
        if (account.poolId() == null) {
            return false;
        }
        Pool pool = cmd.tx().pools().get(cmd.tenant(), account.poolId());
        return pool.isAdmin(cmd.actor().userId());
    }

    /**
     * Requires the actor to own the record or be a tenant admin.
     *
     * @param what the record, for the message, such as {@code quote Q1}
     * @throws io.crmkit.core.error.ForbiddenException otherwise
     */
    static void requireOwnerOrAdmin(CommandContext cmd, UserId owner, String action, String what) {
        if (!cmd.actorIs(owner) && !cmd.actorIsAdmin()) {
            throw cmd.forbidden(action, "only the owner of " + what + " or a tenant admin may do this");
        }
    }

    /**
     * Requires no other contract of the tenant to carry {@code number}: contract numbers are unique per
     * tenant. Takes the transaction lock {@code contract-number:<number>} first, so two commands
     * choosing the same number at once are serialised and the second sees the first's contract.
     *
     * @param except the contract being renumbered (its own number does not count), or {@code null}
     * @throws DuplicateRecordException with record type {@code CONTRACT} and the number when it is taken
     */
    static void requireContractNumberFree(CommandContext cmd, String number, ContractId except) {
        cmd.tx().lock("contract-number:" + number);
        Condition sameNumber = Condition.eq("number", new CustomValue.Text(number));
        Condition condition = except == null ? sameNumber
                : Condition.all(sameNumber, Condition.ne("id", new CustomValue.Text(except.value())));
        if (cmd.tx().contracts().count(cmd.tenant(), condition, cmd.query()) > 0) {
            throw new DuplicateRecordException(RecordType.CONTRACT.name(), number);
        }
    }

    /** The change-log reference of a record. */
    static RecordRef ref(RecordType type, RecordId id) {
        return RecordRef.of(type, id);
    }

    /**
     * The tenant's sales process {@code process}.
     *
     * @throws io.crmkit.core.error.NotFoundException when the tenant has not configured it
     */
    static SalesProcess process(CommandContext cmd, io.crmkit.core.sales.SalesProcessId process) {
        return cmd.settings().sales().process(process);
    }
}
