package io.crmkit.rules.lead;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadLifecycle;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.activity.FollowUps;
import io.crmkit.rules.activity.RecordFollowUp;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The status actions on one lead (DOMAIN.md §2): mark following-up, mark MQL, mark invalid and
 * restore, lock and unlock, void into the recycle bin and restore from it.
 *
 * <p>Every command loads the lead in the actor's tenant, authorises the actor before anything
 * changes, checks the lead's state, writes the lead (stamping {@code updatedAt}), and appends a
 * change-log entry with the lead's pool as context when it has one. When the actor is not the lead's
 * owner, the owner is notified (type = the action code, for example {@code lead.mark-invalid}).
 *
 * <p>Rules every command shares:
 * <ul>
 *   <li><b>Who:</b> the lead's owner, an admin of its lead pool, or a tenant admin; lock and unlock
 *       are for admins only (pool or tenant), so an owner can neither lock their lead nor lift a lock
 *       an admin set.</li>
 *   <li><b>Recycle bin and lock:</b> a voided lead accepts only {@link #restoreFromBin}, a locked
 *       lead only {@link #unlock} (rules {@code lead.voided}, {@code lead.locked}).</li>
 *   <li><b>Converted is final:</b> a converted lead refuses every command here with
 *       {@link IllegalTransitionException} (machine {@value LeadLifecycle#MACHINE}); its history
 *       continues on the account it became.</li>
 * </ul>
 *
 * <p>Obtained from {@link io.crmkit.rules.Crm}; the constructor is internal.
 */
public final class LeadLifecycleCommands {
    /** Change-log action of {@link #markFollowingUp}. */
    public static final String ACTION_MARK_FOLLOWING_UP = "lead.mark-following-up";
    /** Change-log action of {@link #markMql}. */
    public static final String ACTION_MARK_MQL = "lead.mark-mql";
    /** Change-log action of {@link #markInvalid}. */
    public static final String ACTION_MARK_INVALID = "lead.mark-invalid";
    /** Change-log action of {@link #restore}. */
    public static final String ACTION_RESTORE = "lead.restore";
    /** Change-log action of {@link #lock}. */
    public static final String ACTION_LOCK = "lead.lock";
    /** Change-log action of {@link #unlock}. */
    public static final String ACTION_UNLOCK = "lead.unlock";
    /** Change-log action of {@link #voidLead}. */
    public static final String ACTION_VOID = "lead.void";
    /** Change-log action of {@link #restoreFromBin}. */
    public static final String ACTION_RESTORE_FROM_BIN = "lead.restore-from-bin";

    /** The follow-up content {@link #markMql} logs when no note is given. */
    public static final String DEFAULT_MQL_NOTE = "Marked MQL";

    /** Longest reason for voiding a lead (the change log's limit). */
    public static final int MAX_VOID_REASON = 2000;

    private final RulesContext rules;
    private final FollowUps followUps;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public LeadLifecycleCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
        this.followUps = new FollowUps(rules);
    }

    /**
     * Records that the lead is being followed up: logs a follow-up record of {@code kind} with
     * {@code content} against the lead (as {@link FollowUps#record} does, change-log entry
     * {@value FollowUps#ACTION_RECORD} moving {@code lastFollowUpAt}) and moves a NEW lead to
     * FOLLOWING_UP (entry {@value #ACTION_MARK_FOLLOWING_UP}). On a lead already FOLLOWING_UP only
     * the follow-up is logged. Both happen in one transaction.
     *
     * @return the lead after the command
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns or administers the lead
     * @throws io.crmkit.core.error.ValidationException listing {@code kind} and {@code content} when
     *     missing (or content too long)
     * @throws RuleViolationException with rule {@code lead.voided} or {@code lead.locked}
     * @throws IllegalTransitionException if the lead is MQL, CONVERTED or INVALID
     */
    public Lead markFollowingUp(Actor actor, LeadId lead, FollowUpKind kind, String content) {
        Checks.required("lead", lead);
        return rules.command(actor, cmd -> {
            Lead before = LeadAccess.load(cmd, lead);
            LeadAccess.requireOwnerOrAdmin(cmd, before, ACTION_MARK_FOLLOWING_UP);
            RecordFollowUp followUp = CrmValidation.validate(RecordFollowUp.now(LeadAccess.ref(before), kind, content));
            LeadAccess.requireChangeable(before, ACTION_MARK_FOLLOWING_UP);
            before.markFollowingUp(cmd.now()); // refuses MQL, CONVERTED, INVALID before anything is written
            followUps.recordIn(cmd, followUp);
            Lead followedUp = LeadAccess.load(cmd, lead);
            if (followedUp.status() == LeadStatus.FOLLOWING_UP) {
                return followedUp;
            }
            return write(cmd, followedUp, followedUp.markFollowingUp(cmd.now()), ACTION_MARK_FOLLOWING_UP, null);
        });
    }

    /**
     * Marks the lead marketing-qualified (NEW or FOLLOWING_UP to MQL). Like every status change a
     * worker makes, it leaves a trace in the lead's follow-ups: a follow-up record of kind NOTE with
     * {@code note}, or {@value #DEFAULT_MQL_NOTE} when no note is given, which (like any follow-up)
     * moves {@code lastFollowUpAt}. Change-log entries: {@value FollowUps#ACTION_RECORD}, then
     * {@value #ACTION_MARK_MQL}.
     *
     * @param note what qualified the lead, at most {@value RecordFollowUp#MAX_CONTENT} characters, or
     *     null
     * @return the changed lead
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns or administers the lead
     * @throws io.crmkit.core.error.ValidationException on {@code note} if it is too long
     * @throws RuleViolationException with rule {@code lead.voided} or {@code lead.locked}
     * @throws IllegalTransitionException if the lead is MQL, CONVERTED or INVALID
     */
    public Lead markMql(Actor actor, LeadId lead, String note) {
        Checks.required("lead", lead);
        return rules.command(actor, cmd -> {
            Lead before = LeadAccess.load(cmd, lead);
            LeadAccess.requireOwnerOrAdmin(cmd, before, ACTION_MARK_MQL);
            String content = note == null || note.isBlank()
                    ? DEFAULT_MQL_NOTE : Checks.text("note", note, RecordFollowUp.MAX_CONTENT);
            LeadAccess.requireChangeable(before, ACTION_MARK_MQL);
            before.markMql(); // refuses MQL, CONVERTED, INVALID before anything is written
            followUps.recordIn(cmd, RecordFollowUp.now(LeadAccess.ref(before), FollowUpKind.NOTE, content));
            Lead followedUp = LeadAccess.load(cmd, lead);
            return write(cmd, followedUp, followedUp.markMql(), ACTION_MARK_MQL, null);
        });
    }

    /**
     * Marks the lead invalid (from NEW, FOLLOWING_UP or MQL), remembering its status for
     * {@link #restore}. The reason is kept on the lead and in the change-log entry
     * {@value #ACTION_MARK_INVALID}.
     *
     * @param reason why, at most {@value Lead#MAX_INVALID_REASON} characters; required
     * @return the changed lead
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns or administers the lead
     * @throws io.crmkit.core.error.ValidationException on {@code reason} if it is missing or too long
     * @throws RuleViolationException with rule {@code lead.voided} or {@code lead.locked}
     * @throws IllegalTransitionException if the lead is CONVERTED or already INVALID
     */
    public Lead markInvalid(Actor actor, LeadId lead, String reason) {
        Checks.required("lead", lead);
        return rules.command(actor, cmd -> {
            Lead before = LeadAccess.load(cmd, lead);
            LeadAccess.requireOwnerOrAdmin(cmd, before, ACTION_MARK_INVALID);
            String checked = Checks.text("reason", reason, Lead.MAX_INVALID_REASON);
            LeadAccess.requireChangeable(before, ACTION_MARK_INVALID);
            return write(cmd, before, before.markInvalid(checked), ACTION_MARK_INVALID, checked);
        });
    }

    /**
     * Restores an invalid lead to the status it had before it was marked invalid, clearing the
     * reason (change-log entry {@value #ACTION_RESTORE}).
     *
     * @return the changed lead
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns or administers the lead
     * @throws RuleViolationException with rule {@code lead.voided} or {@code lead.locked}
     * @throws IllegalTransitionException if the lead is not INVALID
     */
    public Lead restore(Actor actor, LeadId lead) {
        Checks.required("lead", lead);
        return rules.command(actor, cmd -> {
            Lead before = LeadAccess.load(cmd, lead);
            LeadAccess.requireOwnerOrAdmin(cmd, before, ACTION_RESTORE);
            LeadAccess.requireChangeable(before, ACTION_RESTORE);
            return write(cmd, before, before.restore(), ACTION_RESTORE, null);
        });
    }

    /**
     * Locks the lead against every change but {@link #unlock} (change-log entry
     * {@value #ACTION_LOCK}). Only admins lock: a tenant admin or an admin of the lead's pool; the
     * owner may not.
     *
     * @return the locked lead
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException unless the actor administers the lead
     * @throws RuleViolationException with rule {@code lead.voided}, or {@code lead.locked} if it is
     *     locked already
     * @throws IllegalTransitionException if the lead is CONVERTED
     */
    public Lead lock(Actor actor, LeadId lead) {
        Checks.required("lead", lead);
        return rules.command(actor, cmd -> {
            Lead before = LeadAccess.load(cmd, lead);
            requireAdmin(cmd, before, ACTION_LOCK);
            requireNotConverted(before, ACTION_LOCK);
            LeadAccess.requireChangeable(before, ACTION_LOCK);
            return write(cmd, before, before.withLocked(true), ACTION_LOCK, null);
        });
    }

    /**
     * Unlocks a locked lead (change-log entry {@value #ACTION_UNLOCK}). Only admins unlock: a tenant
     * admin or an admin of the lead's pool; the owner may not lift an admin's lock.
     *
     * @return the unlocked lead
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException unless the actor administers the lead
     * @throws RuleViolationException with rule {@code lead.voided}, or {@code lead.not-locked} if it
     *     is not locked
     * @throws IllegalTransitionException if the lead is CONVERTED
     */
    public Lead unlock(Actor actor, LeadId lead) {
        Checks.required("lead", lead);
        return rules.command(actor, cmd -> {
            Lead before = LeadAccess.load(cmd, lead);
            requireAdmin(cmd, before, ACTION_UNLOCK);
            requireNotConverted(before, ACTION_UNLOCK);
            if (before.voided()) {
                LeadAccess.requireChangeable(before, ACTION_UNLOCK);
            }
            if (!before.locked()) {
                throw new RuleViolationException("lead.not-locked", null, "lead " + before.id() + " is not locked");
            }
            return write(cmd, before, before.withLocked(false), ACTION_UNLOCK, null);
        });
    }

    /**
     * Voids the lead into the recycle bin, from where {@link #restoreFromBin} brings it back
     * (change-log entry {@value #ACTION_VOID}, with the reason). A voided lead keeps its status,
     * owner and pool, and accepts nothing else until restored.
     *
     * @param reason why, at most {@value #MAX_VOID_REASON} characters, or null
     * @return the voided lead
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns or administers the lead
     * @throws io.crmkit.core.error.ValidationException on {@code reason} if it is too long
     * @throws RuleViolationException with rule {@code lead.voided} if it is in the bin already, or
     *     {@code lead.locked}
     * @throws IllegalTransitionException if the lead is CONVERTED
     */
    public Lead voidLead(Actor actor, LeadId lead, String reason) {
        Checks.required("lead", lead);
        return rules.command(actor, cmd -> {
            Lead before = LeadAccess.load(cmd, lead);
            LeadAccess.requireOwnerOrAdmin(cmd, before, ACTION_VOID);
            String checked = Checks.optionalText("reason", reason, MAX_VOID_REASON);
            requireNotConverted(before, ACTION_VOID);
            LeadAccess.requireChangeable(before, ACTION_VOID);
            return write(cmd, before, before.withVoided(true), ACTION_VOID, checked);
        });
    }

    /**
     * Brings a voided lead back from the recycle bin, as it was (change-log entry
     * {@value #ACTION_RESTORE_FROM_BIN}).
     *
     * @return the restored lead
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such lead
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns or administers the lead
     * @throws RuleViolationException with rule {@code lead.not-voided} if it is not in the bin
     * @throws IllegalTransitionException if the lead is CONVERTED
     */
    public Lead restoreFromBin(Actor actor, LeadId lead) {
        Checks.required("lead", lead);
        return rules.command(actor, cmd -> {
            Lead before = LeadAccess.load(cmd, lead);
            LeadAccess.requireOwnerOrAdmin(cmd, before, ACTION_RESTORE_FROM_BIN);
            requireNotConverted(before, ACTION_RESTORE_FROM_BIN);
            if (!before.voided()) {
                throw new RuleViolationException("lead.not-voided", null,
                        "lead " + before.id() + " is not in the recycle bin");
            }
            return write(cmd, before, before.withVoided(false), ACTION_RESTORE_FROM_BIN, null);
        });
    }

    private static void requireAdmin(CommandContext cmd, Lead lead, String action) {
        if (!LeadAccess.actorAdministers(cmd, lead)) {
            throw cmd.forbidden(action, "only its lead pool's admins or a tenant admin may lock or unlock a lead");
        }
    }

    /** The status actions refuse a converted lead in the model; the other commands here do it alike. */
    private static void requireNotConverted(Lead lead, String action) {
        if (lead.isConverted()) {
            throw new IllegalTransitionException(LeadLifecycle.MACHINE, lead.status(), action);
        }
    }

    /** Stores {@code changed} stamped now, logs the change from {@code before}, tells the owner. */
    private static Lead write(CommandContext cmd, Lead before, Lead changed, String action, String reason) {
        Lead stored = cmd.tx().leads().update(changed.toBuilder().updatedAt(cmd.now()).build());
        ChangeLogEntry entry = cmd.log(LeadAccess.ref(stored), LeadAccess.poolContext(stored), action, before, stored, reason);
        if (stored.owner() != null && !cmd.actorIs(stored.owner())) {
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put("lead", stored.id().value());
            payload.put("actor", cmd.actor().userId().value());
            payload.put("status", stored.status().name());
            if (reason != null) {
                payload.put("reason", reason);
            }
            cmd.notify(Set.of(stored.owner()), action, LeadAccess.ref(stored), payload,
                    action + ":" + stored.id().value() + ":" + entry.id().value());
        }
        return stored;
    }
}
