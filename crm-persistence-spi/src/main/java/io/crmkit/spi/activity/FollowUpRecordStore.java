package io.crmkit.spi.activity;

import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.activity.FollowUpRecordId;
import io.crmkit.spi.RecordStore;

/** Follow-up records (跟进记录). The contract is {@link RecordStore}'s. */
public interface FollowUpRecordStore extends RecordStore<FollowUpRecord, FollowUpRecordId> {
}
