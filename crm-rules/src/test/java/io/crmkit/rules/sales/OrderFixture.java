package io.crmkit.rules.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.crmkit.core.account.Account;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Money;
import io.crmkit.core.product.Product;
import io.crmkit.core.record.Aggregate;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.SalesOrder;
import io.crmkit.core.sales.SalesOrderId;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Helpers the order and contract tests share on top of {@link SalesFixture}: the services, money in
 * short, and "this command was refused and changed nothing".
 */
final class OrderFixture {
    final SalesFixture fx = new SalesFixture();
    final OrderCommands orders = fx.crm.orders();
    final ContractCommands contracts = fx.crm.contracts();

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static Money jpy(String amount) {
        return Money.of(amount, "JPY");
    }

    /** The stored order. */
    SalesOrder order(SalesOrderId id) {
        return fx.store.transact(tx -> tx.salesOrders().get(SalesFixture.TENANT, id));
    }

    /** How many change-log entries the tenant's sales records and accounts have, for "nothing was logged". */
    int changeLogSize() {
        int sum = 0;
        for (Object record : fx.everything()) {
            Aggregate<?> aggregate = (Aggregate<?>) record;
            sum += fx.log(typeOf(record), aggregate.id()).size();
        }
        return sum;
    }

    private static RecordType typeOf(Object record) {
        if (record instanceof Account) {
            return RecordType.ACCOUNT;
        }
        if (record instanceof Product) {
            return RecordType.PRODUCT;
        }
        if (record instanceof Opportunity) {
            return RecordType.OPPORTUNITY;
        }
        if (record instanceof Quote) {
            return RecordType.QUOTE;
        }
        if (record instanceof SalesOrder) {
            return RecordType.SALES_ORDER;
        }
        return RecordType.CONTRACT;
    }

    /**
     * Runs {@code command}, which must throw; asserts it changed no record, logged nothing and queued no
     * notification; returns what it threw.
     */
    Throwable refused(ThrowingCallable command) {
        List<Object> before = fx.everything();
        int entries = changeLogSize();
        int outbox = fx.outbox().size();
        Throwable thrown = catchThrowable(command);
        assertThat(thrown).as("the command must be refused").isNotNull();
        assertThat(fx.everything()).as("a refused command changes nothing").isEqualTo(before);
        assertThat(changeLogSize()).as("a refused command logs nothing").isEqualTo(entries);
        assertThat(fx.outbox()).as("a refused command notifies nobody").hasSize(outbox);
        return thrown;
    }

    /** Makes the stored order's allocated payments {@code allocated} (as the payment rules would). */
    SalesOrder allocate(SalesOrderId id, Money allocated) {
        return fx.store.transact(tx -> {
            SalesOrder order = tx.salesOrders().get(SalesFixture.TENANT, id);
            return tx.salesOrders().update(order.withAllocated(allocated, fx.clock.instant()));
        });
    }

    /** The actions logged for an order, oldest first. */
    List<String> actions(SalesOrderId id) {
        return fx.log(RecordType.SALES_ORDER, id).stream().map(e -> e.action()).toList();
    }

    static io.crmkit.core.identity.Actor as(UserId user) {
        return SalesFixture.actor(user);
    }

    Account account() {
        return fx.account();
    }
}
