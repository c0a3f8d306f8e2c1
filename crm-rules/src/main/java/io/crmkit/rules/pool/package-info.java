/**
 * The pool engine: the rules of a pool (公海 or 线索池) applied to one command. It decides who may see,
 * claim, assign, return and transfer a pool's records, and explains every refusal with a stable rule
 * name ({@link io.crmkit.rules.pool.PoolRuleNames}). It is generic over
 * {@link io.crmkit.core.pool.PoolDefinition}: lead pools and public pools of accounts use the same
 * engine, each through its {@link io.crmkit.rules.pool.PoolKind}.
 *
 * <p>Internal to the rules module: hosts call the commands ({@code LeadPoolCommands}, ...), never
 * the engine.
 */
package io.crmkit.rules.pool;
