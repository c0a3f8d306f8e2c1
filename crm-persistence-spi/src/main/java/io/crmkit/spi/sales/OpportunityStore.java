package io.crmkit.spi.sales;

import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.spi.RecordStore;

/** Opportunities. The contract is {@link RecordStore}'s. */
public interface OpportunityStore extends RecordStore<Opportunity, OpportunityId> {
}
