package io.crmkit.spi.activity;

import io.crmkit.core.activity.ExpenseRecord;
import io.crmkit.core.activity.ExpenseRecordId;
import io.crmkit.spi.RecordStore;

/** Expense records. The contract is {@link RecordStore}'s. */
public interface ExpenseRecordStore extends RecordStore<ExpenseRecord, ExpenseRecordId> {
}
