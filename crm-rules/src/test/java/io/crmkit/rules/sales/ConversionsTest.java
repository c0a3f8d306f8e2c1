package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.QuoteSalesFixture.actor;
import static io.crmkit.rules.sales.QuoteSalesFixture.line;
import static io.crmkit.rules.sales.SalesFixture.CNY;
import static io.crmkit.rules.sales.SalesFixture.OTHER;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TEAMMATE;
import static io.crmkit.rules.sales.SalesFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractStatus;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OrderLine;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteStatus;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesOrder;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversionsTest {
    private final QuoteSalesFixture q = new QuoteSalesFixture();
    private final SalesFixture fx = q.fx;
    private final SalesConversions conversions = q.conversions;
    private final Account account = fx.account();
    private final Product widget = fx.product("Widget", "100.00");
    private final Product gadget = fx.product("Gadget", "20.00");

    /** An opportunity with 2 widgets at 90.00 and 5 gadgets at list (90.00·2 + 20.00·5 = 280.00), 0.95 overall. */
    private Opportunity opportunity() {
        return q.opportunity(account, CNY, b -> b
                .lines(List.of(line(1, widget, "2", "90.00"), line(2, gadget, "5", null)))
                .wholeOrderDiscount(Discount.multiplier("0.95")).amount(Money.of("266.00", "CNY")));
    }

    /** A quote of 3 widgets at list and 4 gadgets at 8折 (300.00 + 64.00 = 364.00), 0.9 overall → 327.60. */
    private Quote quote() {
        return q.quotes.create(actor(REP), NewQuote.of(account.id(), "Offer").withLines(
                        LineInput.of(widget.id(), "3"), LineInput.of(gadget.id(), "4").atDiscount(Discount.zhe("8")))
                .withWholeOrderDiscount(Discount.multiplier("0.9")));
    }

    private static RecordRef ref(RecordType type, io.crmkit.core.record.RecordId id) {
        return RecordRef.of(type, id);
    }

    // ---- opportunity → quote

    @Test
    void opportunityToQuoteCopiesLinesAndDiscountAndLinksTheOpportunity() {
        Opportunity source = opportunity();

        Quote quote = conversions.opportunityToQuote(actor(REP), source.id(),
                QuoteDraft.asIs().withValidUntil(q.today().plusDays(14)));

        assertThat(quote.opportunityId()).isEqualTo(source.id());
        assertThat(quote.accountId()).isEqualTo(account.id());
        assertThat(quote.title()).isEqualTo(source.name());
        assertThat(quote.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(quote.owner()).isEqualTo(REP);
        assertThat(quote.lines()).isEqualTo(source.lines());
        assertThat(quote.wholeOrderDiscount()).isEqualTo(Discount.multiplier("0.95"));
        // 180.00 + 100.00 = 280.00; × 0.95 = 266.00
        assertThat(quote.subtotal()).isEqualTo(Money.of("280.00", "CNY"));
        assertThat(quote.total()).isEqualTo(Money.of("266.00", "CNY"));
        assertThat(quote.validUntil()).isEqualTo(q.today().plusDays(14));

        ChangeLogEntry entry = fx.lastEntry(RecordType.QUOTE, quote.id());
        assertThat(entry.action()).isEqualTo(SalesConversions.ACTION_QUOTE_FROM_OPPORTUNITY);
        assertThat(entry.reason()).isEqualTo("from " + ref(RecordType.OPPORTUNITY, source.id()));
        assertThat(entry.actor()).isEqualTo(REP);
    }

    @Test
    void opportunityToQuoteRepricesLinesAndTheWholeOrderDiscount() {
        Opportunity source = opportunity();

        Quote quote = conversions.opportunityToQuote(actor(TEAMMATE), source.id(), QuoteDraft.titled("Revised")
                .withRepricing(Repricing.none().salesPrice(1, UnitPrice.of("85.00", "CNY"))
                        .lineDiscount(2, Discount.zhe("7.5")).wholeOrderDiscount(Discount.NONE)));

        // line 1: 85.00 × 2 = 170.00; line 2: 20.00 × 0.75 = 15.00, × 5 = 75.00; total 245.00, no discount
        assertThat(quote.title()).isEqualTo("Revised");
        assertThat(quote.owner()).isEqualTo(TEAMMATE);
        assertThat(quote.lines()).extracting(SalesLine::amount)
                .containsExactly(Money.of("170.00", "CNY"), Money.of("75.00", "CNY"));
        assertThat(quote.lines()).extracting(l -> l.price().quantity().toPlainString()).containsExactly("2", "5");
        assertThat(quote.total()).isEqualTo(Money.of("245.00", "CNY"));
    }

    @Test
    void opportunityToQuoteRefusesLostAndInvalidButQuotesAWonOpportunity() {
        Opportunity lost = q.closed(opportunity(), CloseResult.LOST);
        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.opportunityToQuote(actor(REP), lost.id(), QuoteDraft.asIs()));
        assertThat(e.rule()).isEqualTo(SalesConversions.RULE_OPPORTUNITY_CLOSED);
        Opportunity invalid = q.closed(opportunity(), CloseResult.INVALID);
        assertThat(q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.opportunityToQuote(actor(REP), invalid.id(), QuoteDraft.asIs())).rule())
                .isEqualTo(SalesConversions.RULE_OPPORTUNITY_CLOSED);

        Opportunity won = q.closed(opportunity(), CloseResult.WON);
        assertThat(conversions.opportunityToQuote(actor(REP), won.id(), QuoteDraft.asIs()).opportunityId())
                .isEqualTo(won.id());
    }

    @Test
    void opportunityToQuoteRefusesOffShelfProductsStrangersAndUnknownLines() {
        Opportunity source = opportunity();
        q.refusedUnchanged(ForbiddenException.class,
                () -> conversions.opportunityToQuote(actor(OTHER), source.id(), QuoteDraft.asIs()));
        q.refusedUnchanged(ForbiddenException.class,
                () -> conversions.opportunityToQuote(actor(VIEWER), source.id(), QuoteDraft.asIs()));

        ValidationException unknownLine = q.refusedUnchanged(ValidationException.class,
                () -> conversions.opportunityToQuote(actor(REP), source.id(), QuoteDraft.asIs()
                        .withRepricing(Repricing.none().salesPrice(9, UnitPrice.of("1.00", "CNY")))));
        assertThat(unknownLine.hasViolation("repricing", ErrorCode.FIELD_INVALID)).isTrue();

        ValidationException past = q.refusedUnchanged(ValidationException.class,
                () -> conversions.opportunityToQuote(actor(REP), source.id(),
                        QuoteDraft.asIs().withValidUntil(q.today().minusDays(1))));
        assertThat(past.hasViolation("validUntil", ErrorCode.FIELD_INVALID)).isTrue();

        fx.store.transact(tx -> tx.products().update(tx.products().get(SalesFixture.TENANT, gadget.id()).toBuilder()
                .shelfStatus(ShelfStatus.OFF_SHELF).build()));
        RuleViolationException offShelf = q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.opportunityToQuote(actor(REP), source.id(), QuoteDraft.asIs()));
        assertThat(offShelf.rule()).isEqualTo("product.off-shelf");
    }

    // ---- quote → order

    @Test
    void quoteToOrderCopiesTheLinesPushesTheDiscountDownAndLinksBothSources() {
        Opportunity opportunity = opportunity();
        Quote quote = q.quotes.create(actor(REP), NewQuote.of(account.id(), "Offer").withOpportunity(opportunity.id())
                .withLines(LineInput.of(widget.id(), "3"), LineInput.of(gadget.id(), "4").atDiscount(Discount.zhe("8")))
                .withWholeOrderDiscount(Discount.multiplier("0.9")));

        SalesOrder order = conversions.quoteToOrder(actor(REP), quote.id(), Repricing.none());

        assertThat(order.sourceQuoteId()).isEqualTo(quote.id());
        assertThat(order.sourceOpportunityId()).isEqualTo(opportunity.id());
        assertThat(order.sourceContractId()).isNull();
        assertThat(order.accountId()).isEqualTo(account.id());
        assertThat(order.owner()).isEqualTo(REP);
        assertThat(order.lines()).extracting(OrderLine::line).isEqualTo(quote.lines());
        // 300.00 + 64.00 = 364.00; × 0.9 = 327.60; shares 270.00 + 57.60 (exact, no remainder)
        assertThat(order.subtotal()).isEqualTo(Money.of("364.00", "CNY"));
        assertThat(order.total()).isEqualTo(Money.of("327.60", "CNY"));
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal)
                .containsExactly(Money.of("270.00", "CNY"), Money.of("57.60", "CNY"));
        assertThat(q.quote(quote.id())).isEqualTo(quote);

        ChangeLogEntry entry = fx.lastEntry(RecordType.SALES_ORDER, order.id());
        assertThat(entry.action()).isEqualTo(SalesConversions.ACTION_ORDER_FROM_QUOTE);
        assertThat(entry.reason()).isEqualTo("from " + ref(RecordType.QUOTE, quote.id()));
        assertThat(entry.changes()).extracting(c -> c.field()).contains("sourceQuoteId", "sourceOpportunityId");
    }

    @Test
    void quoteToOrderRepricesSalesPricesAndTheWholeOrderDiscount() {
        Quote quote = quote();
        SalesOrder order = conversions.quoteToOrder(actor(REP), quote.id(), Repricing.none()
                .salesPrice(1, UnitPrice.of("95.5", "CNY")).wholeOrderDiscount(Discount.zhe("9.7")));

        // line 1: 95.5 × 3 = 286.50; line 2 unchanged 64.00; subtotal 350.50; × 0.97 = 339.985 → 339.99
        // exact shares of 339.99 in 286.50 : 64.00 → 277.90908... and 62.08091...; floors 277.90 + 62.08
        // = 339.98; the cent left goes to the larger remainder (line 1, 0.00908 > 0.00091) → 277.91, 62.08
        assertThat(order.lines().get(0).line().price().salesPrice()).isEqualTo(UnitPrice.of("95.5", "CNY"));
        assertThat(order.subtotal()).isEqualTo(Money.of("350.50", "CNY"));
        assertThat(order.total()).isEqualTo(Money.of("339.99", "CNY"));
        assertThat(order.lines()).extracting(OrderLine::allocatedTotal)
                .containsExactly(Money.of("277.91", "CNY"), Money.of("62.08", "CNY"));
        assertThat(order.wholeOrderDiscount()).isEqualTo(Discount.multiplier("0.97"));
    }

    @Test
    void quoteToOrderRefusesRejectedExpiredAndEmptyQuotes() {
        Quote rejected = quote();
        q.quotes.send(actor(REP), rejected.id());
        q.quotes.reject(actor(REP), rejected.id(), null);
        assertThat(q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.quoteToOrder(actor(REP), rejected.id(), null)).rule())
                .isEqualTo(SalesConversions.RULE_QUOTE_NOT_CONVERTIBLE);

        Quote expired = quote();
        q.quotes.expire(actor(REP), expired.id());
        assertThat(q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.quoteToOrder(actor(REP), expired.id(), null)).rule())
                .isEqualTo(SalesConversions.RULE_QUOTE_NOT_CONVERTIBLE);

        Quote empty = q.quotes.create(actor(REP), NewQuote.of(account.id(), "Empty"));
        assertThat(q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.quoteToOrder(actor(REP), empty.id(), null)).rule())
                .isEqualTo(SalesConversions.RULE_QUOTE_EMPTY);

        Quote fine = quote();
        q.refusedUnchanged(ForbiddenException.class, () -> conversions.quoteToOrder(actor(OTHER), fine.id(), null));
        q.quotes.send(actor(REP), fine.id());
        q.quotes.accept(actor(REP), fine.id());
        assertThat(conversions.quoteToOrder(actor(TEAMMATE), fine.id(), null).owner()).isEqualTo(TEAMMATE);
    }

    // ---- quote → contract

    @Test
    void quoteToContractMakesADraftContractForTheRepricedTotal() {
        Quote quote = quote();
        LocalDate start = q.today().plusDays(1);

        Contract contract = conversions.quoteToContract(actor(REP), quote.id(), ContractDraft.numbered(" HT-2026-001 ")
                .withPeriod(start, start.plusYears(1).minusDays(1))
                .withRepricing(Repricing.none().lineDiscount(1, Discount.zhe("9.5")).wholeOrderDiscount(Discount.zhe("9.8"))));

        // line 1: 100.00 × 0.95 = 95.00, × 3 = 285.00; line 2: 64.00; subtotal 349.00; × 0.98 = 342.02
        assertThat(contract.status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(contract.number()).isEqualTo("HT-2026-001");
        assertThat(contract.title()).isEqualTo(quote.title());
        assertThat(contract.sourceQuoteId()).isEqualTo(quote.id());
        assertThat(contract.accountId()).isEqualTo(account.id());
        assertThat(contract.lines()).extracting(SalesLine::amount)
                .containsExactly(Money.of("285.00", "CNY"), Money.of("64.00", "CNY"));
        assertThat(contract.amount()).isEqualTo(Money.of("342.02", "CNY"));
        assertThat(contract.wholeOrderDiscount()).isEqualTo(Discount.zhe("9.8"));
        assertThat(contract.startsOn()).isEqualTo(start);
        assertThat(contract.owner()).isEqualTo(REP);

        ChangeLogEntry entry = fx.lastEntry(RecordType.CONTRACT, contract.id());
        assertThat(entry.action()).isEqualTo(SalesConversions.ACTION_CONTRACT_FROM_QUOTE);
        assertThat(entry.reason()).isEqualTo("from " + ref(RecordType.QUOTE, quote.id()));
    }

    @Test
    void quoteToContractRefusesATakenNumberABadPeriodAndUnconvertibleQuotes() {
        Quote quote = quote();
        conversions.quoteToContract(actor(REP), quote.id(), ContractDraft.numbered("HT-1"));
        q.refusedUnchanged(DuplicateRecordException.class,
                () -> conversions.quoteToContract(actor(REP), quote.id(), ContractDraft.numbered("HT-1")));

        ValidationException period = q.refusedUnchanged(ValidationException.class,
                () -> conversions.quoteToContract(actor(REP), quote.id(), ContractDraft.numbered("HT-2")
                        .withPeriod(q.today(), q.today().minusDays(1))));
        assertThat(period.hasViolation("endsOn", ErrorCode.FIELD_INVALID)).isTrue();
        ValidationException noNumber = q.refusedUnchanged(ValidationException.class,
                () -> conversions.quoteToContract(actor(REP), quote.id(), ContractDraft.numbered("  ")));
        assertThat(noNumber.hasViolation("number", ErrorCode.FIELD_REQUIRED)).isTrue();

        Quote empty = q.quotes.create(actor(REP), NewQuote.of(account.id(), "Empty"));
        assertThat(q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.quoteToContract(actor(REP), empty.id(), ContractDraft.numbered("HT-3"))).rule())
                .isEqualTo(SalesConversions.RULE_QUOTE_EMPTY);
        q.quotes.expire(actor(REP), quote.id());
        assertThat(q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.quoteToContract(actor(REP), quote.id(), ContractDraft.numbered("HT-4"))).rule())
                .isEqualTo(SalesConversions.RULE_QUOTE_NOT_CONVERTIBLE);
        q.refusedUnchanged(ForbiddenException.class,
                () -> conversions.quoteToContract(actor(OTHER), quote.id(), ContractDraft.numbered("HT-5")));
    }

    // ---- contract → order

    @Test
    void contractToOrderLinksTheContractAndItsQuote() {
        Opportunity opportunity = opportunity();
        Quote quote = conversions.opportunityToQuote(actor(REP), opportunity.id(), QuoteDraft.asIs());
        Contract draft = conversions.quoteToContract(actor(REP), quote.id(), ContractDraft.numbered("HT-9"));
        Contract active = fx.store.transact(tx -> tx.contracts().update(draft.activate(q.today(), fx.clock.instant())));

        // The contract keeps the quote's whole-order discount, so the order needs no repricing to match it.
        assertThat(active.wholeOrderDiscount()).isEqualTo(Discount.multiplier("0.95"));
        SalesOrder order = conversions.contractToOrder(actor(REP), active.id(), Repricing.none());

        assertThat(order.sourceContractId()).isEqualTo(active.id());
        assertThat(order.sourceQuoteId()).isEqualTo(quote.id());
        assertThat(order.sourceOpportunityId()).isEqualTo(opportunity.id());
        assertThat(order.lines()).extracting(OrderLine::line).isEqualTo(active.lines());
        // 280.00 × 0.95 = 266.00 = the contract amount
        assertThat(order.total()).isEqualTo(active.amount()).isEqualTo(Money.of("266.00", "CNY"));
        ChangeLogEntry entry = fx.lastEntry(RecordType.SALES_ORDER, order.id());
        assertThat(entry.action()).isEqualTo(SalesConversions.ACTION_ORDER_FROM_CONTRACT);
        assertThat(entry.reason()).isEqualTo("from " + ref(RecordType.CONTRACT, active.id()));

        // the contract is used up: even the same order again (266.00) is more than the 0.00 left
        RuleViolationException over = q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.contractToOrder(actor(REP), active.id(), null));
        assertThat(over.rule()).isEqualTo(SalesConversions.RULE_CONTRACT_AMOUNT_EXCEEDED);
        assertThat(over.limit()).isEqualTo(Money.of("0.00", "CNY"));
    }

    @Test
    void ordersFromAContractStayWithinItsAmount() {
        Contract contract = q.contract(account, "250.00", List.of(line(1, widget, "1", null)), b -> b);

        SalesOrder first = conversions.contractToOrder(actor(REP), contract.id(), null);
        SalesOrder second = conversions.contractToOrder(actor(TEAMMATE), contract.id(), null);
        assertThat(first.total()).isEqualTo(Money.of("100.00", "CNY"));
        assertThat(second.sourceContractId()).isEqualTo(contract.id());

        // 100.00 + 100.00 ordered, 50.00 left: a third 100.00 order is refused
        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.contractToOrder(actor(REP), contract.id(), null));
        assertThat(e.rule()).isEqualTo(SalesConversions.RULE_CONTRACT_AMOUNT_EXCEEDED);
        assertThat(e.limit()).isEqualTo(Money.of("50.00", "CNY"));

        // a repriced order that fits is taken: 1 × 50.00 = 50.00 ends exactly at the amount
        SalesOrder last = conversions.contractToOrder(actor(REP), contract.id(),
                Repricing.none().salesPrice(1, UnitPrice.of("50.00", "CNY")));
        assertThat(last.total()).isEqualTo(Money.of("50.00", "CNY"));
        assertThat(q.orders()).hasSize(3);
    }

    @Test
    void theTenantMayAllowOrdersBeyondTheContractAmount() {
        Contract contract = q.contract(account, "150.00", List.of(line(1, widget, "1", null)), b -> b);
        fx.settings(b -> b.sales(fx.settings().sales().toBuilder().ordersMayExceedContract(true).build()));

        conversions.contractToOrder(actor(REP), contract.id(), null);
        conversions.contractToOrder(actor(REP), contract.id(), null);

        assertThat(q.orders()).extracting(SalesOrder::total).containsOnly(Money.of("100.00", "CNY"));
        assertThat(q.orders()).hasSize(2);
    }

    @Test
    void contractToOrderRefusesInactiveContractsContractsWithoutLinesAndStrangers() {
        Contract draft = q.contract(account, "1000.00", List.of(line(1, widget, "1", null)),
                b -> b.status(ContractStatus.DRAFT).signedOn(null));
        assertThat(q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.contractToOrder(actor(REP), draft.id(), null)).rule())
                .isEqualTo(SalesConversions.RULE_CONTRACT_NOT_ACTIVE);
        Contract terminated = q.contract(account, "1000.00", List.of(line(1, widget, "1", null)),
                b -> b.status(ContractStatus.TERMINATED));
        assertThat(q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.contractToOrder(actor(REP), terminated.id(), null)).rule())
                .isEqualTo(SalesConversions.RULE_CONTRACT_NOT_ACTIVE);

        Contract amountOnly = q.contract(account, "1000.00", List.of(), b -> b);
        assertThat(q.refusedUnchanged(RuleViolationException.class,
                () -> conversions.contractToOrder(actor(REP), amountOnly.id(), null)).rule())
                .isEqualTo(SalesConversions.RULE_CONTRACT_NO_LINES);

        Contract active = q.contract(account, "1000.00", List.of(line(1, widget, "1", null)), b -> b);
        q.refusedUnchanged(ForbiddenException.class, () -> conversions.contractToOrder(actor(OTHER), active.id(), null));
        ValidationException unknownLine = q.refusedUnchanged(ValidationException.class,
                () -> conversions.contractToOrder(actor(REP), active.id(),
                        Repricing.none().lineDiscount(2, Discount.zhe("9"))));
        assertThat(unknownLine.hasViolation("repricing", ErrorCode.FIELD_INVALID)).isTrue();
    }
}
