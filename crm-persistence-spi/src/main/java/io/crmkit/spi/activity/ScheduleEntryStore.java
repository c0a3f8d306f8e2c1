package io.crmkit.spi.activity;

import io.crmkit.core.activity.ScheduleEntry;
import io.crmkit.core.activity.ScheduleEntryId;
import io.crmkit.spi.RecordStore;

/** Schedule entries. The contract is {@link RecordStore}'s. */
public interface ScheduleEntryStore extends RecordStore<ScheduleEntry, ScheduleEntryId> {
}
