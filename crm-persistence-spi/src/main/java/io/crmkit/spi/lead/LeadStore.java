package io.crmkit.spi.lead;

import io.crmkit.core.condition.Condition;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.record.CustomValue;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;
import java.util.List;

/** Leads (线索). The contract is {@link RecordStore}'s. */
public interface LeadStore extends RecordStore<Lead, LeadId> {

    /**
     * How many leads of {@code pool} {@code member} holds: owned by the member, from that pool, and
     * neither converted nor invalid. Counted set-based through {@link #count}, so a SQL store pushes it
     * down.
     */
    default long countHeld(TenantId tenant, LeadPoolId pool, UserId member, QueryContext context) {
        return count(tenant, Condition.all(
                Condition.eq("owner", new CustomValue.Text(member.value())),
                Condition.eq("poolId", new CustomValue.Text(pool.value())),
                Condition.notIn("status", List.of(
                        new CustomValue.Choice(LeadStatus.CONVERTED.name()),
                        new CustomValue.Choice(LeadStatus.INVALID.name())))), context);
    }
}
