package io.crmkit.jdbc.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.sales.AutoCloseRule;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractStatus;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteStatus;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.core.sales.SalesSettings;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.Crm;
import io.crmkit.rules.product.NewProduct;
import io.crmkit.rules.sales.ContractDraft;
import io.crmkit.rules.sales.LineInput;
import io.crmkit.rules.sales.NewOpportunity;
import io.crmkit.rules.sales.NewQuote;
import io.crmkit.rules.sales.Repricing;
import io.crmkit.spi.CrmStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sales commands against a database store: the queries they depend on (quote history, unique
 * contract numbers, the orders of a contract, the expiry and automatic-close sweeps) run as SQL, and
 * the contract-amount cap holds when 16 threads order from one contract at once, which the in-memory
 * store (one transaction at a time) cannot show. Each database's subclass supplies the store; every
 * test works in a tenant of its own.
 */
abstract class SalesOnDatabase {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Currency CNY = Currency.getInstance("CNY");
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    static final UserId REP = UserId.of("alice");
    static final UserId BOSS = UserId.of("boss");
    private static final int THREADS = 16;

    private final MovableClock clock = new MovableClock(START);
    private TenantId tenant;
    private Crm crm;
    private volatile TenantSettings settings = TenantSettings.defaults(ZONE, CNY);

    /** The store under test (built once per class). */
    abstract CrmStore store();

    @BeforeEach
    void newTenant() {
        tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        crm = Crm.builder().store(store()).clock(clock).tenantSettings(t -> settings).build();
    }

    private Actor rep() {
        return Actor.of(tenant, REP);
    }

    private Actor boss() {
        return Actor.of(tenant, BOSS).withRoles(Set.of(Crm.DEFAULT_ADMIN_ROLE));
    }

    private Account account() {
        Instant now = clock.instant();
        Account account = Account.builder().id(AccountId.of("A-" + UUID.randomUUID())).tenantId(tenant)
                .name("Hangzhou Sample " + UUID.randomUUID()).dealStatus(DealStatus.NOT_YET).owner(REP).ownedSince(now)
                .createdAt(now).updatedAt(now).build();
        return store().transact(tx -> tx.accounts().insert(account));
    }

    private Product product(String name, String price) {
        return crm.products().create(boss(), NewProduct.of(name, UnitPrice.of(price, "CNY")));
    }

    @Test
    void aQuoteBecomesAContractAndOrdersWithTheFiguresOfTheCoreMath() {
        Account account = account();
        Product widget = product("Widget", "33.3333");
        Product gadget = product("Gadget", "19.99");
        Quote first = crm.quotes().create(rep(), NewQuote.of(account.id(), "First offer")
                .withLines(LineInput.of(widget.id(), "3").atDiscount(Discount.multiplier("0.87")),
                        LineInput.of(gadget.id(), "1.5"))
                .withWholeOrderDiscount(Discount.zhe("9.5")));
        // 33.3333 × 0.87 = 29.000 (price scale 4: 28.999971 → 29.0000); × 3 = 87.00; 19.99 × 1.5 = 29.985 → 29.99
        // subtotal 116.99; × 0.95 = 111.1405 → 111.14
        assertThat(first.subtotal()).isEqualTo(Money.of("116.99", "CNY"));
        assertThat(first.total()).isEqualTo(Money.of("111.14", "CNY"));
        Quote second = crm.quotes().create(rep(), NewQuote.of(account.id(), "Second offer")
                .withLines(LineInput.of(gadget.id(), "2")));
        assertThat(crm.quotes().history(rep(), account.id())).extracting(Quote::id)
                .containsExactly(second.id(), first.id());

        crm.quotes().send(rep(), first.id());
        crm.quotes().accept(rep(), first.id());
        Contract draft = crm.conversions().quoteToContract(rep(), first.id(), ContractDraft.numbered("HT-1"));
        assertThatThrownBy(() -> crm.conversions().quoteToContract(rep(), first.id(), ContractDraft.numbered("HT-1")))
                .isInstanceOf(DuplicateRecordException.class);
        Contract active = crm.contracts().activate(rep(), draft.id(), LocalDate.ofInstant(clock.instant(), ZONE));
        assertThat(active.amount()).isEqualTo(first.total());

        SalesOrder order = crm.conversions().contractToOrder(rep(), active.id(), Repricing.none());
        assertThat(order.total()).isEqualTo(Money.of("111.14", "CNY"));
        Money shares = order.lines().stream().map(l -> l.allocatedTotal()).reduce(Money.zero(CNY), Money::plus);
        assertThat(shares).isEqualTo(order.total());
        assertThat(crm.orders().ofContract(rep(), active.id())).extracting(SalesOrder::id).containsExactly(order.id());
        RuleViolationException over = org.junit.jupiter.api.Assertions.assertThrows(RuleViolationException.class,
                () -> crm.conversions().contractToOrder(rep(), active.id(), Repricing.none()));
        assertThat(over.limit()).isEqualTo(Money.of("0.00", "CNY"));

        crm.orders().ship(rep(), order.id());
        SalesOrder returned = crm.orders().recordReturn(rep(), order.id(), 1, new BigDecimal("1"), "damaged");
        SalesOrder invoiced = crm.orders().recordInvoice(rep(), order.id(), "INV-1", returned.receivable(),
                LocalDate.ofInstant(clock.instant(), ZONE));
        assertThat(invoiced.invoicedTotal()).isEqualTo(invoiced.receivable());
        assertThat(invoiced.receivable()).isEqualTo(invoiced.total().minus(invoiced.returnsTotal()));
    }

