package io.crmkit.spi.memory;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.internal.Checks;
import io.crmkit.core.payment.Installment;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.payment.PaymentPlanId;
import io.crmkit.spi.Page;
import io.crmkit.spi.PageRequest;
import io.crmkit.spi.payment.PaymentPlanStore;
import io.crmkit.spi.query.DueInstallment;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Payment plans, with the due-installment sweep query: a scan of the tenant's plans. */
final class MemoryPaymentPlanStore extends MemoryRecordStore<PaymentPlan, PaymentPlanId> implements PaymentPlanStore {

    MemoryPaymentPlanStore(RecordTable<PaymentPlan, PaymentPlanId> table, MemoryTransaction tx) {
        super(table, tx);
    }

    @Override
    public Page<DueInstallment> dueInstallments(TenantId tenant, LocalDate from, LocalDate to, PageRequest page) {
        tx.checkOpen();
        Checks.required("tenant", tenant);
        Checks.required("from", from);
        Checks.required("to", to);
        Checks.required("page", page);
        Position after = page.after() == null ? null : Position.parse(page.after());
        List<DueInstallment> due = new ArrayList<>();
        scan(tenant, null, plan -> {
            for (Installment installment : plan.installments()) {
                if (!installment.isFullyPaid() && !installment.dueOn().isBefore(from) && !installment.dueOn().isAfter(to)) {
                    DueInstallment item = new DueInstallment(plan.id(), plan.accountId(), plan.version(), installment);
                    if (after == null || Position.of(item).compareTo(after) > 0) {
                        due.add(item);
                    }
                }
            }
            return true;
        });
        due.sort(Comparator.comparing(Position::of));
        if (due.size() <= page.limit()) {
            return new Page<>(due, null);
        }
        List<DueInstallment> items = due.subList(0, page.limit());
        return new Page<>(items, Position.of(items.get(items.size() - 1)).cursor());
    }

    /** Where an installment sorts: due date, then plan id, then number; also the page cursor. */
    private record Position(LocalDate dueOn, String planId, int number) implements Comparable<Position> {
        private static final Comparator<Position> ORDER = Comparator.comparing(Position::dueOn)
                .thenComparing(Position::planId)
                .thenComparingInt(Position::number);

        static Position of(DueInstallment due) {
            return new Position(due.installment().dueOn(), due.planId().value(), due.installment().number());
        }

        static Position parse(String cursor) {
            String[] parts = cursor.split("\\|", -1);
            if (parts.length == 3) {
                try {
                    return new Position(LocalDate.parse(parts[0]), parts[1], Integer.parseInt(parts[2]));
                } catch (DateTimeParseException | NumberFormatException e) {
                    // reported as the typed error below
                }
            }
            throw ValidationException.of("page.after", ErrorCode.FIELD_INVALID, "not a cursor of dueInstallments");
        }

        String cursor() {
            return dueOn + "|" + planId + "|" + number;
        }

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }
}
