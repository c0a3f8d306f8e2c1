package io.crmkit.core.activity;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Owned;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.validation.NonNegativeMoney;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An expense record (费用记录): a cost incurred while following an account, such as travel, gifts or
 * an event.
 *
 * <p>The amount must not be negative and the kind is required; both are content rules checked by
 * {@link io.crmkit.core.validation.CrmValidation}, so a form gets them with its other errors. The
 * owner is the user who incurred the cost (expenses never sit in a pool, so it is always set).
 *
 * @param id the record's id
 * @param tenantId the owning tenant
 * @param accountId the account the cost was incurred for
 * @param opportunityId the opportunity it was incurred for, or null
 * @param kind the tenant-configured kind code (for example {@code travel}, {@code gift},
 *     {@code event}), required, at most 64 characters
 * @param amount what it cost; zero or more
 * @param spentOn the calendar date the money was spent
 * @param note details, at most 2000 characters, or null
 * @param owner the user who incurred the cost and logged it; never null
 * @param customFields the tenant's custom fields; never null
 * @param version the version the record was read at; 0 before it is first stored
 * @param createdAt when the record was created
 * @param updatedAt when the record was last changed
 */
public record ExpenseRecord(
        ExpenseRecordId id,
        TenantId tenantId,
        AccountId accountId,
        OpportunityId opportunityId,
        @NotBlank @Size(max = 64) String kind,
        @NonNegativeMoney Money amount,
        LocalDate spentOn,
        @Size(max = 2000) String note,
        UserId owner,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Aggregate<ExpenseRecordId>, Owned {

    /**
     * Checks presence of ids, account, amount, date, owner and timestamps.
     *
     * @throws io.crmkit.core.error.ValidationException naming the field if one is missing or the
     *     version is negative
     */
    public ExpenseRecord {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        Checks.required("accountId", accountId);
        Checks.required("amount", amount);
        Checks.required("spentOn", spentOn);
        Checks.required("owner", owner);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
        Checks.range("version", version, 0, Long.MAX_VALUE);
        kind = strip(kind);
        note = strip(note);
        customFields = customFields == null ? CustomFields.none() : customFields;
    }

    /** A builder with the defaults: version 0, no custom fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this record, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).accountId(accountId).opportunityId(opportunityId).kind(kind)
                .amount(amount).spentOn(spentOn).note(note).owner(owner).customFields(customFields)
                .version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Builds an {@link ExpenseRecord}; setters are named like the components and validation happens in {@link #build()}. */
    public static final class Builder {
        private ExpenseRecordId id;
        private TenantId tenantId;
        private AccountId accountId;
        private OpportunityId opportunityId;
        private String kind;
        private Money amount;
        private LocalDate spentOn;
        private String note;
        private UserId owner;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets {@link ExpenseRecord#id()}. */
        public Builder id(ExpenseRecordId id) {
            this.id = id;
            return this;
        }

        /** Sets {@link ExpenseRecord#tenantId()}. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets {@link ExpenseRecord#accountId()}. */
        public Builder accountId(AccountId accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sets {@link ExpenseRecord#opportunityId()}. */
        public Builder opportunityId(OpportunityId opportunityId) {
            this.opportunityId = opportunityId;
            return this;
        }

        /** Sets {@link ExpenseRecord#kind()}. */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /** Sets {@link ExpenseRecord#amount()}. */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /** Sets {@link ExpenseRecord#spentOn()}. */
        public Builder spentOn(LocalDate spentOn) {
            this.spentOn = spentOn;
            return this;
        }

        /** Sets {@link ExpenseRecord#note()}. */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /** Sets {@link ExpenseRecord#owner()}. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets {@link ExpenseRecord#customFields()}. */
        public Builder customFields(CustomFields customFields) {
            this.customFields = customFields;
            return this;
        }

        /** Sets {@link ExpenseRecord#version()}. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets {@link ExpenseRecord#createdAt()}. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets {@link ExpenseRecord#updatedAt()}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The expense record.
         *
         * @throws io.crmkit.core.error.ValidationException if a structural check of {@link ExpenseRecord} fails
         */
        public ExpenseRecord build() {
            return new ExpenseRecord(id, tenantId, accountId, opportunityId, kind, amount, spentOn, note, owner,
                    customFields, version, createdAt, updatedAt);
        }
    }
}
