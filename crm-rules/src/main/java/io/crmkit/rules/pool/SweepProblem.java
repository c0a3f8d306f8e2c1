package io.crmkit.rules.pool;

import io.crmkit.core.account.AccountId;

/**
 * One record (or one rule's query) a {@link PoolSweeper} could not handle: the run reported it and went on with the rest.
 * The record is left as it was (its own transaction rolled back), so the next sweep tries it again.
 *
 * @param account the account, or null when the rule's query itself failed (for example a condition naming
 *     a field accounts do not have): then none of that rule's accounts were handled in this run
 * @param ruleId the recycle or reminder rule being applied
 * @param errorCode a stable code: the {@link io.crmkit.core.error.CrmException#code() error code} of a typed
 *     error, otherwise the exception's class name
 * @param message the error's message, for operators
 */
public record SweepProblem(AccountId account, String ruleId, String errorCode, String message) {}
