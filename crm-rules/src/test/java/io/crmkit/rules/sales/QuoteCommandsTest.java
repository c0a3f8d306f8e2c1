package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.QuoteSalesFixture.actor;
import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.CNY;
import static io.crmkit.rules.sales.SalesFixture.JPY;
import static io.crmkit.rules.sales.SalesFixture.OTHER;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TEAMMATE;
import static io.crmkit.rules.sales.SalesFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.CloseResult;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.QuoteId;
import io.crmkit.core.sales.QuoteStatus;
import io.crmkit.core.sales.SalesLine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteCommandsTest {
    private final QuoteSalesFixture q = new QuoteSalesFixture();
    private final SalesFixture fx = q.fx;
    private final QuoteCommands quotes = q.quotes;
    private final Account account = fx.account();
    private final Product widget = fx.product("Widget", "100.00");
    private final Product gadget = fx.product("Gadget", "19.99");

    private Quote draft(Actor by) {
        return quotes.create(by, NewQuote.of(account.id(), "Spring offer")
                .withLines(LineInput.of(widget.id(), "2"), LineInput.of(gadget.id(), "3").atDiscount(Discount.zhe("9"))));
    }

    private Quote draft() {
        return draft(actor(REP));
    }

    // ---- create

    @Test
    void createPricesTheLinesAndComputesTheTotalsItself() {
        Quote quote = quotes.create(actor(REP), NewQuote.of(account.id(), "  Spring offer  ")
                .withLines(LineInput.of(widget.id(), "2"), LineInput.of(gadget.id(), "3").atDiscount(Discount.zhe("9")))
                .withWholeOrderDiscount(Discount.multiplier("0.95"))
                .withValidUntil(q.today().plusDays(30)));

        // line 1: 2 × 100.00 = 200.00; line 2: 19.99 × 0.9 = 17.991 per unit, × 3 = 53.973 → 53.97
        // subtotal 253.97; total 253.97 × 0.95 = 241.2715 → 241.27
        assertThat(quote.lines()).extracting(SalesLine::lineNo).containsExactly(1, 2);
        assertThat(quote.lines()).extracting(SalesLine::productName).containsExactly("Widget", "Gadget");
        assertThat(quote.lines().get(1).price().salesPrice()).isEqualTo(UnitPrice.of("17.9910", "CNY"));
        assertThat(quote.lines()).extracting(SalesLine::amount)
                .containsExactly(Money.of("200.00", "CNY"), Money.of("53.97", "CNY"));
        assertThat(quote.subtotal()).isEqualTo(Money.of("253.97", "CNY"));
        assertThat(quote.total()).isEqualTo(Money.of("241.27", "CNY"));
        assertThat(quote.title()).isEqualTo("Spring offer");
        assertThat(quote.currency()).isEqualTo(CNY);
        assertThat(quote.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(quote.owner()).isEqualTo(REP);
        assertThat(quote.validUntil()).isEqualTo(q.today().plusDays(30));
        assertThat(quote.createdAt()).isEqualTo(fx.clock.instant());
        assertThat(q.quote(quote.id())).isEqualTo(quote);

        ChangeLogEntry entry = fx.lastEntry(RecordType.QUOTE, quote.id());
        assertThat(entry.action()).isEqualTo(QuoteCommands.ACTION_CREATE);
        assertThat(entry.actor()).isEqualTo(REP);
        assertThat(entry.context()).isNull();
        assertThat(entry.changes()).contains(new FieldChange("total", null, quote.total().toString()));
        assertThat(entry.changes()).extracting(FieldChange::field).contains("title", "lines", "subtotal", "status");
    }

    @Test
    void createTakesTheOpportunitysCurrencyWhenNoneIsGiven() {
        Opportunity yen = q.opportunity(account, JPY, b -> b);
        Product camera = fx.product("Camera", "1999", JPY);

        Quote quote = quotes.create(actor(REP), NewQuote.of(account.id(), "Yen offer").withOpportunity(yen.id())
                .withLines(LineInput.of(camera.id(), "1")));

        assertThat(quote.currency()).isEqualTo(JPY);
        assertThat(quote.opportunityId()).isEqualTo(yen.id());
        assertThat(quote.total()).isEqualTo(Money.of("1999", "JPY"));
    }

    @Test
    void teammateAndAdminMayCreateButNotViewersOrStrangers() {
        assertThat(draft(actor(TEAMMATE)).owner()).isEqualTo(TEAMMATE);
        assertThat(draft(actor(BOSS)).owner()).isEqualTo(BOSS);
        q.refusedUnchanged(ForbiddenException.class, () -> draft(actor(VIEWER)));
        q.refusedUnchanged(ForbiddenException.class, () -> draft(actor(OTHER)));
    }

    @Test
    void createRefusesALockedOrVoidedAccount() {
        Account locked = fx.account(b -> b.locked(true));
        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> quotes.create(actor(REP), NewQuote.of(locked.id(), "x")));
        assertThat(e.rule()).isEqualTo("account.locked");
    }

    @Test
    void createRefusesAnUnknownAccount() {
        q.refusedUnchanged(NotFoundException.class,
                () -> quotes.create(actor(REP), NewQuote.of(io.crmkit.core.account.AccountId.of("nope"), "x")));
    }

    @Test
    void createRefusesBadInputAndChangesNothing() {
        ValidationException noTitle = q.refusedUnchanged(ValidationException.class,
                () -> quotes.create(actor(REP), NewQuote.of(account.id(), "  ")));
        assertThat(noTitle.hasViolation("title", ErrorCode.FIELD_REQUIRED)).isTrue();

        ValidationException past = q.refusedUnchanged(ValidationException.class,
                () -> quotes.create(actor(REP), NewQuote.of(account.id(), "x").withValidUntil(q.today().minusDays(1))));
        assertThat(past.hasViolation("validUntil", ErrorCode.FIELD_INVALID)).isTrue();

        ValidationException badLines = q.refusedUnchanged(ValidationException.class,
                () -> quotes.create(actor(REP), NewQuote.of(account.id(), "x").withLines(
                        LineInput.of(io.crmkit.core.product.ProductId.of("ghost"), "1"),
                        LineInput.of(widget.id(), "1").withListPrice(UnitPrice.of("10", "USD")))));
        assertThat(badLines.hasViolation("lines[0].productId", ErrorCode.FIELD_INVALID)).isTrue();
        assertThat(badLines.hasViolation("lines[1].listPrice", ErrorCode.CURRENCY_MISMATCH)).isTrue();
    }

    @Test
    void createRefusesAnOpportunityOfAnotherAccountOrNoneAtAll() {
        Account elsewhere = fx.account();
        Opportunity theirs = q.opportunity(elsewhere, CNY, b -> b);
        ValidationException other = q.refusedUnchanged(ValidationException.class,
                () -> quotes.create(actor(REP), NewQuote.of(account.id(), "x").withOpportunity(theirs.id())));
        assertThat(other.hasViolation("opportunityId", ErrorCode.FIELD_INVALID)).isTrue();

        ValidationException missing = q.refusedUnchanged(ValidationException.class,
                () -> quotes.create(actor(REP), NewQuote.of(account.id(), "x").withOpportunity(OpportunityId.of("O99"))));
        assertThat(missing.hasViolation("opportunityId", ErrorCode.FIELD_INVALID)).isTrue();
    }

    @Test
    void createRefusesACurrencyOtherThanTheOpportunitys() {
        Opportunity yuan = q.opportunity(account, CNY, b -> b);
        ValidationException e = q.refusedUnchanged(ValidationException.class,
                () -> quotes.create(actor(REP), NewQuote.of(account.id(), "x").withOpportunity(yuan.id()).withCurrency(JPY)));
        assertThat(e.hasViolation("currency", ErrorCode.CURRENCY_MISMATCH)).isTrue();
    }

    @Test
    void createRefusesAnOpportunityClosedAsLost() {
        Opportunity lost = q.closed(q.opportunity(account, CNY, b -> b), CloseResult.LOST);
        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> quotes.create(actor(REP), NewQuote.of(account.id(), "x").withOpportunity(lost.id())));
        assertThat(e.rule()).isEqualTo(QuoteCommands.RULE_OPPORTUNITY_CLOSED);
    }

    @Test
    void createRefusesOffShelfProducts() {
        Product retired = fx.product("Retired", "5.00", CNY, ShelfStatus.OFF_SHELF);
        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> quotes.create(actor(REP), NewQuote.of(account.id(), "x")
                        .withLines(LineInput.of(widget.id(), "1"), LineInput.of(retired.id(), "1"))));
        assertThat(e.rule()).isEqualTo("product.off-shelf");
    }

    // ---- draft edits

    @Test
    void setLinesRecomputesTheFiguresAndLogsThem() {
        Quote before = draft();
        fx.advance(Duration.ofMinutes(5));

        Quote after = quotes.setLines(actor(REP), before.id(),
                List.of(LineInput.of(gadget.id(), "1").atSalesPrice(UnitPrice.of("18.50", "CNY"))), Discount.percentOff("10"));

        // 1 × 18.50 = 18.50; × 0.9 = 16.65
        assertThat(after.lines()).hasSize(1);
        assertThat(after.subtotal()).isEqualTo(Money.of("18.50", "CNY"));
        assertThat(after.total()).isEqualTo(Money.of("16.65", "CNY"));
        assertThat(after.wholeOrderDiscount()).isEqualTo(Discount.multiplier("0.9"));
        assertThat(after.updatedAt()).isEqualTo(fx.clock.instant());
        ChangeLogEntry entry = fx.lastEntry(RecordType.QUOTE, before.id());
        assertThat(entry.action()).isEqualTo(QuoteCommands.ACTION_SET_LINES);
        assertThat(entry.changes()).extracting(FieldChange::field)
                .containsExactly("lines", "wholeOrderDiscount", "subtotal", "total");
    }

    @Test
    void setLinesWithoutDiscountKeepsTheQuotesDiscount() {
        Quote before = quotes.create(actor(REP), NewQuote.of(account.id(), "x")
                .withWholeOrderDiscount(Discount.zhe("8.8")));
        Quote after = quotes.setLines(actor(REP), before.id(), List.of(LineInput.of(widget.id(), "1")), null);
        assertThat(after.wholeOrderDiscount()).isEqualTo(Discount.multiplier("0.88"));
        assertThat(after.total()).isEqualTo(Money.of("88.00", "CNY"));
    }

    @Test
    void setLinesKeepsAProductAlreadyOfferedButRefusesANewOffShelfOne() {
        Product seasonal = fx.product("Seasonal", "10.00");
        Quote before = quotes.create(actor(REP), NewQuote.of(account.id(), "x").withLines(LineInput.of(seasonal.id(), "1")));
        Product retired = fx.product("Retired", "5.00", CNY, ShelfStatus.OFF_SHELF);
        fx.store.transact(tx -> tx.products().update(tx.products().get(SalesFixture.TENANT, seasonal.id())
                .toBuilder().shelfStatus(ShelfStatus.OFF_SHELF).build()));

        Quote kept = quotes.setLines(actor(REP), before.id(), List.of(LineInput.of(seasonal.id(), "2")), null);
        assertThat(kept.total()).isEqualTo(Money.of("20.00", "CNY"));

        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class, () -> quotes.setLines(actor(REP),
                before.id(), List.of(LineInput.of(seasonal.id(), "2"), LineInput.of(retired.id(), "1")), null));
        assertThat(e.rule()).isEqualTo("product.off-shelf");
    }

    @Test
    void onlyTheOwnerOrAnAdminChangesAQuote() {
        Quote quote = draft();
        q.refusedUnchanged(ForbiddenException.class, () -> quotes.rename(actor(TEAMMATE), quote.id(), "mine now"));
        q.refusedUnchanged(ForbiddenException.class, () -> quotes.send(actor(OTHER), quote.id()));
        q.refusedUnchanged(ForbiddenException.class,
                () -> quotes.setLines(actor(VIEWER), quote.id(), List.of(), null));
        assertThat(quotes.rename(actor(BOSS), quote.id(), "Approved offer").title()).isEqualTo("Approved offer");
        assertThat(fx.lastEntry(RecordType.QUOTE, quote.id()).actor()).isEqualTo(BOSS);
    }

    @Test
    void renameAndValidityChangeOnlyADraft() {
        Quote quote = draft();
        Quote renamed = quotes.rename(actor(REP), quote.id(), " Final offer ");
        assertThat(renamed.title()).isEqualTo("Final offer");
        assertThat(fx.lastEntry(RecordType.QUOTE, quote.id()).changes())
                .containsExactly(new FieldChange("title", "Spring offer", "Final offer"));
        LocalDate until = q.today().plusDays(7);
        assertThat(quotes.setValidUntil(actor(REP), quote.id(), until).validUntil()).isEqualTo(until);
        assertThat(fx.lastEntry(RecordType.QUOTE, quote.id()).action()).isEqualTo(QuoteCommands.ACTION_SET_VALID_UNTIL);

        ValidationException past = q.refusedUnchanged(ValidationException.class,
                () -> quotes.setValidUntil(actor(REP), quote.id(), q.today().minusDays(1)));
        assertThat(past.hasViolation("validUntil", ErrorCode.FIELD_INVALID)).isTrue();
        ValidationException blank = q.refusedUnchanged(ValidationException.class,
                () -> quotes.rename(actor(REP), quote.id(), " "));
        assertThat(blank.hasViolation("title", ErrorCode.FIELD_REQUIRED)).isTrue();

        quotes.send(actor(REP), quote.id());
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable change : List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> quotes.rename(actor(REP), quote.id(), "late"),
                () -> quotes.setValidUntil(actor(REP), quote.id(), q.today().plusDays(60)),
                () -> quotes.setLines(actor(REP), quote.id(), List.of(LineInput.of(widget.id(), "1")), null))) {
            RuleViolationException e = q.refusedUnchanged(RuleViolationException.class, change);
            assertThat(e.rule()).isEqualTo(QuoteCommands.RULE_NOT_DRAFT);
        }
    }

    // ---- life cycle

    @Test
    void sendThenAcceptFollowsTheStateMachineAndLogsEachStep() {
        Quote quote = draft();
        assertThat(quotes.send(actor(REP), quote.id()).status()).isEqualTo(QuoteStatus.SENT);
        assertThat(quotes.accept(actor(REP), quote.id()).status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(fx.log(RecordType.QUOTE, quote.id())).extracting(ChangeLogEntry::action)
                .containsExactly(QuoteCommands.ACTION_CREATE, QuoteCommands.ACTION_SEND, QuoteCommands.ACTION_ACCEPT);
        assertThat(fx.lastEntry(RecordType.QUOTE, quote.id()).changes())
                .containsExactly(new FieldChange("status", "SENT", "ACCEPTED"));

        IllegalTransitionException again = q.refusedUnchanged(IllegalTransitionException.class,
                () -> quotes.reject(actor(REP), quote.id(), null));
        assertThat(again.machine()).isEqualTo(QuoteStatus.MACHINE);
        q.refusedUnchanged(IllegalTransitionException.class, () -> quotes.expire(actor(REP), quote.id()));
    }

    @Test
    void acceptingADraftIsAnIllegalTransition() {
        Quote quote = draft();
        q.refusedUnchanged(IllegalTransitionException.class, () -> quotes.accept(actor(REP), quote.id()));
    }

    @Test
    void rejectKeepsTheReasonInTheLog() {
        Quote quote = draft();
        quotes.send(actor(REP), quote.id());
        assertThat(quotes.reject(actor(REP), quote.id(), " too expensive ").status()).isEqualTo(QuoteStatus.REJECTED);
        ChangeLogEntry entry = fx.lastEntry(RecordType.QUOTE, quote.id());
        assertThat(entry.action()).isEqualTo(QuoteCommands.ACTION_REJECT);
        assertThat(entry.reason()).isEqualTo("too expensive");
    }

    @Test
    void acceptingIsRefusedOnceTheValidityHasPassedButAllowedOnTheLastDay() {
        Quote quote = quotes.create(actor(REP), NewQuote.of(account.id(), "x").withLines(LineInput.of(widget.id(), "1"))
                .withValidUntil(q.today().plusDays(3)));
        quotes.send(actor(REP), quote.id());
        fx.advanceDays(4);
        RuleViolationException e = q.refusedUnchanged(RuleViolationException.class,
                () -> quotes.accept(actor(REP), quote.id()));
        assertThat(e.rule()).isEqualTo(QuoteCommands.RULE_VALIDITY_PASSED);
        assertThat(e.limit()).isEqualTo(quote.validUntil());

        Quote onTime = quotes.create(actor(REP), NewQuote.of(account.id(), "y").withLines(LineInput.of(widget.id(), "1"))
                .withValidUntil(q.today()));
        quotes.send(actor(REP), onTime.id());
        fx.advance(Duration.ofHours(13)); // 23:00 in Shanghai: still the last valid day
        assertThat(quotes.accept(actor(REP), onTime.id()).status()).isEqualTo(QuoteStatus.ACCEPTED);
    }

    @Test
    void expireByHandFromDraft() {
        Quote quote = draft();
        assertThat(quotes.expire(actor(REP), quote.id()).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(fx.lastEntry(RecordType.QUOTE, quote.id()).action()).isEqualTo(QuoteCommands.ACTION_EXPIRE);
    }

    @Test
    void unknownQuoteIsNotFound() {
        q.refusedUnchanged(NotFoundException.class, () -> quotes.send(actor(REP), QuoteId.of("nope")));
    }

    // ---- history

    @Test
    void historyListsTheAccountsQuotesNewestFirst() {
        Quote first = draft();
        fx.advance(Duration.ofMinutes(1));
        Quote second = draft(actor(TEAMMATE));
        fx.advance(Duration.ofMinutes(1));
        Quote third = draft(actor(BOSS));
        Account other = fx.account();
        quotes.create(actor(REP), NewQuote.of(other.id(), "elsewhere"));

        assertThat(quotes.history(actor(VIEWER), account.id())).extracting(Quote::id)
                .containsExactly(third.id(), second.id(), first.id());
        assertThat(quotes.history(actor(BOSS), account.id())).hasSize(3);
        q.refusedUnchanged(ForbiddenException.class, () -> quotes.history(actor(OTHER), account.id()));
    }

    // ---- expiry sweep

    @Test
    void expireDueExpiresDraftAndSentQuotesPastTheirValidityOnly() {
        Quote draftDue = quotes.create(actor(REP), NewQuote.of(account.id(), "a").withValidUntil(q.today()));
        Quote sentDue = quotes.create(actor(REP), NewQuote.of(account.id(), "b").withLines(LineInput.of(widget.id(), "1"))
                .withValidUntil(q.today().plusDays(1)));
        quotes.send(actor(REP), sentDue.id());
        Quote accepted = quotes.create(actor(REP), NewQuote.of(account.id(), "c").withLines(LineInput.of(widget.id(), "1"))
                .withValidUntil(q.today()));
        quotes.send(actor(REP), accepted.id());
        quotes.accept(actor(REP), accepted.id());
        Quote notYet = quotes.create(actor(REP), NewQuote.of(account.id(), "d").withValidUntil(q.today().plusDays(2)));
        Quote openEnded = quotes.create(actor(REP), NewQuote.of(account.id(), "e"));

        fx.advanceDays(1);
        assertThat(quotes.expireDue(actor(BOSS))).containsExactly(draftDue.id()); // sentDue's last day is today
        fx.advanceDays(1);
        assertThat(quotes.expireDue(actor(BOSS))).containsExactly(sentDue.id());
        assertThat(quotes.expireDue(actor(BOSS))).isEmpty();

        assertThat(q.quote(draftDue.id()).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(q.quote(sentDue.id()).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThat(q.quote(accepted.id()).status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(q.quote(notYet.id()).status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(q.quote(openEnded.id()).status()).isEqualTo(QuoteStatus.DRAFT);
        ChangeLogEntry entry = fx.lastEntry(RecordType.QUOTE, sentDue.id());
        assertThat(entry.action()).isEqualTo(QuoteCommands.ACTION_EXPIRE);
        assertThat(entry.actor()).isEqualTo(BOSS);
        assertThat(entry.reason()).contains(sentDue.validUntil().toString());
    }
}
