package io.crmkit.rules.pool;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;

/**
 * One record (or one rule's query) a {@link PoolSweeper} could not handle: the run reported it and went on with the rest.
 * The record is left as it was (its own transaction rolled back), so the next sweep tries it again.
 *
 * @param record the account or lead, or null when the rule's query itself failed (for example a condition
 *     naming a field the records do not have): then none of that rule's records were handled in this run
 * @param ruleId the recycle or reminder rule being applied
 * @param errorCode a stable code: the {@link io.crmkit.core.error.CrmException#code() error code} of a typed
 *     error, otherwise the exception's class name
 * @param message the error's message, for operators
 */
public record SweepProblem(RecordRef record, String ruleId, String errorCode, String message) {
    /** The account that failed, or null when the problem is a lead's or a query's. */
    public AccountId account() {
        return record != null && record.type() == RecordType.ACCOUNT ? AccountId.of(record.id()) : null;
    }
}