    @Test
    void sixteenThreadsNeverOrderMoreThanTheContractAmount() throws Exception {
        Account account = account();
        Product widget = product("Widget", "299.99");
        Contract draft = crm.contracts().create(rep(), io.crmkit.rules.sales.NewContract
                .of(account.id(), "HT-STORM", Money.of("1000.00", "CNY"))
                .withLines(List.of(LineInput.of(widget.id(), "1"))));
        Contract contract = crm.contracts().activate(rep(), draft.id(), LocalDate.ofInstant(clock.instant(), ZONE));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        crm.conversions().contractToOrder(rep(), contract.id(), Repricing.none());
                        return true;
                    } catch (RuleViolationException refused) {
                        assertThat(refused.rule()).isEqualTo("contract.amount-exceeded");
                        return false;
                    }
                }));
            }
            go.countDown();
            int taken = 0;
            for (Future<Boolean> result : results) {
                if (result.get(120, TimeUnit.SECONDS)) {
                    taken++;
                }
            }
            List<SalesOrder> orders = crm.orders().ofContract(rep(), contract.id());
            Money ordered = orders.stream().map(SalesOrder::total).reduce(Money.zero(CNY), Money::plus);
            // 3 × 299.99 = 899.97 fits in 1000.00; a fourth would make 1199.96.
            assertThat(taken).isEqualTo(3);
            assertThat(orders).hasSize(3);
            assertThat(ordered).isEqualTo(Money.of("899.97", "CNY"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSweepsFindWhatIsDueInSql() {
        Account account = account();
        Product widget = product("Widget", "10.00");
        SalesProcess process = SalesProcess.defaultProcess();
        settings = settings.toBuilder().sales(SalesSettings.builder()
                .autoCloseRules(List.of(AutoCloseRule.lostAfter("stale", process.id(), 90, "No response")))
                .build()).build();
        Opportunity stale = crm.opportunities().create(rep(), NewOpportunity.builder().name("Stale deal")
                .accountId(account.id()).amount(Money.of("500.00", "CNY")).build());
        Opportunity won = crm.opportunities().close(rep(), crm.opportunities().create(rep(), NewOpportunity.builder()
                .name("Won deal").accountId(account.id()).amount(Money.of("800.00", "CNY")).build()).id(),
                CloseResult.WON, null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        Quote quote = crm.quotes().create(rep(), NewQuote.of(account.id(), "Short offer")
                .withLines(LineInput.of(widget.id(), "1")).withValidUntil(today.plusDays(10)));
        Contract contract = crm.contracts().create(rep(), io.crmkit.rules.sales.NewContract
                .of(account.id(), "HT-SWEEP", Money.of("100.00", "CNY")).withPeriod(today, today.plusDays(30)));
        crm.contracts().activate(rep(), contract.id(), today);

        clock.advance(Duration.ofDays(90));
        var closed = crm.opportunities().closeInactive(boss());
        List<io.crmkit.core.sales.QuoteId> expiredQuotes = crm.quotes().expireDue(boss());
        List<io.crmkit.core.sales.ContractId> expiredContracts = crm.contracts().expireDue(boss());

        assertThat(closed.closed()).extracting(c -> c.opportunityId()).containsExactly(stale.id());
        assertThat(expiredQuotes).containsExactly(quote.id());
        assertThat(expiredContracts).containsExactly(contract.id());
        Opportunity stillWon = store().transact(tx -> tx.opportunities().get(tenant, won.id()));
        assertThat(stillWon).isEqualTo(won);
        Quote expired = store().transact(tx -> tx.quotes().get(tenant, quote.id()));
        assertThat(expired.status()).isEqualTo(QuoteStatus.EXPIRED);
        Contract ended = store().transact(tx -> tx.contracts().get(tenant, contract.id()));
        assertThat(ended.status()).isEqualTo(ContractStatus.EXPIRED);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
