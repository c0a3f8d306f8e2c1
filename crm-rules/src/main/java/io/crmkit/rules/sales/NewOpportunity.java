package io.crmkit.rules.sales;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.SalesProcessId;
import io.crmkit.core.validation.NonNegativeMoney;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link OpportunityCommands#create} needs to open an opportunity. The name is stripped; the
 * Jakarta constraints are checked, every violation at once, when the command runs.
 *
 * <p>The amount is either given (no lines) or computed (lines): with lines, the amount is always the
 * lines' total from the core quote math, never a figure from the caller. {@code amount} then only
 * chooses the currency and must be zero or equal to that total.
 *
 * @param name the opportunity's name, 1 to {@value Opportunity#MAX_NAME} characters
 * @param accountId the account that may buy; required
 * @param sourceLeadId the lead it came from, or null; must exist in the tenant
 * @param salesProcessId the sales process to follow, or null for the tenant's default process
 * @param expectedCloseDate when the deal is expected to close, or null
 * @param amount the expected amount (required without lines); its currency is the opportunity's
 *     (without an amount, the tenant's currency)
 * @param lines product lines, priced with the tenant's pricing policy; null means none
 * @param wholeOrderDiscount the discount on the whole order, applied to the lines' subtotal; null means
 *     none; only with lines
 * @param owner who owns the opportunity; null means the actor; only a tenant admin may name another user
 * @param custom the tenant's custom fields; null means none
 */
public record NewOpportunity(
        @NotBlank @Size(max = Opportunity.MAX_NAME) String name,
        @NotNull AccountId accountId,
        LeadId sourceLeadId,
        SalesProcessId salesProcessId,
        LocalDate expectedCloseDate,
        @NonNegativeMoney Money amount,
        @Valid List<LineInput> lines,
        Discount wholeOrderDiscount,
        UserId owner,
        CustomFields custom) {

    /** Strips the name and fills the defaults (no lines, no discount, no custom fields). */
    public NewOpportunity {
        name = name == null ? null : name.strip();
        lines = lines == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(lines));
        wholeOrderDiscount = wholeOrderDiscount == null ? Discount.NONE : wholeOrderDiscount;
        custom = custom == null ? CustomFields.none() : custom;
    }

    /** A builder with every part empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewOpportunity}; setters are named like the components. */
    public static final class Builder {
        private String name;
        private AccountId accountId;
        private LeadId sourceLeadId;
        private SalesProcessId salesProcessId;
        private LocalDate expectedCloseDate;
        private Money amount;
        private List<LineInput> lines;
        private Discount wholeOrderDiscount;
        private UserId owner;
        private CustomFields custom;

        private Builder() {}

        /** Sets {@link NewOpportunity#name()}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link NewOpportunity#accountId()}. */
        public Builder accountId(AccountId accountId) {
            this.accountId = accountId;
            return this;
        }

        /** Sets {@link NewOpportunity#sourceLeadId()}. */
        public Builder sourceLeadId(LeadId sourceLeadId) {
            this.sourceLeadId = sourceLeadId;
            return this;
        }

        /** Sets {@link NewOpportunity#salesProcessId()}. */
        public Builder salesProcessId(SalesProcessId salesProcessId) {
            this.salesProcessId = salesProcessId;
            return this;
        }

        /** Sets {@link NewOpportunity#expectedCloseDate()}. */
        public Builder expectedCloseDate(LocalDate expectedCloseDate) {
            this.expectedCloseDate = expectedCloseDate;
            return this;
        }

        /** Sets {@link NewOpportunity#amount()}. */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /** Sets {@link NewOpportunity#lines()}. */
        public Builder lines(List<LineInput> lines) {
            this.lines = lines;
            return this;
        }

        /** Sets {@link NewOpportunity#wholeOrderDiscount()}. */
        public Builder wholeOrderDiscount(Discount wholeOrderDiscount) {
            this.wholeOrderDiscount = wholeOrderDiscount;
            return this;
        }

        /** Sets {@link NewOpportunity#owner()}. */
        public Builder owner(UserId owner) {
            this.owner = owner;
            return this;
        }

        /** Sets {@link NewOpportunity#custom()}. */
        public Builder custom(CustomFields custom) {
            this.custom = custom;
            return this;
        }

        /** The command input. */
        public NewOpportunity build() {
            return new NewOpportunity(name, accountId, sourceLeadId, salesProcessId, expectedCloseDate, amount, lines,
                    wholeOrderDiscount, owner, custom);
        }
    }
}
