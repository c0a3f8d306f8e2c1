/** Implementation helpers of crm-core. Not API: never import from host code. */
package io.crmkit.core.internal;
