package io.crmkit.tck;

import static io.crmkit.tck.TckSupport.allPages;
import static io.crmkit.tck.TckSupport.inTx;
import static io.crmkit.tck.TckSupport.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.record.CustomValue;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Paging and ordering: {@code list} and {@code query} return a tenant's records by id ascending, page
 * by page, never repeating or skipping one, and the last page says so; page sizes are bounded.
 */
public interface PagingContract extends StoreUnderTest {

    /** 25 records in pages of 10: three pages (10, 10, 5), ascending ids, no duplicate, no gap, last cursor null. */
    @Test
    default void listPagesThroughEveryRecordInAscendingIdOrder() {
        TenantId tenant = TckFixtures.newTenant();
        List<String> inserted = pagingInsertAccounts(tenant, 25);

        List<Page<Account>> pages = allPages(PageRequest.first(10),
                request -> read(store(), tx -> tx.accounts().list(tenant, request)));

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(10, 10, 5);
        assertThat(pages.get(0).hasNext()).isTrue();
        assertThat(pages.get(1).hasNext()).isTrue();
        assertThat(pages.get(2).nextCursor()).as("the last page's cursor").isNull();
        List<String> ids = pagingIds(pages);
        assertThat(ids).as("ids over all pages").doesNotHaveDuplicates().isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(ids).as("ids over all pages").containsExactlyElementsOf(pagingSorted(inserted));
    }

    /** {@code query} pages the same way: ascending ids, only matching records, none twice, none missing. */
    @Test
    default void queryPagesThroughMatchingRecordsInAscendingIdOrder() {
        TenantId tenant = TckFixtures.newTenant();
        List<String> levelA = new ArrayList<>();
        inTx(store(), tx -> {
            for (int i = 0; i < 23; i++) {
                Account account = TckFixtures.account(tx, tenant).level(i % 3 == 0 ? "B" : "A").build();
                tx.accounts().insert(account);
                if (i % 3 != 0) {
                    levelA.add(account.id().value());
                }
            }
        });
        Condition levelIsA = Condition.eq("level", new CustomValue.Text("A"));

        List<Page<Account>> pages = allPages(PageRequest.first(4),
                request -> read(store(), tx -> tx.accounts().query(tenant, levelIsA, TckFixtures.context(), request)));

        assertThat(pages).allSatisfy(p -> assertThat(p.items()).hasSizeLessThanOrEqualTo(4));
        assertThat(pages.get(pages.size() - 1).nextCursor()).isNull();
        assertThat(pagingIds(pages)).containsExactlyElementsOf(pagingSorted(levelA));
    }

    /** Records inserted between two pages never make a later page repeat or skip an earlier record. */
    @Test
    default void recordsInsertedBetweenPagesCauseNoRepeatAndNoGap() {
        TenantId tenant = TckFixtures.newTenant();
        List<String> before = pagingInsertAccounts(tenant, 25);

        List<Page<Account>> pages = new ArrayList<>();
        Set<String> insertedMeanwhile = new HashSet<>();
        PageRequest request = PageRequest.first(10);
        while (true) {
            PageRequest current = request;
            Page<Account> page = read(store(), tx -> tx.accounts().list(tenant, current));
            pages.add(page);
            if (!page.hasNext()) {
                break;
            }
            insertedMeanwhile.addAll(pagingInsertAccounts(tenant, 4));
            request = request.next(page);
            assertThat(pages).as("pages read").hasSizeLessThan(50);
        }

        List<String> ids = pagingIds(pages);
        assertThat(ids).as("ids over all pages").doesNotHaveDuplicates().isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(ids).as("records that existed throughout the paging").containsAll(before);
        assertThat(insertedMeanwhile).containsAll(ids.stream().filter(id -> !before.contains(id)).toList());
    }

    /** A single page of the largest size returns everything; a page of 1 walks the records one by one. */
    @Test
    default void pageSizesOneAndMaximumBothWork() {
        TenantId tenant = TckFixtures.newTenant();
        List<String> inserted = pagingSorted(pagingInsertAccounts(tenant, 3));

        Page<Account> all = read(store(), tx -> tx.accounts().list(tenant, PageRequest.first(PageRequest.MAX_LIMIT)));
        assertThat(all.items()).extracting(a -> a.id().value()).containsExactlyElementsOf(inserted);
        assertThat(all.nextCursor()).isNull();

        List<Page<Account>> ones = allPages(PageRequest.first(1),
                request -> read(store(), tx -> tx.accounts().list(tenant, request)));
        assertThat(pagingIds(ones)).containsExactlyElementsOf(inserted);
        assertThat(ones).allSatisfy(p -> assertThat(p.items()).hasSizeLessThanOrEqualTo(1));
    }

    /** An empty tenant lists one empty last page. */
    @Test
    default void anEmptyTenantListsOneEmptyLastPage() {
        TenantId tenant = TckFixtures.newTenant();
        Page<Account> page = read(store(), tx -> tx.accounts().list(tenant, PageRequest.first(10)));
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    /** A page holds 1 to 1000 items: a limit of 0 or 1001 is rejected before any store sees it. */
    @Test
    default void pageLimitsOutsideOneToOneThousandAreRejected() {
        assertThatThrownBy(() -> new PageRequest(0, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PageRequest.first(PageRequest.MAX_LIMIT + 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PageRequest.first(-1)).isInstanceOf(ValidationException.class);
        assertThatCode(() -> PageRequest.first(1)).doesNotThrowAnyException();
        assertThatCode(() -> PageRequest.first(PageRequest.MAX_LIMIT)).doesNotThrowAnyException();
    }

    private List<String> pagingInsertAccounts(TenantId tenant, int count) {
        return read(store(), tx -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(tx.accounts().insert(TckFixtures.account(tx, tenant).build()).id().value());
            }
            return ids;
        });
    }

    private static List<String> pagingIds(List<? extends Page<Account>> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).map(a -> a.id().value()).toList();
    }

    private static List<String> pagingSorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
