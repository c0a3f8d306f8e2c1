package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.core.account.Account;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.money.Money;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.jdbc.sql.CustomValueRows;
import io.crmkit.jdbc.sql.SqlValues;
import io.crmkit.tck.TckFixtures;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What the store writes besides the JSON body, for the SQL compilers to query: the field columns of a
 * record, its custom values in {@code custom_value} (exactly {@link CustomValueRows}' layout), and a
 * plan's installments in {@code installment}. Each must follow every insert, update, delete and
 * rollback, or queries would see values the records no longer hold.
 */
class StoreDerivedRowsTest {
    private static final DataSource H2 = StoreTestDatabases.h2();
    private static final JdbcCrmStore STORE = StoreTestDatabases.store(H2, Dialect.H2);

    @Test
    void customValuesFollowInsertUpdateDeleteAndRollback() throws SQLException {
        TenantId tenant = TckFixtures.newTenant();
        Map<String, CustomValue> values = new LinkedHashMap<>();
        values.put("budget", new CustomValue.Amount(Money.of("1200.50", "CNY")));
        values.put("channels", new CustomValue.Choices(List.of("web", "fair")));
        values.put("foundedOn", new CustomValue.Date(LocalDate.of(1999, 12, 31)));
        values.put("headcount", new CustomValue.Number(new BigDecimal("12.50")));
        values.put("lastAuditAt", new CustomValue.Timestamp(TckFixtures.BASE.plusMillis(123)));
        values.put("note", new CustomValue.Text("引号 'x'"));
        values.put("region", new CustomValue.Choice("east"));
        values.put("vip", new CustomValue.Flag(true));
        CustomFields fields = CustomFields.of(values);

        Account inserted = STORE.transact(tx -> tx.accounts().insert(
                TckFixtures.account(tx, tenant).customFields(fields).build()));
        assertThat(customRows(tenant, inserted.id().value())).isEqualTo(expected(fields));

        CustomFields changed = fields.without("vip").with("region", new CustomValue.Choice("west"))
                .with("channels", new CustomValue.Choices(List.of()));
        Account updated = STORE.transact(tx -> tx.accounts().update(inserted.toBuilder().customFields(changed).build()));
        assertThat(customRows(tenant, inserted.id().value())).as("after the update").isEqualTo(expected(changed));

        Throwable rolledBack = catchThrowable(() -> STORE.transact(tx -> {
            tx.accounts().update(updated.toBuilder().customFields(CustomFields.none()).build());
            throw new IllegalStateException("rolled back on purpose");
        }));
        assertThat(rolledBack).hasMessage("rolled back on purpose");
        assertThat(customRows(tenant, inserted.id().value())).as("after a rollback").isEqualTo(expected(changed));

        STORE.transact(tx -> {
            tx.accounts().delete(tenant, updated.id(), updated.version());
            return null;
        });
        assertThat(customRows(tenant, inserted.id().value())).as("after the delete").isEmpty();
    }

    @Test
    void fieldColumnsHoldTheRecordsValuesAndTheVersion() throws SQLException {
        TenantId tenant = TckFixtures.newTenant();
        Opportunity inserted = STORE.transact(tx -> tx.opportunities().insert(TckFixtures.opportunity(tx, tenant).build()));
        Opportunity updated = STORE.transact(tx -> tx.opportunities().update(
                inserted.toBuilder().expectedCloseDate(inserted.expectedCloseDate().plusDays(7)).build()));

        List<Object> row = row("SELECT version, owner, account_id, expected_close_date, amount, amount_currency, created_at"
                + " FROM crm_opportunity WHERE tenant_id = ? AND id = ?", tenant.value(), inserted.id().value());
        assertThat(row.get(0)).isEqualTo(2L);
        assertThat(row.get(1)).isEqualTo(updated.owner() == null ? null : updated.owner().value());
        assertThat(row.get(2)).isEqualTo(updated.accountId() == null ? null : updated.accountId().value());
        assertThat(row.get(3)).isEqualTo(updated.expectedCloseDate());
        assertThat(row.get(4)).isNotNull();
        assertThat(((BigDecimal) row.get(4)).compareTo(updated.amount().amount())).isZero();
        assertThat(row.get(5)).isEqualTo(updated.amount().currency().getCurrencyCode());
        assertThat(row.get(6)).isEqualTo(updated.createdAt());
    }

    @Test
    void installmentRowsFollowThePlan() throws SQLException {
        TenantId tenant = TckFixtures.newTenant();
        PaymentPlan plan = STORE.transact(tx -> tx.paymentPlans().insert(TckFixtures.paymentPlan(tx, tenant).build()));
        assertThat(installments(tenant, plan.id().value())).containsExactly(
                List.of(1L, plan.installments().get(0).dueOn(), "300.00", "0.00", "CNY", false),
                List.of(2L, plan.installments().get(1).dueOn(), "200.00", "0.00", "CNY", false));

        PaymentPlan paid = STORE.transact(tx -> tx.paymentPlans().update(plan.recordPayment(1, TckFixtures.cny("300.00"))));
        assertThat(installments(tenant, plan.id().value())).containsExactly(
                List.of(1L, plan.installments().get(0).dueOn(), "300.00", "300.00", "CNY", true),
                List.of(2L, plan.installments().get(1).dueOn(), "200.00", "0.00", "CNY", false));

        STORE.transact(tx -> {
            tx.paymentPlans().delete(tenant, paid.id(), paid.version());
            return null;
        });
        assertThat(installments(tenant, plan.id().value())).isEmpty();
    }

    private static List<List<Object>> expected(CustomFields fields) {
        List<List<Object>> rows = new ArrayList<>();
        for (CustomValueRows.Row r : CustomValueRows.rows(fields)) {
            rows.add(java.util.Arrays.asList(r.name(), (long) r.seq(), r.kind(), r.text(),
                    r.number() == null ? null : r.number().stripTrailingZeros().toPlainString(), r.flag(), r.date(),
                    r.timestamp(), r.currency(), r.groupKey()));
        }
        return rows;
    }

    private static List<List<Object>> customRows(TenantId tenant, String id) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = H2.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT name, seq, kind, text_value, number_value, flag_value, date_value, ts_value, currency, group_key"
                        + " FROM crm_custom_value WHERE tenant_id = ? AND record_type = ? AND record_id = ?"
                        + " ORDER BY name, seq")) {
            s.setString(1, tenant.value());
            s.setString(2, "ACCOUNT");
            s.setString(3, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    BigDecimal number = r.getBigDecimal(5);
                    rows.add(java.util.Arrays.asList(r.getString(1), r.getLong(2), r.getString(3), r.getString(4),
                            number == null ? null : number.stripTrailingZeros().toPlainString(),
                            r.getObject(6, Boolean.class), r.getObject(7, LocalDate.class), SqlValues.instant(r, 8),
                            r.getString(9), r.getString(10)));
                }
            }
        }
        return rows;
    }

    private static List<List<Object>> installments(TenantId tenant, String plan) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = H2.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT number, due_on, amount, paid, currency, fully_paid FROM crm_installment"
                        + " WHERE tenant_id = ? AND plan_id = ? ORDER BY number")) {
            s.setString(1, tenant.value());
            s.setString(2, plan);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(List.of(r.getLong(1), r.getObject(2, LocalDate.class),
                            r.getBigDecimal(3).setScale(2).toPlainString(), r.getBigDecimal(4).setScale(2).toPlainString(),
                            r.getString(5), r.getBoolean(6)));
                }
            }
        }
        return rows;
    }

    private static List<Object> row(String sql, String tenant, String id) throws SQLException {
        try (Connection c = H2.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, tenant);
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("the row of " + id).isTrue();
                List<Object> values = new ArrayList<>();
                values.add(r.getLong(1));
                values.add(r.getString(2));
                values.add(r.getString(3));
                values.add(r.getObject(4, LocalDate.class));
                values.add(r.getBigDecimal(5));
                values.add(r.getString(6));
                values.add(SqlValues.instant(r, 7));
                return values;
            }
        }
    }
}
