package io.crmkit.rules.activity;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.TeamAccess;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadLifecycle;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.pool.ClaimPolicy;
import io.crmkit.core.pool.PoolDefinition;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.rules.internal.CommandContext;
import java.time.Instant;
import java.util.Locale;

/**
 * The record a follow-up is about, loaded in the actor's tenant, with the rules of who may log and
 * read follow-ups on it and how logging one moves its last follow-up time. One place for the four
 * kinds of target, so {@link FollowUps} reads as the command it is.
 *
 * <p>Who may log a follow-up: the record's owner; a tenant admin; for a lead or account in a pool,
 * that pool's admins; for an account, its team members with read-write access; for a contact of an
 * account, that account's owner and read-write team members (a team works "the account and its
 * related records"). Who may read them: everyone who may log them; every team member, read-only
 * ones included; and, for a lead or account sitting unclaimed in a pool whose members claim and
 * whose rules show related data before a claim, the pool's members.
 *
 * <p>The lead part repeats the two rules of {@code io.crmkit.rules.lead.LeadAccess} (who administers
 * a lead, and that a voided or locked lead takes no change), which is package-private to the lead
 * commands; keep them equal.
 */
final class FollowUpTarget {
    private final CommandContext command;
    private final RecordRef ref;
    private final Record record;
    /** The lead's or account's pool, or null. */
    private final PoolDefinition pool;
    /** A contact's account, or null. */
    private final Account account;

    private FollowUpTarget(CommandContext command, RecordRef ref, Record record, PoolDefinition pool, Account account) {
        this.command = command;
        this.ref = ref;
        this.record = record;
        this.pool = pool;
        this.account = account;
    }

    /**
     * The target {@code ref} names, in the actor's tenant.
     *
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such record
     * @throws ValidationException if follow-ups are not logged against that kind of record
     */
    static FollowUpTarget load(CommandContext command, RecordRef ref) {
        var tx = command.tx();
        var tenant = command.tenant();
        switch (ref.type()) {
            case LEAD: {
                Lead lead = tx.leads().get(tenant, LeadId.of(ref.id()));
                PoolDefinition pool = lead.poolId() == null ? null : tx.leadPools().get(tenant, lead.poolId());
                return new FollowUpTarget(command, ref, lead, pool, null);
            }
            case ACCOUNT: {
                Account account = tx.accounts().get(tenant, AccountId.of(ref.id()));
                PoolDefinition pool = account.poolId() == null ? null : tx.pools().get(tenant, account.poolId());
                return new FollowUpTarget(command, ref, account, pool, null);
            }
            case CONTACT: {
                Contact contact = tx.contacts().get(tenant, ContactId.of(ref.id()));
                Account account = contact.accountId() == null
                        ? null : tx.accounts().find(tenant, contact.accountId()).orElse(null);
                return new FollowUpTarget(command, ref, contact, null, account);
            }
            case OPPORTUNITY:
                return new FollowUpTarget(command, ref,
                        tx.opportunities().get(tenant, OpportunityId.of(ref.id())), null, null);
            default:
                throw ValidationException.of("target", ErrorCode.FIELD_INVALID,
                        "follow-ups are logged against leads, accounts, contacts and opportunities, not " + ref.type());
        }
    }

    /** The reference to the target. */
    RecordRef ref() {
        return ref;
    }

    /**
     * Requires the actor to be allowed to log follow-ups on the target (see the type's comment).
     *
     * @throws io.crmkit.core.error.ForbiddenException otherwise
     */
    void requireMayRecord(String action) {
        if (!actorMayRecord()) {
            throw command.forbidden(action, "only the " + noun() + "'s owner, its admins and its team"
                    + " may log follow-ups on it");
        }
    }

    /**
     * Requires the actor to be allowed to read the target's follow-ups (see the type's comment).
     *
     * @throws io.crmkit.core.error.ForbiddenException otherwise
     */
    void requireMayRead(String action) {
        if (!actorMayRecord() && !onTeam(teamAccount(), false) && !poolMemberSeesRelatedData()) {
            throw command.forbidden(action, "the actor may not see this " + noun() + "'s follow-ups");
        }
    }

