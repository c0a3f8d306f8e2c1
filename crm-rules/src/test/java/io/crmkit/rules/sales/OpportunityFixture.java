package io.crmkit.rules.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.AccountId;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.money.Money;
import io.crmkit.core.product.Product;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.sales.Opportunity;
import io.crmkit.core.sales.OpportunityId;
import io.crmkit.core.sales.SalesProcess;
import io.crmkit.core.sales.SalesProcessId;
import io.crmkit.core.sales.SalesSettings;
import io.crmkit.core.sales.Stage;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Helpers for the opportunity and product tests on top of {@link SalesFixture}: "a refused command
 * changed nothing" (every record equal, no change-log entry, no notification), contacts, stored
 * opportunities shaped directly, and small custom processes.
 */
public final class OpportunityFixture {
    /** Three stages, no rollback, no reopening, configured lost reasons. */
    public static final SalesProcess STRICT = SalesProcess.builder().id(SalesProcessId.of("strict")).name("Strict")
            .stages(List.of(Stage.of("QUALIFY", "Qualify", 20), Stage.of("OFFER", "Offer", 50),
                    Stage.of("CLOSING", "Closing", 80)))
            .rollbackAllowed(false).reopenAllowed(false).lostReasons(List.of("Price", "No response")).build();

    public final SalesFixture fx;
    private int contacts;

    public OpportunityFixture(SalesFixture fx) {
        this.fx = fx;
    }

    /** Both the default process and {@link #STRICT}, the default process still the default. */
    public void withStrictProcess() {
        sales(s -> s.processes(List.of(SalesProcess.defaultProcess(), STRICT)));
    }

    /** Changes the sales settings. */
    public void sales(UnaryOperator<SalesSettings.Builder> change) {
        fx.settings(b -> b.sales(change.apply(fx.settings().sales().toBuilder()).build()));
    }

    /** A contact of {@code account}. */
    public Contact contact(AccountId account) {
        int n = ++contacts;
        Instant now = fx.clock.instant();
        Contact contact = Contact.builder().id(ContactId.of("C" + n)).tenantId(SalesFixture.TENANT).accountId(account)
                .name("Person " + n).owner(SalesFixture.REP).createdAt(now).updatedAt(now).build();
        return fx.store.transact(tx -> tx.contacts().insert(contact));
    }

    /** The stored opportunity. */
    public Opportunity get(OpportunityId id) {
        return fx.store.transact(tx -> tx.opportunities().get(SalesFixture.TENANT, id));
    }

    /** Writes {@code changed} straight to the store (for states no command makes, such as locked). */
    public Opportunity store(Opportunity changed) {
        return fx.store.transact(tx -> tx.opportunities().update(changed));
    }

    /** A plain CNY opportunity of {@code account} by {@code user}, amount 1000.00, default process. */
    public Opportunity open(OpportunityCommands commands, AccountId account) {
        return commands.create(SalesFixture.actor(SalesFixture.REP), NewOpportunity.builder().name("Deal")
                .accountId(account).amount(Money.of("1000.00", "CNY")).build());
    }

    /** Entries in the change log of every product and opportunity of the tenant. */
    public int logSize() {
        int size = 0;
        for (Object record : fx.everything()) {
            if (record instanceof Product p) {
                size += fx.log(RecordType.PRODUCT, p.id()).size();
            } else if (record instanceof Opportunity o) {
                size += fx.log(RecordType.OPPORTUNITY, o.id()).size();
            }
        }
        return size;
    }

    /** Asserts {@code call} is refused and changed nothing: same records, same log, same outbox. */
    public AbstractThrowableAssert<?, ? extends Throwable> assertUnchanged(ThrowingCallable call) {
        List<Object> before = fx.everything();
        int entries = logSize();
        int outbox = fx.outbox().size();
        Throwable thrown = Assertions.catchThrowable(call);
        assertThat(thrown).as("expected a refusal").isNotNull();
        assertThat(fx.everything()).as("records after the refusal").isEqualTo(before);
        assertThat(logSize()).as("change-log entries after the refusal").isEqualTo(entries);
        assertThat(fx.outbox()).as("notifications after the refusal").hasSize(outbox);
        return assertThat(thrown);
    }
}
