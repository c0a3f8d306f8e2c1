package io.crmkit.core.sales;

import io.crmkit.core.contact.ContactId;
import io.crmkit.core.internal.Checks;
import jakarta.validation.constraints.Size;

/**
 * A contact involved in an opportunity (商机联系人), with the seller's read on them.
 *
 * @param contactId the contact
 * @param role the contact's role in the deal, a tenant-configured code such as {@code DECISION_MAKER},
 *     or {@code null}; at most 64 characters
 * @param stance where the contact stands on the deal
 * @param status whether the contact is still in the role
 * @param relationship how strong the relationship is
 * @param primary whether this is the opportunity's primary contact (at most one per opportunity)
 */
public record OpportunityContact(
        ContactId contactId,
        @Size(max = OpportunityContact.MAX_ROLE) String role,
        Stance stance,
        ContactStatus status,
        Relationship relationship,
        boolean primary) {

    /** Longest role code. */
    public static final int MAX_ROLE = 64;

    /**
     * Checks that every part is present and strips the role.
     *
     * @throws io.crmkit.core.error.ValidationException when the contact, stance, status or
     *     relationship is missing
     */
    public OpportunityContact {
        Checks.required("contactId", contactId);
        Checks.required("stance", stance);
        Checks.required("status", status);
        Checks.required("relationship", relationship);
        role = role == null || role.isBlank() ? null : role.strip();
    }

    /**
     * A contact not yet assessed: no role, {@link Stance#NEUTRAL}, {@link ContactStatus#UNKNOWN},
     * {@link Relationship#ORDINARY}, not primary.
     */
    public static OpportunityContact of(ContactId contactId) {
        return new OpportunityContact(contactId, null, Stance.NEUTRAL, ContactStatus.UNKNOWN,
                Relationship.ORDINARY, false);
    }

    /** This contact marked as primary or not. */
    public OpportunityContact withPrimary(boolean primary) {
        return new OpportunityContact(contactId, role, stance, status, relationship, primary);
    }
}
