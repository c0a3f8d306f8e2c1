package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.rules.pool.PoolEngine;
import io.crmkit.rules.pool.PoolRuleNames;
import java.util.List;

/**
 * The public pool commands (公海) for accounts: put into a pool, claim, assign (one, a batch, or
 * round-robin), return, transfer to another pool, take out of every pool, forced owner change and
 * deal status, each under the rules of the account's pool ({@link PoolRules}).
 *
 * <p>Every command runs in one transaction: it loads the account, checks who may act (a
 * {@link io.crmkit.core.error.ForbiddenException} before anything else), checks the account and the
 * pool's rules (typed errors naming the rule, see {@link PoolRuleNames}), then writes the account with
 * the version it read, stamps {@code updatedAt}, appends a change-log entry whose context is the pool
 * concerned (so the pool log shows it), and queues notifications in the outbox. A refused command
 * changes nothing. Voided and locked accounts are never moved (rules {@code account.voided},
 * {@code account.locked}).
 *
 * <p>When an account gets a new owner (claim, assign, take out of pool, owner change) its ownerless
 * contacts go to that owner in the same transaction. When it loses an owner, or the owner is replaced,
 * the former owner's team is kept or cleared as the pool's {@link PoolRules#ownerChangeTeamPolicy()} says.
 *
 * <p>A member's holding and daily claims are counted under the member's lock in the pool, and the
 * account is written with its version, so no account ever gets two owners and no member exceeds a
 * limit, whatever the concurrency (see {@link PoolEngine}).
 */
public final class AccountPoolCommands {
    private final RulesContext rules;

    /**
     * Obtained from {@link io.crmkit.rules.Crm}; internal constructor.
     *
     * @throws ValidationException if {@code rules} is null
     */
    public AccountPoolCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * A pool admin (or tenant admin) puts an account into {@code pool} (扔公海): its owner is cleared,
     * its team kept or cleared as the pool's team policy says, and it waits there, unowned, with the
     * pool as its pool (action {@code account.put-into-pool}). A former owner who did not do it is
     * notified ({@code account.unassigned}).
     *
     * @return the account, as stored
     * @throws ValidationException if an argument is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account or pool
     * @throws io.crmkit.core.error.ForbiddenException {@code pool.not-admin} if the actor does not
     *     administer {@code pool}
     * @throws RuleViolationException {@code account.voided}, {@code account.locked}, or
     *     {@code pool.same-pool} if it already waits unowned in {@code pool}
     */
    public Account putIntoPool(Actor actor, AccountId accountId, PoolId pool) {
        Checks.required("accountId", accountId);
        Checks.required("pool", pool);
        return rules.command(actor, command -> {
            Account account = AccountAccess.load(command, accountId);
            PoolEngine<Account, PoolId> to = AccountPools.engineOf(command, pool);
            to.requireAdministers(AccountPools.PUT_INTO_POOL);
            AccountAccess.requireChangeable(account, "putting it into a pool");
            if (account.owner() == null && pool.equals(account.poolId())) {
                throw new RuleViolationException(PoolRuleNames.SAME_POOL, null,
                        "account " + account.id() + " waits in pool " + pool + " already");
            }
            return release(command, account, to, to.rules(), AccountPools.PUT_INTO_POOL, null);
        });
    }

    /**
     * A member claims an unowned account of a public pool (领取): it becomes theirs, stays recorded
     * in the pool (action {@code account.claim}, counted by the daily claim limit), and its ownerless
     * contacts become theirs too.
     *
     * @return the claimed account, as stored
     * @throws ValidationException if the actor or account id is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException {@code pool.not-member} if the actor is not a
     *     member of the pool, {@code pool.admins-assign-only} if only admins assign its accounts
     * @throws RuleViolationException {@code pool.no-pool}, {@code account.voided},
     *     {@code account.locked}, {@code pool.already-owned}, {@code pool.not-yet-claimable},
     *     {@code pool.reclaim-cooldown}, {@code pool.holding-limit} or {@code pool.daily-claim-limit}
     */
    public Account claim(Actor actor, AccountId accountId) {
        Checks.required("accountId", accountId);
        return rules.command(actor, command -> {
            Account account = AccountAccess.load(command, accountId);
            PoolEngine<Account, PoolId> pool = AccountPools.engineOf(command, account);
            pool.requireMayClaim(AccountPools.CLAIM);
            AccountAccess.requireChangeable(account, "claiming it");
            pool.requireUnowned(account);
            UserId claimer = command.actor().userId();
            pool.requireClaimableNow(account, claimer);
            pool.reserveHolding(claimer);
            pool.reserveDailyClaim(claimer);
            Account stored = command.tx().accounts().update(
                    AccountAssignments.owned(command, pool.rules(), account, claimer));
            command.log(AccountAccess.ref(account), pool.ref(), AccountPools.CLAIM, account, stored, null);
            AccountAssignments.handOverContacts(command, stored);
            return stored;
        });
    }

