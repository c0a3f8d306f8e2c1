package io.crmkit.rules.product;

import static io.crmkit.rules.sales.SalesFixture.BOSS;
import static io.crmkit.rules.sales.SalesFixture.OTHER;
import static io.crmkit.rules.sales.SalesFixture.REP;
import static io.crmkit.rules.sales.SalesFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.FieldChange;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.NotFoundException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.product.Product;
import io.crmkit.core.product.ProductId;
import io.crmkit.core.product.ShelfStatus;
import io.crmkit.core.record.RecordType;
import io.crmkit.rules.sales.OpportunityFixture;
import io.crmkit.rules.sales.SalesFixture;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ProductCatalogueTest {
    private final SalesFixture fx = new SalesFixture();
    private final OpportunityFixture of = new OpportunityFixture(fx);
    private final ProductCatalogue catalogue = fx.crm.products();

    private static NewProduct widget() {
        return NewProduct.of("  Widget  ", UnitPrice.of("12.5", "CNY")).withCategory("hardware").withUnit("pcs");
    }

    @Test
    void anAdminAddsAProductOwnedByThemOnShelfAndLogged() {
        Product p = catalogue.create(actor(BOSS), widget());

        assertThat(p.name()).isEqualTo("Widget");
        assertThat(p.category()).isEqualTo("hardware");
        assertThat(p.unit()).isEqualTo("pcs");
        assertThat(p.listPrice()).isEqualTo(UnitPrice.of("12.50", "CNY"));
        assertThat(p.shelfStatus()).isEqualTo(ShelfStatus.ON_SHELF);
        assertThat(p.owner()).isEqualTo(BOSS);
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.createdAt()).isEqualTo(fx.clock.instant());
        assertThat(catalogue.get(actor(REP), p.id())).isEqualTo(p);

        ChangeLogEntry entry = fx.lastEntry(RecordType.PRODUCT, p.id());
        assertThat(entry.action()).isEqualTo(ProductCatalogue.ACTION_CREATE).isEqualTo("product.create");
        assertThat(entry.actor()).isEqualTo(BOSS);
        assertThat(entry.changes()).contains(new FieldChange("name", null, "Widget"),
                new FieldChange("shelfStatus", null, "ON_SHELF"));
    }

    @Test
    void anAdminMayNameAnotherOwnerAndStartOffShelf() {
        Product p = catalogue.create(actor(BOSS), widget().withOwner(REP).withShelfStatus(ShelfStatus.OFF_SHELF));

        assertThat(p.owner()).isEqualTo(REP);
        assertThat(p.isOnShelf()).isFalse();
    }

    @Test
    void onlyAnAdminAddsProducts() {
        assertUnchanged(() -> catalogue.create(actor(REP), widget())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void everyInputProblemIsReportedAtOnce() {
        NewProduct bad = new NewProduct("  ", "c".repeat(65), "u".repeat(33), null, null, null, null);

        assertUnchanged(() -> catalogue.create(actor(BOSS), bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.hasViolation("name", ErrorCode.FIELD_REQUIRED)).isTrue();
            assertThat(e.hasViolation("category", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
            assertThat(e.hasViolation("unit", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue();
            assertThat(e.hasViolation("listPrice", ErrorCode.FIELD_REQUIRED)).isTrue();
        });
        assertUnchanged(() -> catalogue.create(actor(BOSS), NewProduct.of("x".repeat(201), UnitPrice.of("1", "CNY"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("name", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
    }

    @Test
    void aListPriceBeyondTheTenantPriceScaleIsRefused() {
        // Default price scale: 4 decimal places.
        assertUnchanged(() -> catalogue.create(actor(BOSS), NewProduct.of("Bolt", UnitPrice.of("0.12345", "CNY"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("listPrice", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertThat(catalogue.create(actor(BOSS), NewProduct.of("Bolt", UnitPrice.of("0.1234", "CNY"))).listPrice()
                .amount()).isEqualByComparingTo("0.1234");
    }

    @Test
    void aListPriceNeedsACurrencyWithAMinorUnit() {
        // XAU (gold) has no fixed minor unit: the price itself cannot exist.
        assertThatThrownBy(() -> UnitPrice.of("1", "XAU")).isInstanceOf(ValidationException.class);
        Product yen = catalogue.create(actor(BOSS), NewProduct.of("Yen item", UnitPrice.of("300", "JPY")));
        assertThat(yen.listPrice().currency().getCurrencyCode()).isEqualTo("JPY");
    }

    @Test
    void theOwnerOrAnAdminUpdatesAndOnlyChangedFieldsAreLogged() {
        Product p = catalogue.create(actor(BOSS), widget().withOwner(REP));
        fx.advance(Duration.ofMinutes(5));

        Product renamed = catalogue.update(actor(REP), p.id(), ProductUpdate.none().withName(" Widget Pro ")
                .withListPrice(UnitPrice.of("15", "CNY")).withUnit(" "));

        assertThat(renamed.name()).isEqualTo("Widget Pro");
        assertThat(renamed.listPrice()).isEqualTo(UnitPrice.of("15", "CNY"));
        assertThat(renamed.unit()).as("blank clears").isNull();
        assertThat(renamed.category()).isEqualTo("hardware");
        assertThat(renamed.updatedAt()).isEqualTo(fx.clock.instant());
        assertThat(renamed.version()).isEqualTo(2);
        ChangeLogEntry entry = fx.lastEntry(RecordType.PRODUCT, p.id());
        assertThat(entry.action()).isEqualTo("product.update");
        assertThat(entry.actor()).isEqualTo(REP);
        assertThat(entry.changes()).containsExactly(new FieldChange("name", "Widget", "Widget Pro"),
                new FieldChange("unit", "pcs", null),
                new FieldChange("listPrice", "CNY 12.5/unit", "CNY 15/unit"));

        Product byBoss = catalogue.update(actor(BOSS), p.id(), ProductUpdate.none().withCategory("tools"));
        assertThat(byBoss.category()).isEqualTo("tools");
    }

    @Test
    void anUpdateThatChangesNothingWritesAndLogsNothing() {
        Product p = catalogue.create(actor(BOSS), widget());
        int entries = fx.log(RecordType.PRODUCT, p.id()).size();

        Product same = catalogue.update(actor(BOSS), p.id(), ProductUpdate.none().withName("Widget"));

        assertThat(same).isEqualTo(p);
        assertThat(fx.log(RecordType.PRODUCT, p.id())).hasSize(entries);
    }

    @Test
    void updateRefusalsChangeNothing() {
        Product p = catalogue.create(actor(BOSS), widget().withOwner(REP));

        assertUnchanged(() -> catalogue.update(actor(OTHER), p.id(), ProductUpdate.none().withName("Mine")))
                .isInstanceOf(ForbiddenException.class);
        assertUnchanged(() -> catalogue.update(actor(REP), p.id(), ProductUpdate.none().withName("   ")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("name", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertUnchanged(() -> catalogue.update(actor(REP), p.id(), ProductUpdate.none().withCategory("c".repeat(65))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("category", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertUnchanged(() -> catalogue.update(actor(REP), p.id(),
                ProductUpdate.none().withListPrice(UnitPrice.of("1.00001", "CNY"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("listPrice", ErrorCode.FIELD_OUT_OF_RANGE)).isTrue());
        assertUnchanged(() -> catalogue.update(actor(REP), ProductId.of("nope"), ProductUpdate.none().withName("x")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void takingOffAndPuttingBackOnTheShelfIsLoggedAndARepeatIsANoOp() {
        Product p = catalogue.create(actor(BOSS), widget().withOwner(REP));

        Product off = catalogue.takeOffShelf(actor(REP), p.id());
        assertThat(off.shelfStatus()).isEqualTo(ShelfStatus.OFF_SHELF);
        ChangeLogEntry offEntry = fx.lastEntry(RecordType.PRODUCT, p.id());
        assertThat(offEntry.action()).isEqualTo("product.take-off-shelf");
        assertThat(offEntry.changes()).containsExactly(new FieldChange("shelfStatus", "ON_SHELF", "OFF_SHELF"));

        int entries = fx.log(RecordType.PRODUCT, p.id()).size();
        assertThat(catalogue.takeOffShelf(actor(BOSS), p.id())).isEqualTo(off);
        assertThat(fx.log(RecordType.PRODUCT, p.id())).hasSize(entries);

        Product on = catalogue.putOnShelf(actor(BOSS), p.id());
        assertThat(on.shelfStatus()).isEqualTo(ShelfStatus.ON_SHELF);
        assertThat(fx.lastEntry(RecordType.PRODUCT, p.id()).action()).isEqualTo("product.put-on-shelf");
        assertThat(catalogue.putOnShelf(actor(REP), p.id())).isEqualTo(on);
        assertThat(fx.log(RecordType.PRODUCT, p.id())).hasSize(entries + 1);
    }

    @Test
    void onlyTheOwnerOrAnAdminChangesTheShelf() {
        Product p = catalogue.create(actor(BOSS), widget().withOwner(REP));

        assertUnchanged(() -> catalogue.takeOffShelf(actor(OTHER), p.id())).isInstanceOf(ForbiddenException.class);
        assertUnchanged(() -> catalogue.putOnShelf(actor(OTHER), p.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void onShelfListsOnlyOnShelfProductsPageByPage() {
        List<ProductId> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Product p = catalogue.create(actor(BOSS), NewProduct.of("P" + i, UnitPrice.of("1", "CNY")));
            if (i % 2 == 1) {
                catalogue.takeOffShelf(actor(BOSS), p.id());
            } else {
                expected.add(p.id());
            }
        }

        List<ProductId> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(2);
        while (true) {
            Page<Product> page = catalogue.onShelf(actor(OTHER), request);
            assertThat(page.items()).allMatch(Product::isOnShelf).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(p -> seen.add(p.id()));
            if (!page.hasNext()) {
                break;
            }
            request = request.next(page);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void anotherTenantSeesNoProduct() {
        Product p = catalogue.create(actor(BOSS), widget());
        Actor stranger = Actor.of(TenantId.of("other"), REP);

        assertThatThrownBy(() -> catalogue.get(stranger, p.id())).isInstanceOf(NotFoundException.class);
        assertThat(catalogue.onShelf(stranger, PageRequest.first(10)).items()).isEmpty();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertUnchanged(ThrowingCallable call) {
        return of.assertUnchanged(call);
    }
}
