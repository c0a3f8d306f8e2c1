package io.crmkit.spi.activity;

import io.crmkit.core.activity.Reminder;
import io.crmkit.core.activity.ReminderId;
import io.crmkit.spi.RecordStore;

/** Reminders. The contract is {@link RecordStore}'s. */
public interface ReminderStore extends RecordStore<Reminder, ReminderId> {
}
