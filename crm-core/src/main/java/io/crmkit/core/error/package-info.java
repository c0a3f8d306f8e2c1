/**
 * The error hierarchy: one unchecked root, {@link io.crmkit.core.error.CrmException}, with a stable
 * {@link io.crmkit.core.error.ErrorCode} and messages in English and Simplified Chinese.
 */
package io.crmkit.core.error;
