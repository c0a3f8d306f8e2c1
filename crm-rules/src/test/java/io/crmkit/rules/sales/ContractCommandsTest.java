package io.crmkit.rules.sales;

import static io.crmkit.rules.sales.OrderFixture.as;
import static io.crmkit.rules.sales.OrderFixture.cny;
import static io.crmkit.rules.sales.OrderFixture.jpy;
import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.CNY;
import static io.crmkit.rules.sales.SalesFixture.OTHER;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.TEAMMATE;
import static io.crmkit.rules.sales.SalesFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.DuplicateRecordException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.money.Discount;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.AttachmentRef;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.ContractStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ContractCommandsTest {
    private static final LocalDate MAR_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate MAR_5 = LocalDate.of(2026, 3, 5);
    private final OrderFixture of = new OrderFixture();
    private final SalesFixture fx = of.fx;
    private final ContractCommands contracts = of.contracts;
    private final Account account = fx.account();
    private final AttachmentRef scan = new AttachmentRef("s3://contracts/ht-1.pdf", "HT-1.pdf", "application/pdf");

    private Contract draft(String number) {
        return contracts.create(as(REP), NewContract.of(account.id(), number, cny("50000.00")).withPeriod(MAR_1, MAR_5));
    }

    // ---- create

    @Test
    void createADirectContractAsADraftAndLogIt() {
        Contract contract = contracts.create(as(REP), NewContract.of(account.id(), "  HT-2026-001 ", cny("50000.00"))
                .withTitle(" Annual supply ").withPeriod(MAR_1, LocalDate.of(2026, 12, 31)));
        assertThat(contract.number()).isEqualTo("HT-2026-001");
        assertThat(contract.title()).isEqualTo("Annual supply");
        assertThat(contract.status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(contract.amount()).isEqualTo(cny("50000.00"));
        assertThat(contract.owner()).isEqualTo(REP);
        assertThat(contract.lines()).isEmpty();
        assertThat(contracts.get(as(VIEWER), contract.id())).isEqualTo(contract);
        ChangeLogEntry entry = fx.lastEntry(RecordType.CONTRACT, contract.id());
        assertThat(entry.action()).isEqualTo(ContractCommands.ACTION_CREATE);
        assertThat(entry.changes()).contains(new FieldChange("number", null, "HT-2026-001"));
    }

    @Test
    void withLinesAndNoAmountTheAmountIsTheSubtotalAndAnExplicitAmountMayDiffer() {
        Product widget = fx.product("Widget", "100.00");
        List<LineInput> lines = List.of(LineInput.of(widget.id(), "3").atDiscount(Discount.zhe("9")));
        Contract derived = contracts.create(as(TEAMMATE), new NewContract(account.id(), "HT-1", null, null, lines, null, null, null));
        assertThat(derived.amount()).isEqualTo(cny("270.00"));
        assertThat(derived.lines()).singleElement().satisfies(l -> assertThat(l.lineNo()).isEqualTo(1));
        assertThat(derived.owner()).isEqualTo(TEAMMATE);

        Contract agreed = contracts.create(as(REP), new NewContract(account.id(), "HT-2", null, null, lines, cny("250.00"), null, null));
        assertThat(agreed.amount()).isEqualTo(cny("250.00"));

        Product retired = fx.product("Old", "1.00", CNY, ShelfStatus.OFF_SHELF);
        Throwable offShelf = of.refused(() -> contracts.create(as(REP),
                new NewContract(account.id(), "HT-3", null, null, List.of(LineInput.of(retired.id(), "1")), null, null, null)));
        assertThat(((RuleViolationException) offShelf).rule()).isEqualTo("product.off-shelf");
    }

    @Test
    void createValidatesEverythingAtOnceAndChangesNothing() {
        Throwable thrown = of.refused(() -> contracts.create(as(REP),
                new NewContract(account.id(), " ", "x".repeat(201), null, null, null, MAR_5, MAR_1)));
        ValidationException e = (ValidationException) thrown;
        assertThat(e.hasViolation("number", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(e.hasViolation("title", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
        assertThat(e.hasViolation("amount", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(e.hasViolation("endsOn", ErrorCode.FIELD_INVALID)).isTrue();

        Throwable currency = of.refused(() -> contracts.create(as(REP),
                NewContract.of(account.id(), "HT-9", jpy("100")).inCurrency(CNY)));
        assertThat(((ValidationException) currency).hasViolation("amount", ErrorCode.CURRENCY_MISMATCH)).isTrue();
        Throwable negative = of.refused(() -> contracts.create(as(REP), NewContract.of(account.id(), "HT-9", cny("-1.00"))));
        assertThat(((ValidationException) negative).hasViolation("amount", ErrorCode.FIELD_NEGATIVE)).isTrue();
    }

    @Test
    void viewersAndStrangersMayNotCreate() {
        assertThat(of.refused(() -> contracts.create(as(VIEWER), NewContract.of(account.id(), "HT-1", cny("1.00")))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(of.refused(() -> contracts.create(as(OTHER), NewContract.of(account.id(), "HT-1", cny("1.00")))))
                .isInstanceOf(ForbiddenException.class);
    }

    // ---- numbers

    @Test
    void contractNumbersAreUniquePerTenantOnCreateAndUpdate() {
        draft("HT-1");
        Contract second = draft("HT-2");
        Throwable taken = of.refused(() -> draft("HT-1"));
        assertThat(taken).isInstanceOf(DuplicateRecordException.class);
        Throwable renumber = of.refused(() -> contracts.update(as(REP), second.id(), ContractUpdate.none().withNumber("HT-1")));
        assertThat(renumber).isInstanceOf(DuplicateRecordException.class);
        // keeping its own number is not a clash
        assertThat(contracts.update(as(REP), second.id(), ContractUpdate.none().withNumber("HT-2").withTitle("T")).title())
                .isEqualTo("T");
    }

    @Test
    void twoThreadsRacingForOneNumberGiveOneContract() throws Exception {
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return draft("HT-RACE");
                    } catch (DuplicateRecordException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Contract).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof DuplicateRecordException).hasSize(1);
            assertThat(contracts.ofAccount(as(REP), account.id())).extracting(Contract::number).containsExactly("HT-RACE");
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- update

    @Test
    void updateChangesADraftOnlyAndLogsOnlyRealChanges() {
        Contract contract = draft("HT-1");
        Contract changed = contracts.update(as(REP), contract.id(),
                ContractUpdate.none().withAmount(cny("48000.00")).withPeriod(null, LocalDate.of(2026, 6, 30)));
        assertThat(changed.amount()).isEqualTo(cny("48000.00"));
        assertThat(changed.startsOn()).isEqualTo(MAR_1);
        assertThat(changed.endsOn()).isEqualTo(LocalDate.of(2026, 6, 30));
        ChangeLogEntry entry = fx.lastEntry(RecordType.CONTRACT, contract.id());
        assertThat(entry.action()).isEqualTo(ContractCommands.ACTION_UPDATE);
        assertThat(entry.changes()).extracting(FieldChange::field).containsExactly("amount", "endsOn");

        int entries = fx.log(RecordType.CONTRACT, contract.id()).size();
        assertThat(contracts.update(as(REP), contract.id(), ContractUpdate.none().withAmount(cny("48000.00"))))
                .isEqualTo(changed);
        assertThat(fx.log(RecordType.CONTRACT, contract.id())).hasSize(entries);

        Throwable period = of.refused(() -> contracts.update(as(REP), contract.id(),
                ContractUpdate.none().withPeriod(null, LocalDate.of(2026, 2, 1))));
        assertThat(((ValidationException) period).hasViolation("endsOn", ErrorCode.FIELD_INVALID)).isTrue();
        assertThat(of.refused(() -> contracts.update(as(TEAMMATE), contract.id(), ContractUpdate.none().withTitle("x"))))
                .isInstanceOf(ForbiddenException.class);

        contracts.activate(as(REP), contract.id(), MAR_1);
        Throwable active = of.refused(() -> contracts.update(as(REP), contract.id(), ContractUpdate.none().withTitle("x")));
        assertThat(((RuleViolationException) active).rule()).isEqualTo(ContractCommands.RULE_NOT_DRAFT);
    }

    // ---- attachments

    @Test
    void attachmentsAreAddedOnceAndRemovedUntilTheContractIsFinal() {
        Contract contract = draft("HT-1");
        Contract with = contracts.addAttachment(as(REP), contract.id(), scan);
        assertThat(with.attachments()).containsExactly(scan);
        assertThat(fx.lastEntry(RecordType.CONTRACT, contract.id()).action()).isEqualTo(ContractCommands.ACTION_ADD_ATTACHMENT);
        Throwable twice = of.refused(() -> contracts.addAttachment(as(REP), contract.id(),
                new AttachmentRef(scan.uri(), "again.pdf", null)));
        assertThat(((ValidationException) twice).hasViolation("attachment.uri", ErrorCode.FIELD_INVALID)).isTrue();

        contracts.activate(as(REP), contract.id(), MAR_1);
        AttachmentRef annex = new AttachmentRef("s3://contracts/annex.pdf", "Annex.pdf", null);
        assertThat(contracts.addAttachment(as(BOSS), contract.id(), annex).attachments()).containsExactly(scan, annex);
        assertThat(contracts.removeAttachment(as(REP), contract.id(), scan.uri()).attachments()).containsExactly(annex);
        assertThat(fx.lastEntry(RecordType.CONTRACT, contract.id()).action()).isEqualTo(ContractCommands.ACTION_REMOVE_ATTACHMENT);
        Throwable missing = of.refused(() -> contracts.removeAttachment(as(REP), contract.id(), scan.uri()));
        assertThat(((ValidationException) missing).hasViolation("uri", ErrorCode.FIELD_INVALID)).isTrue();

        contracts.terminate(as(REP), contract.id(), "customer went bankrupt");
        Throwable fin = of.refused(() -> contracts.addAttachment(as(REP), contract.id(), scan));
        assertThat(((RuleViolationException) fin).rule()).isEqualTo(ContractCommands.RULE_FINAL);
        Throwable finRemove = of.refused(() -> contracts.removeAttachment(as(REP), contract.id(), annex.uri()));
        assertThat(((RuleViolationException) finRemove).rule()).isEqualTo(ContractCommands.RULE_FINAL);
    }

    // ---- life cycle

    @Test
    void activateTerminateAndExpireFollowTheStateMachine() {
        Contract contract = draft("HT-1");
        Throwable future = of.refused(() -> contracts.activate(as(REP), contract.id(), LocalDate.of(2026, 3, 3)));
        assertThat(((ValidationException) future).hasViolation("signedOn", ErrorCode.FIELD_INVALID)).isTrue();
        assertThat(of.refused(() -> contracts.expire(as(REP), contract.id()))).isInstanceOf(IllegalTransitionException.class);

        Contract active = contracts.activate(as(REP), contract.id(), LocalDate.of(2026, 3, 2));
        assertThat(active.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(active.signedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(of.refused(() -> contracts.activate(as(REP), contract.id(), MAR_1))).isInstanceOf(IllegalTransitionException.class);

        Contract expired = contracts.expire(as(BOSS), contract.id());
        assertThat(expired.status()).isEqualTo(ContractStatus.EXPIRED);
        Throwable late = of.refused(() -> contracts.terminate(as(REP), contract.id(), "too late"));
        assertThat(((IllegalTransitionException) late).machine()).isEqualTo(ContractStatus.MACHINE);
        assertThat(fx.log(RecordType.CONTRACT, contract.id())).extracting(ChangeLogEntry::action)
                .containsExactly("contract.create", "contract.activate", "contract.expire");
        assertThat(fx.outbox()).singleElement().satisfies(e -> {
            assertThat(e.notification().type()).isEqualTo(ContractCommands.ACTION_EXPIRE);
            assertThat(e.notification().recipients()).containsExactly(REP);
        });
    }

    @Test
    void terminateNeedsAReasonAndLogsIt() {
        Contract contract = draft("HT-1");
        Throwable noReason = of.refused(() -> contracts.terminate(as(REP), contract.id(), "  "));
        assertThat(((ValidationException) noReason).hasViolation("reason", ErrorCode.FIELD_REQUIRED)).isTrue();
        assertThat(of.refused(() -> contracts.terminate(as(TEAMMATE), contract.id(), "no"))).isInstanceOf(ForbiddenException.class);
        Contract terminated = contracts.terminate(as(REP), contract.id(), "customer withdrew");
        assertThat(terminated.status()).isEqualTo(ContractStatus.TERMINATED);
        ChangeLogEntry entry = fx.lastEntry(RecordType.CONTRACT, contract.id());
        assertThat(entry.action()).isEqualTo(ContractCommands.ACTION_TERMINATE);
        assertThat(entry.reason()).isEqualTo("customer withdrew");
    }

    @Test
    void expireDueExpiresActiveContractsOnceTheirLastDayHasPassedInShanghai() {
        Contract endsMar5 = draft("HT-1");
        contracts.activate(as(REP), endsMar5.id(), MAR_1);
        Contract endsLater = contracts.create(as(REP), NewContract.of(account.id(), "HT-2", cny("1.00"))
                .withPeriod(MAR_1, LocalDate.of(2026, 3, 6)));
        contracts.activate(as(REP), endsLater.id(), MAR_1);
        Contract stillDraft = draft("HT-3");
        Contract noEnd = contracts.create(as(REP), NewContract.of(account.id(), "HT-4", cny("1.00")));
        contracts.activate(as(REP), noEnd.id(), MAR_1);

        // 2026-03-05T15:59:59Z is 23:59:59 on 5 March in Shanghai: the last day is not over
        fx.clock.advance(Duration.between(fx.clock.instant(), Instant.parse("2026-03-05T15:59:59Z")));
        assertThat(contracts.expireDue(as(BOSS))).isEmpty();
        assertThat(contracts.get(as(REP), endsMar5.id()).status()).isEqualTo(ContractStatus.ACTIVE);

        // one second later it is 6 March in Shanghai (still 5 March in UTC)
        fx.advance(Duration.ofSeconds(1));
        assertThat(contracts.expireDue(as(BOSS))).containsExactly(endsMar5.id());
        Contract expired = contracts.get(as(REP), endsMar5.id());
        assertThat(expired.status()).isEqualTo(ContractStatus.EXPIRED);
        ChangeLogEntry entry = fx.lastEntry(RecordType.CONTRACT, endsMar5.id());
        assertThat(entry.action()).isEqualTo(ContractCommands.ACTION_EXPIRE);
        assertThat(entry.actor()).isEqualTo(BOSS);
        assertThat(entry.reason()).isEqualTo(ContractCommands.PERIOD_ENDED);
        assertThat(contracts.get(as(REP), endsLater.id()).status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(contracts.get(as(REP), stillDraft.id()).status()).isEqualTo(ContractStatus.DRAFT);
        assertThat(contracts.get(as(REP), noEnd.id()).status()).isEqualTo(ContractStatus.ACTIVE);

        int entries = fx.log(RecordType.CONTRACT, endsMar5.id()).size();
        assertThat(contracts.expireDue(as(BOSS))).as("running again expires nothing twice").isEmpty();
        assertThat(fx.log(RecordType.CONTRACT, endsMar5.id())).hasSize(entries);

        fx.advanceDays(1);
        assertThat(contracts.expireDue(as(BOSS))).containsExactly(endsLater.id());
    }

    @Test
    void ofAccountListsContractsForWhoeverSeesTheAccount() {
        Contract a = draft("HT-1");
        Contract b = draft("HT-2");
        contracts.create(as(REP), NewContract.of(fx.account().id(), "HT-3", cny("1.00")));
        assertThat(contracts.ofAccount(as(VIEWER), account.id())).extracting(Contract::id).containsExactly(a.id(), b.id());
        assertThat(of.refused(() -> contracts.ofAccount(as(OTHER), account.id()))).isInstanceOf(ForbiddenException.class);
        assertThat(of.refused(() -> contracts.get(as(OTHER), a.id()))).isInstanceOf(ForbiddenException.class);
    }
}
