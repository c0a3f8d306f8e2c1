package io.crmkit.core.sales;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.Owned;
import io.crmkit.core.validation.NonNegativeMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An opportunity (商机): a chance that an account buys. It moves through the stages of its
 * {@link SalesProcess} and ends closed as WON, LOST or INVALID.
 *
 * <p>The constructor guarantees the invariants that must always hold: a closed opportunity has a
 * close time and an open one has none; a lost reason only on an opportunity closed as LOST; the
 * amount and all lines in one currency with unique line numbers; each contact at most once and at
 * most one primary contact. Whether the stage belongs to the sales process is checked by the moves
 * ({@link #advance}, {@link #moveTo}, {@link #close}, {@link #reopen}), which take the process.
 * Field contents (name length, non-negative amount) are Jakarta constraints checked by
 * {@link io.crmkit.core.validation.CrmValidation}. Locking is enforced by the rules, not here.
 *
 * @param id the opportunity's id
 * @param tenantId the owning tenant
 * @param name the opportunity's name, 1 to 200 characters
 * @param accountId the account that may buy
 * @param expectedCloseDate when the deal is expected to close, or {@code null}
 * @param amount the expected deal amount; its currency is the opportunity's currency
 * @param salesProcessId the sales process the stages come from
 * @param stage where the opportunity stands (open at a stage, or closed with a result)
 * @param lostReason why it was lost, or {@code null}; only on an opportunity closed as LOST
 * @param closedAt when it was closed; non-null exactly when {@code stage} is closed
 * @param sourceLeadId the lead it was converted from, or {@code null}
 * @param lines the product lines, in the amount's currency, with unique line numbers
 * @param wholeOrderDiscount the discount on the whole order (整单折扣)
 * @param contacts the contacts involved, each once, at most one primary
 * @param competitors the competitors in the deal
 * @param lastFollowUpAt when it was last followed up, or {@code null}
 * @param locked whether the record is locked against edits by non-admins
 * @param owner the owning user
 * @param customFields the tenant's custom fields
 * @param version the version the record was read at, 0 before it is stored
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Opportunity(
        OpportunityId id,
        TenantId tenantId,
        @NotBlank @Size(max = Opportunity.MAX_NAME) String name,
        AccountId accountId,
        LocalDate expectedCloseDate,
        @NonNegativeMoney Money amount,
        SalesProcessId salesProcessId,
        OpportunityStage stage,
        String lostReason,
        Instant closedAt,
        LeadId sourceLeadId,
        @Valid List<SalesLine> lines,
        Discount wholeOrderDiscount,
        @Valid List<OpportunityContact> contacts,
        @Valid List<Competitor> competitors,
        Instant lastFollowUpAt,
        boolean locked,
        UserId owner,
        CustomFields customFields,
        long version,
        Instant createdAt,
        Instant updatedAt) implements Aggregate<OpportunityId>, Owned {

    /** Longest opportunity name. */
    public static final int MAX_NAME = 200;

    /**
     * Checks the structural invariants.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_REQUIRED} for a missing required
     *     part, {@link ErrorCode#FIELD_INVALID} for a close time or lost reason that does not match the
     *     stage, a duplicate line number, a contact listed twice or a second primary contact, and
     *     {@link ErrorCode#CURRENCY_MISMATCH} for a line in another currency than the amount
     */
    public Opportunity {
        Checks.required("id", id);
        Checks.required("tenantId", tenantId);
        name = name == null ? null : name.strip();
        Checks.required("accountId", accountId);
        Checks.required("amount", amount);
        Checks.required("salesProcessId", salesProcessId);
        Checks.required("stage", stage);
        lostReason = Checks.optionalText("lostReason", lostReason, SalesProcess.MAX_LOST_REASON);
        if (lostReason != null && stage.result() != CloseResult.LOST) {
            throw ValidationException.of("lostReason", ErrorCode.FIELD_INVALID,
                    "only an opportunity closed as LOST has a lost reason; this one is " + stage);
        }
        if (stage.isClosed() && closedAt == null) {
            throw ValidationException.of("closedAt", ErrorCode.FIELD_REQUIRED);
        }
        if (stage.isOpen() && closedAt != null) {
            throw ValidationException.of("closedAt", ErrorCode.FIELD_INVALID,
                    "an open opportunity has no close time; it is at " + stage);
        }
        lines = Checks.list("lines", lines);
        SalesLines.requireUniqueLineNos("lines", lines);
        SalesLines.requireCurrency("lines", lines, amount.currency());
        Checks.required("wholeOrderDiscount", wholeOrderDiscount);
        contacts = Checks.list("contacts", contacts);
        requireContacts(contacts);
        competitors = Checks.list("competitors", competitors);
        Checks.required("owner", owner);
        customFields = customFields == null ? CustomFields.none() : customFields;
        Checks.range("version", version, 0, Long.MAX_VALUE);
        Checks.required("createdAt", createdAt);
        Checks.required("updatedAt", updatedAt);
    }

    private static void requireContacts(List<OpportunityContact> contacts) {
        Set<ContactId> seen = new HashSet<>();
        int primaries = 0;
        for (OpportunityContact contact : contacts) {
            if (!seen.add(contact.contactId())) {
                throw ValidationException.of("contacts", ErrorCode.FIELD_INVALID,
                        "contact " + contact.contactId() + " is listed twice; list each contact once");
            }
            if (contact.primary()) {
                primaries++;
            }
        }
        if (primaries > 1) {
            throw ValidationException.of("contacts", ErrorCode.FIELD_INVALID,
                    "at most one contact may be primary, but " + primaries + " are");
        }
    }

    /** A builder with version 0, no lines, contacts or competitors, no discount and no custom fields. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this opportunity's values, to make a modified copy. */
    public Builder toBuilder() {
        return new Builder()
                .id(id).tenantId(tenantId).name(name).accountId(accountId)
                .expectedCloseDate(expectedCloseDate).amount(amount).salesProcessId(salesProcessId)
                .stage(stage).lostReason(lostReason).closedAt(closedAt).sourceLeadId(sourceLeadId)
                .lines(lines).wholeOrderDiscount(wholeOrderDiscount).contacts(contacts)
                .competitors(competitors).lastFollowUpAt(lastFollowUpAt).locked(locked).owner(owner)
                .customFields(customFields).version(version).createdAt(createdAt).updatedAt(updatedAt);
    }

    /** Whether the opportunity is closed (WON, LOST or INVALID). */
    @JsonIgnore
    public boolean isClosed() {
        return stage.isClosed();
    }

    /** The opportunity's currency: the amount's, which every line shares. */
    @JsonIgnore
    public Currency currency() {
        return amount.currency();
    }

    /**
     * The win rate where the opportunity stands: the stage's default, or the close result's.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} when {@code process} is not
     *     this opportunity's process, {@link ErrorCode#UNKNOWN_STAGE} when the stage is not in it
     */
    public int winRatePercent(SalesProcess process) {
        return StageMoves.winRatePercent(requireProcess(process), stage);
    }

    /**
     * This opportunity one stage further ({@link StageMoves#advance}), changed at {@code at}.
     *
     * @throws IllegalTransitionException when closed or at the last open stage
     * @throws ValidationException when {@code process} is not this opportunity's, or the stage is unknown
     */
    public Opportunity advance(SalesProcess process, Instant at) {
        OpportunityStage next = StageMoves.advance(requireProcess(process), stage);
        return toBuilder().stage(next).updatedAt(Checks.required("at", at)).build();
    }

    /**
     * This opportunity moved to {@code target} ({@link StageMoves#moveTo}), changed at {@code at}.
     *
     * @throws IllegalTransitionException when closed, already at {@code target}, or moving back
     *     without rollback allowed
     * @throws ValidationException when {@code process} is not this opportunity's, or a stage is unknown
     */
    public Opportunity moveTo(SalesProcess process, StageId target, Instant at) {
        OpportunityStage next = StageMoves.moveTo(requireProcess(process), stage, target);
        return toBuilder().stage(next).updatedAt(Checks.required("at", at)).build();
    }

    /**
     * This opportunity closed with {@code result} at {@code at} ({@link StageMoves#close}); LOST keeps
     * {@code reason} as the lost reason.
     *
     * @param reason the lost reason; see {@link SalesProcess#checkCloseReason}
     * @throws IllegalTransitionException when already closed
     * @throws ValidationException when {@code process} is not this opportunity's, the stage is
     *     unknown, or the reason is not acceptable
     */
    public Opportunity close(SalesProcess process, CloseResult result, String reason, Instant at) {
        SalesProcess checked = requireProcess(process);
        OpportunityStage next = StageMoves.close(checked, stage, result, reason);
        Checks.required("at", at);
        return toBuilder()
                .stage(next)
                .lostReason(checked.checkCloseReason(result, reason))
                .closedAt(at)
                .updatedAt(at)
                .build();
    }

    /**
     * This opportunity reopened at {@code target} at {@code at} ({@link StageMoves#reopen}); the close
     * time and lost reason are cleared.
     *
     * @throws IllegalTransitionException when open, or when the process does not allow reopening
     * @throws ValidationException when {@code process} is not this opportunity's, or {@code target} is unknown
     */
    public Opportunity reopen(SalesProcess process, StageId target, Instant at) {
        OpportunityStage next = StageMoves.reopen(requireProcess(process), stage, target);
        return toBuilder()
                .stage(next)
                .lostReason(null)
                .closedAt(null)
                .updatedAt(Checks.required("at", at))
                .build();
    }

    private SalesProcess requireProcess(SalesProcess process) {
        Checks.required("process", process);
        if (!process.id().equals(salesProcessId)) {
            throw ValidationException.of("process", ErrorCode.FIELD_INVALID,
                    "opportunity " + id + " follows sales process " + salesProcessId + ", not " + process.id());
        }
        return process;
    }

    /** Builds an {@link Opportunity}; {@link #build()} runs the canonical constructor's checks. */
    public static final class Builder {
        private OpportunityId id;
        private TenantId tenantId;
        private String name;
        private AccountId accountId;
        private LocalDate expectedCloseDate;
        private Money amount;
        private SalesProcessId salesProcessId;
        private OpportunityStage stage;
        private String lostReason;
        private Instant closedAt;
        private LeadId sourceLeadId;
        private List<SalesLine> lines = List.of();
        private Discount wholeOrderDiscount = Discount.NONE;
        private List<OpportunityContact> contacts = List.of();
        private List<Competitor> competitors = List.of();
        private Instant lastFollowUpAt;
        private boolean locked;
        private UserId owner;
        private CustomFields customFields = CustomFields.none();
        private long version;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {}

        /** Sets the id. */
        public Builder id(OpportunityId id) {
            this.id = id;
            return this;
        }

        /** Sets the tenant. */
        public Builder tenantId(TenantId tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /** Sets the name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the account. */
        public Builder accountId(AccountId accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sets the expected close date, or {@code null}. */
        public Builder expectedCloseDate(LocalDate expectedCloseDate) {
            this.expectedCloseDate = expectedCloseDate;
            return this;
        }

        /** Sets the amount. */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /** Sets the sales process. */
        public Builder salesProcessId(SalesProcessId salesProcessId) {
            this.salesProcessId = salesProcessId;
            return this;
        }

        /** Sets the stage. */
        public Builder stage(OpportunityStage stage) {
            this.stage = stage;
            return this;
        }

        /** Sets the lost reason, or {@code null}. */
        public Builder lostReason(String lostReason) {
            this.lostReason = lostReason;
            return this;
        }

        /** Sets the close time, or {@code null}. */
        public Builder closedAt(Instant closedAt) {
            this.closedAt = closedAt;
            return this;
        }

        /** Sets the source lead, or {@code null}. */
        public Builder sourceLeadId(LeadId sourceLeadId) {
            this.sourceLeadId = sourceLeadId;
            return this;
        }

        /** Sets the product lines (default none). */
        public Builder lines(List<SalesLine> lines) {
            this.lines = lines;
            return this;
        }

        /** Sets the whole-order discount (default {@link Discount#NONE}). */
        public Builder wholeOrderDiscount(Discount wholeOrderDiscount) {
            this.wholeOrderDiscount = wholeOrderDiscount;
            return this;
        }

        /** Sets the contacts (default none). */
        public Builder contacts(List<OpportunityContact> contacts) {
            this.contacts = contacts;
            return this;
        }

        /** Sets the competitors (default none). */
        public Builder competitors(List<Competitor> competitors) {
            this.competitors = competitors;
            return this;
        }

        /** Sets the last follow-up time, or {@code null}. */
        public Builder lastFollowUpAt(Instant lastFollowUpAt) {
            this.lastFollowUpAt = lastFollowUpAt;
            return this;
        }

        /** Sets whether the record is locked (default false). */
        public Builder locked(boolean locked) {
            this.locked = locked;
            return this;
        }

        /** Sets the owner. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets the custom fields (default none). */
        public Builder customFields(CustomFields customFields) {
            this.customFields = customFields;
            return this;
        }

        /** Sets the version (default 0). */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Sets the creation time. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Sets the last-change time. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The opportunity.
         *
         * @throws ValidationException as the canonical constructor does
         */
        public Opportunity build() {
            return new Opportunity(id, tenantId, name, accountId, expectedCloseDate, amount, salesProcessId,
                    stage, lostReason, closedAt, sourceLeadId, lines, wholeOrderDiscount, contacts, competitors,
                    lastFollowUpAt, locked, owner, customFields, version, createdAt, updatedAt);
        }
    }
}
