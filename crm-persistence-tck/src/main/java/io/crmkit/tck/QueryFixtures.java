package io.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.condition.Compare;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.condition.Operator;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import io.crmkit.core.money.Money;
import io.crmkit.core.payment.Installment;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentId;
import io.crmkit.core.payment.PaymentMethod;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.payment.PaymentPlanId;
import io.crmkit.core.pool.PoolId;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.sales.ContractId;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.OpportunityStage;
import io.crmkit.core.sales.SalesOrderId;
import io.crmkit.core.sales.SalesProcessId;
import io.crmkit.core.sales.StageId;
import io.crmkit.core.time.PeriodUnit;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.RecordStore;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.DueInstallment;
import io.crmkit.spi.query.Grouping;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Data builders and read helpers for the query contracts ({@link ConditionContract},
 * {@link AggregateContract}, {@link PaymentQueriesContract}).
 *
 * <p>Each builder returns the model's own builder, preset with a fresh id from the store's
 * {@link CrmStore#ids() generator}, the tenant, and the smallest set of values the record's
 * constructor requires (an owner, timestamps, ...), so a test sets only the fields it varies and
 * the record stays valid. Timestamps are fixed, never read from a clock, so a failing example
 * replays the same way.
 */
public final class QueryFixtures {
    /** The tenant zone of every query contract: eight hours ahead of UTC, no daylight saving time. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /**
     * The instant the query contracts evaluate at: 2026-04-16T12:00:00Z, which is 20:00 on 16 April
     * in Shanghai. Both UTC and Shanghai are on the same calendar day, so "days since" boundaries in
     * the contracts are decided by the record's instant alone, unless a test moves it on purpose.
     */
    public static final Instant NOW = Instant.parse("2026-04-16T12:00:00Z");

    /** Chinese yuan, two decimal places. */
    public static final Currency CNY = Currency.getInstance("CNY");

    /** US dollar, two decimal places. */
    public static final Currency USD = Currency.getInstance("USD");

    /** Japanese yen, no decimal places. */
    public static final Currency JPY = Currency.getInstance("JPY");

    /** When fixture records are created: before every instant the contracts compare with. */
    static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    /** The user that owns fixture records unless a test sets another. */
    public static final UserId OWNER = UserId.of("tckq-owner");

    private static final SalesProcessId PROCESS = SalesProcessId.of("default");
    private static final StageId STAGE = StageId.of("PROPOSAL");

    private QueryFixtures() {}

    /** A tenant no other test uses: every contract test starts from an empty tenant. */
    public static TenantId newTenant() {
        return TenantId.of("tckq-" + UUID.randomUUID());
    }

    /** The query context of the contracts: {@link #NOW} in {@link #SHANGHAI}. */
    public static QueryContext context() {
        return new QueryContext(NOW, SHANGHAI);
    }

    /** A query context at {@code now} in {@link #SHANGHAI}. */
    public static QueryContext contextAt(Instant now) {
        return new QueryContext(now, SHANGHAI);
    }

    /** {@code amount} (plain decimal text) of {@code currency}. */
    public static Money money(String amount, Currency currency) {
        return Money.of(new BigDecimal(amount), currency);
    }

    /** A user id. */
    public static UserId user(String id) {
        return UserId.of(id);
    }

    /** A text value for a condition or custom field. */
    public static CustomValue text(String value) {
        return new CustomValue.Text(value);
    }

    /** A pick-list option for a condition or custom field. */
    public static CustomValue choice(String value) {
        return new CustomValue.Choice(value);
    }

    /** A number (plain decimal text, kept at the scale written) for a condition or custom field. */
    public static CustomValue number(String value) {
        return new CustomValue.Number(new BigDecimal(value));
    }

    /** A yes/no value for a condition or custom field. */
    public static CustomValue flag(boolean value) {
        return new CustomValue.Flag(value);
    }

    /** A date ({@code yyyy-MM-dd}) for a condition or custom field. */
    public static CustomValue date(String value) {
        return new CustomValue.Date(LocalDate.parse(value));
    }

    /** An instant (ISO-8601, {@code ...Z}) for a condition or custom field. */
    public static CustomValue timestamp(String value) {
        return new CustomValue.Timestamp(Instant.parse(value));
    }

    /** An instant for a condition or custom field. */
    public static CustomValue timestamp(Instant value) {
        return new CustomValue.Timestamp(value);
    }

    /** An amount of money for a condition or custom field. */
    public static CustomValue amount(String amount, Currency currency) {
        return new CustomValue.Amount(money(amount, currency));
    }

    /** Several pick-list options for a custom field. */
    public static CustomValue choices(String... options) {
        return new CustomValue.Choices(List.of(options));
    }

    /** Custom fields holding one value. */
    public static CustomFields custom(String name, CustomValue value) {
        return CustomFields.none().with(name, value);
    }

    /**
     * An account owned by {@link #OWNER} since {@link #CREATED}, not in a pool, named {@code name}.
     * Set {@code owner(null).ownedSince(null).poolId(...)} for an account waiting in a pool.
     */
    public static Account.Builder account(CrmStore store, TenantId tenant, String name) {
        return Account.builder()
                .id(AccountId.of(store.ids().nextId()))
                .tenantId(tenant)
                .name(name)
                .owner(OWNER)
                .ownedSince(CREATED)
                .createdAt(CREATED)
                .updatedAt(CREATED);
    }

    /** An account owned by {@code owner}, or waiting unowned in pool {@code pool} when {@code owner} is null. */
    public static Account.Builder account(CrmStore store, TenantId tenant, String name, UserId owner, PoolId pool) {
        Account.Builder builder = account(store, tenant, name).poolId(pool);
        return owner == null ? builder.owner(null).ownedSince(null) : builder.owner(owner);
    }

    /** A NEW lead owned by {@link #OWNER}, outside every pool, for the person {@code personName}. */
    public static Lead.Builder lead(CrmStore store, TenantId tenant, String personName) {
        return Lead.builder()
                .id(LeadId.of(store.ids().nextId()))
                .tenantId(tenant)
                .personName(personName)
                .company("Company of " + personName)
                .phone("13800000000")
                .details("asked for a quote")
                .owner(OWNER)
                .ownedSince(CREATED)
                .createdAt(CREATED)
                .updatedAt(CREATED);
    }

    /** A lead waiting unowned in lead pool {@code pool}. */
    public static Lead.Builder pooledLead(CrmStore store, TenantId tenant, String personName, LeadPoolId pool) {
        return lead(store, tenant, personName).owner(null).ownedSince(null).poolId(pool);
    }

    /** An open opportunity of {@code account} for {@code amount}, owned by {@link #OWNER}. */
    public static Opportunity.Builder opportunity(CrmStore store, TenantId tenant, AccountId account, Money amount) {
        return Opportunity.builder()
                .id(OpportunityId.of(store.ids().nextId()))
                .tenantId(tenant)
                .name("Deal " + amount)
                .accountId(account)
                .amount(amount)
                .salesProcessId(PROCESS)
                .stage(OpportunityStage.open(STAGE))
                .owner(OWNER)
                .createdAt(CREATED)
                .updatedAt(CREATED);
    }

    /** A bank transfer of {@code amount} from {@code account}, received on {@code receivedOn}, nothing allocated. */
    public static Payment.Builder payment(CrmStore store, TenantId tenant, AccountId account, Money amount,
            LocalDate receivedOn) {
        return Payment.builder()
                .id(PaymentId.of(store.ids().nextId()))
                .tenantId(tenant)
                .accountId(account)
                .amount(amount)
                .receivedOn(receivedOn)
                .method(PaymentMethod.BANK_TRANSFER)
                .owner(OWNER)
                .createdAt(CREATED)
                .updatedAt(CREATED);
    }

    /** A payment plan of {@code account} for a contract, in CNY, with {@code installments}. */
    public static PaymentPlan.Builder plan(CrmStore store, TenantId tenant, AccountId account,
            List<Installment> installments) {
        return PaymentPlan.builder()
                .id(PaymentPlanId.of(store.ids().nextId()))
                .tenantId(tenant)
                .accountId(account)
                .contractId(ContractId.of(store.ids().nextId()))
                .currency(CNY)
                .installments(installments)
                .createdAt(CREATED)
                .updatedAt(CREATED);
    }

    /** The same, for a sales order instead of a contract. */
    public static PaymentPlan.Builder orderPlan(CrmStore store, TenantId tenant, AccountId account,
            List<Installment> installments) {
        return plan(store, tenant, account, installments)
                .contractId(null)
                .orderId(SalesOrderId.of(store.ids().nextId()));
    }

    /** Installment {@code number} of {@code amount} CNY due on {@code dueOn} ({@code yyyy-MM-dd}), {@code paid} CNY paid. */
    public static Installment installment(int number, String dueOn, String amount, String paid) {
        return new Installment(number, LocalDate.parse(dueOn), money(amount, CNY), money(paid, CNY));
    }

    /** Stores {@code records} in one unit of work through the store {@code kind} selects; returns them as stored. */
    public static <T extends Aggregate<I>, I extends RecordId> List<T> insertAll(CrmStore store,
            Function<Transaction, ? extends RecordStore<T, I>> kind, List<T> records) {
        return store.transact(tx -> {
            List<T> stored = new ArrayList<>(records.size());
            for (T record : records) {
                stored.add(kind.apply(tx).insert(record));
            }
            return stored;
        });
    }

    /** Stores accounts; returns them as stored. */
    public static List<Account> insertAccounts(CrmStore store, Account.Builder... accounts) {
        return insertAll(store, Transaction::accounts, List.of(accounts).stream().map(Account.Builder::build).toList());
    }

    /**
     * Every record matching {@code condition}, read page by page ({@code pageSize} at a time, each page
     * in its own unit of work) until the store reports the last page.
     *
     * @throws AssertionError if a page is larger than asked, or the pages do not end after
     *     {@code 10_000} of them (a cursor that never advances)
     */
    public static <T extends Aggregate<I>, I extends RecordId> List<T> queryAll(CrmStore store,
            Function<Transaction, ? extends RecordStore<T, I>> kind, TenantId tenant, Condition condition,
            QueryContext context, int pageSize) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        for (int pages = 0; pages < 10_000; pages++) {
            PageRequest current = request;
            Page<T> page = store.transact(tx -> kind.apply(tx).query(tenant, condition, context, current));
            if (page.items().size() > pageSize) {
                throw new AssertionError("a page of " + pageSize + " held " + page.items().size() + " records");
            }
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            request = request.next(page);
        }
        throw new AssertionError("paging did not end after 10000 pages: the cursor does not advance");
    }

    /** How many of the tenant's accounts match {@code condition} (null: all), in one unit of work. */
    public static long countAccounts(CrmStore store, TenantId tenant, Condition condition, QueryContext context) {
        return store.transact(tx -> tx.accounts().count(tenant, condition, context));
    }

    /** The ids of {@code records}, in their order. */
    public static <I extends RecordId> List<String> ids(List<? extends Aggregate<I>> records) {
        return records.stream().map(r -> r.id().value()).toList();
    }

    /** The ids of {@code records}, in the order every query returns them: ascending. */
    public static List<String> sortedIds(List<? extends Aggregate<?>> records) {
        return records.stream().map(r -> r.id().value()).sorted(Comparator.naturalOrder()).toList();
    }

    /** Every due installment in [{@code from}, {@code to}], read {@code pageSize} at a time. */
    public static List<DueInstallment> dueAll(CrmStore store, TenantId tenant, LocalDate from, LocalDate to,
            int pageSize) {
        List<DueInstallment> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        for (int pages = 0; pages < 10_000; pages++) {
            PageRequest current = request;
            Page<DueInstallment> page = store.transact(tx -> tx.paymentPlans().dueInstallments(tenant, from, to, current));
            if (page.items().size() > pageSize) {
                throw new AssertionError("a page of " + pageSize + " held " + page.items().size() + " installments");
            }
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            request = request.next(page);
        }
        throw new AssertionError("paging did not end after 10000 pages: the cursor does not advance");
    }

    // ------------------------------------------------------------------ matching by name

    /**
     * Runs conditions against one tenant's records and reports the records by a readable label (an
     * account's name, a lead's person name), so a failure says which records were wrong.
     */
    static final class Matcher {
        private final CrmStore store;
        private final TenantId tenant;
        private final Function<Transaction, ? extends RecordStore<?, ?>> kind;
        private final Map<String, String> labelsById;

        /** Accounts, known by name. */
        Matcher(CrmStore store, TenantId tenant, List<Account> accounts) {
            this(store, tenant, Transaction::accounts,
                    accounts.stream().collect(Collectors.toMap(a -> a.id().value(), Account::name)));
        }

        /** Records of the kind {@code kind} selects, known by the labels given per id (each unique). */
        Matcher(CrmStore store, TenantId tenant, Function<Transaction, ? extends RecordStore<?, ?>> kind,
                Map<String, String> labelsById) {
            this.store = store;
            this.tenant = tenant;
            this.kind = kind;
            this.labelsById = Map.copyOf(labelsById);
            if (new HashSet<>(labelsById.values()).size() != labelsById.size()) {
                throw new IllegalArgumentException("test data: labels must be unique: " + labelsById.values());
            }
        }

        /** A test that {@code condition} matches exactly the records labelled {@code labels}, at {@link #NOW}. */
        DynamicTest expect(Condition condition, String... labels) {
            return expect(condition, List.of(labels));
        }

        /** The same, with the labels (or the stored accounts themselves) in a list. */
        DynamicTest expect(Condition condition, List<?> expected) {
            return expectIn(context(), condition, expected);
        }

        /** The same, in another query context. */
        DynamicTest expectIn(QueryContext context, Condition condition, String... labels) {
            return expectIn(context, condition, List.of(labels));
        }

        /** The same, in another query context, with the labels (or accounts) in a list. */
        DynamicTest expectIn(QueryContext context, Condition condition, List<?> expected) {
            List<String> labels = expected.stream().map(e -> e instanceof Account a ? a.name() : (String) e).toList();
            return dynamicTest(condition.toString(), () -> assertMatches(context, condition, labels));
        }

        /**
         * Asserts that {@code query} (in pages of two, so paging runs together with the condition)
         * returns exactly the records labelled {@code expectedLabels}, in id order, and that
         * {@code count} agrees.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        void assertMatches(QueryContext context, Condition condition, List<String> expectedLabels) {
            List<String> expected = labelsById.entrySet().stream()
                    .filter(e -> expectedLabels.contains(e.getValue()))
                    .sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue)
                    .toList();
            assertThat(expected).as("test data: every expected label exists").hasSameSizeAs(expectedLabels);
            List<? extends Aggregate<?>> found = queryAll(store, (Function) kind, tenant, condition, context, 2);
            List<String> actual = found.stream()
                    .map(r -> labelsById.getOrDefault(r.id().value(), "<not of this test: " + r.id().value() + ">"))
                    .toList();
            assertThat(actual).as("records matching %s, in id order", condition).isEqualTo(expected);
            long count = store.transact(tx -> ((RecordStore) kind.apply(tx)).count(tenant, condition, context));
            assertThat(count).as("count of %s", condition).isEqualTo(expected.size());
        }
    }

    // ------------------------------------------------------------------ random conditions over random accounts

    /** An account of the condition property, without id and tenant (the store gives those when it is stored). */
    record AccountDraft(String name, String level, String source, DealStatus dealStatus, String owner, String pool,
            Instant lastFollowUpAt, Instant lastDealAt, boolean locked, Map<String, CustomValue> custom) {

        /** The account, with a fresh id of {@code store}, in {@code tenant}. */
        Account.Builder toBuilder(CrmStore store, TenantId tenant) {
            return account(store, tenant, name, owner == null ? null : UserId.of(owner), pool == null ? null : PoolId.of(pool))
                    .level(level)
                    .source(source)
                    .dealStatus(dealStatus)
                    .lastFollowUpAt(lastFollowUpAt)
                    .lastDealAt(lastDealAt)
                    .locked(locked)
                    .customFields(CustomFields.of(custom));
        }

        /** The name and the fields that are set, compactly, for failure reports. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("'").append(name).append("' {dealStatus=").append(dealStatus);
            appendIfSet(s, "level", level);
            appendIfSet(s, "source", source);
            appendIfSet(s, "owner", owner);
            appendIfSet(s, "poolId", pool);
            appendIfSet(s, "lastFollowUpAt", lastFollowUpAt);
            appendIfSet(s, "lastDealAt", lastDealAt);
            appendIfSet(s, "locked", locked ? Boolean.TRUE : null);
            custom.forEach((field, value) -> appendIfSet(s, "custom." + field, value));
            return s.append('}').toString();
        }

        private static void appendIfSet(StringBuilder s, String field, Object value) {
            if (value != null) {
                s.append(", ").append(field).append('=').append(value);
            }
        }
    }

    /** One example of the condition property: accounts to store, conditions to ask, when and where. */
    record ConditionExample(List<AccountDraft> accounts, List<Condition> conditions, Instant now, ZoneId zone) {
        /** One line per account and per condition, for failure reports. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("at ").append(now).append(" in ").append(zone).append("\n  accounts:");
            accounts.forEach(a -> s.append("\n    ").append(a));
            s.append("\n  conditions:");
            conditions.forEach(c -> s.append("\n    ").append(c));
            return s.toString();
        }
    }

    /** How many accounts each example stores: small and fixed, so a few hundred examples stay fast. */
    static final int ACCOUNTS_PER_EXAMPLE = 8;

    /** How many days back from 16 April 2026 the instants and dates of the examples reach. */
    static final int DAYS_BACK = 6;

    /** How many conditions each example asks about the same accounts. */
    static final int CONDITIONS_PER_EXAMPLE = 4;

    private static final List<String> NAME_STEMS = List.of(
            "Acme", "50% off", "a_b", "O'Brien", "back\\slash", "say \"hi\"", "x[ab]y", "a.c", "客户");
    private static final List<String> TEXTS = List.of(
            "abc", "abc ", "ABC", "a_c", "a%c", "50% off", "O'Brien", "back\\slash", "say \"hi\"", "Müller",
            "Muller", "客户", "x[ab]y", "a.c");
    private static final List<String> SUBSTRINGS = List.of(
            "", "a", "c", "bc", "abc", "ABC", "_", "%", "\\", "'", "\"", "%_", "[ab]", ".", " ", "ü", "u", "客", "bc ",
            "a_", "_c", "0% o", "Acme", "acme", " 1");
    private static final List<String> LEVELS = List.of("A", "B", "C");
    private static final List<String> SOURCES = List.of("fair", "web");
    private static final List<String> OWNERS = List.of("u1", "u2");
    private static final List<String> POOLS = List.of("p1", "p2");
    private static final List<String> TIERS = List.of("gold", "silver");
    private static final List<String> TAGS = List.of("x", "y", "z");
    private static final List<String> NUMBERS = List.of("0", "2", "2.00", "2.5", "-1", "-10", "9", "10", "9.99", "100.000");
    private static final List<Money> AMOUNTS = List.of(money("0.00", CNY), money("99.99", CNY), money("100.00", CNY),
            money("100.01", CNY), money("100.00", USD));
    /** Shanghai clock times around the day boundaries of Shanghai (00:00), UTC (08:00) and Los Angeles (15:00 or 16:00). */
    private static final List<LocalTime> TIMES = List.of(LocalTime.MIDNIGHT, LocalTime.of(0, 30), LocalTime.of(7, 59, 59),
            LocalTime.of(8, 0), LocalTime.NOON, LocalTime.of(15, 0), LocalTime.of(15, 59, 59, 999_000_000),
            LocalTime.of(16, 0), LocalTime.of(23, 59, 59));
    private static final List<Instant> NOWS = List.of(NOW, Instant.parse("2026-04-15T16:30:00Z"),
            Instant.parse("2026-04-15T15:59:59Z"), Instant.parse("2026-04-16T07:30:00Z"));
    private static final List<ZoneId> ZONES = List.of(SHANGHAI, ZoneId.of("UTC"), ZoneId.of("America/Los_Angeles"));

    /**
     * Random examples for the condition property: {@value #ACCOUNTS_PER_EXAMPLE} accounts and
     * {@value #CONDITIONS_PER_EXAMPLE} condition trees (up to four levels deep) over the fields and
     * value pools above. Every choice shrinks toward the first option of its pool, an empty field and a
     * single leaf, so a failure shrinks to a small tree over plain records.
     */
    static Gen<ConditionExample> conditionExamples() {
        return in -> {
            List<AccountDraft> accounts = new ArrayList<>(ACCOUNTS_PER_EXAMPLE);
            for (int i = 0; i < ACCOUNTS_PER_EXAMPLE; i++) {
                accounts.add(accountDraft(in, i));
            }
            List<Condition> conditions = new ArrayList<>(CONDITIONS_PER_EXAMPLE);
            for (int i = 0; i < CONDITIONS_PER_EXAMPLE; i++) {
                conditions.add(condition(in, 1));
            }
            return new ConditionExample(accounts, conditions, pick(in, NOWS), pick(in, ZONES));
        };
    }

    private static AccountDraft accountDraft(RandomnessSource in, int index) {
        // The index keeps names unique in the tenant, which the store enforces.
        String name = pick(in, NAME_STEMS) + " " + index;
        String owner = maybe(in, OWNERS);
        String pool = owner == null ? pick(in, POOLS) : maybe(in, POOLS);
        Map<String, CustomValue> custom = new LinkedHashMap<>();
        putMaybe(in, custom, "budget", () -> number(pick(in, NUMBERS)));
        putMaybe(in, custom, "vip", () -> flag(pick(in, 2) == 1));
        putMaybe(in, custom, "signedOn", () -> dateValue(in));
        putMaybe(in, custom, "contactedAt", () -> new CustomValue.Timestamp(instant(in)));
        putMaybe(in, custom, "deposit", () -> new CustomValue.Amount(pick(in, AMOUNTS)));
        putMaybe(in, custom, "region", () -> text(pick(in, TEXTS)));
        putMaybe(in, custom, "tier", () -> choice(pick(in, TIERS)));
        putMaybe(in, custom, "tags", () -> new CustomValue.Choices(subset(in, TAGS)));
        // A field holding a number on some records and text on others: only same-kind values compare.
        putMaybe(in, custom, "mixed", () -> pick(in, 2) == 0 ? number(pick(in, NUMBERS)) : text(pick(in, NUMBERS)));
        return new AccountDraft(name, maybe(in, LEVELS), maybe(in, SOURCES), pick(in, List.of(DealStatus.values())),
                owner, pool, pick(in, 3) == 0 ? null : instant(in), pick(in, 3) == 0 ? null : instant(in),
                pick(in, 2) == 1, custom);
    }

    private static Condition condition(RandomnessSource in, int depth) {
        int kind = depth >= 4 ? 0 : pick(in, 10);
        if (kind < 5) {
            return leaf(in);
        }
        if (kind < 9) {
            int size = 1 + pick(in, 3);
            List<Condition> children = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                children.add(condition(in, depth + 1));
            }
            return kind < 7 ? Condition.all(children) : Condition.any(children);
        }
        return Condition.not(condition(in, depth + 1));
    }

    /** A field a leaf may name, the operators that suit it, and how to draw a value for it. */
    private record FieldDraw(String field, List<Operator> ops, boolean daysSince, Function<RandomnessSource, CustomValue> value) {}

    private static final List<Operator> TEXT_OPS = List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN,
            Operator.IS_NULL, Operator.IS_NOT_NULL, Operator.CONTAINS);
    private static final List<Operator> FLAG_OPS = List.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN,
            Operator.IS_NULL, Operator.IS_NOT_NULL);
    private static final List<Operator> ORDERED_OPS = List.of(Operator.EQ, Operator.NE, Operator.GT, Operator.GE,
            Operator.LT, Operator.LE, Operator.IN, Operator.NOT_IN, Operator.IS_NULL, Operator.IS_NOT_NULL);

    private static final List<FieldDraw> FIELDS = List.of(
            new FieldDraw("name", TEXT_OPS, false, in -> text(pick(in, NAME_STEMS) + " " + pick(in, ACCOUNTS_PER_EXAMPLE))),
            new FieldDraw("level", TEXT_OPS, false, in -> choice(pick(in, List.of("A", "B", "C", "Z")))),
            new FieldDraw("level", TEXT_OPS, false, in -> text(pick(in, List.of("A", "B", "a")))),
            new FieldDraw("source", TEXT_OPS, false, in -> choice(pick(in, SOURCES))),
            new FieldDraw("dealStatus", TEXT_OPS, false, in -> choice(pick(in, List.of("NOT_YET", "WON")))),
            new FieldDraw("owner", TEXT_OPS, false, in -> text(pick(in, List.of("u1", "u2", "u3")))),
            new FieldDraw("poolId", TEXT_OPS, false, in -> text(pick(in, POOLS))),
            new FieldDraw("lastFollowUpAt", ORDERED_OPS, true, in -> new CustomValue.Timestamp(instant(in))),
            new FieldDraw("lastDealAt", ORDERED_OPS, true, in -> new CustomValue.Timestamp(instant(in))),
            new FieldDraw("locked", FLAG_OPS, false, in -> flag(pick(in, 2) == 1)),
            new FieldDraw("version", ORDERED_OPS, false, in -> number(pick(in, List.of("1", "1.0", "0", "2")))),
            new FieldDraw("custom.budget", ORDERED_OPS, false, in -> number(pick(in, NUMBERS))),
            new FieldDraw("custom.vip", FLAG_OPS, false, in -> flag(pick(in, 2) == 1)),
            new FieldDraw("custom.signedOn", ORDERED_OPS, true, QueryFixtures::dateValue),
            new FieldDraw("custom.contactedAt", ORDERED_OPS, true, in -> new CustomValue.Timestamp(instant(in))),
            new FieldDraw("custom.deposit", ORDERED_OPS, false, in -> new CustomValue.Amount(pick(in, AMOUNTS))),
            new FieldDraw("custom.region", TEXT_OPS, true, in -> text(pick(in, TEXTS))),
            new FieldDraw("custom.tier", TEXT_OPS, false, in -> choice(pick(in, List.of("gold", "silver", "bronze")))),
            new FieldDraw("custom.tags", TEXT_OPS, false, in -> choice(pick(in, List.of("x", "y", "z", "w")))),
            new FieldDraw("custom.mixed", ORDERED_OPS, true, in -> number(pick(in, NUMBERS))),
            new FieldDraw("custom.mixed", TEXT_OPS, false, in -> text(pick(in, NUMBERS))),
            new FieldDraw("custom.unset", TEXT_OPS, true, in -> text(pick(in, TEXTS))));

    private static Condition leaf(RandomnessSource in) {
        FieldDraw draw = pick(in, FIELDS);
        if (draw.daysSince() && pick(in, 2) == 0) {
            return Condition.daysSince(draw.field(), pick(in, DAYS_BACK + 2));
        }
        Operator op = pick(in, draw.ops());
        List<CustomValue> values = switch (op) {
            case IS_NULL, IS_NOT_NULL -> List.of();
            case CONTAINS -> List.of(text(pick(in, SUBSTRINGS)));
            case IN, NOT_IN -> {
                int size = 1 + pick(in, 3);
                List<CustomValue> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(draw.value().apply(in));
                }
                yield list;
            }
            default -> List.of(draw.value().apply(in));
        };
        return new Compare(draw.field(), op, values);
    }

    /**
     * An instant at one of {@link #TIMES} (Shanghai clock) on a day from {@value #DAYS_BACK} days before
     * 16 April 2026 to the day after. Few days, so "days since" leaves often fall on their boundary.
     */
    private static Instant instant(RandomnessSource in) {
        return day(in).atTime(pick(in, TIMES)).atZone(SHANGHAI).toInstant();
    }

    private static CustomValue dateValue(RandomnessSource in) {
        return new CustomValue.Date(day(in));
    }

    private static LocalDate day(RandomnessSource in) {
        return LocalDate.of(2026, 4, 16).minusDays(pick(in, DAYS_BACK + 2) - 1L);
    }

    private static List<String> subset(RandomnessSource in, List<String> options) {
        List<String> chosen = new ArrayList<>();
        for (String option : options) {
            if (pick(in, 2) == 1) {
                chosen.add(option);
            }
        }
        return chosen;
    }

    private static void putMaybe(RandomnessSource in, Map<String, CustomValue> custom, String name,
            java.util.function.Supplier<CustomValue> value) {
        if (pick(in, 3) != 0) {
            custom.put(name, value.get());
        }
    }

    /** One of {@code options}; shrinks toward the first. */
    static <T> T pick(RandomnessSource in, List<T> options) {
        return options.get(pick(in, options.size()));
    }

    /** A number from 0 to {@code bound - 1}; shrinks toward 0. */
    static int pick(RandomnessSource in, int bound) {
        return (int) in.next(Constraint.between(0, bound - 1L).withShrinkPoint(0));
    }

    /** Null or one of {@code options}; shrinks toward null. */
    static <T> T maybe(RandomnessSource in, List<T> options) {
        int index = pick(in, options.size() + 1);
        return index == 0 ? null : options.get(index - 1);
    }

    // ------------------------------------------------------------------ random payments for aggregates

    /** A payment of the aggregate property, without id and tenant. */
    record PaymentDraft(Money amount, Money allocated, PaymentMethod method, LocalDate receivedOn, String owner,
            Instant createdAt) {

        /** The payment, with a fresh id of {@code store}, in {@code tenant}, from {@code account}. */
        Payment build(CrmStore store, TenantId tenant, AccountId account) {
            return payment(store, tenant, account, amount, receivedOn)
                    .allocated(allocated)
                    .method(method)
                    .owner(UserId.of(owner))
                    .createdAt(createdAt)
                    .updatedAt(createdAt)
                    .build();
        }

        @Override
        public String toString() {
            return amount + " (allocated " + allocated.amount().toPlainString() + ") " + method + " received " + receivedOn
                    + " by " + owner + ", created " + createdAt;
        }
    }

    /** One example of the aggregate property: payments to store and the query to run over them. */
    record AggregateExample(List<PaymentDraft> payments, AggregateQuery query, ZoneId zone) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("in ").append(zone).append(": ").append(query).append("\n  payments:");
            payments.forEach(p -> s.append("\n    ").append(p));
            return s.toString();
        }
    }

    /** How many payments each aggregate example stores. */
    static final int PAYMENTS_PER_EXAMPLE = 10;

    private static final List<String> PAYMENT_OWNERS = List.of("u-a", "u-b", "U-c");
    private static final List<PaymentMethod> PAYMENT_METHODS = List.of(PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH,
            PaymentMethod.ALIPAY);
    private static final List<Currency> PAYMENT_CURRENCIES = List.of(CNY, USD, JPY);
    /** Creation instants on both sides of month, quarter and year ends, in Shanghai and in UTC. */
    private static final List<Instant> CREATED_AT = List.of(Instant.parse("2026-03-31T15:59:59Z"),
            Instant.parse("2026-03-31T16:00:00Z"), Instant.parse("2026-03-31T23:59:59Z"),
            Instant.parse("2026-04-01T07:00:00Z"), Instant.parse("2026-04-13T16:30:00Z"),
            Instant.parse("2025-12-31T16:00:00Z"), Instant.parse("2026-01-01T07:59:59Z"));
    private static final List<List<Grouping>> GROUPINGS = List.of(
            List.of(),
            List.of(Grouping.by("method")),
            List.of(Grouping.by("owner")),
            List.of(Grouping.byPeriod("receivedOn", PeriodUnit.MONTH)),
            List.of(Grouping.by("method"), Grouping.byPeriod("receivedOn", PeriodUnit.QUARTER)),
            List.of(Grouping.byPeriod("receivedOn", PeriodUnit.WEEK), Grouping.by("owner")),
            List.of(Grouping.byPeriod("createdAt", PeriodUnit.DAY)),
            List.of(Grouping.by("owner"), Grouping.byPeriod("createdAt", PeriodUnit.MONTH)),
            List.of(Grouping.byPeriod("createdAt", PeriodUnit.YEAR), Grouping.byPeriod("createdAt", PeriodUnit.QUARTER)));
    private static final List<List<String>> SUMS = List.of(List.of(), List.of("amount"), List.of("allocated"),
            List.of("amount", "allocated"));
    private static final List<Condition> FILTERS = Arrays.asList(
            null,
            Condition.in("method", choice("CASH"), choice("ALIPAY")),
            Condition.ge("receivedOn", date("2026-02-01")),
            Condition.not(Condition.eq("owner", text("u-a"))),
            Condition.ge("amount", amount("50.00", CNY)),
            Condition.daysSince("createdAt", 15),
            Condition.any(Condition.eq("method", choice("BANK_TRANSFER")), Condition.lt("amount", amount("10.00", USD))));

    /**
     * Random examples for the aggregate property: {@value #PAYMENTS_PER_EXAMPLE} payments in three
     * currencies (two decimal places and none), three methods and owners, dates and creation instants
     * around period ends, and one query from fixed lists of groupings, sums and filters.
     */
    static Gen<AggregateExample> aggregateExamples() {
        return in -> {
            List<PaymentDraft> payments = new ArrayList<>(PAYMENTS_PER_EXAMPLE);
            for (int i = 0; i < PAYMENTS_PER_EXAMPLE; i++) {
                Currency currency = pick(in, PAYMENT_CURRENCIES);
                // Whole minor units, so shrinking moves amounts toward the smallest.
                long amountMinor = 1 + in.next(Constraint.between(0, 500_000).withShrinkPoint(0));
                long allocatedMinor = in.next(Constraint.between(0, amountMinor).withShrinkPoint(0));
                payments.add(new PaymentDraft(Money.ofMinor(amountMinor, currency), Money.ofMinor(allocatedMinor, currency),
                        pick(in, PAYMENT_METHODS), LocalDate.of(2024, 12, 20).plusDays(pick(in, 500)),
                        pick(in, PAYMENT_OWNERS), pick(in, CREATED_AT)));
            }
            AggregateQuery query = new AggregateQuery(pick(in, FILTERS), pick(in, GROUPINGS), pick(in, SUMS));
            return new AggregateExample(payments, query, pick(in, ZONES));
        };
    }
}
