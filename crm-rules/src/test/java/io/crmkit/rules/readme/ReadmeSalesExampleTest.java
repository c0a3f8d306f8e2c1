package io.crmkit.rules.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.Crm;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.rules.lead.ConvertLead;
import io.crmkit.rules.lead.NewLead;
import io.crmkit.rules.product.NewProduct;
import io.crmkit.rules.sales.LineInput;
import io.crmkit.rules.sales.NewQuote;
import io.crmkit.rules.sales.Repricing;
import io.crmkit.rules.sales.ReuseMode;
import java.io.IOException;
import java.math.BigDecimal;



import java.time.ZoneId;

import java.util.Currency;

import java.util.Set;


import org.junit.jupiter.api.Test;

/**
 * The README's "sales" example, compiled and run through {@link Crm}; {@link #readmeShowsThisCode()}
 * fails when the README's copy drifts from this code.
 */
class ReadmeSalesExampleTest {

    @Test
    void aQuoteIsPricedAcceptedOrderedAndPartlyReturned() {
        Crm crm = Crm.inMemory(TenantSettingsSource.fixed(
                TenantSettings.defaults(ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"))));
        Actor li = Actor.of(TenantId.of("acme"), UserId.of("li.lei"));
        LeadId lead = crm.leads().create(li, new NewLead("Han Meimei", "杭州示例科技有限公司",
                "+86 138 0000 0000", "han@hz-sample.example", "trade-fair", "Wants 500 units by March",
                null, li.userId(), null)).lead().id();
        // example:sales begin
        Actor admin = Actor.of(TenantId.of("acme"), UserId.of("wang.fang")).withRoles(Set.of(Crm.DEFAULT_ADMIN_ROLE));
        Product widget = crm.products().create(admin, NewProduct.of("Widget", UnitPrice.of("33.3333", "CNY")));
        Product gadget = crm.products().create(admin, NewProduct.of("Gadget", UnitPrice.of("19.99", "CNY")));
        AccountId buyer = crm.leads().convert(li, lead, ConvertLead.toNewAccount()).account().id();

        Quote quote = crm.quotes().create(li, NewQuote.of(buyer, "Spring order")
                .withLines(LineInput.of(widget.id(), "3").atDiscount(Discount.multiplier("0.87")),
                        LineInput.of(gadget.id(), "1.5"))
                .withWholeOrderDiscount(Discount.zhe("9.5")));
        // 33.3333 × 0.87 = 29.0000 a unit, 87.00 a line; 19.99 × 1.5 = 29.99; subtotal 116.99;
        // total 116.99 × 0.95 = 111.14. The library computes every figure; callers never pass totals.
        crm.quotes().send(li, quote.id());
        crm.quotes().accept(li, quote.id());

        SalesOrder order = crm.conversions().quoteToOrder(li, quote.id(), Repricing.none());
        // The whole-order discount pushed down to the lines: 82.65 + 28.49 = 111.14, to the cent.
        crm.orders().ship(li, order.id());
        order = crm.orders().recordReturn(li, order.id(), 2, new BigDecimal("0.5"), "wrong colour");
        // Credited 28.49 × 0.5 / 1.5 = 9.50; receivable 111.14 − 9.50 = 101.64.
        // example:sales end

        assertThat(quote.subtotal()).isEqualTo(Money.of("116.99", "CNY"));
        assertThat(quote.total()).isEqualTo(Money.of("111.14", "CNY"));
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal)
                .containsExactly(Money.of("82.65", "CNY"), Money.of("28.49", "CNY"));
        assertThat(order.returnsTotal()).isEqualTo(Money.of("9.50", "CNY"));
        assertThat(order.receivable()).isEqualTo(Money.of("101.64", "CNY"));
        assertThat(order.outstanding()).isEqualTo(Money.of("101.64", "CNY"));
        assertThat(order.sourceQuoteId()).isEqualTo(quote.id());

        // Reusing the accepted quote into a draft that already has lines needs an explicit mode.
        Quote draft = crm.quotes().create(li, NewQuote.of(buyer, "Autumn order")
                .withLines(LineInput.of(gadget.id(), "10")));
        assertThatThrownBy(() -> crm.quotes().reuse(li, quote.id(), draft.id(), null))
                .isInstanceOf(RuleViolationException.class);
        Quote appended = crm.quotes().reuse(li, quote.id(), draft.id(), ReuseMode.APPEND);
        assertThat(appended.lines()).hasSize(3);
    }

    @Test
    void readmeShowsThisCode() throws IOException {
        ReadmeBlocks.assertReadmeShows("sales", "ReadmeSalesExampleTest");
    }
}
