package io.crmkit.rules.lead;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.pool.BatchDistribution;
import io.crmkit.rules.pool.PoolEngine;
import java.util.ArrayList;
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

    /** Hands the batch out in turn; see {@link BatchDistribution}. */
    static LeadBatchResult distribute(CommandContext command, LeadBatch batch) {
        List<BatchDistribution.Outcome<Lead, LeadId>> outcomes = BatchDistribution.distribute(
                batch.leads(), batch.members(), new BatchDistribution.Steps<Lead, LeadId, LeadPoolId>() {
                    @Override
                    public Lead load(LeadId id) {
                        return LeadAccess.load(command, id);
                    }

                    @Override
                    public LeadPoolId poolOf(Lead record) {
                        return record.poolId();
                    }

                    @Override
                    public PoolEngine<Lead, LeadPoolId> engineOf(Lead record) {
                        return LeadPools.engineOf(command, record);
                    }

                    @Override
                    public void checkRecord(PoolEngine<Lead, LeadPoolId> pool, Lead record) {
                        checkLead(pool, record);
                    }

                    @Override
                    public void checkAssignee(PoolEngine<Lead, LeadPoolId> pool, Lead record, UserId candidate) {
                        LeadAssignments.checkAssignee(pool, record, candidate);
                    }

                    @Override
                    public Lead write(PoolEngine<Lead, LeadPoolId> pool, Lead record, UserId assignee) {
                        return LeadAssignments.write(command, pool, record, assignee);
                    }
                });
        List<LeadBatchOutcome> result = new ArrayList<>(outcomes.size());
        for (BatchDistribution.Outcome<Lead, LeadId> outcome : outcomes) {
            result.add(outcome.stored() != null
                    ? LeadBatchOutcome.assigned(outcome.stored())
                    : LeadBatchOutcome.rejected(outcome.id(), outcome.rejection()));
        }
        return new LeadBatchResult(result);
    }
}
