package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.pool.OwnerChangeTeamPolicy;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordType;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.pool.PoolEngine;
import io.crmkit.rules.pool.PoolKind;
import io.crmkit.rules.pool.PoolRuleNames;

/** Public pools of accounts (公海) as the pool engine sees them, and the checks every account pool command shares. */
final class AccountPools {
    /** Change-log action of putting an account into a pool. */
    static final String PUT_INTO_POOL = "account.put-into-pool";
    /** Change-log action of a claim. */
    static final String CLAIM = "account.claim";
    /** Change-log action of an assignment by an admin. */
    static final String ASSIGN = "account.assign";
    /** Change-log action of a return to a pool. */
    static final String RETURN = "account.return";
    /** Change-log action of a transfer to another pool. */
    static final String TRANSFER = "account.transfer";
    /** Change-log action of taking an account out of every pool. */
    static final String TAKE_OUT_OF_POOL = "account.take-out-of-pool";
    /** Change-log action of a forced owner change. */
    static final String CHANGE_OWNER = "account.change-owner";
    /** Change-log action of a deal status change. */
    static final String CHANGE_DEAL_STATUS = "account.change-deal-status";

    /**
     * Accounts in public pools. Won accounts count towards the holding limit only where the pool's
     * {@link PoolRules#wonRecordsCount()} says so.
     */
    static final PoolKind<Account, PoolId> KIND = new PoolKind<>() {
        @Override
        public RecordType recordType() {
            return RecordType.ACCOUNT;
        }

        @Override
        public RecordType poolType() {
            return RecordType.POOL;
        }

        @Override
        public String claimAction() {
            return CLAIM;
        }

        @Override
        public long countHeld(CommandContext command, PoolId pool, UserId member, PoolRules rules) {
            return command.tx().accounts().countHeld(command.tenant(), pool, member, rules.wonRecordsCount(),
                    command.query());
        }
    };

    private AccountPools() {}

    /**
     * The engine of the account's pool.
     *
     * @throws RuleViolationException {@link PoolRuleNames#NO_POOL} if the account is in no pool
     * @throws io.crmkit.core.error.NotFoundException if its pool does not exist
     */
    static PoolEngine<Account, PoolId> engineOf(CommandContext command, Account account) {
        if (account.poolId() == null) {
            throw new RuleViolationException(PoolRuleNames.NO_POOL, null,
                    "account " + account.id() + " is in no public pool");
        }
        return engineOf(command, account.poolId());
    }

    /**
     * The engine of {@code pool}.
     *
     * @throws io.crmkit.core.error.NotFoundException if the pool does not exist in the actor's tenant
     */
    static PoolEngine<Account, PoolId> engineOf(CommandContext command, PoolId pool) {
        Pool found = command.tx().pools().get(command.tenant(), pool);
        return PoolEngine.of(KIND, command, pool, found);
    }

    /**
     * The account with its team as the pool's owner-change team policy leaves it when the owner
     * changes or is cleared: kept, or cleared.
     */
    static Account applyTeamPolicy(PoolRules rules, Account account) {
        return rules.ownerChangeTeamPolicy() == OwnerChangeTeamPolicy.CLEAR_TEAM ? account.withoutTeam() : account;
    }

    /** The account with {@code updatedAt} stamped from the command's clock. */
    static Account stamped(CommandContext command, Account account) {
        return account.toBuilder().updatedAt(command.now()).build();
    }
}
