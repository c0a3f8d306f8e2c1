package io.crmkit.rules.lead;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.pool.PoolEngine;
import io.crmkit.rules.pool.PoolRuleNames;
import io.crmkit.rules.pool.RoundRobin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assignments of pool leads by admins: one lead to one member, and batches handed out round-robin.
 * Checks come first and write nothing; a lead passes them or is left exactly as it was.
 */
final class LeadAssignments {
    /** Notification to the assignee. */
    static final String ASSIGNED = "lead.assigned";
    /** Notification to a former owner whose lead someone else moved away. */
    static final String UNASSIGNED = "lead.unassigned";

    /** Refusals that concern the candidate member, not the lead: the next member may take it. */
    private static final Set<String> MEMBER_RULES = Set.of(
            PoolRuleNames.ASSIGNEE_NOT_MEMBER, PoolRuleNames.HOLDING_LIMIT, PoolRuleNames.ALREADY_OWNED);

    private LeadAssignments() {}

    /** The lead's own checks: the actor administers its pool; the lead may move. */
    static void checkLead(PoolEngine<Lead, LeadPoolId> pool, Lead lead) {
        pool.requireAdministers(LeadPools.ASSIGN);
        LeadPools.requireWorkable(lead, "ASSIGN");
    }

    /** The assignee's checks: a pool member, a permitted owner change, room under the holding limit (reserved last). */
    static void checkAssignee(PoolEngine<Lead, LeadPoolId> pool, Lead lead, UserId assignee) {
        pool.requireAssignee(assignee);
        pool.requireOwnerChangeAllowed(lead, assignee);
        pool.reserveHolding(assignee);
    }

    /** Writes a checked assignment: the owner, the pool log entry, and the notifications. */
    static Lead write(CommandContext command, PoolEngine<Lead, LeadPoolId> pool, Lead lead, UserId assignee) {
        Lead stored = command.tx().leads().update(lead.withOwner(assignee, command.now()).toBuilder().updatedAt(command.now()).build());
        ChangeLogEntry entry = command.log(LeadAccess.ref(lead), pool.ref(), LeadPools.ASSIGN, lead, stored, null);
        if (!command.actorIs(assignee)) {
            notify(command, assignee, ASSIGNED, stored, entry);
        }
        notifyFormerOwner(command, lead, stored, entry);
        return stored;
    }

    /**
     * Tells the lead's former owner that someone else took it from them (a forced owner change, or a
     * return or transfer by an admin); nobody is told about their own action.
     */
    static void notifyFormerOwner(CommandContext command, Lead before, Lead after, ChangeLogEntry entry) {
        UserId former = before.owner();
        if (former != null && !former.equals(after.owner()) && !command.actorIs(former)) {
            notify(command, former, UNASSIGNED, after, entry);
        }
    }

    private static void notify(CommandContext command, UserId recipient, String type, Lead lead, ChangeLogEntry entry) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("leadId", lead.id().value());
        payload.put("poolId", lead.poolId().value());
        payload.put("action", entry.action());
        payload.put("by", command.actor().userId().value());
        payload.put("changeLogEntryId", entry.id().value());
        command.notify(Set.of(recipient), type, LeadAccess.ref(lead),
                payload, type + ":" + lead.id().value() + ":" + entry.id().value());
    }

    /**
     * Hands the batch's leads out, in input order, to its members in turn: each lead goes to the
     * first member in turn order who may take it (a pool member with room under the holding limit who
     * does not own it already); the turn then passes on. A lead nobody may take, or that fails its own
     * checks, is reported and left unchanged. Every member is locked in every pool concerned, in key
     * order, before anything is counted.
     */
    static LeadBatchResult distribute(CommandContext command, LeadBatch batch) {
        Map<LeadId, Lead> leads = new HashMap<>();
        Map<LeadId, CrmException> unloadable = new HashMap<>();
        Map<LeadPoolId, PoolEngine<Lead, LeadPoolId>> engines = new LinkedHashMap<>();
        for (LeadId id : batch.leads()) {
            try {
                Lead lead = LeadAccess.load(command, id);
                if (lead.poolId() == null || !engines.containsKey(lead.poolId())) {
                    PoolEngine<Lead, LeadPoolId> engine = LeadPools.engineOf(command, lead);
                    engines.put(engine.poolId(), engine);
                }
                leads.put(id, lead);
            } catch (CrmException e) {
                unloadable.put(id, rethrowIfRetryable(e));
            }
        }
        PoolEngine.lockInOrder(engines.values(), batch.members());
        RoundRobin turns = new RoundRobin(batch.members());
        List<LeadBatchOutcome> outcomes = new ArrayList<>(batch.leads().size());
        for (LeadId id : batch.leads()) {
            Lead lead = leads.get(id);
            outcomes.add(lead == null
                    ? LeadBatchOutcome.rejected(id, unloadable.get(id))
                    : handOut(command, engines.get(lead.poolId()), lead, turns));
        }
        return new LeadBatchResult(outcomes);
    }

    private static LeadBatchOutcome handOut(
            CommandContext command, PoolEngine<Lead, LeadPoolId> pool, Lead lead, RoundRobin turns) {
        UserId chosen;
        try {
            checkLead(pool, lead);
            chosen = firstWhoMayTake(pool, lead, turns);
        } catch (CrmException e) {
            return LeadBatchOutcome.rejected(lead.id(), rethrowIfRetryable(e));
        }
        turns.took(chosen);
        return LeadBatchOutcome.assigned(write(command, pool, lead, chosen));
    }

    /**
     * The first member in turn order who passes the assignee checks (their holding is reserved).
     *
     * @throws RuleViolationException when nobody does: the holding limit if some member was full,
     *     otherwise the first member's refusal; or at once when the refusal concerns the lead
     */
    private static UserId firstWhoMayTake(PoolEngine<Lead, LeadPoolId> pool, Lead lead, RoundRobin turns) {
        RuleViolationException reported = null;
        for (UserId candidate : turns.turnOrder()) {
            try {
                checkAssignee(pool, lead, candidate);
                return candidate;
            } catch (RuleViolationException refused) {
                if (!MEMBER_RULES.contains(refused.rule())) {
                    throw refused;
                }
                if (reported == null || (refused.rule().equals(PoolRuleNames.HOLDING_LIMIT)
                        && !reported.rule().equals(PoolRuleNames.HOLDING_LIMIT))) {
                    reported = refused;
                }
            }
        }
        // The rotation is never empty, so some candidate was refused.
        throw reported;
    }

    /** A batch reports what the single command would throw; a lost race instead reruns the whole batch. */
    private static CrmException rethrowIfRetryable(CrmException e) {
        if (e.isRetryable()) {
            throw e;
        }
        return e;
    }
}