    /**
     * A pool admin (or tenant admin) assigns an account of the pool to a member (分配), who is
     * notified ({@code account.assigned}) unless they assigned it themselves; its ownerless contacts
     * go to the member too. An owned account is reassigned only where the pool allows a forced owner
     * change; the team policy then applies and its former owner is notified ({@code account.unassigned}).
     *
     * @param assignee the member who gets the account
     * @return the assigned account, as stored
     * @throws ValidationException if an argument is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException {@code pool.not-admin} if the actor does not
     *     administer the account's pool
     * @throws RuleViolationException {@code pool.no-pool}, {@code account.voided}, {@code account.locked},
     *     {@code pool.assignee-not-member}, {@code pool.already-owned} (by the assignee),
     *     {@code pool.forced-owner-change} or {@code pool.holding-limit} (the assignee's)
     */
    public Account assign(Actor actor, AccountId accountId, UserId assignee) {
        Checks.required("accountId", accountId);
        Checks.required("assignee", assignee);
        return rules.command(actor, command -> {
            Account account = AccountAccess.load(command, accountId);
            PoolEngine<Account, PoolId> pool = AccountPools.engineOf(command, account);
            AccountAssignments.checkAccount(pool, account);
            AccountAssignments.checkAssignee(pool, account, assignee);
            return AccountAssignments.write(command, pool, account, assignee);
        });
    }

    /**
     * Assigns a batch of accounts to one member, as {@link #assign} would one by one, in one
     * transaction: each account is assigned or reported with the error {@code assign} would have
     * thrown (for example {@code pool.holding-limit} once the member is full), and a rejected account
     * is left unchanged.
     *
     * @param accounts the accounts, 1 to 1000, each once
     * @return one outcome per account, in input order
     * @throws ValidationException if an argument is missing or the list is empty, too long or repeats an account
     */
    public AccountBatchResult assignBatch(Actor actor, List<AccountId> accounts, UserId assignee) {
        Checks.required("assignee", assignee);
        AccountBatch batch = CrmValidation.validate(new AccountBatch(accounts, List.of(assignee)));
        return rules.command(actor, command -> AccountAssignments.distribute(command, batch));
    }

    /**
     * Distributes a batch of accounts round-robin among members, in one transaction: in input order
     * each account goes to the first member, in turn, who may take it (a member of the account's pool
     * with room under its holding limit who does not own it already), and the turn passes on; a full
     * member is skipped. Each account is otherwise checked as {@link #assign} checks it; an account
     * nobody may take, or that fails its checks, is reported and left unchanged. The accounts are the
     * caller's explicit list, so a distribution never rescans a shrinking pool.
     *
     * @param accounts the accounts, 1 to 1000, each once
     * @param members the members, in turn order, 1 to 1000, each once
     * @return one outcome per account, in input order
     * @throws ValidationException if an argument is missing or a list is empty, too long or repeats an entry
     */
    public AccountBatchResult distribute(Actor actor, List<AccountId> accounts, List<UserId> members) {
        AccountBatch batch = CrmValidation.validate(new AccountBatch(accounts, members));
        return rules.command(actor, command -> AccountAssignments.distribute(command, batch));
    }

    /**
     * The owner (or an admin of the account's pool, or a tenant admin) returns an account to a pool
     * with a reason (退回公海): the owner is cleared, the team kept or cleared as the origin pool's
     * team policy says, and the account waits in the pool again (action {@code account.return}, the
     * reason as the entry's reason). Returning starts the former owner's re-claim cooldown; it never
     * gives back a claim counted by the daily limit.
     *
     * @param reason why, required, at most 1000 characters
     * @param target the pool to return it to, or null for its pool of origin; another pool only where
     *     the origin pool lets the caller choose (an account outside every pool needs a target)
     * @return the returned account, as stored
     * @throws ValidationException if the actor, account or reason is missing, the reason is too long,
     *     or an account outside every pool has no target
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account or target pool
     * @throws io.crmkit.core.error.ForbiddenException if the actor neither owns nor administers the account
     * @throws RuleViolationException {@code account.voided}, {@code account.locked}, {@code pool.not-owned},
     *     {@code pool.return-only-to-origin} or {@code pool.return-pool-fixed}
     */
    public Account returnToPool(Actor actor, AccountId accountId, String reason, PoolId target) {
        AccountReturn request = CrmValidation.validate(new AccountReturn(accountId, reason, target));
        return rules.command(actor, command -> {
            Account account = AccountAccess.load(command, request.account());
            AccountAccess.requireOwnerOrAdmin(command, account, AccountPools.RETURN);
            AccountAccess.requireChangeable(account, "returning it");
            if (account.owner() == null) {
                throw new RuleViolationException(PoolRuleNames.NOT_OWNED, null,
                        "account " + account.id() + " has no owner; it is in its pool already");
            }
            PoolEngine<Account, PoolId> to;
            PoolRules policy;
            if (account.poolId() != null) {
                PoolEngine<Account, PoolId> origin = AccountPools.engineOf(command, account);
                to = AccountPools.engineOf(command, origin.returnTarget(request.target()));
                policy = origin.rules();
            } else if (request.target() == null) {
                throw ValidationException.of("target", ErrorCode.FIELD_INVALID,
                        "account " + account.id() + " has no pool of origin; name the pool to return it to");
            } else {
                to = AccountPools.engineOf(command, request.target());
                policy = to.rules();
            }
            return release(command, account, to, policy, AccountPools.RETURN, request.reason());
        });
    }

