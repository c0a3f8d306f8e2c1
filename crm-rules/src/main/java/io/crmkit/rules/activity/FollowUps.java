package io.crmkit.rules.activity;

import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.error.Violation;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.validation.CrmValidation;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.internal.RulesContext;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Follow-up records (跟进记录): logging an interaction with a customer against a lead, account,
 * contact or opportunity, and reading a record's follow-ups. Logging one moves the record's last
 * follow-up time, which recycle and reminder rules read.
 *
 * <p>Who may log and read follow-ups on which record is described on each method. Obtained from
 * {@link io.crmkit.rules.Crm}; the constructor is internal.
 */
public final class FollowUps {
    /** The change-log action written against the target when a follow-up is logged. */
    public static final String ACTION_RECORD = "follow-up.record";

    /** The action named in a refusal to read a record's follow-ups. */
    public static final String ACTION_READ = "follow-up.read";

    private static final Comparator<FollowUpRecord> NEWEST_FIRST = Comparator
            .comparing(FollowUpRecord::occurredAt)
            .thenComparing(r -> r.id().value())
            .reversed();

    private final RulesContext rules;

    /** Internal: obtained from {@link io.crmkit.rules.Crm}. */
    public FollowUps(RulesContext rules) {
        this.rules = Checks.required("rules", rules);
    }

    /**
     * Logs a follow-up against its target and moves the target's last follow-up time to
     * {@code occurredAt} unless it is already later (a follow-up logged after the fact never makes a
     * record look neglected). Writes the change-log entry {@value #ACTION_RECORD} against the target
     * (with the target's pool as context when it sits in one; the field changes show
     * {@code lastFollowUpAt} when it moved, none otherwise).
     *
     * <p>The actor must be the target's owner; a tenant admin; for a lead or account in a pool, an
     * admin of that pool; for an account, a team member with read-write access; for a contact of an
     * account, that account's owner or a read-write team member of it.
     *
     * @param actor who logs it; the author of the record
     * @param command what to log
     * @return the stored follow-up record
     * @throws io.crmkit.core.error.NotFoundException if the actor's tenant has no such target
     * @throws io.crmkit.core.error.ForbiddenException if the actor may not log follow-ups on it
     * @throws ValidationException listing every problem of the command at once: target, kind or
     *     content missing, content too long, {@code occurredAt} later than now; or on {@code target}
     *     for a kind of record that takes no follow-ups
     * @throws io.crmkit.core.error.RuleViolationException with rule {@code <type>.voided} or
     *     {@code <type>.locked} (for example {@code account.locked}) if the target is in the recycle
     *     bin or locked (an opportunity is locked against non-admins only)
     * @throws io.crmkit.core.error.IllegalTransitionException if the target is a converted lead
     *     (log follow-ups on the account it became)
     */
    public FollowUpRecord record(Actor actor, RecordFollowUp command) {
        return rules.command(actor, cmd -> recordIn(cmd, command));
    }

    /**
     * Internal, for rule services that log a follow-up as part of their own command (marking a lead
     * as followed up): does what {@link #record} does, inside {@code command}'s transaction, so the
     * follow-up and the caller's change commit or roll back together. Hosts call {@link #record}.
     *
     * @throws io.crmkit.core.error.CrmException as {@link #record}
     */
    public FollowUpRecord recordIn(CommandContext command, RecordFollowUp followUp) {
        if (followUp == null) {
            throw ValidationException.of("command", ErrorCode.FIELD_REQUIRED);
        }
        FollowUpTarget target = null;
        if (followUp.target() != null) {
            target = FollowUpTarget.load(command, followUp.target());
            target.requireMayRecord(ACTION_RECORD);
        }
        validate(command, followUp);
        target.requireOpen(ACTION_RECORD);

        Instant at = followUp.occurredAt() == null ? command.now() : followUp.occurredAt();
        var store = command.tx().followUps();
        FollowUpRecord stored = store.insert(FollowUpRecord.builder()
                .id(store.nextId())
                .tenantId(command.tenant())
                .target(target.ref())
                .kind(followUp.kind())
                .content(followUp.content())
                .occurredAt(at)
                .author(command.actor().userId())
                .createdAt(command.now())
                .updatedAt(command.now())
                .build());
        target.followedUpAt(at, ACTION_RECORD);
        return stored;
    }

