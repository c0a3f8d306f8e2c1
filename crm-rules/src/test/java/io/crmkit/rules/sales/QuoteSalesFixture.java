package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.core.account.Account;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.money.Pricing;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.sales.ContractStatus;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.OpportunityStage;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteId;
import io.crmkit.core.sales.SalesLine;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.spi.query.ChangeLogQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Helpers for the quote and conversion tests on top of {@link SalesFixture}: opportunities and
 * contracts written straight to the store (their commands belong to other services), sales lines
 * priced with the default policy, and "a refused command changed nothing" checks.
 */
final class QuoteSalesFixture {
    /** Every action code the quote and conversion services log. */
    static final List<String> ACTIONS = List.of(QuoteCommands.ACTION_CREATE, QuoteCommands.ACTION_SET_LINES,
            QuoteCommands.ACTION_SET_VALID_UNTIL, QuoteCommands.ACTION_RENAME, QuoteCommands.ACTION_SEND,
            QuoteCommands.ACTION_ACCEPT, QuoteCommands.ACTION_REJECT, QuoteCommands.ACTION_EXPIRE,
            QuoteCommands.ACTION_REUSE, SalesConversions.ACTION_QUOTE_FROM_OPPORTUNITY,
            SalesConversions.ACTION_ORDER_FROM_QUOTE, SalesConversions.ACTION_CONTRACT_FROM_QUOTE,
            SalesConversions.ACTION_ORDER_FROM_CONTRACT);

    final SalesFixture fx = new SalesFixture();
    final QuoteCommands quotes = fx.crm.quotes();
    final SalesConversions conversions = fx.crm.conversions();
    private int opportunities;
    private int contracts;

    static Actor actor(UserId user) {
        return SalesFixture.actor(user);
    }

    /** Today in the tenant's zone. */
    LocalDate today() {
        return LocalDate.ofInstant(fx.clock.instant(), SalesFixture.ZONE);
    }

    /** A line of {@code quantity} × {@code product} at {@code salesPrice} (null: list price), default policy. */
    static SalesLine line(int lineNo, Product product, String quantity, String salesPrice) {
        UnitPrice list = product.listPrice();
        UnitPrice sales = salesPrice == null ? list : UnitPrice.of(new BigDecimal(salesPrice), list.currency());
        PricedLine priced = Pricing.priceLine(new BigDecimal(quantity), list, sales, PricingPolicy.defaults());
        return new SalesLine(lineNo, product.id(), product.name(), priced, null);
    }

    /** An open opportunity of {@code account} owned by REP at the first stage, shaped by {@code shape}. */
    Opportunity opportunity(Account account, Currency currency, UnaryOperator<Opportunity.Builder> shape) {
        int n = ++opportunities;
        Instant now = fx.clock.instant();
        SalesProcess process = SalesProcess.defaultProcess();
        Opportunity draft = shape.apply(Opportunity.builder().id(OpportunityId.of("O" + n)).tenantId(TENANT)
                .name("Deal " + n).accountId(account.id()).amount(Money.zero(currency))
                .salesProcessId(process.id()).stage(OpportunityStage.open(process.firstStage().id()))
                .wholeOrderDiscount(Discount.NONE).owner(REP).createdAt(now).updatedAt(now)).build();
        return fx.store.transact(tx -> tx.opportunities().insert(draft));
    }

    /** {@code opportunity} closed with {@code result} in the store. */
    Opportunity closed(Opportunity opportunity, CloseResult result) {
        Opportunity closed = opportunity.toBuilder()
                .stage(OpportunityStage.closed(opportunity.stage().stageId(), result))
                .lostReason(result == CloseResult.LOST ? "price" : null)
                .closedAt(fx.clock.instant()).build();
        return fx.store.transact(tx -> tx.opportunities().update(closed));
    }

    /** An ACTIVE contract of {@code account} owned by REP for {@code amount} with {@code lines}. */
    Contract contract(Account account, String amount, List<SalesLine> lines, UnaryOperator<Contract.Builder> shape) {
        int n = ++contracts;
        Instant now = fx.clock.instant();
        Currency currency = lines.isEmpty() ? SalesFixture.CNY : lines.get(0).currency();
        Contract draft = shape.apply(Contract.builder().id(ContractId.of("K" + n)).tenantId(TENANT)
                .accountId(account.id()).number("HT-" + n).currency(currency).lines(lines)
                .amount(Money.of(new BigDecimal(amount), currency)).status(ContractStatus.ACTIVE)
                .signedOn(today()).owner(REP).createdAt(now).updatedAt(now)).build();
        return fx.store.transact(tx -> tx.contracts().insert(draft));
    }

    Quote quote(QuoteId id) {
        return fx.store.transact(tx -> tx.quotes().get(TENANT, id));
    }

    SalesOrder order(io.crmkit.core.sales.SalesOrderId id) {
        return fx.store.transact(tx -> tx.salesOrders().get(TENANT, id));
    }

    List<SalesOrder> orders() {
        return fx.store.transact(tx -> tx.salesOrders().list(TENANT, io.crmkit.spi.PageRequest.first(1000)).items());
    }

    /** How many change-log entries the quote and conversion services have written in the tenant. */
    long logSize() {
        return fx.store.transact(tx -> {
            long n = 0;
            for (String action : ACTIONS) {
                n += tx.changeLog().count(TENANT, new ChangeLogQuery(action, null, null, null,
                        Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")));
            }
            return n;
        });
    }

    /**
     * Runs {@code command}, which must be refused with {@code type}, and checks that it changed nothing:
     * every record equal (versions included), no change-log entry, no notification.
     *
     * @return the refusal, for further checks
     */
    <T extends Throwable> T refusedUnchanged(Class<T> type, ThrowingCallable command) {
        List<Object> before = fx.everything();
        long log = logSize();
        int outbox = fx.outbox().size();
        Throwable thrown = catchThrowable(command);
        assertThat(thrown).isInstanceOf(type);
        assertThat(fx.everything()).isEqualTo(before);
        assertThat(logSize()).isEqualTo(log);
        assertThat(fx.outbox()).hasSize(outbox);
        return type.cast(thrown);
    }

    static Actor boss() {
        return actor(BOSS);
    }
}
