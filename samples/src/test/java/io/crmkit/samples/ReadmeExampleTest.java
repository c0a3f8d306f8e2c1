package io.crmkit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.condition.Condition;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PriceBreakdown;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.money.Pricing;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.money.Split;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.jdbc.Dialect;
import io.crmkit.jdbc.JdbcCrmStore;
import io.crmkit.jdbc.SchemaMode;
import io.crmkit.rules.Crm;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.QueryContext;
import io.crmkit.spi.memory.InMemoryCrmStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * The README's code examples, compiled and run. {@link #readmeShowsThisTestsCode()} fails when the
 * README and this code drift apart, so the example can never rot.
 */
class ReadmeExampleTest {

    @Test
    void pricingExampleComputesWhatTheReadmeSays() {
        // example:pricing begin
        PricingPolicy policy = PricingPolicy.defaults(); // price scale 4, quantity scale 3, HALF_UP
        PricedLine sensors = Pricing.priceLineAtDiscount(
                new BigDecimal("3"), UnitPrice.of("1299.00", "CNY"), Discount.zhe("8.5"), policy);
        PricedLine cable = Pricing.priceLineAtDiscount(
                new BigDecimal("12.5"), UnitPrice.of("19.99", "CNY"), Discount.percentOff("5"), policy);
        PriceBreakdown quote = Pricing.price(
                Currency.getInstance("CNY"), List.of(sensors, cable), Discount.multiplier("0.92"), policy);

        Money total = quote.total();                      // CNY 3265.84 (3549.83 × 0.92, rounded once)
        List<Money> perLine = quote.pushDown();           // CNY 3047.45 + 218.39: exactly the total
        List<Money> plan = Split.byPercentages(total,     // CNY 979.75 + 1632.92 + 653.17
                List.of(new BigDecimal("30"), new BigDecimal("50"), new BigDecimal("20")));
        // example:pricing end

        // Hand computation: 3 × (1299 × 0.85 = 1104.15) = 3312.45; 12.5 × (19.99 × 0.95 = 18.9905)
        // = 237.38125 -> 237.38; subtotal 3549.83; × 0.92 = 3265.8436 -> 3265.84.
        assertThat(total).isEqualTo(Money.of("3265.84", "CNY"));
        // 3265.84 × 3312.45 / 3549.83 = 3047.4506.. and 3265.84 × 237.38 / 3549.83 = 218.3893..: floors
        // 3047.45 + 218.38 = 3265.83, and the spare cent goes to the larger remainder (0.0093 > 0.0006).
        assertThat(perLine).containsExactly(Money.of("3047.45", "CNY"), Money.of("218.39", "CNY"));
        // 30/50/20 of 3265.84: 979.752, 1632.92, 653.168 -> floors 979.75, 1632.92, 653.16 and the
        // spare cent to the largest remainder (0.168 -> 653.17).
        assertThat(plan).containsExactly(Money.of("979.75", "CNY"), Money.of("1632.92", "CNY"), Money.of("653.17", "CNY"));
    }

    @Test
    void storageExampleStoresAndCountsAnAccount() {
        Instant now = Instant.parse("2026-11-25T02:00:00Z");
        // example:storage begin
        CrmStore store = InMemoryCrmStore.create(Clock.systemUTC()); // or the JDBC store, or your own
        TenantId tenant = TenantId.of("acme");
        Account stored = store.transact(tx -> tx.accounts().insert(Account.builder()
                .id(tx.accounts().nextId()).tenantId(tenant).name("Hangzhou Widgets Co., Ltd.")
                .owner(UserId.of("li.lei")).ownedSince(now).createdAt(now).updatedAt(now)
                .build()));                                           // stored.version() == 1
        long held = store.transact(tx -> tx.accounts().count(tenant,
                Condition.eq("owner", new CustomValue.Text("li.lei")), new QueryContext(now, ZoneId.of("Asia/Shanghai"))));
        // example:storage end

        assertThat(stored.version()).isEqualTo(1);
        assertThat(held).isEqualTo(1);
        Account reread = store.transact(tx -> tx.accounts().get(tenant, stored.id()));
        assertThat(reread).isEqualTo(stored);
    }

    @Test
    void jdbcExampleRunsOnEmbeddedH2() {
        Instant now = Instant.parse("2026-11-25T02:00:00Z");
        TenantId tenant = TenantId.of("acme");
        // example:jdbc begin
        DataSource dataSource = JdbcConnectionPool.create("jdbc:h2:mem:crm;DB_CLOSE_DELAY=-1", "sa", ""); // your pool
        JdbcCrmStore store = JdbcCrmStore.builder()
                .dataSource(dataSource)        // H2, PostgreSQL or MariaDB: the dialect is detected
                .clock(Clock.systemUTC())      // ids are time-ordered over it
                .build();                      // SchemaMode.CREATE: applies db/crm/h2/V1__init.sql once
        Crm crm = Crm.builder().store(store)
                .tenantSettings(TenantSettingsSource.fixed(
                        TenantSettings.defaults(ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"))))
                .build();
        // example:jdbc end

        Account stored = crm.store().transact(tx -> tx.accounts().insert(Account.builder()
                .id(tx.accounts().nextId()).tenantId(tenant).name("Hangzhou Widgets Co., Ltd.")
                .owner(UserId.of("li.lei")).ownedSince(now).createdAt(now).updatedAt(now).build()));
        assertThat(store.dialect()).isEqualTo(Dialect.H2);
        Account reread = crm.store().transact(tx -> tx.accounts().get(tenant, stored.id()));
        assertThat(reread).isEqualTo(stored);
        JdbcCrmStore again = JdbcCrmStore.builder().dataSource(dataSource).clock(Clock.systemUTC())
                .schemaMode(SchemaMode.VALIDATE).build();
        Optional<Account> validated = again.transact(tx -> tx.accounts().find(tenant, stored.id()));
        assertThat(validated).contains(stored);
        ((JdbcConnectionPool) dataSource).dispose();
    }

    @Test
    void readmeShowsThisTestsCode() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String source = Files.readString(
                Path.of("src", "test", "java", "io", "crmkit", "samples", "ReadmeExampleTest.java"), StandardCharsets.UTF_8);
        for (String name : List.of("pricing", "storage", "jdbc")) {
            Matcher block = Pattern.compile("<!-- example:" + name + " -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
            assertThat(block.find()).as("README has a java block after <!-- example:%s -->", name).isTrue();
            String example = source.substring(
                    source.indexOf("// example:" + name + " begin"), source.indexOf("// example:" + name + " end"));
            assertThat(normalise(block.group(1))).as("README example %s", name).isEqualTo(normalise(example));
        }
    }

    /** The non-blank lines, stripped, without the begin marker: indentation may differ. */
    private static List<String> normalise(String code) {
        List<String> lines = new ArrayList<>();
        for (String line : code.split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("// example:")) {
                lines.add(stripped);
            }
        }
        return lines;
    }
}
