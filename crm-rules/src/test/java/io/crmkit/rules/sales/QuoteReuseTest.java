package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.QuoteSalesFixture.actor;
import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.CNY;
import static io.crmkit.rules.sales.SalesFixture.JPY;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TEAMMATE;
import static io.crmkit.rules.sales.SalesFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteId;
import io.crmkit.core.sales.SalesLine;
import org.junit.jupiter.api.Test;

class QuoteReuseTest {
    private final QuoteSalesFixture q = new QuoteSalesFixture();
    private final SalesFixture fx = q.fx;
    private final QuoteCommands quotes = q.quotes;
    private final Account account = fx.account();
    private final Product widget = fx.product("Widget", "100.00");
    private final Product gadget = fx.product("Gadget", "20.00");

    /** Last year's quote: 2 gadgets at 18.00, 3 widgets at 9折. Subtotal 36.00 + 270.00 = 306.00. */
    private Quote earlier() {
        return quotes.create(actor(REP), NewQuote.of(account.id(), "Last year").withLines(
                        LineInput.of(gadget.id(), "2").atSalesPrice(UnitPrice.of("18.00", "CNY")),
                        LineInput.of(widget.id(), "3").atDiscount(Discount.zhe("9")))
                .withWholeOrderDiscount(Discount.multiplier("0.5")));
    }

    /** This year's quote: 1 widget at list, whole-order 0.9. */
    private Quote target() {
        return quotes.create(actor(REP), NewQuote.of(account.id(), "This year").withLines(
                LineInput.of(widget.id(), "1")).withWholeOrderDiscount(Discount.multiplier("0.9")));
    }

    @Test
    void replaceCopiesTheSourceLinesWithTheirNumbersAndKeepsTheTargetsDiscount() {
        Quote source = earlier();
        Quote target = target();

        Quote reused = quotes.reuse(actor(REP), source.id(), target.id(), ReuseMode.REPLACE);

        assertThat(reused.lines()).isEqualTo(source.lines());
        assertThat(reused.copiedFrom()).isEqualTo(source.id());
        assertThat(reused.wholeOrderDiscount()).isEqualTo(Discount.multiplier("0.9"));
        // 36.00 + 270.00 = 306.00; × 0.9 = 275.40
        assertThat(reused.subtotal()).isEqualTo(Money.of("306.00", "CNY"));
        assertThat(reused.total()).isEqualTo(Money.of("275.40", "CNY"));
        assertThat(q.quote(target.id())).isEqualTo(reused);
        assertThat(q.quote(source.id())).isEqualTo(source);

        ChangeLogEntry entry = fx.lastEntry(RecordType.QUOTE, target.id());
        assertThat(entry.action()).isEqualTo(QuoteCommands.ACTION_REUSE);
        assertThat(entry.reason()).contains(source.id().value()).contains("REPLACE");
        assertThat(entry.changes()).extracting(c -> c.field())
                .containsExactly("lines", "subtotal", "total", "copiedFrom");
    }

    @Test
    void appendRenumbersTheCopiesAfterTheTargetsLastLine() {
        Quote source = earlier();
        Quote target = target();

        Quote reused = quotes.reuse(actor(REP), source.id(), target.id(), ReuseMode.APPEND);

        assertThat(reused.lines()).extracting(SalesLine::lineNo).containsExactly(1, 2, 3);
        assertThat(reused.lines().get(0)).isEqualTo(target.lines().get(0));
        assertThat(reused.lines().subList(1, 3)).extracting(SalesLine::productId)
                .containsExactly(gadget.id(), widget.id());
        assertThat(reused.lines().subList(1, 3)).extracting(SalesLine::price)
                .containsExactlyElementsOf(source.lines().stream().map(SalesLine::price).toList());
        // 100.00 + 36.00 + 270.00 = 406.00; × 0.9 = 365.40
        assertThat(reused.subtotal()).isEqualTo(Money.of("406.00", "CNY"));
        assertThat(reused.total()).isEqualTo(Money.of("365.40", "CNY"));
        assertThat(fx.lastEntry(RecordType.QUOTE, target.id()).reason()).contains("APPEND");

        // appending twice keeps numbering on: 4 and 5
        Quote twice = quotes.reuse(actor(REP), source.id(), target.id(), ReuseMode.APPEND);
        assertThat(twice.lines()).extracting(SalesLine::lineNo).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void anEmptyTargetNeedsNoMode() {
        Quote source = earlier();
        Quote empty = quotes.create(actor(REP), NewQuote.of(account.id(), "Blank"));

        Quote reused = quotes.reuse(actor(REP), source.id(), empty.id(), null);

        assertThat(reused.lines()).isEqualTo(source.lines());
        assertThat(reused.wholeOrderDiscount()).isEqualTo(Discount.NONE);
        assertThat(reused.total()).isEqualTo(Money.of("306.00", "CNY"));
    }

    @Test
    void aTargetWithLinesNeedsAMode() {
        Quote source = earlier();
        Quote target = target();
        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> quotes.reuse(actor(REP), source.id(), target.id(), null));
        assertThat(e.rule()).isEqualTo(QuoteCommands.RULE_REUSE_MODE_REQUIRED);
    }

