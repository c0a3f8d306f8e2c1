/**
 * The payment area of the model (回款): {@link io.crmkit.core.payment.Payment}s received from
 * accounts, the {@link io.crmkit.core.payment.PaymentAllocation}s that apply them to orders and plan
 * installments, and {@link io.crmkit.core.payment.PaymentPlan}s whose installment statuses are
 * always derived ({@link io.crmkit.core.payment.Installment#standing(java.time.LocalDate)}), never
 * stored.
 *
 * <p>The values here keep their own invariants (allocated and paid amounts stay between zero and
 * the amount, in one currency); the payment rules in crm-rules decide what may be allocated where
 * and keep payments, allocations and plans in step.
 */
package io.crmkit.core.payment;
