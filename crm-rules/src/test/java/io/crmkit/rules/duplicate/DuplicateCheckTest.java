package io.crmkit.rules.duplicate;

import static io.crmkit.rules.lead.IntakeFixture.START;
import static io.crmkit.rules.lead.IntakeFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.core.tenant.DuplicateAction;
import io.crmkit.core.tenant.DuplicatePolicy;
import io.crmkit.rules.internal.CommandContext;
import io.crmkit.rules.lead.IntakeFixture;
import io.crmkit.rules.lead.LeadIntake;
import io.crmkit.rules.lead.NewLead;
import io.crmkit.spi.CrmStore;
import io.crmkit.spi.IdGenerator;
import io.crmkit.spi.Transaction;
import io.crmkit.spi.TransactionWork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DuplicateCheckTest {
    private final IntakeFixture crm = new IntakeFixture();

    private Account account(String id, String name, String phone, String email) {
        return crm.store.transact(tx -> tx.accounts().insert(Account.builder().id(AccountId.of(id)).tenantId(TENANT)
                .name(name).phone(phone).email(email).owner(crm.alice.userId()).ownedSince(START).createdAt(START)
                .updatedAt(START).build()));
    }

    private Contact contact(String id, Account account, String name, List<String> phones, String email) {
        return crm.store.transact(tx -> tx.contacts().insert(Contact.builder().id(io.crmkit.core.contact.ContactId.of(id))
                .tenantId(TENANT).accountId(account.id()).name(name).phones(phones).email(email).createdAt(START)
                .updatedAt(START).build()));
    }

    private List<DuplicateMatch> inCommand(Function<CommandContext, List<DuplicateMatch>> work) {
        return crm.rules.command(crm.alice, work::apply);
    }

    private static RecordRef ref(Account account) {
        return RecordRef.of(RecordType.ACCOUNT, account.id());
    }

    @Test
    void accounts_match_by_name_phone_address_and_company_domain_but_never_themselves_or_the_recycle_bin() {
        Account byName = account("a1", "ＡＢＣ Co., Ltd.", null, null);
        Account byPhone = account("a2", "Other", "+86 571 8888 0001", null);
        Account byAddress = account("a3", "Third", null, "INFO@abc.example");
        Account byDomain = account("a4", "Fourth", null, "sales@abc.example");
        Account voided = crm.store.transact(tx -> tx.accounts().update(account("a5", "ABC", null, null).withVoided(true)));
        Account probe = account("a6", "abc inc", "0571-88880001", "info@abc.example");

        List<DuplicateMatch> matches = inCommand(cmd -> DuplicateCheck.ofAccount(cmd, probe));

        assertThat(matches).containsExactly(
                new DuplicateMatch(ref(byName), DuplicateReason.SAME_COMPANY, "abc"),
                new DuplicateMatch(ref(byPhone), DuplicateReason.SAME_PHONE, "057188880001"),
                new DuplicateMatch(ref(byAddress), DuplicateReason.SAME_EMAIL, "info@abc.example"),
                new DuplicateMatch(ref(byDomain), DuplicateReason.SAME_EMAIL_DOMAIN, "abc.example"));
        assertThat(matches).extracting(DuplicateMatch::match).doesNotContain(ref(voided), ref(probe));
    }

    @Test
    void at_most_a_bounded_number_of_records_is_reported() {
        for (int i = 0; i < DuplicateCheck.MAX_MATCHED_RECORDS + 5; i++) {
            account("a" + i, "Same Name", null, null);
        }
        Account probe = Account.builder().id(AccountId.of("probe")).tenantId(TENANT).name("same name")
                .owner(crm.alice.userId()).ownedSince(START).createdAt(START).updatedAt(START).build();
        assertThat(inCommand(cmd -> DuplicateCheck.ofAccount(cmd, probe))).hasSize(DuplicateCheck.MAX_MATCHED_RECORDS);
    }

    @Test
    void contacts_match_on_any_of_their_phones_their_address_and_a_namesake_on_the_same_account() {
        Account acme = account("a1", "Acme", null, null);
        Account other = account("a2", "Other", null, null);
        Contact phone = contact("c1", other, "Li", List.of("13800000000"), null);
        Contact address = contact("c2", other, "Wang", List.of(), "Zhang@qq.com");
        Contact namesakeHere = contact("c3", acme, "张 三", List.of(), null);
        contact("c4", other, "张三", List.of(), null);
        Contact probe = Contact.builder().id(io.crmkit.core.contact.ContactId.of("c9")).tenantId(TENANT)
                .accountId(acme.id()).name("张三").phones(List.of("0571-1234567", "+86 138 0000 0000"))
                .email("zhang@qq.com").createdAt(START).updatedAt(START).build();

        assertThat(inCommand(cmd -> DuplicateCheck.ofContact(cmd, probe))).containsExactly(
                new DuplicateMatch(RecordRef.of(RecordType.CONTACT, phone.id()), DuplicateReason.SAME_PHONE, "13800000000"),
                new DuplicateMatch(RecordRef.of(RecordType.CONTACT, address.id()), DuplicateReason.SAME_EMAIL, "zhang@qq.com"),
                new DuplicateMatch(RecordRef.of(RecordType.CONTACT, namesakeHere.id()), DuplicateReason.SAME_NAME, "张三"));
    }

    @Test
    void under_block_the_strong_keys_are_locked_so_concurrent_saves_of_one_key_serialise() {
        assertThat(locksTakenCreatingALead(DuplicatePolicy.everywhere(DuplicateAction.BLOCK)))
                .hasSize(3).allSatisfy(lock -> assertThat(lock).startsWith("duplicate:LEAD:").hasSizeLessThan(200));
        assertThat(locksTakenCreatingALead(DuplicatePolicy.everywhere(DuplicateAction.WARN))).isEmpty();
    }

    /** The lock keys a lead creation takes under {@code policy}, through a store that records them. */
    private static List<String> locksTakenCreatingALead(DuplicatePolicy policy) {
        IntakeFixture fixture = new IntakeFixture(s -> s.duplicatePolicy(policy));
        List<String> locks = new java.util.ArrayList<>();
        CrmStore recording = new CrmStore() {
            @Override
            public <T> T transact(TransactionWork<T> work) {
                return fixture.store.transact(tx -> work.run(recordingLocks(tx, locks)));
            }

            @Override
            public IdGenerator ids() {
                return fixture.store.ids();
            }
        };
        new LeadIntake(fixture.rulesOver(recording)).create(fixture.alice, NewLead.builder().personName("Li")
                .company("Acme").phone("13800000000").email("li@acme.example").details("d")
                .owner(fixture.alice.userId()).build());
        return locks;
    }

    private static Transaction recordingLocks(Transaction tx, List<String> locks) {
        return (Transaction) Proxy.newProxyInstance(Transaction.class.getClassLoader(), new Class<?>[] {Transaction.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("lock")) {
                        locks.add((String) args[0]);
                    }
                    try {
                        return method.invoke(tx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void the_policy_decides_what_a_match_does() {
        Account existing = account("a1", "Acme", null, null);
        List<DuplicateMatch> strong = List.of(new DuplicateMatch(ref(existing), DuplicateReason.SAME_COMPANY, "acme"));
        List<DuplicateMatch> weak = List.of(new DuplicateMatch(ref(existing), DuplicateReason.SAME_EMAIL_DOMAIN, "a.example"));

        assertThatThrownBy(() -> inCommand(cmd -> DuplicateCheck.apply(cmd, RecordType.ACCOUNT, "use it", () -> strong)))
                .isInstanceOfSatisfying(DuplicateBlockedException.class, e -> {
                    assertThat(e.rule()).isEqualTo("account.duplicate");
                    assertThat(e.matches()).isEqualTo(strong);
                    assertThat(e.getMessage()).contains("ACCOUNT:a1 (SAME_COMPANY)", "use it");
                });
        assertThat(inCommand(cmd -> DuplicateCheck.apply(cmd, RecordType.ACCOUNT, null, () -> weak))).isEqualTo(weak);
        assertThat(inCommand(cmd -> DuplicateCheck.apply(cmd, RecordType.LEAD, null, () -> strong))).isEqualTo(strong);

        IntakeFixture lax = new IntakeFixture(s -> s.duplicatePolicy(DuplicatePolicy.everywhere(DuplicateAction.ALLOW)));
        List<DuplicateMatch> none = lax.rules.command(lax.alice, cmd -> DuplicateCheck.apply(cmd, RecordType.ACCOUNT, null,
                () -> {
                    throw new AssertionError("ALLOW must not look for duplicates");
                }));
        assertThat(none).isEmpty();
    }
}
