package io.crmkit.core.lead;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.sales.OpportunityId;
import java.time.Instant;

/** Leads in every status, built directly (not through the life cycle) for tests. */
final class LeadFixtures {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final LeadPoolId POOL = LeadPoolId.of("pool-1");
    static final AccountId ACCOUNT = AccountId.of("acc-1");
    static final ContactId CONTACT = ContactId.of("con-1");
    static final OpportunityId OPPORTUNITY = OpportunityId.of("opp-1");

    private LeadFixtures() {}

    /** A NEW lead sitting unclaimed in {@link #POOL}. */
    static Lead newLead() {
        return Lead.builder()
                .id(LeadId.of("lead-1"))
                .tenantId(TenantId.of("tenant-1"))
                .personName("Li Lei")
                .company("Hangzhou Widgets Ltd")
                .phone("+86 138 0000 0000")
                .email("li.lei@example.com")
                .source("fair")
                .details("Met at the Canton Fair, wants a quote for 500 units")
                .poolId(POOL)
                .createdAt(T0)
                .updatedAt(T0)
                .build();
    }

    /**
     * A lead in {@code status}; for INVALID, {@code before} is the status it was marked invalid
     * from (ignored otherwise).
     */
    static Lead leadIn(LeadStatus status, LeadStatus before) {
        Lead.Builder b = newLead().toBuilder().status(status);
        if (status == LeadStatus.INVALID) {
            b.statusBeforeInvalid(before).invalidReason("duplicate of lead-0");
        }
        if (status == LeadStatus.CONVERTED) {
            b.convertedAccountId(ACCOUNT).convertedContactId(CONTACT).convertedAt(T0.plusSeconds(60));
        }
        return b.build();
    }

    /** Performs {@code action} on {@code lead} through the matching {@link Lead} method. */
    static Lead apply(Lead lead, LeadAction action, Instant at, boolean withOpportunity) {
        switch (action) {
            case MARK_FOLLOWING_UP:
                return lead.markFollowingUp(at);
            case MARK_MQL:
                return lead.markMql();
            case CONVERT:
                return lead.convert(ACCOUNT, CONTACT, withOpportunity ? OPPORTUNITY : null, at);
            case MARK_INVALID:
                return lead.markInvalid("no real interest");
            case RESTORE:
                return lead.restore();
            default:
                throw new AssertionError(action);
        }
    }
}
