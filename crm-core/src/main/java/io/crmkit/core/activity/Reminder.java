package io.crmkit.core.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.RecordRef;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * A reminder (提醒): a nudge about a record, sent to its recipients at its due time. Reminders made by
 * rules (recycle warnings, overdue installments, follow-up reminders) carry a de-duplication key so
 * that a sweep that runs twice does not remind twice.
 *
 * <p>Status moves once: {@link ReminderStatus#PENDING} to {@link ReminderStatus#SENT} or
 * {@link ReminderStatus#CANCELLED}. The text is required and at most 2000 characters (content rules,
 * checked by {@link io.crmkit.core.validation.CrmValidation}).
 *
 * @param id the reminder's id
 * @param tenantId the owning tenant
 * @param target the record the reminder is about
 * @param recipients who gets reminded; at least one
 * @param dueAt when to remind
 * @param text what to tell them, required, at most 2000 characters
 * @param status where the reminder is in its life
 * @param deduplicationKey a stable key identifying what the reminder is for (for example
 *     {@code recycle-warning:ACCOUNT:a1:2026-11-03}), at most 200 characters, or null for a
 *     reminder a user set by hand
 * @param version the version the reminder was read at; 0 before it is first stored
 * @param createdAt when the reminder was created
 * @param updatedAt when the reminder was last changed
 */
public record Reminder(
        ReminderId id,
        TenantId tenantId,
        RecordRef target,
        Set<UserId> recipients,
        Instant dueAt,
        @NotBlank @Size(max = 2000) String text,
        ReminderStatus status,
        String deduplicationKey,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Aggregate<ReminderId> {

    /** Longest de-duplication key; stores size their unique key column to it. */
    public static final int MAX_DEDUPLICATION_KEY = 200;

    private static final String MACHINE = "reminder-status";

    /**
     * Checks presence of ids, target, due time, status and timestamps, that there is a recipient and
     * that the de-duplication key fits.
     *
     * @throws ValidationException naming the field if a check fails
     */
    public Reminder {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("target", target);
        Checks.required("dueAt", dueAt);
        Checks.required("status", status);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
        Checks.range("version", version, 0, Long.MAX_VALUE);
        recipients = Checks.set("recipients", recipients);
        if (recipients.isEmpty()) {
            throw ValidationException.of("recipients", ErrorCode.FIELD_REQUIRED);
        }
        // The key is what makes a sweep idempotent, so it is structural, not a content rule.
        deduplicationKey = Checks.optionalText("deduplicationKey", deduplicationKey, MAX_DEDUPLICATION_KEY);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** A builder with the defaults: version 0, {@link ReminderStatus#PENDING}, no recipients yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this reminder, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).target(target).recipients(recipients).dueAt(dueAt).text(text)
                .status(status).deduplicationKey(deduplicationKey)
                .version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /** Whether the reminder still waits to be sent. */
    @JsonIgnore
    public boolean isPending() {
        return status == ReminderStatus.PENDING;
    }

    /**
     * This reminder marked sent.
     *
     * @throws IllegalTransitionException if it is not pending
     */
    public Reminder sent() {
        return moveTo(ReminderStatus.SENT, "send");
    }

    /**
     * This reminder cancelled.
     *
     * @throws IllegalTransitionException if it is not pending
     */
    public Reminder cancelled() {
        return moveTo(ReminderStatus.CANCELLED, "cancel");
    }

    private Reminder moveTo(ReminderStatus next, String action) {
        if (status != ReminderStatus.PENDING) {
            throw new IllegalTransitionException(MACHINE, status, action);
        }
        return toBuilder().status(next).build();
    }

    /** Builds a {@link Reminder}; setters are named like the components and validation happens in {@link #build()}. */
    public static final class Builder {
        private ReminderId id;
        private TenantId tenantId;
        private RecordRef target;
        private Set<UserId> recipients = Set.of();
        private Instant dueAt;
        private String text;
        private ReminderStatus status = ReminderStatus.PENDING;
        private String deduplicationKey;
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link Reminder#id()}. */
        public Builder id(ReminderId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link Reminder#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link Reminder#target()}. */
        public Builder target(RecordRef target) {
            this.target = target;
            return this;
        }

        /** Sets {@link Reminder#recipients()}. */
        public Builder recipients(Set<UserId> recipients) {
            this.recipients = recipients;
            return this;
        }

        /** Sets {@link Reminder#dueAt()}. */
        public Builder dueAt(Instant dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        /** Sets {@link Reminder#text()}. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** Sets {@link Reminder#status()}. */
        public Builder status(ReminderStatus status) {
            this.status = status;
            return this;
        }

        /** Sets {@link Reminder#deduplicationKey()}. */
        public Builder deduplicationKey(String deduplicationKey) {
            this.deduplicationKey = deduplicationKey;
            return this;
        }

        /** Sets {@link Reminder#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link Reminder#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link Reminder#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The reminder.
         *
         * @throws ValidationException if a structural check of {@link Reminder} fails
         */
        public Reminder build() {
            return new Reminder(id, tenantId, target, recipients, dueAt, text, status, deduplicationKey, version,
                    createdAt, updatedAt);
        }
    }
}