    /**
     * Transfers an account to another public pool: it leaves its pool and waits, unowned, in
     * {@code target} (action {@code account.transfer}); a former owner's team is kept or cleared as
     * the origin pool's team policy says. The admins of its pool and tenant admins may always
     * transfer; its owner only where the pool allows transfers. A former owner who did not transfer it
     * is notified ({@code account.unassigned}). An account outside every pool is put into a pool with
     * {@link #putIntoPool} or {@link #returnToPool}.
     *
     * @param target the pool to move it to
     * @return the transferred account, as stored
     * @throws ValidationException if an argument is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account or target pool
     * @throws io.crmkit.core.error.ForbiddenException {@code pool.not-admin} if the actor neither
     *     administers the pool nor owns the account
     * @throws RuleViolationException {@code pool.no-pool}, {@code pool.same-pool},
     *     {@code pool.transfer-not-allowed}, {@code account.voided} or {@code account.locked}
     */
    public Account transfer(Actor actor, AccountId accountId, PoolId target) {
        Checks.required("accountId", accountId);
        Checks.required("target", target);
        return rules.command(actor, command -> {
            Account account = AccountAccess.load(command, accountId);
            PoolEngine<Account, PoolId> origin = AccountPools.engineOf(command, account);
            origin.requireMayTransfer(account, target, AccountPools.TRANSFER);
            AccountAccess.requireChangeable(account, "transferring it");
            PoolEngine<Account, PoolId> to = AccountPools.engineOf(command, target);
            return release(command, account, to, origin.rules(), AccountPools.TRANSFER, null);
        });
    }

    /**
     * A pool admin (or tenant admin) takes an account out of every pool (移出公海): it keeps no pool
     * and must have an owner, {@code newOwner} (action {@code account.take-out-of-pool}, in the log of
     * the pool it left). Replacing another owner needs the pool to allow a forced owner change; the
     * team policy then applies. A new owner gets the account's ownerless contacts and is notified
     * ({@code account.assigned}); a replaced owner is notified ({@code account.unassigned}).
     *
     * @param newOwner who owns the account once it is out of the pools
     * @return the account, as stored
     * @throws ValidationException if an argument is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException {@code pool.not-admin} if the actor does not
     *     administer the account's pool
     * @throws RuleViolationException {@code pool.no-pool}, {@code account.voided}, {@code account.locked}
     *     or {@code pool.forced-owner-change}
     */
    public Account takeOutOfPool(Actor actor, AccountId accountId, UserId newOwner) {
        Checks.required("accountId", accountId);
        Checks.required("newOwner", newOwner);
        return rules.command(actor, command -> {
            Account account = AccountAccess.load(command, accountId);
            PoolEngine<Account, PoolId> pool = AccountPools.engineOf(command, account);
            pool.requireAdministers(AccountPools.TAKE_OUT_OF_POOL);
            AccountAccess.requireChangeable(account, "taking it out of its pool");
            boolean ownerChanges = !newOwner.equals(account.owner());
            if (ownerChanges) {
                pool.requireOwnerChangeAllowed(account, newOwner);
            }
            Account owned = ownerChanges ? AccountAssignments.owned(command, pool.rules(), account, newOwner)
                    : AccountPools.stamped(command, account);
            Account stored = command.tx().accounts().update(owned.outOfPool());
            ChangeLogEntry entry = command.log(AccountAccess.ref(account), pool.ref(),
                    AccountPools.TAKE_OUT_OF_POOL, account, stored, null);
            if (ownerChanges) {
                AccountAssignments.handOverContacts(command, stored);
                AccountAssignments.notifyNewOwner(command, stored, entry);
                AccountAssignments.notifyFormerOwner(command, account, stored, entry);
            }
            return stored;
        });
    }

