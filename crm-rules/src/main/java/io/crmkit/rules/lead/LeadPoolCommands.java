package io.crmkit.rules.lead;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadReturnReason;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.rules.pool.PoolEngine;
import io.crmkit.rules.pool.PoolRuleNames;
import java.util.List;

/**
 * The lead pool commands (线索池): claim, assign (one, a batch, or round-robin), return to a pool and
 * transfer to another pool, each under the rules of the lead's pool ({@link io.crmkit.core.pool.PoolRules}).
 *
 * <p>Every command runs in one transaction: it loads the lead, checks who may act (a
 * {@link io.crmkit.core.error.ForbiddenException} before anything else), checks the lead and the
 * pool's rules (typed errors naming the rule, see {@link PoolRuleNames}), then writes the lead with
 * the version it read, stamps {@code updatedAt}, appends a change-log entry whose context is the pool
 * the lead is in afterwards (so that pool's log shows it), and queues notifications in the outbox. A
 * refused command changes nothing. Converted and invalid leads are never moved
 * ({@link io.crmkit.core.error.IllegalTransitionException}), nor voided or locked ones (rules
 * {@code lead.voided}, {@code lead.locked}).
 *
 * <p>A member's holding and daily claims are counted under the member's lock in the pool, and the
 * lead is written with its version, so no lead ever gets two owners and no member exceeds a limit,
 * whatever the concurrency (see {@link PoolEngine}).
 */
public final class LeadPoolCommands {
    private final RulesContext rules;

    /**
     * Obtained from {@link io.crmkit.rules.Crm}; internal constructor.
     *
     * @throws ValidationException if {@code rules} is null
     */
    public LeadPoolCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * A member claims an unowned lead of a lead pool: it becomes theirs and stays recorded in the pool
     * (action {@code lead.claim}, counted by the daily claim limit).
     *
     * @return the claimed lead, as stored
     * @throws ValidationException if the actor or lead id is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException {@code pool.not-member} if the actor is not a
     *     member of the pool, {@code pool.admins-assign-only} if only admins assign its leads
     * @throws io.crmkit.core.error.IllegalTransitionException if the lead is converted or invalid
     * @throws RuleViolationException {@code pool.no-pool}, {@code lead.voided}, {@code lead.locked},
     *     {@code pool.already-owned}, {@code pool.not-yet-claimable}, {@code pool.reclaim-cooldown},
     *     {@code pool.holding-limit} or {@code pool.daily-claim-limit}
     */
    public Lead claim(Actor actor, LeadId leadId) {
        Checks.required("leadId", leadId);
        return rules.command(actor, command -> {
            Lead lead = LeadAccess.load(command, leadId);
            PoolEngine<Lead, LeadPoolId> pool = LeadPools.engineOf(command, lead);
            pool.requireMayClaim(LeadPools.CLAIM);
            LeadPools.requireWorkable(lead, "CLAIM");
            pool.requireUnowned(lead);
            UserId claimer = command.actor().userId();
            pool.requireClaimableNow(lead, claimer);
            pool.reserveHolding(claimer);
            pool.reserveDailyClaim(claimer);
            Lead stored = command.tx().leads().update(stamped(command, lead.withOwner(claimer, command.now())));
            command.log(LeadAccess.ref(lead), pool.ref(), LeadPools.CLAIM, lead, stored, null);
            return stored;
        });
    }

    /**
     * A pool admin (or tenant admin) assigns a lead of the pool to a member, who is notified
     * ({@code lead.assigned}) unless they assigned it themselves. An owned lead is reassigned only
     * where the pool allows a forced owner change; its former owner is then notified
     * ({@code lead.unassigned}).
     *
     * @param assignee the member who gets the lead
     * @return the assigned lead, as stored
     * @throws ValidationException if an argument is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException {@code pool.not-admin} if the actor does not
     *     administer the lead's pool
     * @throws io.crmkit.core.error.IllegalTransitionException if the lead is converted or invalid
     * @throws RuleViolationException {@code pool.no-pool}, {@code lead.voided}, {@code lead.locked},
     *     {@code pool.assignee-not-member}, {@code pool.already-owned} (by the assignee),
     *     {@code pool.forced-owner-change} or {@code pool.holding-limit} (the assignee's)
     */
    public Lead assign(Actor actor, LeadId leadId, UserId assignee) {
        Checks.required("leadId", leadId);
        Checks.required("assignee", assignee);
        return rules.command(actor, command -> {
            Lead lead = LeadAccess.load(command, leadId);
            PoolEngine<Lead, LeadPoolId> pool = LeadPools.engineOf(command, lead);
            LeadAssignments.checkLead(pool, lead);
            LeadAssignments.checkAssignee(pool, lead, assignee);
            return LeadAssignments.write(command, pool, lead, assignee);
        });
    }

    /**
     * Assigns a batch of leads to one member, as {@link #assign} would one by one, in one transaction:
     * each lead is assigned or reported with the error {@code assign} would have thrown (for example
     * {@code pool.holding-limit} once the member is full), and a rejected lead is left unchanged.
     *
     * @param leads the leads, 1 to 1000, each once
     * @return one outcome per lead, in input order
     * @throws ValidationException if an argument is missing or the list is empty, too long or repeats a lead
     */
    public LeadBatchResult assignBatch(Actor actor, List<LeadId> leads, UserId assignee) {
        Checks.required("assignee", assignee);
        LeadBatch batch = CrmValidation.validate(new LeadBatch(leads, List.of(assignee)));
        return rules.command(actor, command -> LeadAssignments.distribute(command, batch));
    }

