package io.crmkit.rules.sales;

import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.validation.NonNegativeMoney;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The plain fields {@link OpportunityCommands#update} changes on an opportunity. For each part,
 * {@code null} leaves the field as it is. Stage, lines, contacts and competitors change through their
 * own commands.
 *
 * @param name the new name, at most {@value Opportunity#MAX_NAME} characters (blank is refused); null keeps it
 * @param expectedCloseDate the new expected close date; null keeps it
 * @param clearExpectedCloseDate whether to clear the expected close date (then {@code expectedCloseDate}
 *     must be null)
 * @param amount the new amount; null keeps it. Refused while the opportunity has lines (its amount is
 *     then their total); may change the currency of an opportunity without lines
 * @param custom the opportunity's custom fields from now on (replacing all of them); null keeps them
 */
public record OpportunityUpdate(
        @Size(max = Opportunity.MAX_NAME) String name,
        LocalDate expectedCloseDate,
        boolean clearExpectedCloseDate,
        @NonNegativeMoney Money amount,
        CustomFields custom) {

    /**
     * Strips the name.
     *
     * @throws io.crmkit.core.error.ValidationException with {@code FIELD_INVALID} on
     *     {@code expectedCloseDate} when a date is both given and cleared
     */
    public OpportunityUpdate {
        name = name == null ? null : name.strip();
        if (clearExpectedCloseDate && expectedCloseDate != null) {
            throw io.crmkit.core.error.ValidationException.of("expectedCloseDate",
                    io.crmkit.core.error.ErrorCode.FIELD_INVALID, "give a new expected close date or clear it, not both");
        }
    }

    /** An update that changes nothing yet; add changes with the {@code with...} methods. */
    public static OpportunityUpdate none() {
        return new OpportunityUpdate(null, null, false, null, null);
    }

    /** This update also renaming the opportunity. */
    public OpportunityUpdate withName(String name) {
        return new OpportunityUpdate(name, expectedCloseDate, clearExpectedCloseDate, amount, custom);
    }

    /** This update also setting the expected close date. */
    public OpportunityUpdate withExpectedCloseDate(LocalDate date) {
        return new OpportunityUpdate(name, date, false, amount, custom);
    }

    /** This update also clearing the expected close date. */
    public OpportunityUpdate withoutExpectedCloseDate() {
        return new OpportunityUpdate(name, null, true, amount, custom);
    }

    /** This update also setting the amount (only for an opportunity without lines). */
    public OpportunityUpdate withAmount(Money amount) {
        return new OpportunityUpdate(name, expectedCloseDate, clearExpectedCloseDate, amount, custom);
    }

    /** This update also replacing the custom fields. */
    public OpportunityUpdate withCustom(CustomFields custom) {
        return new OpportunityUpdate(name, expectedCloseDate, clearExpectedCloseDate, amount, custom);
    }

    /** {@code opportunity} with these changes applied (version and timestamps untouched). */
    Opportunity applyTo(Opportunity opportunity) {
        LocalDate date = clearExpectedCloseDate ? null
                : expectedCloseDate != null ? expectedCloseDate : opportunity.expectedCloseDate();
        return opportunity.toBuilder()
                .name(name == null ? opportunity.name() : name)
                .expectedCloseDate(date)
                .amount(amount == null ? opportunity.amount() : amount)
                .customFields(custom == null ? opportunity.customFields() : custom)
                .build();
    }
}
