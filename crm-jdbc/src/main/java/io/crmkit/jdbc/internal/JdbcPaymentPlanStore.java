package io.crmkit.jdbc.internal;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.StorageUnavailableException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.payment.Installment;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.payment.PaymentPlanId;
import io.crmkit.jdbc.schema.Schema;
import io.crmkit.jdbc.sql.SqlFragment;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.payment.PaymentPlanStore;
import io.crmkit.spi.query.DueInstallment;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Payment plans, with the due-installment sweep query in SQL: every write of a plan rewrites its rows
 * in the {@code installment} table (one per installment), and {@link #dueInstallments} reads that
 * table by its (tenant, fully_paid, due_on, plan_id, number) index, joined to the plan for its
 * version and exact values.
 */
final class JdbcPaymentPlanStore extends JdbcRecordStore<PaymentPlan, PaymentPlanId> implements PaymentPlanStore {
    private final String installmentTable;

    JdbcPaymentPlanStore(RecordMapping<PaymentPlan, PaymentPlanId> mapping, JdbcTransaction tx) {
        super(mapping, tx);
        this.installmentTable = tx.settings.names.table(Schema.INSTALLMENT);
    }

    @Override
    public Page<DueInstallment> dueInstallments(TenantId tenant, LocalDate from, LocalDate to, PageRequest page) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("from", from);
        Checks.required("to", to);
        Checks.required("page", page);
        Position after = page.after() == null ? null : Position.parse(page.after());
        if (from.isAfter(JdbcSql.LAST_STORABLE_DATE) || to.isBefore(JdbcSql.FIRST_STORABLE_DATE)) {
            // No installment can fall in a window outside the dates a column holds (and binding one would fail).
            return Page.empty();
        }
        SqlFragment sql = SqlFragment.of("SELECT i.plan_id, i.number, p.version, p.body FROM " + installmentTable
                + " i JOIN " + mapping.tableName() + " p ON p.tenant_id = i.tenant_id AND p.id = i.plan_id"
                + " WHERE i.tenant_id = ? AND i.fully_paid = ?", tenant.value(), false);
        // LocalDate.MIN means "any": bounds beyond what a DATE column holds are simply left out.
        if (!from.isBefore(JdbcSql.FIRST_STORABLE_DATE)) {
            sql = sql.then(SqlFragment.of("AND i.due_on >= ?", from));
        }
        if (!to.isAfter(JdbcSql.LAST_STORABLE_DATE)) {
            sql = sql.then(SqlFragment.of("AND i.due_on <= ?", to));
        }
        if (after != null) {
            sql = sql.then(SqlFragment.of("AND (i.due_on > ? OR (i.due_on = ? AND (i.plan_id > ? OR (i.plan_id = ? AND i.number > ?))))",
                    after.dueOn(), after.dueOn(), after.planId(), after.planId(), (long) after.number()));
        }
        sql = sql.then(SqlFragment.of("ORDER BY i.due_on, i.plan_id, i.number LIMIT ?", page.limit() + 1));
        Map<String, PaymentPlan> plans = new HashMap<>();
        try {
            List<DueInstallment> rows = JdbcSql.query(tx.connection(), sql, row -> {
                String planId = row.getString(1);
                int number = row.getInt(2);
                long version = row.getLong(3);
                String body = row.getString(4);
                // A plan with several due installments is read once per page.
                PaymentPlan plan = plans.computeIfAbsent(planId, id -> mapping.decode(version, body));
                return new DueInstallment(plan.id(), plan.accountId(), plan.version(), installment(plan, number));
            });
            if (rows.size() <= page.limit()) {
                return new Page<>(rows, null);
            }
            List<DueInstallment> items = rows.subList(0, page.limit());
            return new Page<>(items, Position.of(items.get(items.size() - 1)).cursor());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "reading due installments");
        }
    }

    @Override
    void afterWrite(PaymentPlan stored, boolean replace) throws SQLException {
        super.afterWrite(stored, replace);
        String tenant = stored.tenantId().value();
        String plan = stored.id().value();
        if (replace) {
            deleteInstallments(tenant, plan);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Installment installment : stored.installments()) {
            rows.add(List.of(tenant, plan, (long) installment.number(), stored.accountId().value(), installment.dueOn(),
                    installment.amount().amount(), installment.paid().amount(),
                    installment.amount().currency().getCurrencyCode(), installment.isFullyPaid()));
        }
        JdbcSql.batch(tx.connection(), "INSERT INTO " + installmentTable
                + " (tenant_id, plan_id, number, account_id, due_on, amount, paid, currency, fully_paid)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    void afterDelete(String tenant, String id) throws SQLException {
        super.afterDelete(tenant, id);
        deleteInstallments(tenant, id);
    }

    private void deleteInstallments(String tenant, String plan) throws SQLException {
        JdbcSql.update(tx.connection(), "DELETE FROM " + installmentTable + " WHERE tenant_id = ? AND plan_id = ?",
                List.of(tenant, plan));
    }

    private static Installment installment(PaymentPlan plan, int number) {
        for (Installment installment : plan.installments()) {
            if (installment.number() == number) {
                return installment;
            }
        }
        // The rows are rewritten with every plan write, in the same transaction: they cannot disagree.
        throw new StorageUnavailableException("installment " + number + " of plan " + plan.id().value()
                + " is in the installment table but not in the plan", null);
    }

    /** Where an installment sorts: due date, then plan id, then number; also the page cursor. */
    private record Position(LocalDate dueOn, String planId, int number) {
        static Position of(DueInstallment due) {
            return new Position(due.installment().dueOn(), due.planId().value(), due.installment().number());
        }

        static Position parse(String cursor) {
            String[] parts = cursor.split("\\|", -1);
            if (parts.length == 3) {
                try {
                    return new Position(LocalDate.parse(parts[0]), parts[1], Integer.parseInt(parts[2]));
                } catch (DateTimeParseException | NumberFormatException e) {
                    ValidationException invalid = notACursor();
                    invalid.addSuppressed(e);
                    throw invalid;
                }
            }
            throw notACursor();
        }

        private static ValidationException notACursor() {
            return ValidationException.of("page.after", ErrorCode.FIELD_INVALID, "not a cursor of dueInstallments");
        }

        String cursor() {
            return dueOn + "|" + planId + "|" + number;
        }
    }
}
