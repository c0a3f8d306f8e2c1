package io.crmkit.core.account;

import jakarta.validation.constraints.Size;

/**
 * What finance needs to invoice an account (开票信息). Every part is optional; present texts are
 * stripped and blank ones become {@code null}. Lengths are content rules, checked by
 * {@link io.crmkit.core.validation.CrmValidation}.
 *
 * @param invoiceTitle the name printed on invoices (发票抬头), at most 200 characters, or null
 * @param taxId the taxpayer id (纳税人识别号), at most 64 characters, or null
 * @param bankName the bank of the account (开户行), at most 200 characters, or null
 * @param bankAccount the bank account number (银行账号), at most 64 characters, or null
 */
public record FinancialInfo(
        @Size(max = 200) String invoiceTitle,
        @Size(max = 64) String taxId,
        @Size(max = 200) String bankName,
        @Size(max = 64) String bankAccount) {

    /** Strips present texts; blank ones become null. */
    public FinancialInfo {
        invoiceTitle = strip(invoiceTitle);
        taxId = strip(taxId);
        bankName = strip(bankName);
        bankAccount = strip(bankAccount);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
