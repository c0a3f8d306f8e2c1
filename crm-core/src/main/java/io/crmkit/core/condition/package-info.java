/**
 * Condition trees as data: which records a recycle rule, reminder rule or filter applies to.
 *
 * <p>A {@link io.crmkit.core.condition.Condition} is a plain, validated, JSON-serialisable value, so
 * every store can persist it and compile it to a query. This package holds no evaluator: the rules
 * module evaluates conditions in memory and each store compiles them to its own query language, and
 * the conformance kit keeps the two equal. The semantics both must follow are specified on
 * {@link io.crmkit.core.condition.Condition}.
 */
package io.crmkit.core.condition;