    /**
     * One page of the follow-ups logged against {@code target}, newest first (by the time they
     * happened, then by id), paged by key: a page never repeats or skips a record that existed
     * throughout the paging.
     *
     * <p>The actor must be allowed to log follow-ups on the target (see {@link #record}), or be a
     * read-only team member of the account (or of a contact's account), or, for a lead or account
     * sitting unclaimed in a pool whose members claim and whose rules show related data before a
     * claim, a member of that pool.
     *
     * @param actor who reads
     * @param target the lead, account, contact or opportunity
     * @param page which page; {@code after} is a cursor this method returned
     * @return the page, with a cursor when more follow-ups follow
     * @throws io.crmkit.core.error.NotFoundException if the actor's tenant has no such target
     * @throws io.crmkit.core.error.ForbiddenException if the actor may not see its follow-ups
     * @throws ValidationException if an argument is missing, the target is of a kind that takes no
     *     follow-ups, or the cursor is not one this method issued
     */
    public Page<FollowUpRecord> ofTarget(Actor actor, RecordRef target, PageRequest page) {
        Checks.required("target", target);
        Checks.required("page", page);
        Cursor after = page.after() == null ? null : Cursor.parse(page.after());
        return rules.command(actor, cmd -> {
            FollowUpTarget loaded = FollowUpTarget.load(cmd, target);
            loaded.requireMayRead(ACTION_READ);
            List<FollowUpRecord> all = FollowUpQueries.ofTarget(cmd, target);
            all.sort(NEWEST_FIRST);
            List<FollowUpRecord> items = new ArrayList<>(page.limit());
            boolean more = false;
            for (FollowUpRecord record : all) {
                if (after != null && !after.isBefore(record)) {
                    continue;
                }
                if (items.size() == page.limit()) {
                    more = true;
                    break;
                }
                items.add(record);
            }
            String next = more ? Cursor.of(items.get(items.size() - 1)).text() : null;
            return new Page<>(items, next);
        });
    }

    private static void validate(CommandContext command, RecordFollowUp followUp) {
        List<Violation> violations = new ArrayList<>(CrmValidation.violations(followUp));
        if (followUp.occurredAt() != null && followUp.occurredAt().isAfter(command.now())) {
            violations.add(Violation.of("occurredAt", ErrorCode.FIELD_INVALID,
                    "a follow-up cannot happen later than now (" + command.now() + ")"));
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field));
            throw new ValidationException(violations);
        }
    }

    /** A position in the newest-first order: the last item of a page. */
    private record Cursor(Instant occurredAt, String id) {
        private static final char SEPARATOR = '|';

        static Cursor of(FollowUpRecord record) {
            return new Cursor(record.occurredAt(), record.id().value());
        }

        static Cursor parse(String text) {
            int split = text.lastIndexOf(SEPARATOR);
            if (split <= 0 || split == text.length() - 1) {
                throw invalid();
            }
            try {
                return new Cursor(Instant.parse(text.substring(0, split)), text.substring(split + 1));
            } catch (DateTimeParseException e) {
                throw invalid();
            }
        }

        private static ValidationException invalid() {
            return ValidationException.of("after", ErrorCode.FIELD_INVALID,
                    "not a cursor of FollowUps.ofTarget; pass the nextCursor of the previous page");
        }

        /** Whether this position comes before {@code record} in the newest-first order. */
        boolean isBefore(FollowUpRecord record) {
            int byTime = record.occurredAt().compareTo(occurredAt);
            return byTime < 0 || (byTime == 0 && record.id().value().compareTo(id) < 0);
        }

        String text() {
            return occurredAt.toString() + SEPARATOR + id;
        }
    }
}