    /**
     * Requires the target to take follow-ups: not in the recycle bin, not locked (an opportunity is
     * locked against non-admins only), and for a lead not converted (its history moved on to the
     * account it became; log follow-ups there).
     *
     * @throws IllegalTransitionException for a converted lead
     * @throws RuleViolationException with rule {@code <type>.voided} or {@code <type>.locked}
     *     ({@code lead.voided}, {@code account.locked}, ...)
     */
    void requireOpen(String action) {
        boolean voided = false;
        boolean locked = false;
        if (record instanceof Lead lead) {
            if (lead.status() == LeadStatus.CONVERTED) {
                throw new IllegalTransitionException(LeadLifecycle.MACHINE, lead.status(), action);
            }
            voided = lead.voided();
            locked = lead.locked();
        } else if (record instanceof Account a) {
            voided = a.voided();
            locked = a.locked();
        } else if (record instanceof Contact c) {
            voided = c.voided();
            locked = c.locked();
        } else if (record instanceof Opportunity o) {
            locked = o.locked() && !actorAdministers();
        }
        String type = noun();
        if (voided) {
            throw new RuleViolationException(type + ".voided", null,
                    type + " " + ref.id() + " is in the recycle bin; restore it before " + action);
        }
        if (locked) {
            throw new RuleViolationException(type + ".locked", null,
                    type + " " + ref.id() + " is locked; unlock it before " + action);
        }
    }

    /**
     * Moves the target's last follow-up time to {@code at} unless it is already later (never
     * backwards), stamping the write, and logs {@code action} against the target with the target's
     * pool as context. When the time does not move, the target is not written (its version stays)
     * but the entry is still logged, with no field changes.
     */
    void followedUpAt(Instant at, String action) {
        Record after = record;
        if (record instanceof Lead lead) {
            if (isLater(at, lead.lastFollowUpAt())) {
                after = command.tx().leads().update(
                        lead.toBuilder().lastFollowUpAt(at).updatedAt(command.now()).build());
            }
        } else if (record instanceof Account a) {
            if (isLater(at, a.lastFollowUpAt())) {
                after = command.tx().accounts().update(a.followedUpAt(at).toBuilder().updatedAt(command.now()).build());
            }
        } else if (record instanceof Contact c) {
            if (isLater(at, c.lastFollowUpAt())) {
                after = command.tx().contacts().update(c.followedUpAt(at).toBuilder().updatedAt(command.now()).build());
            }
        } else if (record instanceof Opportunity o) {
            if (isLater(at, o.lastFollowUpAt())) {
                after = command.tx().opportunities().update(
                        o.toBuilder().lastFollowUpAt(at).updatedAt(command.now()).build());
            }
        }
        command.log(ref, poolContext(), action, record, after, null);
    }

    private static boolean isLater(Instant at, Instant current) {
        return current == null || at.isAfter(current);
    }

    private boolean actorMayRecord() {
        UserId owner = ownerOf(record);
        if (owner != null && command.actorIs(owner)) {
            return true;
        }
        if (actorAdministers()) {
            return true;
        }
        Account team = teamAccount();
        if (record instanceof Contact && team != null && team.owner() != null && command.actorIs(team.owner())) {
            return true;
        }
        return onTeam(team, true);
    }

    /** Tenant admin, or admin of the lead's or account's pool. */
    private boolean actorAdministers() {
        return command.actorIsAdmin() || (pool != null && pool.isAdmin(command.actor().userId()));
    }

    /** The account whose team works the target: the account itself, or a contact's account. */
    private Account teamAccount() {
        if (record instanceof Account a) {
            return a;
        }
        return account;
    }

    private boolean onTeam(Account team, boolean mustWrite) {
        if (team == null) {
            return false;
        }
        UserId actor = command.actor().userId();
        for (TeamMember member : team.teamMembers()) {
            if (member.user().equals(actor) && (!mustWrite || member.access() == TeamAccess.READ_WRITE)) {
                return true;
            }
        }
        return false;
    }

    private boolean poolMemberSeesRelatedData() {
        return pool != null
                && ownerOf(record) == null
                && pool.rules().claimPolicy() == ClaimPolicy.MEMBERS_CLAIM
                && pool.rules().relatedDataVisibleBeforeClaim()
                && pool.members().includes(command.actor());
    }

    private RecordRef poolContext() {
        if (record instanceof Lead lead && lead.poolId() != null) {
            return RecordRef.of(RecordType.LEAD_POOL, lead.poolId());
        }
        if (record instanceof Account a && a.poolId() != null) {
            return RecordRef.of(RecordType.POOL, a.poolId());
        }
        return null;
    }

    private static UserId ownerOf(Record record) {
        if (record instanceof Lead lead) {
            return lead.owner();
        }
        if (record instanceof Account a) {
            return a.owner();
        }
        if (record instanceof Contact c) {
            return c.owner();
        }
        return ((Opportunity) record).owner();
    }

    /** The rule-name prefix and message noun: {@code lead}, {@code account}, ... */
    private String noun() {
        return ref.type().name().toLowerCase(Locale.ROOT);
    }
}
