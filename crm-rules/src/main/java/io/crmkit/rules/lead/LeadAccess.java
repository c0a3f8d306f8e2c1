package io.crmkit.rules.lead;

import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.rules.internal.CommandContext;

/**
 * Who may act on a lead, in one place, so every lead command applies the same rules:
 * <ul>
 *   <li>a lead's <b>owner</b> works it (follow up, qualify, convert, return, invalidate, edit);</li>
 *   <li>the <b>admins of its lead pool</b> see and act on every lead of the pool;</li>
 *   <li>a <b>tenant admin</b> (the configured admin role) may act on every lead of the tenant.</li>
 * </ul>
 * A <b>voided</b> lead (in the recycle bin) accepts nothing but being restored from the bin; a
 * <b>locked</b> lead accepts nothing but being unlocked.
 */
final class LeadAccess {
    private LeadAccess() {}

    /** The lead, in the actor's tenant. */
    static Lead load(CommandContext command, LeadId id) {
        return command.tx().leads().get(command.tenant(), id);
    }

    /** The lead's pool, or null when it has none. */
    static LeadPool poolOf(CommandContext command, Lead lead) {
        return lead.poolId() == null ? null : command.tx().leadPools().get(command.tenant(), lead.poolId());
    }

    /** Whether the actor administers the lead: tenant admin, or admin of the lead's pool. */
    static boolean actorAdministers(CommandContext command, Lead lead) {
        if (command.actorIsAdmin()) {
            return true;
        }
        LeadPool pool = poolOf(command, lead);
        return pool != null && pool.isAdmin(command.actor().userId());
    }

    /**
     * Requires the actor to own the lead or administer it.
     *
     * @throws io.crmkit.core.error.ForbiddenException otherwise
     */
    static void requireOwnerOrAdmin(CommandContext command, Lead lead, String action) {
        boolean owner = lead.owner() != null && command.actorIs(lead.owner());
        if (!owner && !actorAdministers(command, lead)) {
            throw command.forbidden(action, "only the lead's owner, its pool's admins or a tenant admin may do this");
        }
    }

    /**
     * Requires the lead to be out of the recycle bin and unlocked, so it may change.
     *
     * @throws RuleViolationException with rule {@code lead.voided} or {@code lead.locked}
     */
    static void requireChangeable(Lead lead, String action) {
        if (lead.voided()) {
            throw new RuleViolationException("lead.voided", null,
                    "lead " + lead.id() + " is in the recycle bin; restore it before " + action);
        }
        if (lead.locked()) {
            throw new RuleViolationException("lead.locked", null,
                    "lead " + lead.id() + " is locked; unlock it before " + action);
        }
    }

    /** The change-log reference of a lead. */
    static RecordRef ref(Lead lead) {
        return RecordRef.of(RecordType.LEAD, lead.id());
    }

    /** The pool-log context of a lead: its pool, or null. */
    static RecordRef poolContext(Lead lead) {
        return lead.poolId() == null ? null : RecordRef.of(RecordType.LEAD_POOL, lead.poolId());
    }
}
