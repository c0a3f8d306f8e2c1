package io.crmkit.core.record;

/** Every kind of record the library stores, as named in change logs, events and references. */
public enum RecordType {
    /** A lead (线索). */
    LEAD,
    /** A lead pool (线索池). */
    LEAD_POOL,
    /** A public pool of accounts (公海). */
    POOL,
    /** An account, "customer" (客户). */
    ACCOUNT,
    /** A contact person (联系人). */
    CONTACT,
    /** A product (产品). */
    PRODUCT,
    /** An opportunity (商机). */
    OPPORTUNITY,
    /** A quote (报价单). */
    QUOTE,
    /** A sales order (销售订单). */
    SALES_ORDER,
    /** A sales contract (销售合同). */
    CONTRACT,
    /** A payment received (回款). */
    PAYMENT,
    /** The part of a payment applied to an order (回款明细). */
    PAYMENT_ALLOCATION,
    /** A payment plan (回款计划). */
    PAYMENT_PLAN,
    /** An expense record (费用记录). */
    EXPENSE_RECORD,
    /** A follow-up record (跟进记录). */
    FOLLOW_UP_RECORD,
    /** A reminder (提醒). */
    REMINDER,
    /** A schedule entry (日程). */
    SCHEDULE_ENTRY,
    /** A change-log entry (变更记录). */
    CHANGE_LOG_ENTRY
}
