/**
 * Condition trees as data: which records a recycle rule, reminder rule or filter applies to.
 *
 * <p>A {@link io.crmkit.core.condition.Condition} is a plain, validated, JSON-serialisable value, so
 * every store can persist it and compile it to a query. It has two interpreters: the in-memory one
 * here, {@link io.crmkit.core.condition.ConditionEvaluator} (used by the in-memory store and by dry
 * runs), and each SQL store's compiler; the conformance kit keeps them equal. The semantics both
 * must follow are specified on {@link io.crmkit.core.condition.Condition}.
 */
package io.crmkit.core.condition;
