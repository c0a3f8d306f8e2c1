package io.crmkit.rules.lead;

import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadLifecycle;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.RecordType;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.pool.PoolEngine;
import io.crmkit.rules.pool.PoolKind;
import io.crmkit.rules.pool.PoolRuleNames;
import java.util.Locale;

/** Lead pools as the pool engine sees them, and the checks every lead pool command shares. */
final class LeadPools {
    /** Change-log action of a claim. */
    static final String CLAIM = "lead.claim";
    /** Change-log action of an assignment by an admin. */
    static final String ASSIGN = "lead.assign";
    /** Change-log action of a return to a pool. */
    static final String RETURN = "lead.return";
    /** Change-log action of a transfer to another pool. */
    static final String TRANSFER = "lead.transfer";

    /** Leads in lead pools. Converted and invalid leads do not count towards the holding limit. */
    static final PoolKind<Lead, LeadPoolId> KIND = new PoolKind<>() {
        @Override
        public RecordType recordType() {
            return RecordType.LEAD;
        }

        @Override
        public RecordType poolType() {
            return RecordType.LEAD_POOL;
        }

        @Override
        public String claimAction() {
            return CLAIM;
        }

        @Override
        public long countHeld(CommandContext command, LeadPoolId pool, UserId member, PoolRules rules) {
            return command.tx().leads().countHeld(command.tenant(), pool, member, command.query());
        }
    };

    private LeadPools() {}

    /**
     * The engine of the lead's pool.
     *
     * @throws RuleViolationException {@link PoolRuleNames#NO_POOL} if the lead is in no pool
     * @throws io.crmkit.core.error.NotFoundException if its pool does not exist
     */
    static PoolEngine<Lead, LeadPoolId> engineOf(CommandContext command, Lead lead) {
        if (lead.poolId() == null) {
            throw new RuleViolationException(PoolRuleNames.NO_POOL, null,
                    "lead " + lead.id() + " is in no lead pool; change its owner instead");
        }
        return engineOf(command, lead.poolId());
    }

    /**
     * The engine of {@code pool}.
     *
     * @throws io.crmkit.core.error.NotFoundException if the pool does not exist in the actor's tenant
     */
    static PoolEngine<Lead, LeadPoolId> engineOf(CommandContext command, LeadPoolId pool) {
        LeadPool found = command.tx().leadPools().get(command.tenant(), pool);
        return PoolEngine.of(KIND, command, pool, found);
    }

    /**
     * Requires a lead that pool actions may move: neither converted nor invalid (a converted lead is
     * final; an invalid one is restored first), nor voided or locked.
     *
     * @param action the pool action, as the error names it ({@code CLAIM}, {@code ASSIGN}, ...)
     * @throws IllegalTransitionException for a converted or invalid lead
     * @throws RuleViolationException {@code lead.voided} or {@code lead.locked}
     */
    static void requireWorkable(Lead lead, String action) {
        if (lead.isConverted() || lead.isInvalid()) {
            throw new IllegalTransitionException(LeadLifecycle.MACHINE, lead.status(), action);
        }
        LeadAccess.requireChangeable(lead, action.toLowerCase(Locale.ROOT));
    }
}
