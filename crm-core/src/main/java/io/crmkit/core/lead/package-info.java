/**
 * Leads (线索) and lead pools (线索池): the {@link io.crmkit.core.lead.Lead} record with its life cycle
 * ({@link io.crmkit.core.lead.LeadLifecycle}: NEW, FOLLOWING_UP, MQL, CONVERTED, INVALID) and the
 * {@link io.crmkit.core.lead.LeadPool} that shares unowned leads under
 * {@link io.crmkit.core.pool.PoolRules}.
 */
package io.crmkit.core.lead;
