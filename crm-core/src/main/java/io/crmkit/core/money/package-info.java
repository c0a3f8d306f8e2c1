/**
 * Exact money: {@link io.crmkit.core.money.Money}, {@link io.crmkit.core.money.Discount}, and the pure
 * math of pricing lines, pushing a whole-order discount down to lines and splitting amounts into
 * parts that always add up to the whole.
 */
package io.crmkit.core.money;
