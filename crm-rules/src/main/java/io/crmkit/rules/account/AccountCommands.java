package io.crmkit.rules.account;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.identity.Actor;
import io.crmkit.rules.duplicate.DuplicateCheck;
import io.crmkit.rules.duplicate.DuplicateMatch;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.util.List;

/**
 * Account commands besides the pool ones: lock and unlock (optionally with the account's contacts),
 * copy, void into the recycle bin and restore from it. Each runs in one transaction, writes the
 * change log (with the account's pool as context, so the pool log shows it) and stamps
 * {@code updatedAt}.
 *
 * <ul>
 *   <li><b>Who:</b> lock and unlock only admins (an admin of the account's pool, or a tenant admin):
 *       an owner can neither lock their account nor lift a lock. Void and restore: the owner or an
 *       admin. Copy: whoever sees the whole account (owner, team member, pool admin, tenant admin).</li>
 *   <li><b>Lock:</b> a locked account accepts nothing but {@link #unlock} and is never recycled
 *       (rule {@code account.locked}); a voided one nothing but {@link #restoreFromBin}
 *       ({@code account.voided}).</li>
 * </ul>
 */
public final class AccountCommands {
    /** Change-log action of {@link #lock}. */
    public static final String ACTION_LOCK = "account.lock";
    /** Change-log action of {@link #unlock}. */
    public static final String ACTION_UNLOCK = "account.unlock";
    /** Change-log action of {@link #copy}, on the new account. */
    public static final String ACTION_COPY = "account.copy";
    /** Change-log action of {@link #voidAccount}. */
    public static final String ACTION_VOID = "account.void";
    /** Change-log action of {@link #restoreFromBin}. */
    public static final String ACTION_RESTORE_FROM_BIN = "account.restore-from-bin";
    /** Change-log action of locking a contact together with its account. */
    public static final String ACTION_CONTACT_LOCK = "contact.lock";
    /** Change-log action of unlocking a contact together with its account. */
    public static final String ACTION_CONTACT_UNLOCK = "contact.unlock";
    /** Longest reason for voiding an account (the change log's limit). */
    public static final int MAX_VOID_REASON = 2000;

