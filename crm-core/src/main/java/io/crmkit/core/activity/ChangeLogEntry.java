package io.crmkit.core.activity;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the change log (变更记录): who did what to which record, when, and which fields changed.
 * The pool log (公海日志) is the same log filtered by {@link #context()}: an entry written for a claim,
 * assignment, return or recycle names the pool it happened in.
 *
 * <p>The log is append-only: an entry is written once and never changed, so it has no version and
 * is deliberately <em>not</em> an {@link io.crmkit.core.record.Aggregate}; stores insert entries and
 * never update them. Entries carry no custom fields.
 *
 * @param id the entry's id
 * @param tenantId the owning tenant
 * @param record the record that changed
 * @param context the pool the action happened in (a {@code POOL} or {@code LEAD_POOL} reference), or
 *     null for an action outside pools
 * @param actor the user who acted (for a sweep, the user the host runs sweeps as)
 * @param at when it happened
 * @param action a stable action code: lower-case dot-separated words, for example {@code lead.claim}
 *     or {@code account.recycle}; at most 64 characters
 * @param changes the fields that changed, in order; never null, empty for actions that change no field
 * @param reason why, as the actor gave it (for example a return reason), at most 2000 characters, or null
 */
public record ChangeLogEntry(
        ChangeLogEntryId id,
        TenantId tenantId,
        RecordRef record,
        RecordRef context,
        UserId actor,
        Instant at,
        String action,
        List<FieldChange> changes,
        @Size(max = 2000) String reason) {

    /** Longest action code. */
    public static final int MAX_ACTION = 64;

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");

    /**
     * Checks presence of every part but context and reason, that a context is a pool, and the action
     * code's form; copies the changes.
     *
     * @throws ValidationException naming the field if a check fails
     */
    public ChangeLogEntry {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("record", record);
        Checks.required("actor", actor);
        Checks.required("at", at);
        action = Checks.text("action", action, MAX_ACTION);
        if (!ACTION.matcher(action).matches()) {
            throw ValidationException.of("action", ErrorCode.FIELD_INVALID,
                    "action codes are lower-case dot-separated words such as lead.claim");
        }
        if (context != null && context.type() != RecordType.POOL && context.type() != RecordType.LEAD_POOL) {
            throw ValidationException.of("context", ErrorCode.FIELD_INVALID,
                    "the context of a change is a pool (POOL or LEAD_POOL), not " + context.type());
        }
        changes = Checks.list("changes", changes);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** A builder with the defaults: no context, no changes, no reason. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this entry (to derive a similar entry, never to edit one). */
    public Builder toBuilder() {
        return new Builder().id(id).tenantId(tenantId).record(record).context(context).actor(actor).at(at)
                .action(action).changes(changes).reason(reason);
    }

    /** Builds a {@link ChangeLogEntry}; setters are named like the components and validation happens in {@link #build()}. */
    public static final class Builder {
        private ChangeLogEntryId id;
        private TenantId tenantId;
        private RecordRef record;
        private RecordRef context;
        private UserId actor;
        private Instant at;
        private String action;
        private List<FieldChange> changes = List.of();
        private String reason;

        private Builder() {}

        /** Sets {@link ChangeLogEntry#id()}. */
        public Builder id(ChangeLogEntryId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link ChangeLogEntry#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link ChangeLogEntry#record()}. */
        public Builder record(RecordRef record) {
            this.record = record;
            return this;
        }

        /** Sets {@link ChangeLogEntry#context()}. */
        public Builder context(RecordRef context) {
            this.context = context;
            return this;
        }

        /** Sets {@link ChangeLogEntry#actor()}. */
        public Builder actor(UserId actor) {
            this.actor = actor;
            return this;
        }

        /** Sets {@link ChangeLogEntry#at()}. */
        public Builder at(Instant at) {
            this.at = at;
            return this;
        }

        /** Sets {@link ChangeLogEntry#action()}. */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /** Sets {@link ChangeLogEntry#changes()}. */
        public Builder changes(List<FieldChange> changes) {
            this.changes = changes;
            return this;
        }

        /** Sets {@link ChangeLogEntry#reason()}. */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * The entry.
         *
         * @throws ValidationException if a check of {@link ChangeLogEntry} fails
         */
        public ChangeLogEntry build() {
            return new ChangeLogEntry(id, tenantId, record, context, actor, at, action, changes, reason);
        }
    }
}
