package io.crmkit.rules.duplicate;

import io.crmkit.core.account.Account;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.MatchKeys;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.DuplicateAction;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.spi.PageRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Finds the existing records a new or changed lead, account or contact probably duplicates, and
 * applies the tenant's {@link io.crmkit.core.tenant.DuplicatePolicy}. Used by the rule services inside
 * their commands (hosts see the results as warnings on what the commands return, or as a
 * {@link DuplicateBlockedException}).
 *
 * <p><b>What is compared.</b> Only records of the same type and the same tenant (the store confines
 * every query to the command's tenant), never the record itself, never records in the recycle bin, and
 * for leads never CONVERTED or INVALID ones (so a converted lead never blocks importing a new lead with
 * the same data):
 * <ul>
 *   <li>a lead with leads: company ({@link DuplicateReason#SAME_COMPANY}), phone, e-mail address, and
 *       company mail domain ({@link DuplicateReason#SAME_EMAIL_DOMAIN}, only where the addresses
 *       differ);</li>
 *   <li>an account with accounts: name (SAME_COMPANY), phone, e-mail address, company mail domain;</li>
 *   <li>a contact with contacts: each of its phone numbers against the others' main phone, e-mail
 *       address, and the name of a contact of the same account ({@link DuplicateReason#SAME_NAME}).</li>
 * </ul>
 * Every lookup is one store query with equality conditions on the records' derived match keys, so a
 * SQL store answers it from an index; at most {@value #MAX_MATCHED_RECORDS} existing records are
 * reported (oldest first), enough to decide. Under a BLOCK policy the strong keys are locked for the
 * rest of the transaction ({@link io.crmkit.spi.Transaction#lock}), so two concurrent commands saving
 * the same company, phone or address cannot both pass the check.
 *
 * <p>Internal to the rules: it takes a {@link CommandContext}; hosts never call it directly.
 */
public final class DuplicateCheck {
    /** The most existing records one check reports. */
    public static final int MAX_MATCHED_RECORDS = 20;

    private DuplicateCheck() {}

    /**
     * Applies the tenant's policy for {@code type}: ALLOW returns no warning without looking; WARN
     * returns every match; BLOCK throws when a match is {@linkplain DuplicateReason#isStrong() strong}
     * and otherwise returns the weak matches as warnings.
     *
     * @param command the running command
     * @param type LEAD, ACCOUNT or CONTACT
     * @param hint what the user can do instead, appended to the error's detail, or null
     * @param finder finds the matches ({@link #ofLead}, {@link #ofAccount}, {@link #ofContact})
     * @return the matches to report as warnings
     * @throws DuplicateBlockedException with rule {@code <type>.duplicate} (for example
     *     {@code lead.duplicate}) when the policy blocks
     */
    public static List<DuplicateMatch> apply(CommandContext command, RecordType type, String hint,
            Supplier<List<DuplicateMatch>> finder) {
        DuplicateAction action = command.settings().duplicatePolicy().actionFor(type);
        if (action == DuplicateAction.ALLOW) {
            return List.of();
        }
        List<DuplicateMatch> matches = finder.get();
        if (action == DuplicateAction.BLOCK && matches.stream().anyMatch(m -> m.reason().isStrong())) {
            String name = type.name().toLowerCase(Locale.ROOT);
            String found = matches.stream().map(m -> m.match() + " (" + m.reason() + ")")
                    .collect(Collectors.joining(", "));
            throw new DuplicateBlockedException(name + ".duplicate", matches,
                    "the " + name + " duplicates " + found + "; the tenant's duplicate policy for " + name
                            + "s is BLOCK" + (hint == null ? "" : "; " + hint));
        }
        return matches;
    }

    /** The workable leads {@code lead} probably duplicates (see the type's documentation). */
    public static List<DuplicateMatch> ofLead(CommandContext command, Lead lead) {
        serialise(command, RecordType.LEAD, lead.companyKey(), lead.phoneKey(), lead.emailKey());
        List<Condition> keys = new ArrayList<>();
        addEq(keys, "companyKey", lead.companyKey());
        addEq(keys, "phoneKey", lead.phoneKey());
        addEq(keys, "emailKey", lead.emailKey());
        addEq(keys, "emailDomainKey", lead.emailDomainKey());
        if (keys.isEmpty()) {
            return List.of();
        }
        Condition condition = Condition.all(
                Condition.any(keys),
                Condition.notIn("status", List.of(new CustomValue.Choice(LeadStatus.CONVERTED.name()),
                        new CustomValue.Choice(LeadStatus.INVALID.name()))),
                Condition.eq("voided", new CustomValue.Flag(false)),
                Condition.ne("id", new CustomValue.Text(lead.id().value())));
        List<DuplicateMatch> matches = new ArrayList<>();
        for (Lead other : command.tx().leads().query(command.tenant(), condition, command.query(),
                PageRequest.first(MAX_MATCHED_RECORDS)).items()) {
            RecordRef ref = RecordRef.of(RecordType.LEAD, other.id());
            addIfSame(matches, ref, DuplicateReason.SAME_COMPANY, lead.companyKey(), other.companyKey());
            addIfSame(matches, ref, DuplicateReason.SAME_PHONE, lead.phoneKey(), other.phoneKey());
            boolean sameEmail = addIfSame(matches, ref, DuplicateReason.SAME_EMAIL, lead.emailKey(), other.emailKey());
            if (!sameEmail) {
                addIfSame(matches, ref, DuplicateReason.SAME_EMAIL_DOMAIN, lead.emailDomainKey(), other.emailDomainKey());
            }
        }
        return List.copyOf(matches);
    }

    /** The accounts (out of the recycle bin) {@code account} probably duplicates. */
    public static List<DuplicateMatch> ofAccount(CommandContext command, Account account) {
        serialise(command, RecordType.ACCOUNT, account.nameKey(), account.phoneKey(), account.emailKey());
        List<Condition> keys = new ArrayList<>();
        addEq(keys, "nameKey", account.nameKey());
        addEq(keys, "phoneKey", account.phoneKey());
        addEq(keys, "emailKey", account.emailKey());
        addEq(keys, "emailDomainKey", account.emailDomainKey());
        if (keys.isEmpty()) {
            return List.of();
        }
        Condition condition = Condition.all(
                Condition.any(keys),
                Condition.eq("voided", new CustomValue.Flag(false)),
                Condition.ne("id", new CustomValue.Text(account.id().value())));
        List<DuplicateMatch> matches = new ArrayList<>();
        for (Account other : command.tx().accounts().query(command.tenant(), condition, command.query(),
                PageRequest.first(MAX_MATCHED_RECORDS)).items()) {
            RecordRef ref = RecordRef.of(RecordType.ACCOUNT, other.id());
            addIfSame(matches, ref, DuplicateReason.SAME_COMPANY, account.nameKey(), other.nameKey());
            addIfSame(matches, ref, DuplicateReason.SAME_PHONE, account.phoneKey(), other.phoneKey());
            boolean sameEmail = addIfSame(matches, ref, DuplicateReason.SAME_EMAIL, account.emailKey(), other.emailKey());
            if (!sameEmail) {
                addIfSame(matches, ref, DuplicateReason.SAME_EMAIL_DOMAIN, account.emailDomainKey(),
                        other.emailDomainKey());
            }
        }
        return List.copyOf(matches);
    }

    /** The contacts (out of the recycle bin) {@code contact} probably duplicates. */
    public static List<DuplicateMatch> ofContact(CommandContext command, Contact contact) {
        Set<String> phoneKeys = new LinkedHashSet<>();
        for (String phone : contact.phones()) {
            String key = MatchKeys.phoneKey(phone);
            if (key != null) {
                phoneKeys.add(key);
            }
        }
        List<String> strong = new ArrayList<>(phoneKeys);
        strong.add(contact.emailKey());
        serialise(command, RecordType.CONTACT, strong.toArray(String[]::new));
        List<Condition> keys = new ArrayList<>();
        if (!phoneKeys.isEmpty()) {
            keys.add(Condition.in("phoneKey", phoneKeys.stream().<CustomValue>map(CustomValue.Text::new).toList()));
        }
        addEq(keys, "emailKey", contact.emailKey());
        if (contact.accountId() != null && contact.nameKey() != null) {
            keys.add(Condition.all(
                    Condition.eq("accountId", new CustomValue.Text(contact.accountId().value())),
                    Condition.eq("nameKey", new CustomValue.Text(contact.nameKey()))));
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        Condition condition = Condition.all(
                Condition.any(keys),
                Condition.eq("voided", new CustomValue.Flag(false)),
                Condition.ne("id", new CustomValue.Text(contact.id().value())));
        List<DuplicateMatch> matches = new ArrayList<>();
        for (Contact other : command.tx().contacts().query(command.tenant(), condition, command.query(),
                PageRequest.first(MAX_MATCHED_RECORDS)).items()) {
            RecordRef ref = RecordRef.of(RecordType.CONTACT, other.id());
            if (other.phoneKey() != null && phoneKeys.contains(other.phoneKey())) {
                matches.add(new DuplicateMatch(ref, DuplicateReason.SAME_PHONE, other.phoneKey()));
            }
            addIfSame(matches, ref, DuplicateReason.SAME_EMAIL, contact.emailKey(), other.emailKey());
            if (Objects.equals(contact.accountId(), other.accountId())) {
                addIfSame(matches, ref, DuplicateReason.SAME_NAME, contact.nameKey(), other.nameKey());
            }
        }
        return List.copyOf(matches);
    }

    /**
     * Under a BLOCK policy, locks each strong key for the rest of the transaction, in a fixed order, so
     * two commands saving records with the same key run one after the other: the second sees the
     * first's record and is blocked, instead of both passing the check and both inserting. (The
     * in-memory store serialises whole transactions anyway; a SQL store takes a row lock.)
     */
    private static void serialise(CommandContext command, RecordType type, String... keys) {
        if (command.settings().duplicatePolicy().actionFor(type) != DuplicateAction.BLOCK) {
            return;
        }
        Set<String> locks = new TreeSet<>();
        for (String key : keys) {
            if (key != null) {
                // Keys can be long and hold any character; a digest gives a short, safe lock key.
                locks.add("duplicate:" + type + ":" + digest(key));
            }
        }
        locks.forEach(lock -> command.tx().lock(lock));
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's documentation).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void addEq(List<Condition> conditions, String field, String key) {
        if (key != null) {
            conditions.add(Condition.eq(field, new CustomValue.Text(key)));
        }
    }

    private static boolean addIfSame(List<DuplicateMatch> matches, RecordRef ref, DuplicateReason reason, String key,
            String other) {
        if (key != null && key.equals(other)) {
            matches.add(new DuplicateMatch(ref, reason, key));
            return true;
        }
        return false;
    }
}
