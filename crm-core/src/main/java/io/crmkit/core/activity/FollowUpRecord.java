package io.crmkit.core.activity;

import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Derived;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A follow-up record (跟进记录 / 销售记录): a logged interaction with a customer about a lead, account,
 * contact, opportunity or any other record. Logging one moves the target's last follow-up time.
 *
 * <p>The content is required and at most 4000 characters; both are content rules checked by
 * {@link io.crmkit.core.validation.CrmValidation}. Present content is stripped, blank content becomes
 * {@code null}.
 *
 * @param id the record's id
 * @param tenantId the owning tenant
 * @param target the record the interaction was about
 * @param kind how the interaction happened
 * @param content what was said or done, required, at most 4000 characters
 * @param occurredAt when the interaction happened (may be earlier than {@code createdAt})
 * @param author the user who logged it
 * @param customFields the tenant's custom fields; never null
 * @param version the version the record was read at; 0 before it is first stored
 * @param createdAt when the record was created
 * @param updatedAt when the record was last changed
 * @param targetType derived: the type of {@code target}, so stores can find a record's follow-ups
 *     with plain conditions ({@code targetType} and {@code targetId}) instead of loading them all
 * @param targetId derived: the id of {@code target}
 */
public record FollowUpRecord(
        FollowUpRecordId id,
        TenantId tenantId,
        RecordRef target,
        FollowUpKind kind,
        @NotBlank @Size(max = 4000) String content,
        Instant occurredAt,
        UserId author,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Derived RecordType targetType,
        @Derived String targetId) implements Aggregate<FollowUpRecordId> {

    /**
     * Checks that ids, target, kind, times and author are present.
     *
     * @throws io.crmkit.core.error.ValidationException naming the field if one is missing or the
     *     version is negative
     */
    public FollowUpRecord {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("target", target);
        Checks.required("kind", kind);
        Checks.required("occurredAt", occurredAt);
        Checks.required("author", author);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
        Checks.range("version", version, 0, Long.MAX_VALUE);
        content = content == null || content.isBlank() ? null : content.strip();
        customFields = customFields == null ? CustomFields.none() : customFields;
        targetType = target.type();
        targetId = target.id();
    }

    /** A builder with the defaults: version 0, no custom fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this record, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).target(target).kind(kind).content(content).occurredAt(occurredAt)
                .author(author).customFields(customFields).version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /** Builds a {@link FollowUpRecord}; setters are named like the components and validation happens in {@link #build()}. */
    public static final class Builder {
        private FollowUpRecordId id;
        private TenantId tenantId;
        private RecordRef target;
        private FollowUpKind kind;
        private String content;
        private Instant occurredAt;
        private UserId author;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link FollowUpRecord#id()}. */
        public Builder id(FollowUpRecordId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link FollowUpRecord#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link FollowUpRecord#target()}. */
        public Builder target(RecordRef target) {
            this.target = target;
            return this;
        }

        /** Sets {@link FollowUpRecord#kind()}. */
        public Builder kind(FollowUpKind kind) {
            this.kind = kind;
            return this;
        }

        /** Sets {@link FollowUpRecord#content()}. */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /** Sets {@link FollowUpRecord#occurredAt()}. */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /** Sets {@link FollowUpRecord#author()}. */
        public Builder author(UserId author) {
            this.author = author;
            return this;
        }

        /** Sets {@link FollowUpRecord#customFields()}. */
        public Builder customFields(CustomFields customFields) {
            this.customFields = customFields;
            return this;
        }

        /** Sets {@link FollowUpRecord#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link FollowUpRecord#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link FollowUpRecord#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The follow-up record.
         *
         * @throws io.crmkit.core.error.ValidationException if a structural check of {@link FollowUpRecord} fails
         */
        public FollowUpRecord build() {
            return new FollowUpRecord(id, tenantId, target, kind, content, occurredAt, author, customFields, version,
                    createdAt, updatedAt, null, null);
        }
    }
}
