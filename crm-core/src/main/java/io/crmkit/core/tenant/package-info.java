/**
 * What a host configures per tenant: time zone, default currency, pricing, required fields,
 * duplicate policy and message language ({@link io.crmkit.core.tenant.TenantSettings}).
 */
package io.crmkit.core.tenant;
