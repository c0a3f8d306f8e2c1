package io.crmkit.core.product;

import static io.crmkit.core.account.RecordContract.customFields;
import static io.crmkit.core.account.RecordContract.id;
import static io.crmkit.core.account.RecordContract.instant;
import static io.crmkit.core.account.RecordContract.maybe;
import static io.crmkit.core.account.RecordContract.tenant;
import static io.crmkit.core.account.RecordContract.text;
import static io.crmkit.core.account.RecordContract.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.crmkit.core.account.RecordContract;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.validation.CrmValidation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProductTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    private static Product.Builder minimal() {
        return Product.builder().id(ProductId.of("p1")).tenantId(TenantId.of("t1")).name("CRM 年度订阅")
                .listPrice(UnitPrice.of("1280.5", "CNY")).owner(UserId.of("alice")).createdAt(T0).updatedAt(T0);
    }

    static Product random(Random r, boolean full) {
        Instant created = instant(r);
        // Unit prices keep up to 4 decimal places here: whole ten-thousandths, like the default price scale.
        UnitPrice price = UnitPrice.of(BigDecimal.valueOf(r.nextInt(100_000_000), 4), Currency.getInstance("CNY"));
        return Product.builder()
                .id(ProductId.of(id(r))).tenantId(tenant(r)).name(text(r, 40))
                .shelfStatus(full || r.nextBoolean() ? ShelfStatus.OFF_SHELF : ShelfStatus.ON_SHELF)
                .category(full ? text(r, 10) : maybe(r, text(r, 10)))
                .unit(full ? "套" : maybe(r, "pcs"))
                .listPrice(price).owner(user(r))
                .customFields(full || r.nextBoolean() ? customFields(r) : null)
                .version(full ? 1 + r.nextInt(100) : r.nextInt(100))
                .createdAt(created).updatedAt(created.plusSeconds(r.nextInt(100_000)))
                .build();
    }

    @Test
    void shelf_status_defaults_to_on_shelf_and_can_change() {
        Product p = minimal().build();
        assertThat(p.isOnShelf()).isTrue();
        Product off = p.withShelfStatus(ShelfStatus.OFF_SHELF);
        assertThat(off.isOnShelf()).isFalse();
        assertThat(off.withShelfStatus(ShelfStatus.ON_SHELF)).isEqualTo(p);
        assertThatThrownBy(() -> p.withShelfStatus(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void a_product_always_has_an_owner() {
        assertThatThrownBy(() -> minimal().owner(null).build()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("owner", ErrorCode.FIELD_REQUIRED)).isTrue());
    }

    @Test
    void the_list_price_keeps_its_own_scale() {
        // 12.3456 has four decimal places, finer than CNY's two: a unit price may, an amount may not.
        Product p = minimal().listPrice(UnitPrice.of("12.3456", "CNY")).build();
        assertThat(p.listPrice().amount()).isEqualByComparingTo("12.3456");
    }

    @Test
    void crm_validation_reports_missing_name_and_price_and_long_unit_together() {
        Product p = minimal().name("").listPrice(null).unit("u".repeat(33)).build();

        assertThatThrownBy(() -> CrmValidation.validate(p)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).hasSize(3);
            assertThat(e.hasViolation("name", ErrorCode.FIELD_REQUIRED)).isTrue();
            assertThat(e.hasViolation("listPrice", ErrorCode.FIELD_REQUIRED)).isTrue();
            assertThat(e.hasViolation("unit", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
        });
    }

    @Test
    void builder_contract() {
        RecordContract.assertBuilderHasSetterPerComponent(Product.class);
        Product full = random(new Random(3), true);
        RecordContract.assertEveryComponentFilled(full);
        RecordContract.assertToBuilderRebuildsEqual(full);
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Product p = random(random, random.nextInt(4) == 0);
            RecordContract.assertToBuilderRebuildsEqual(p);
            RecordContract.assertJsonRoundTrips(p);
            assertThat(CrmValidation.violations(p)).isEmpty();
        });
    }
}
