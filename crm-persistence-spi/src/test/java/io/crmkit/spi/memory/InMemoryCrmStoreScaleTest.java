package io.crmkit.spi.memory;

import static io.crmkit.spi.memory.Fixtures.CONTEXT;
import static io.crmkit.spi.memory.Fixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.record.CustomValue;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.query.AggregateQuery;
import io.crmkit.spi.query.AggregateRow;
import io.crmkit.spi.query.Grouping;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 10^5 records: inserted, counted, paged and aggregated with conditions. Counts only, no timings. */
class InMemoryCrmStoreScaleTest {
    private static final int RECORDS = 100_000;
    private static final List<String> LEVELS = List.of("A", "B", "C");

    @Test
    void aHundredThousandAccountsAreInsertedAndQueriedWithAConditionExactly() {
        InMemoryCrmStore store = Fixtures.store();
        for (int batch = 0; batch < 10; batch++) {
            int from = batch * (RECORDS / 10);
            store.transact(tx -> {
                for (int i = from; i < from + RECORDS / 10; i++) {
                    tx.accounts().insert(Fixtures.account(TENANT, tx.accounts().nextId().value(), LEVELS.get(i % 3)));
                }
                return null;
            });
        }
        Condition levelA = Condition.eq("level", new CustomValue.Text("A"));

        long all = store.transact(tx -> tx.accounts().count(TENANT, null, CONTEXT));
        long a = store.transact(tx -> tx.accounts().count(TENANT, levelA, CONTEXT));
        List<AggregateRow> byLevel = store.transact(tx -> tx.accounts().aggregate(
                TENANT, AggregateQuery.count(null, Grouping.by("level")), CONTEXT));
        long paged = store.transact(tx -> {
            long seen = 0;
            String last = "";
            PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Account> page = tx.accounts().query(TENANT, levelA, CONTEXT, request);
                for (Account account : page.items()) {
                    assertThat(account.level()).isEqualTo("A");
                    assertThat(account.id().value()).isGreaterThan(last);
                    last = account.id().value();
                }
                seen += page.items().size();
                if (!page.hasNext()) {
                    return seen;
                }
                request = request.next(page);
            }
        });

        assertThat(all).isEqualTo(RECORDS);
        assertThat(a).isEqualTo(33_334);
        assertThat(paged).isEqualTo(33_334);
        assertThat(byLevel).extracting(AggregateRow::keys, AggregateRow::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple(List.of("A"), 33_334L),
                org.assertj.core.groups.Tuple.tuple(List.of("B"), 33_333L),
                org.assertj.core.groups.Tuple.tuple(List.of("C"), 33_333L));
    }
}
