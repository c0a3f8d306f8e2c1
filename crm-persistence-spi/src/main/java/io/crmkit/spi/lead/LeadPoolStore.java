package io.crmkit.spi.lead;

import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.spi.RecordStore;

/** Lead pools (线索池). The contract is {@link RecordStore}'s. */
public interface LeadPoolStore extends RecordStore<LeadPool, LeadPoolId> {
}
