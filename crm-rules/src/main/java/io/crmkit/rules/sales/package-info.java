/**
 * The sales rules: opportunities and their sales processes, quotes, orders, contracts, and the
 * conversions between them. Every command is authorised, change-logged and runs in one transaction;
 * every figure comes from the core quote math ({@link io.crmkit.core.money.Pricing}).
 */
package io.crmkit.rules.sales;
