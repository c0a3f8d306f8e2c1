package io.crmkit.spi.activity;

import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.activity.FollowUpRecordId;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;

/** Follow-up records (跟进记录). The contract is {@link RecordStore}'s. */
public interface FollowUpRecordStore extends RecordStore<FollowUpRecord, FollowUpRecordId> {

    /**
     * One page of the follow-up records about {@code target}, ordered by id (creation order). Filters
     * on the derived {@code targetType} and {@code targetId} components through {@link #query}, so a
     * SQL store pushes it down.
     */
    default Page<FollowUpRecord> ofTarget(TenantId tenant, RecordRef target, QueryContext context, PageRequest page) {
        return query(tenant, Condition.all(
                Condition.eq("targetType", new CustomValue.Choice(target.type().name())),
                Condition.eq("targetId", new CustomValue.Text(target.id()))), context, page);
    }
}
