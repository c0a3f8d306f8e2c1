/** Who acts and in which tenant: {@link io.crmkit.core.identity.TenantId}, users, departments and the {@link io.crmkit.core.identity.Actor}. */
package io.crmkit.core.identity;
