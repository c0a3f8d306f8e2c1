package io.crmkit.core.account;

/** What an address of an account is used for. */
public enum AddressKind {
    /** Where the company works (办公地址). */
    OFFICE,
    /** Where invoices go (开票地址). */
    BILLING,
    /** Where goods are delivered (收货地址). */
    SHIPPING,
    /** Any other address. */
    OTHER
}