    @Test
    void aFinishedSourceMayBeReused() {
        Quote source = earlier();
        quotes.send(actor(REP), source.id());
        quotes.reject(actor(REP), source.id(), "too dear then");
        Quote reused = quotes.reuse(actor(REP), source.id(), target().id(), ReuseMode.REPLACE);
        assertThat(reused.copiedFrom()).isEqualTo(source.id());
    }

    @Test
    void aQuoteOfAnotherAccountIsRefused() {
        Account other = fx.account();
        Quote theirs = quotes.create(actor(REP), NewQuote.of(other.id(), "Theirs").withLines(LineInput.of(widget.id(), "1")));
        Quote target = target();
        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> quotes.reuse(actor(REP), theirs.id(), target.id(), ReuseMode.REPLACE));
        assertThat(e.rule()).isEqualTo(QuoteCommands.RULE_REUSE_OTHER_ACCOUNT);
    }

    @Test
    void aQuoteInAnotherCurrencyIsRefused() {
        Product camera = fx.product("Camera", "1999", JPY);
        Quote yen = quotes.create(actor(REP), NewQuote.of(account.id(), "Yen").withCurrency(JPY)
                .withLines(LineInput.of(camera.id(), "1")));
        Quote target = target();
        ValidationException e = q.refusedUnchanged(ValidationException.class,
                () -> quotes.reuse(actor(REP), yen.id(), target.id(), ReuseMode.APPEND));
        assertThat(e.hasViolation("source", ErrorCode.CURRENCY_MISMATCH)).isTrue();
    }

    @Test
    void anOffShelfProductIsNotCopiedIntoAQuote() {
        Product seasonal = fx.product("Seasonal", "5.00");
        Quote source = quotes.create(actor(REP), NewQuote.of(account.id(), "Last season").withLines(
                LineInput.of(widget.id(), "1"), LineInput.of(seasonal.id(), "4")));
        fx.store.transact(tx -> tx.products().update(tx.products().get(TENANT, seasonal.id()).toBuilder()
                .shelfStatus(ShelfStatus.OFF_SHELF).build()));
        Quote target = target();

        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> quotes.reuse(actor(REP), source.id(), target.id(), ReuseMode.REPLACE));
        assertThat(e.rule()).isEqualTo("product.off-shelf");
        assertThat(e.getMessage()).contains(seasonal.id().value());
    }

    @Test
    void theTargetMustBeADraftOwnedByTheActor() {
        Quote source = earlier();
        Quote target = target();
        q.refusedUnchanged(ForbiddenException.class,
                () -> quotes.reuse(actor(TEAMMATE), source.id(), target.id(), ReuseMode.REPLACE));
        assertThat(quotes.reuse(actor(BOSS), source.id(), target.id(), ReuseMode.REPLACE).copiedFrom())
                .isEqualTo(source.id());

        Quote sent = target();
        quotes.send(actor(REP), sent.id());
        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> quotes.reuse(actor(REP), source.id(), sent.id(), ReuseMode.APPEND));
        assertThat(e.rule()).isEqualTo(QuoteCommands.RULE_NOT_DRAFT);
    }

    @Test
    void aQuoteCannotReuseItselfAndAnUnknownSourceIsNotFound() {
        Quote target = target();
        ValidationException self = q.refusedUnchanged(ValidationException.class,
                () -> quotes.reuse(actor(REP), target.id(), target.id(), ReuseMode.APPEND));
        assertThat(self.hasViolation("source", ErrorCode.FIELD_INVALID)).isTrue();
        q.refusedUnchanged(NotFoundException.class,
                () -> quotes.reuse(actor(REP), QuoteId.of("nope"), target.id(), ReuseMode.APPEND));
        assertThat(q.quote(target.id()).currency()).isEqualTo(CNY);
    }
}