    private static final int CONTACT_PAGE = 200;

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public AccountCommands(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Locks the account against every change but {@link #unlock} (entry {@value #ACTION_LOCK}); a
     * locked account is never recycled. With {@code includeContacts}, every contact of the account
     * that is not locked yet is locked in the same transaction (entry {@value #ACTION_CONTACT_LOCK}
     * per contact, the account's pool as context, the reason naming the account).
     *
     * @return the locked account
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor administers the account
     * @throws RuleViolationException with rule {@code account.voided}, or {@code account.locked} if it
     *     is locked already
     */
    public Account lock(Actor actor, AccountId account, boolean includeContacts) {
        Checks.required("account", account);
        return rules.command(actor, cmd -> {
            Account before = AccountAccess.load(cmd, account);
            requireAdmin(cmd, before, ACTION_LOCK);
            AccountAccess.requireChangeable(before, "locking it");
            Account stored = write(cmd, before, before.withLocked(true), ACTION_LOCK, null);
            if (includeContacts) {
                setContactsLocked(cmd, stored, true);
            }
            return stored;
        });
    }

    /**
     * Unlocks a locked account (entry {@value #ACTION_UNLOCK}); with {@code includeContacts} also
     * every locked contact of the account (entry {@value #ACTION_CONTACT_UNLOCK} per contact).
     *
     * @return the unlocked account
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor administers the account
     * @throws RuleViolationException with rule {@code account.voided}, or {@code account.not-locked}
     *     if it is not locked
     */
    public Account unlock(Actor actor, AccountId account, boolean includeContacts) {
        Checks.required("account", account);
        return rules.command(actor, cmd -> {
            Account before = AccountAccess.load(cmd, account);
            requireAdmin(cmd, before, ACTION_UNLOCK);
            if (before.voided()) {
                AccountAccess.requireChangeable(before, "unlocking it");
            }
            if (!before.locked()) {
                throw new RuleViolationException("account.not-locked", null,
                        "account " + before.id() + " is not locked");
            }
            Account stored = write(cmd, before, before.withLocked(false), ACTION_UNLOCK, null);
            if (includeContacts) {
                setContactsLocked(cmd, stored, false);
            }
            return stored;
        });
    }

    /**
     * A new account copied from {@code source} (entry {@value #ACTION_COPY} on the new account, the
     * reason naming the source). The copy keeps the descriptive fields (level, source, addresses,
     * financial details, web site, custom fields) and takes {@code newName}; it gets a new id, the
     * actor as owner since now, no pool, no team, deal status NOT_YET with no follow-up or deal
     * times, no extension, and is neither locked nor voided. The fields that identify the original
     * company (phone, e-mail address, registry id) are not copied, and a copy must have its own
     * name: under the default BLOCK duplicate policy a copy with the same name or phone would always
     * be refused as a duplicate of its source. The tenant's duplicate policy is applied to the copy
     * as to any new account.
     *
     * @param newName the copy's name, required, at most 200 characters
     * @return the copy and the duplicate warnings
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns, works on (team) or
     *     administers the source account
     * @throws io.crmkit.core.error.ValidationException on {@code name} if the new name is missing or
     *     too long
     * @throws RuleViolationException with rule {@code account.voided} if the source is in the bin
     * @throws io.crmkit.rules.duplicate.DuplicateBlockedException with rule {@code account.duplicate}
     *     when the policy blocks the copy as a duplicate
     */
    public AccountCopy copy(Actor actor, AccountId source, String newName) {
        Checks.required("account", source);
        return rules.command(actor, cmd -> {
            Account original = AccountAccess.load(cmd, source);
            boolean team = original.isTeamMember(cmd.actor().userId());
            boolean owner = original.owner() != null && cmd.actorIs(original.owner());
            if (!owner && !team && !AccountAccess.actorAdministers(cmd, original)) {
                throw cmd.forbidden(ACTION_COPY,
                        "only the account's owner, team members, its pool's admins or a tenant admin may copy it");
            }
            String name = Checks.text("name", newName, 200);
            if (original.voided()) {
                AccountAccess.requireChangeable(original, "copying it");
            }
            Account copy = Account.builder()
                    .id(cmd.tx().accounts().nextId())
                    .tenantId(cmd.tenant())
                    .name(name)
                    .level(original.level())
                    .source(original.source())
                    .addresses(original.addresses())
                    .financialInfo(original.financialInfo())
                    .website(original.website())
                    .customFields(original.customFields())
                    .owner(cmd.actor().userId())
                    .ownedSince(cmd.now())
                    .createdAt(cmd.now())
                    .updatedAt(cmd.now())
                    .build();
            List<DuplicateMatch> warnings = DuplicateCheck.apply(cmd, RecordType.ACCOUNT,
                    "give the copy a name of its own", () -> DuplicateCheck.ofAccount(cmd, copy));
            Account stored = cmd.tx().accounts().insert(copy);
            cmd.log(AccountAccess.ref(stored), null, ACTION_COPY, null, stored,
                    "copied from " + AccountAccess.ref(original));
            return new AccountCopy(stored, warnings);
        });
    }

    /**
     * Voids the account into the recycle bin (entry {@value #ACTION_VOID}, with the reason); it keeps
     * its owner, pool and team, and accepts nothing but {@link #restoreFromBin}.
     *
     * @param reason why, at most {@value #MAX_VOID_REASON} characters, or null
     * @return the voided account
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns or administers the account
     * @throws io.crmkit.core.error.ValidationException on {@code reason} if it is too long
     * @throws RuleViolationException with rule {@code account.voided} if it is in the bin already, or
     *     {@code account.locked}
     */
    public Account voidAccount(Actor actor, AccountId account, String reason) {
        Checks.required("account", account);
        return rules.command(actor, cmd -> {
            Account before = AccountAccess.load(cmd, account);
            AccountAccess.requireOwnerOrAdmin(cmd, before, ACTION_VOID);
            String checked = Checks.optionalText("reason", reason, MAX_VOID_REASON);
            AccountAccess.requireChangeable(before, "voiding it");
            return write(cmd, before, before.withVoided(true), ACTION_VOID, checked);
        });
    }

    /**
     * Brings a voided account back from the recycle bin, as it was (entry
     * {@value #ACTION_RESTORE_FROM_BIN}).
     *
     * @return the restored account
     * @throws io.crmkit.core.error.NotFoundException if the tenant has no such account
     * @throws io.crmkit.core.error.ForbiddenException unless the actor owns or administers the account
     * @throws RuleViolationException with rule {@code account.not-voided} if it is not in the bin
     */
    public Account restoreFromBin(Actor actor, AccountId account) {
        Checks.required("account", account);
        return rules.command(actor, cmd -> {
            Account before = AccountAccess.load(cmd, account);
            AccountAccess.requireOwnerOrAdmin(cmd, before, ACTION_RESTORE_FROM_BIN);
            if (!before.voided()) {
                throw new RuleViolationException("account.not-voided", null,
                        "account " + before.id() + " is not in the recycle bin");
            }
            return write(cmd, before, before.withVoided(false), ACTION_RESTORE_FROM_BIN, null);
        });
    }

    private static void requireAdmin(CommandContext cmd, Account account, String action) {
        if (!AccountAccess.actorAdministers(cmd, account)) {
            throw cmd.forbidden(action, "only its pool's admins or a tenant admin may lock or unlock an account");
        }
    }

    private static Account write(CommandContext cmd, Account before, Account changed, String action, String reason) {
        Account stored = cmd.tx().accounts().update(changed.toBuilder().updatedAt(cmd.now()).build());
        cmd.log(AccountAccess.ref(stored), AccountAccess.poolContext(stored), action, before, stored, reason);
        return stored;
    }

    /** Locks or unlocks every contact of the account not in that state yet, page by page. */
    private static void setContactsLocked(CommandContext cmd, Account account, boolean locked) {
        String action = locked ? ACTION_CONTACT_LOCK : ACTION_CONTACT_UNLOCK;
        RecordRef context = AccountAccess.poolContext(account);
        String reason = (locked ? "locked" : "unlocked") + " with account " + account.id().value();
        PageRequest request = PageRequest.first(CONTACT_PAGE);
        while (true) {
            Page<Contact> page = cmd.tx().contacts().ofAccount(cmd.tenant(), account.id(), cmd.query(), request);
            for (Contact contact : page.items()) {
                if (contact.locked() != locked) {
                    Contact stored = cmd.tx().contacts().update(
                            contact.withLocked(locked).toBuilder().updatedAt(cmd.now()).build());
                    cmd.log(RecordRef.of(RecordType.CONTACT, stored.id()), context, action, contact, stored, reason);
                }
            }
            if (!page.hasNext()) {
                return;
            }
            request = request.next(page);
        }
    }
}
