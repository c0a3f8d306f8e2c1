/**
 * Public pools of accounts (公海) and the rule configuration shared by every pool, lead pools
 * (线索池) included: {@link io.crmkit.core.pool.PoolRules} with its recycle and reminder rules, and
 * {@link io.crmkit.core.pool.PoolMembers}. These are validated values; the rules module applies them.
 */
package io.crmkit.core.pool;