    /**
     * An admin of the account's pool (or a tenant admin) replaces the owner of an owned account
     * (强制变更负责人), where the pool allows a forced owner change (an account outside every pool:
     * tenant admins only). The new owner must have room under the pool's holding limit; the former
     * owner's team is kept or cleared as the team policy says; the new owner gets the ownerless
     * contacts and is notified ({@code account.assigned}), the former owner too
     * ({@code account.unassigned}). Action {@code account.change-owner}, in the pool log.
     *
     * @param newOwner who owns the account from now
     * @return the account, as stored
     * @throws ValidationException if an argument is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException {@code pool.not-admin} if the actor administers
     *     neither the account's pool nor the tenant
     * @throws RuleViolationException {@code account.voided}, {@code account.locked},
     *     {@code pool.not-owned} (an unowned account is assigned instead), {@code pool.already-owned}
     *     (by {@code newOwner}), {@code pool.forced-owner-change} or {@code pool.holding-limit}
     */
    public Account changeOwner(Actor actor, AccountId accountId, UserId newOwner) {
        Checks.required("accountId", accountId);
        Checks.required("newOwner", newOwner);
        return rules.command(actor, command -> {
            Account account = AccountAccess.load(command, accountId);
            if (!AccountAccess.actorAdministers(command, account)) {
                throw command.forbidden(AccountPools.CHANGE_OWNER, PoolRuleNames.NOT_ADMIN
                        + ": only the account's pool admins or a tenant admin may replace its owner");
            }
            AccountAccess.requireChangeable(account, "changing its owner");
            if (account.owner() == null) {
                throw new RuleViolationException(PoolRuleNames.NOT_OWNED, null,
                        "account " + account.id() + " has no owner; assign it instead");
            }
            PoolEngine<Account, PoolId> pool = account.poolId() == null ? null
                    : AccountPools.engineOf(command, account);
            Account changed;
            if (pool != null) {
                pool.requireOwnerChangeAllowed(account, newOwner);
                pool.reserveHolding(newOwner);
                changed = AccountAssignments.owned(command, pool.rules(), account, newOwner);
            } else if (newOwner.equals(account.owner())) {
                throw new RuleViolationException(PoolRuleNames.ALREADY_OWNED, null,
                        "account " + account.id() + " is already owned by " + newOwner);
            } else {
                changed = AccountAssignments.owned(command, PoolRules.defaults(), account, newOwner);
            }
            Account stored = command.tx().accounts().update(changed);
            ChangeLogEntry entry = command.log(AccountAccess.ref(account), AccountAccess.poolContext(account),
                    AccountPools.CHANGE_OWNER, account, stored, null);
            AccountAssignments.handOverContacts(command, stored);
            AccountAssignments.notifyNewOwner(command, stored, entry);
            AccountAssignments.notifyFormerOwner(command, account, stored, entry);
            return stored;
        });
    }

    /**
     * The owner (or an admin of the account's pool, or a tenant admin) sets the account's deal status
     * (成交状态; action {@code account.change-deal-status}, in the log of the account's pool). Setting
     * the status it has already changes and logs nothing. The last deal time is left alone: it records
     * won deals, not status edits.
     *
     * @return the account, as stored
     * @throws ValidationException if an argument is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException if the actor neither owns nor administers the account
     * @throws RuleViolationException {@code account.voided} or {@code account.locked}
     */
    public Account changeDealStatus(Actor actor, AccountId accountId, DealStatus status) {
        Checks.required("accountId", accountId);
        Checks.required("status", status);
        return rules.command(actor, command -> {
            Account account = AccountAccess.load(command, accountId);
            AccountAccess.requireOwnerOrAdmin(command, account, AccountPools.CHANGE_DEAL_STATUS);
            AccountAccess.requireChangeable(account, "changing its deal status");
            if (account.dealStatus() == status) {
                return account;
            }
            Account stored = command.tx().accounts().update(
                    AccountPools.stamped(command, account.withDealStatus(status)));
            command.log(AccountAccess.ref(account), AccountAccess.poolContext(account),
                    AccountPools.CHANGE_DEAL_STATUS, account, stored, null);
            return stored;
        });
    }

    /**
     * Moves the account, unowned, into {@code to}'s pool: the team as {@code policy} says when it had
     * an owner; logged as {@code action} in that pool's log; a former owner who did not act is told.
     */
    private static Account release(CommandContext command, Account account, PoolEngine<Account, PoolId> to,
            PoolRules policy, String action, String reason) {
        Account moved = account.owner() == null ? account : AccountPools.applyTeamPolicy(policy, account);
        Account stored = command.tx().accounts().update(AccountPools.stamped(command, moved.inPool(to.poolId())));
        ChangeLogEntry entry = command.log(AccountAccess.ref(account), to.ref(), action, account, stored, reason);
        AccountAssignments.notifyFormerOwner(command, account, stored, entry);
        return stored;
    }
}
