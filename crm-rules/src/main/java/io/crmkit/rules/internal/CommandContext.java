package io.crmkit.rules.internal;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.record.Derived;
import io.crmkit.core.record.RecordFields;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.notify.Notification;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One command in progress: its transaction, who runs it, when it happens, the tenant's settings,
 * and the two things every command does besides changing records: writing the change log and
 * queuing notifications in the outbox (both inside the same transaction).
 *
 * <p>Internal: hosts use {@link io.crmkit.rules.Crm}.
 */
public final class CommandContext {
    /** Components never shown in change-log diffs: they change on every write. */
    private static final Set<String> UNLOGGED = Set.of("version", "updatedAt", "createdAt");

    private final Transaction tx;
    private final Actor actor;
    private final Instant now;
    private final TenantSettings settings;
    private final RulesContext rules;

    CommandContext(Transaction tx, Actor actor, Instant now, TenantSettings settings, RulesContext rules) {
        this.tx = tx;
        this.actor = actor;
        this.now = now;
        this.settings = settings;
        this.rules = rules;
    }

    /** The command's transaction. */
    public Transaction tx() {
        return tx;
    }

    /** Who runs the command. */
    public Actor actor() {
        return actor;
    }

    /** The actor's tenant: the only tenant the command may touch. */
    public TenantId tenant() {
        return actor.tenantId();
    }

    /** The instant the command happens at. */
    public Instant now() {
        return now;
    }

    /** The tenant's calendar date at {@link #now()}. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, settings.zone());
    }

    /** The tenant's settings. */
    public TenantSettings settings() {
        return settings;
    }

    /** The context for store queries: this command's instant, the tenant's zone. */
    public QueryContext query() {
        return new QueryContext(now, settings.zone());
    }

    /** The shared services (directory, approvals, registry, admin role). */
    public RulesContext rules() {
        return rules;
    }

    /** Whether the actor is a tenant-wide CRM administrator (has the configured admin role). */
    public boolean actorIsAdmin() {
        return actor.hasRole(rules.adminRole());
    }

    /** Whether the actor is {@code user}. */
    public boolean actorIs(UserId user) {
        return actor.userId().equals(user);
    }

    /**
     * A refusal of {@code action} for the actor, to throw.
     *
     * @param action the command, for example {@code lead.claim}
     * @param reason why, in English, for logs
     */
    public ForbiddenException forbidden(String action, String reason) {
        return new ForbiddenException(actor.userId().value(), action, reason);
    }

    /**
     * Appends a change-log entry for {@code record}: the fields that differ between {@code before}
     * and {@code after} (every field when {@code before} is null, as on creation), as text.
     *
     * @param record the record changed
     * @param context the pool the action happened in (for the pool log), or null
     * @param action a stable action code, for example {@code lead.mark-mql}
     * @param before the record before the change, or null on creation
     * @param after the record after the change, or null on deletion
     * @param reason the reason given, or null
     * @return the entry appended
     */
    public ChangeLogEntry log(RecordRef record, RecordRef context, String action, Record before, Record after, String reason) {
        ChangeLogEntry entry = ChangeLogEntry.builder()
                .id(tx.changeLog().nextId())
                .tenantId(tenant())
                .record(record)
                .context(context)
                .actor(actor.userId())
                .at(now)
                .action(action)
                .changes(diff(before, after))
                .reason(reason)
                .build();
        tx.changeLog().append(entry);
        return entry;
    }

    /**
     * Queues a notification in the outbox, in this transaction. A notification with the same
     * de-duplication key is queued only once.
     */
    public void notify(Set<UserId> recipients, String type, RecordRef record, Map<String, String> payload,
            String deduplicationKey) {
        if (recipients.isEmpty()) {
            return;
        }
        tx.outbox().append(new Notification(tenant(), recipients, type, record, payload, deduplicationKey, now));
    }

    /**
     * The fields that differ, in component order, leaving out {@link Derived} ones; text forms of the
     * values (null stays null).
     */
    static List<FieldChange> diff(Record before, Record after) {
        Record shape = after != null ? after : before;
        if (shape == null) {
            return List.of();
        }
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent component : shape.getClass().getRecordComponents()) {
            // Derived components (match keys) change exactly when their sources do: logging them is noise.
            if (UNLOGGED.contains(component.getName()) || component.isAnnotationPresent(Derived.class)) {
                continue;
            }
            String was = before == null ? null : text(RecordFields.value(before, component.getName()));
            String is = after == null ? null : text(RecordFields.value(after, component.getName()));
            if (!Objects.equals(was, is)) {
                changes.add(new FieldChange(component.getName(), was, is));
            }
        }
        return changes;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Collection<?> c && c.isEmpty()) {
            return null;
        }
        if (value instanceof Map<?, ?> m && m.isEmpty()) {
            return null;
        }
        if (value instanceof io.crmkit.core.record.CustomFields f && f.isEmpty()) {
            return null;
        }
        return String.valueOf(value);
    }

    /**
     * The text form of each field of {@code record} that change-log entries show, by field name in
     * component order, empty fields left out: what the entry for the record's creation lists as
     * "after" values, and so what replaying a record's change log from its creation must end with.
     */
    public static Map<String, String> loggedFields(Record record) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (FieldChange change : diff(null, record)) {
            fields.put(change.field(), change.after());
        }
        return fields;
    }
}
