package io.crmkit.core.payment;

/** How a payment (回款) reached the tenant. */
public enum PaymentMethod {
    /** A bank transfer (银行转账); usually carries the bank's transaction id as external reference. */
    BANK_TRANSFER,
    /** Cash (现金). */
    CASH,
    /** A cheque (支票). */
    CHEQUE,
    /** A card payment (刷卡). */
    CARD,
    /** Alipay (支付宝). */
    ALIPAY,
    /** WeChat Pay (微信支付). */
    WECHAT_PAY,
    /** Any other way; say which in the payment's note. */
    OTHER
}
