package io.crmkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.activity.ExpenseRecord;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.activity.Reminder;
import io.crmkit.core.activity.ScheduleEntry;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadPool;
import io.crmkit.core.payment.Payment;
import io.crmkit.core.payment.PaymentAllocation;
import io.crmkit.core.payment.PaymentPlan;
import io.crmkit.core.pool.Pool;
import io.crmkit.core.product.Product;
import io.crmkit.core.sales.Contract;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.Quote;
import io.crmkit.core.sales.SalesOrder;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every record of DOMAIN.md section 1 exists as a model type, each {@link RecordType} names one,
 * and each stored record has the shape the stores and rules rely on.
 */
class ModelCatalogueTest {
    /** DOMAIN.md section 1, in its order. */
    private static final Map<RecordType, Class<? extends Record>> CATALOGUE = new EnumMap<>(Map.ofEntries(
            Map.entry(RecordType.LEAD, Lead.class),
            Map.entry(RecordType.LEAD_POOL, LeadPool.class),
            Map.entry(RecordType.ACCOUNT, Account.class),
            Map.entry(RecordType.CONTACT, Contact.class),
            Map.entry(RecordType.POOL, Pool.class),
            Map.entry(RecordType.PRODUCT, Product.class),
            Map.entry(RecordType.OPPORTUNITY, Opportunity.class),
            Map.entry(RecordType.QUOTE, Quote.class),
            Map.entry(RecordType.SALES_ORDER, SalesOrder.class),
            Map.entry(RecordType.CONTRACT, Contract.class),
            Map.entry(RecordType.PAYMENT, Payment.class),
            Map.entry(RecordType.PAYMENT_ALLOCATION, PaymentAllocation.class),
            Map.entry(RecordType.PAYMENT_PLAN, PaymentPlan.class),
            Map.entry(RecordType.EXPENSE_RECORD, ExpenseRecord.class),
            Map.entry(RecordType.FOLLOW_UP_RECORD, FollowUpRecord.class),
            Map.entry(RecordType.REMINDER, Reminder.class),
            Map.entry(RecordType.SCHEDULE_ENTRY, ScheduleEntry.class),
            Map.entry(RecordType.CHANGE_LOG_ENTRY, ChangeLogEntry.class)));

    @Test
    void everyRecordTypeHasItsModelClass() {
        assertThat(CATALOGUE.keySet()).containsExactlyInAnyOrder(RecordType.values());
    }

    @Test
    void everyStoredRecordIsAVersionedAggregateWithItsOwnIdType() {
        CATALOGUE.forEach((type, recordClass) -> {
            if (recordClass == ChangeLogEntry.class) {
                // Append-only history: never updated, so never versioned.
                assertThat(Aggregate.class.isAssignableFrom(recordClass)).as(type + " is append-only").isFalse();
                return;
            }
            assertThat(Aggregate.class).as(type + " is an aggregate").isAssignableFrom(recordClass);
            Class<?> idType = idTypeOf(recordClass);
            assertThat(idType.getSimpleName()).as(type + "'s id type").isEqualTo(recordClass.getSimpleName() + "Id");
            assertThat(RecordId.class).isAssignableFrom(idType);
            assertThat(componentNames(recordClass)).as(type + " components")
                    .contains("id", "tenantId", "version", "createdAt", "updatedAt");
        });
    }

    @Test
    void everyRecordHasABuilderAndACopyingBuilder() throws NoSuchMethodException {
        for (Class<? extends Record> recordClass : CATALOGUE.values()) {
            Method builder = recordClass.getMethod("builder");
            assertThat(Modifier.isStatic(builder.getModifiers())).as(recordClass + ".builder() is static").isTrue();
            Method toBuilder = recordClass.getMethod("toBuilder");
            assertThat(toBuilder.getReturnType()).isEqualTo(builder.getReturnType());
        }
    }

    @Test
    void ownedRecordsAreTheOnesDomainSaysHaveAnOwner() {
        for (Class<? extends Record> recordClass : new Class[] {Lead.class, Account.class, Contact.class, Product.class,
                Opportunity.class, Quote.class, SalesOrder.class, Contract.class, Payment.class, ExpenseRecord.class}) {
            assertThat(Owned.class).as(recordClass + " has an owner").isAssignableFrom(recordClass);
        }
    }

    private static Class<?> idTypeOf(Class<?> recordClass) {
        for (Type t : recordClass.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == Aggregate.class) {
                return (Class<?>) p.getActualTypeArguments()[0];
            }
        }
        throw new AssertionError(recordClass + " does not implement Aggregate<I>");
    }

    private static java.util.List<String> componentNames(Class<? extends Record> recordClass) {
        return Arrays.stream(recordClass.getRecordComponents()).map(c -> c.getName()).toList();
    }
}
