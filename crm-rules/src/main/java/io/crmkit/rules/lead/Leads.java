package io.crmkit.rules.lead;

import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadReturnReason;
import io.crmkit.rules.internal.RulesContext;
import java.util.List;

/**
 * Every lead command (线索), reached as {@code crm.leads()}: intake (create, update), the pool
 * (claim, assign, return, transfer), the life cycle (follow up, qualify, invalidate, restore, lock,
 * recycle bin) and conversion. Each is run by an {@link Actor}, authorised before anything changes,
 * validated (every violation at once), change-logged, and committed in one transaction with the
 * notifications it queues. The methods delegate to the services documented on each; their Javadoc
 * lists the rules and errors in full.
 */
public final class Leads {
    private final LeadIntake intake;
    private final LeadPoolCommands pools;
    private final LeadLifecycleCommands lifecycle;
    private final LeadConversion conversion;

    /** Internal: obtained from {@link io.crmkit.rules.Crm#leads()}. */
    public Leads(RulesContext rules) {
        this.intake = new LeadIntake(rules);
        this.pools = new LeadPoolCommands(rules);
        this.lifecycle = new LeadLifecycleCommands(rules);
        this.conversion = new LeadConversion(rules);
    }

    /** Creates a lead in a pool or for an owner; see {@link LeadIntake#create}. */
    public LeadSaved create(Actor actor, NewLead lead) {
        return intake.create(actor, lead);
    }

    /** Changes a lead's fields; see {@link LeadIntake#update}. */
    public LeadSaved update(Actor actor, LeadId lead, LeadUpdate changes) {
        return intake.update(actor, lead, changes);
    }

    /** A pool member claims an unowned lead; see {@link LeadPoolCommands#claim}. */
    public Lead claim(Actor actor, LeadId lead) {
        return pools.claim(actor, lead);
    }

    /** A pool admin assigns a lead to a member; see {@link LeadPoolCommands#assign}. */
    public Lead assign(Actor actor, LeadId lead, UserId assignee) {
        return pools.assign(actor, lead, assignee);
    }

    /** A pool admin assigns several leads to one member; see {@link LeadPoolCommands#assignBatch}. */
    public LeadBatchResult assignBatch(Actor actor, List<LeadId> leads, UserId assignee) {
        return pools.assignBatch(actor, leads, assignee);
    }

    /** A pool admin distributes leads round-robin among members; see {@link LeadPoolCommands#distribute}. */
    public LeadBatchResult distribute(Actor actor, List<LeadId> leads, List<UserId> members) {
        return pools.distribute(actor, leads, members);
    }

    /** Returns a lead to a pool with a reason (退回); see {@link LeadPoolCommands#returnToPool}. */
    public Lead returnToPool(Actor actor, LeadId lead, LeadReturnReason reason, String note, LeadPoolId target) {
        return pools.returnToPool(actor, lead, reason, note, target);
    }

    /** Moves a lead to another lead pool; see {@link LeadPoolCommands#transfer}. */
    public Lead transfer(Actor actor, LeadId lead, LeadPoolId target) {
        return pools.transfer(actor, lead, target);
    }

    /** Records a follow-up and marks the lead following up; see {@link LeadLifecycleCommands#markFollowingUp}. */
    public Lead markFollowingUp(Actor actor, LeadId lead, FollowUpKind kind, String content) {
        return lifecycle.markFollowingUp(actor, lead, kind, content);
    }

    /** Marks the lead marketing-qualified (MQL); see {@link LeadLifecycleCommands#markMql}. */
    public Lead markMql(Actor actor, LeadId lead, String note) {
        return lifecycle.markMql(actor, lead, note);
    }

    /** Marks the lead invalid with a reason; see {@link LeadLifecycleCommands#markInvalid}. */
    public Lead markInvalid(Actor actor, LeadId lead, String reason) {
        return lifecycle.markInvalid(actor, lead, reason);
    }

    /** Restores an invalid lead to its earlier status; see {@link LeadLifecycleCommands#restore}. */
    public Lead restore(Actor actor, LeadId lead) {
        return lifecycle.restore(actor, lead);
    }

    /** Locks a lead against changes; see {@link LeadLifecycleCommands#lock}. */
    public Lead lock(Actor actor, LeadId lead) {
        return lifecycle.lock(actor, lead);
    }

    /** Unlocks a lead; see {@link LeadLifecycleCommands#unlock}. */
    public Lead unlock(Actor actor, LeadId lead) {
        return lifecycle.unlock(actor, lead);
    }

    /** Moves a lead to the recycle bin; see {@link LeadLifecycleCommands#voidLead}. */
    public Lead voidLead(Actor actor, LeadId lead, String reason) {
        return lifecycle.voidLead(actor, lead, reason);
    }

    /** Restores a lead from the recycle bin; see {@link LeadLifecycleCommands#restoreFromBin}. */
    public Lead restoreFromBin(Actor actor, LeadId lead) {
        return lifecycle.restoreFromBin(actor, lead);
    }

    /** Converts the lead to an account, a contact and optionally an opportunity; see {@link LeadConversion#convert}. */
    public ConversionResult convert(Actor actor, LeadId lead, ConvertLead command) {
        return conversion.convert(actor, lead, command);
    }
}