    /**
     * Distributes a batch of leads round-robin among members, in one transaction: in input order each
     * lead goes to the first member, in turn, who may take it (a member of the lead's pool with room
     * under its holding limit who does not own the lead already), and the turn passes on; a full
     * member is skipped. Each lead is otherwise checked as {@link #assign} checks it; a lead nobody
     * may take, or that fails its checks, is reported and left unchanged.
     *
     * @param leads the leads, 1 to 1000, each once
     * @param members the members, in turn order, 1 to 1000, each once
     * @return one outcome per lead, in input order
     * @throws ValidationException if an argument is missing or a list is empty, too long or repeats an entry
     */
    public LeadBatchResult distribute(Actor actor, List<LeadId> leads, List<UserId> members) {
        LeadBatch batch = CrmValidation.validate(new LeadBatch(leads, members));
        return rules.command(actor, command -> LeadAssignments.distribute(command, batch));
    }

    /**
     * The owner (or an admin of the lead's pool, or a tenant admin) returns a lead to a pool with a
     * reason (退回): the owner is cleared and the lead waits in the pool again (action
     * {@code lead.return}, the reason and note as the entry's reason). Returning it starts the
     * former owner's re-claim cooldown; it never gives back a claim counted by the daily limit.
     *
     * @param reason why; {@link LeadReturnReason#OTHER} needs a note
     * @param note more about why, at most 1000 characters, or null
     * @param target the pool to return it to, or null for its pool of origin; another pool only where
     *     the origin pool lets the caller choose (a lead outside every pool needs a target)
     * @return the returned lead, as stored
     * @throws ValidationException if the actor, lead or reason is missing, OTHER has no note, the note
     *     is too long, or a lead outside every pool has no target
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead or target pool
     * @throws io.crmkit.core.error.ForbiddenException if the actor neither owns nor administers the lead
     * @throws io.crmkit.core.error.IllegalTransitionException if the lead is converted or invalid
     * @throws RuleViolationException {@code lead.voided}, {@code lead.locked}, {@code pool.not-owned},
     *     {@code pool.return-only-to-origin} or {@code pool.return-pool-fixed}
     */
    public Lead returnToPool(Actor actor, LeadId leadId, LeadReturnReason reason, String note, LeadPoolId target) {
        LeadReturn request = CrmValidation.validate(new LeadReturn(leadId, reason, note, target));
        return rules.command(actor, command -> {
            Lead lead = LeadAccess.load(command, request.lead());
            LeadAccess.requireOwnerOrAdmin(command, lead, LeadPools.RETURN);
            LeadPools.requireWorkable(lead, "RETURN");
            if (lead.isUnclaimed()) {
                throw new RuleViolationException(PoolRuleNames.NOT_OWNED, null,
                        "lead " + lead.id() + " has no owner; it is in its pool already");
            }
            PoolEngine<Lead, LeadPoolId> to = LeadPools.engineOf(command, returnTarget(command, lead, request.target()));
            Lead stored = command.tx().leads().update(stamped(command, lead.returnedTo(to.poolId())));
            ChangeLogEntry entry = command.log(LeadAccess.ref(lead), to.ref(), LeadPools.RETURN, lead, stored,
                    request.logReason());
            LeadAssignments.notifyFormerOwner(command, lead, stored, entry);
            return stored;
        });
    }

    /**
     * Transfers a lead to another lead pool: it leaves its pool and waits, unowned, in
     * {@code target} (action {@code lead.transfer}). The admins of its pool and tenant admins may
     * always transfer; its owner only where the pool allows transfers. A lead outside every pool is
     * put into {@code target} by its owner or a tenant admin. A former owner who did not transfer it
     * is notified ({@code lead.unassigned}).
     *
     * @param target the lead pool to move it to
     * @return the transferred lead, as stored
     * @throws ValidationException if an argument is missing
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead or target pool
     * @throws io.crmkit.core.error.ForbiddenException {@code pool.not-admin} if the actor neither
     *     administers the pool nor owns the lead
     * @throws io.crmkit.core.error.IllegalTransitionException if the lead is converted or invalid
     * @throws RuleViolationException {@code pool.same-pool}, {@code pool.transfer-not-allowed},
     *     {@code lead.voided} or {@code lead.locked}
     */
    public Lead transfer(Actor actor, LeadId leadId, LeadPoolId target) {
        Checks.required("leadId", leadId);
        Checks.required("target", target);
        return rules.command(actor, command -> {
            Lead lead = LeadAccess.load(command, leadId);
            if (lead.poolId() == null) {
                LeadAccess.requireOwnerOrAdmin(command, lead, LeadPools.TRANSFER);
            } else {
                LeadPools.engineOf(command, lead).requireMayTransfer(lead, target, LeadPools.TRANSFER);
            }
            LeadPools.requireWorkable(lead, "TRANSFER");
            PoolEngine<Lead, LeadPoolId> to = LeadPools.engineOf(command, target);
            Lead stored = command.tx().leads().update(stamped(command, lead.returnedTo(target)));
            ChangeLogEntry entry = command.log(LeadAccess.ref(lead), to.ref(), LeadPools.TRANSFER, lead, stored, null);
            LeadAssignments.notifyFormerOwner(command, lead, stored, entry);
            return stored;
        });
    }

    /** The pool a return goes to: the origin pool's rules decide; a lead without one must name it. */
    private static LeadPoolId returnTarget(CommandContext command, Lead lead, LeadPoolId requested) {
        if (lead.poolId() != null) {
            return LeadPools.engineOf(command, lead).returnTarget(requested);
        }
        if (requested == null) {
            throw ValidationException.of("target", ErrorCode.FIELD_INVALID,
                    "lead " + lead.id() + " has no pool of origin; name the pool to return it to");
        }
        return requested;
    }

    private static Lead stamped(CommandContext command, Lead lead) {
        return lead.toBuilder().updatedAt(command.now()).build();
    }
}
