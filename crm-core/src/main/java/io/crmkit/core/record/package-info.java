/** What every record shares: typed ids, the {@link io.crmkit.core.record.Aggregate} contract and custom fields. */
package io.crmkit.core.record;
