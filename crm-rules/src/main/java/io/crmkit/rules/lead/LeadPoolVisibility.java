package io.crmkit.rules.lead;

import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.rules.pool.PoolEngine;
import io.crmkit.rules.pool.PoolFieldMask;
import io.crmkit.rules.pool.PoolRuleNames;

/**
 * Reading leads as the actor may see them, under the same rules as public pools of accounts
 * ({@link io.crmkit.rules.account.PoolVisibility}); masking is {@link PoolFieldMask#lead}, the one
 * place pool records are masked.
 *
 * <ul>
 *   <li><b>Everything:</b> the lead's owner, the admins of its pool and tenant admins.</li>
 *   <li><b>Public fields only:</b> members of the lead's pool, for an unowned, not voided lead in the
 *       pool, where members claim: the pool's {@link io.crmkit.core.pool.PoolRules#publicFields()}.</li>
 *   <li><b>Nothing</b> ({@link ForbiddenException}): everyone else; also members of a pool whose claim
 *       policy is ADMINS_ASSIGN_ONLY (reason {@code pool.admins-assign-only}).</li>
 * </ul>
 */
public final class LeadPoolVisibility {
    /** Action named by refusals to read a lead. */
    public static final String ACTION_READ = "lead.read";

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public LeadPoolVisibility(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * The lead as the actor may see it: whole, or masked to its pool's public fields.
     *
     * @return the lead, whole or masked
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws ForbiddenException if the actor may not see it (see the type's documentation)
     */
    public Lead readLead(Actor actor, LeadId lead) {
        Checks.required("lead", lead);
        return rules.command(actor, cmd -> {
            Lead found = LeadAccess.load(cmd, lead);
            boolean owner = found.owner() != null && cmd.actorIs(found.owner());
            if (owner || LeadAccess.actorAdministers(cmd, found)) {
                return found;
            }
            return PoolFieldMask.lead(found, requirePoolViewer(cmd, found).rules());
        });
    }

    /** The engine of the lead's pool, if the actor may see the lead masked; refuses otherwise. */
    private static PoolEngine<Lead, LeadPoolId> requirePoolViewer(CommandContext cmd, Lead lead) {
        if (lead.owner() != null || lead.poolId() == null || lead.voided()) {
            throw cmd.forbidden(ACTION_READ, "only the lead's owner, its pool's admins or a tenant admin see it");
        }
        PoolEngine<Lead, LeadPoolId> engine = LeadPools.engineOf(cmd, lead);
        if (engine.mayView(cmd.actor())) {
            return engine;
        }
        if (engine.isMember(cmd.actor())) {
            throw cmd.forbidden(ACTION_READ, PoolRuleNames.ADMINS_ASSIGN_ONLY
                    + ": only admins assign this pool's leads, so members do not see them");
        }
        throw cmd.forbidden(ACTION_READ, PoolRuleNames.NOT_MEMBER + ": only the pool's members and admins see it");
    }
}
