package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.pool.BatchDistribution;
import io.crmkit.rules.pool.PoolEngine;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Giving accounts owners: one account to one member, batches handed out round-robin, and what every
 * change of owner brings along (the pool's team policy, the account's ownerless contacts, the
 * notifications). Checks come first and write nothing; an account passes them or is left exactly as it was.
 */
final class AccountAssignments {
    /** Notification to the new owner. */
    static final String ASSIGNED = "account.assigned";
    /** Notification to a former owner whose account someone else moved away. */
    static final String UNASSIGNED = "account.unassigned";
    /** Change-log action of a contact handed over with its account. */
    static final String CONTACT_HAND_OVER = "contact.update";


    /** Contacts read per page while handing them over. */
    private static final int CONTACT_PAGE = 200;

    private AccountAssignments() {}

    /** The account's own checks: the actor administers its pool; the account may change. */
    static void checkAccount(PoolEngine<Account, PoolId> pool, Account account) {
        pool.requireAdministers(AccountPools.ASSIGN);
        AccountAccess.requireChangeable(account, "assigning it");
    }

    /** The assignee's checks: a pool member, a permitted owner change, room under the holding limit (reserved last). */
    static void checkAssignee(PoolEngine<Account, PoolId> pool, Account account, UserId assignee) {
        pool.requireAssignee(assignee);
        pool.requireOwnerChangeAllowed(account, assignee);
        pool.reserveHolding(assignee);
    }

    /**
     * The account owned by {@code newOwner} from now: a former owner's team is kept or cleared as
     * {@code rules} say (an unowned account's team was decided when it lost its owner).
     */
    static Account owned(CommandContext command, PoolRules rules, Account account, UserId newOwner) {
        Account base = account.owner() == null ? account : AccountPools.applyTeamPolicy(rules, account);
        return AccountPools.stamped(command, base.withOwner(newOwner, command.now()));
    }

    /** Writes a checked assignment: the owner, the contacts, the pool log entry, and the notifications. */
    static Account write(CommandContext command, PoolEngine<Account, PoolId> pool, Account account, UserId assignee) {
        Account stored = command.tx().accounts().update(owned(command, pool.rules(), account, assignee));
        ChangeLogEntry entry = command.log(AccountAccess.ref(account), pool.ref(), AccountPools.ASSIGN,
                account, stored, null);
        handOverContacts(command, stored);
        notifyNewOwner(command, stored, entry);
        notifyFormerOwner(command, account, stored, entry);
        return stored;
    }

    /**
     * Hands the account's ownerless contacts to its owner, in this transaction, each with a
     * {@code contact.update} entry whose context is the account's pool (none once it is out of every
     * pool) and whose reason names the account. Paged by id; contacts that have an owner are left alone.
     *
     * @return how many contacts were handed over
     */
    static int handOverContacts(CommandContext command, Account account) {
        UserId owner = account.owner();
        RecordRef context = AccountAccess.poolContext(account);
        String reason = "handed over with account " + account.id().value();
        int handed = 0;
        PageRequest request = PageRequest.first(CONTACT_PAGE);
        while (true) {
            Page<Contact> page = command.tx().contacts().ofAccount(command.tenant(), account.id(), command.query(), request);
            for (Contact contact : page.items()) {
                if (contact.owner() == null) {
                    Contact after = command.tx().contacts().update(
                            contact.withOwner(owner).toBuilder().updatedAt(command.now()).build());
                    command.log(RecordRef.of(RecordType.CONTACT, contact.id()), context, CONTACT_HAND_OVER,
                            contact, after, reason);
                    handed++;
                }
            }
            if (!page.hasNext()) {
                return handed;
            }
            request = request.next(page);
        }
    }

    /** Tells the account's new owner, unless they made the change themselves. */
    static void notifyNewOwner(CommandContext command, Account after, ChangeLogEntry entry) {
        if (after.owner() != null && !command.actorIs(after.owner())) {
            notify(command, after.owner(), ASSIGNED, after, entry);
        }
    }

    /**
     * Tells the account's former owner that someone else took it from them (a forced owner change,
     * or a return, transfer or put-into-pool by an admin); nobody is told about their own action.
     */
    static void notifyFormerOwner(CommandContext command, Account before, Account after, ChangeLogEntry entry) {
        UserId former = before.owner();
        if (former != null && !former.equals(after.owner()) && !command.actorIs(former)) {
            notify(command, former, UNASSIGNED, after, entry);
        }
    }

    private static void notify(CommandContext command, UserId recipient, String type, Account account,
            ChangeLogEntry entry) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("accountId", account.id().value());
        if (account.poolId() != null) {
            payload.put("poolId", account.poolId().value());
        }
        payload.put("action", entry.action());
        payload.put("by", command.actor().userId().value());
        payload.put("changeLogEntryId", entry.id().value());
        command.notify(Set.of(recipient), type, AccountAccess.ref(account),
                payload, type + ":" + account.id().value() + ":" + entry.id().value());
    }

    /** Hands the batch out in turn; see {@link BatchDistribution}. */
    static AccountBatchResult distribute(CommandContext command, AccountBatch batch) {
        List<BatchDistribution.Outcome<Account, AccountId>> outcomes = BatchDistribution.distribute(
                batch.accounts(), batch.members(), new BatchDistribution.Steps<Account, AccountId, PoolId>() {
                    @Override
                    public Account load(AccountId id) {
                        return AccountAccess.load(command, id);
                    }

                    @Override
                    public PoolId poolOf(Account record) {
                        return record.poolId();
                    }

                    @Override
                    public PoolEngine<Account, PoolId> engineOf(Account record) {
                        return AccountPools.engineOf(command, record);
                    }

                    @Override
                    public void checkRecord(PoolEngine<Account, PoolId> pool, Account record) {
                        checkAccount(pool, record);
                    }

                    @Override
                    public void checkAssignee(PoolEngine<Account, PoolId> pool, Account record, UserId candidate) {
                        AccountAssignments.checkAssignee(pool, record, candidate);
                    }

                    @Override
                    public Account write(PoolEngine<Account, PoolId> pool, Account record, UserId assignee) {
                        return AccountAssignments.write(command, pool, record, assignee);
                    }
                });
        List<AccountBatchOutcome> result = new ArrayList<>(outcomes.size());
        for (BatchDistribution.Outcome<Account, AccountId> outcome : outcomes) {
            result.add(outcome.stored() != null
                    ? AccountBatchOutcome.assigned(outcome.stored())
                    : AccountBatchOutcome.rejected(outcome.id(), outcome.rejection()));
        }
        return new AccountBatchResult(result);
    }
}
