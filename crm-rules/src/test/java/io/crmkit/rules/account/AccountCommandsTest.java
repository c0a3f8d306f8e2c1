package io.crmkit.rules.account;

import static io.crmkit.rules.account.AccountCareFixture.ALICE;
import static io.crmkit.rules.account.AccountCareFixture.BOB;
import static io.crmkit.rules.account.AccountCareFixture.BOSS;
import static io.crmkit.rules.account.AccountCareFixture.DAVE;
import static io.crmkit.rules.account.AccountCareFixture.POOL;
import static io.crmkit.rules.account.AccountCareFixture.POOL_ADMIN;
import static io.crmkit.rules.account.AccountCareFixture.actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.Address;
import io.crmkit.core.account.AddressKind;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.account.FinancialInfo;
import io.crmkit.core.account.TeamAccess;
import io.crmkit.core.account.TeamMember;
import io.crmkit.core.activity.ChangeLogEntry;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.error.ForbiddenException;
import io.crmkit.core.error.RuleViolationException;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import io.crmkit.rules.duplicate.DuplicateBlockedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountCommandsTest {
    private final AccountCareFixture fx = new AccountCareFixture().withPool(PoolRules.defaults());
    private final AccountCommands commands = new AccountCommands(fx.rules);

    @Test
    void poolAdminLocksAccountWithItsContactsInOneCommand() {
        Account account = fx.claimed(ALICE);
        Contact wang = fx.contact(account, "Wang Fang");
        Contact li = fx.contact(account, "Li Lei");
        fx.clock.advance(Duration.ofHours(1));

        Account locked = commands.lock(actor(POOL_ADMIN), account.id(), true);

        assertThat(locked.locked()).isTrue();
        assertThat(locked.updatedAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.stored(wang).locked()).isTrue();
        assertThat(fx.stored(li).locked()).isTrue();
        assertThat(fx.stored(li).updatedAt()).isEqualTo(fx.clock.instant());
        ChangeLogEntry entry = fx.accountLog(account).get(0);
        assertThat(entry.action()).isEqualTo("account.lock");
        assertThat(entry.context()).isEqualTo(RecordRef.of(RecordType.POOL, POOL));
        assertThat(entry.changes()).anyMatch(c -> c.field().equals("locked") && "true".equals(c.after()));
        ChangeLogEntry contactEntry = fx.log(RecordType.CONTACT, wang.id()).get(0);
        assertThat(contactEntry.action()).isEqualTo("contact.lock");
        assertThat(contactEntry.context()).isEqualTo(RecordRef.of(RecordType.POOL, POOL));
        assertThat(contactEntry.reason()).contains(account.id().value());
    }

    @Test
    void lockWithoutContactsLeavesThemAlone() {
        Account account = fx.claimed(ALICE);
        Contact wang = fx.contact(account, "Wang Fang");

        commands.lock(actor(BOSS), account.id(), false);

        assertThat(fx.stored(wang).locked()).isFalse();
        assertThat(fx.log(RecordType.CONTACT, wang.id())).isEmpty();
    }

    @Test
    void ownerMayNotLockAndNothingChanges() {
        Account account = fx.claimed(ALICE);
        Contact wang = fx.contact(account, "Wang Fang");

        assertThatThrownBy(() -> commands.lock(actor(ALICE), account.id(), true))
                .isInstanceOf(ForbiddenException.class);

        assertThat(fx.stored(account)).isEqualTo(account);
        assertThat(fx.stored(wang).locked()).isFalse();
        assertThat(fx.accountLog(account)).extracting(ChangeLogEntry::action).containsExactly("account.create");
    }

    @Test
    void lockedAccountAcceptsOnlyUnlock() {
        Account account = fx.claimed(ALICE);
        commands.lock(actor(POOL_ADMIN), account.id(), false);

        assertThatThrownBy(() -> commands.lock(actor(POOL_ADMIN), account.id(), false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.locked"));
        assertThatThrownBy(() -> commands.voidAccount(actor(ALICE), account.id(), "gone"))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.locked"));
        assertThat(fx.stored(account).voided()).isFalse();
    }

    @Test
    void unlockWithContactsUnlocksThemToo() {
        Account account = fx.claimed(ALICE);
        Contact wang = fx.contact(account, "Wang Fang");
        commands.lock(actor(POOL_ADMIN), account.id(), true);
        fx.clock.advance(Duration.ofMinutes(5));

        Account unlocked = commands.unlock(actor(BOSS), account.id(), true);

        assertThat(unlocked.locked()).isFalse();
        assertThat(unlocked.updatedAt()).isEqualTo(fx.clock.instant());
        assertThat(fx.stored(wang).locked()).isFalse();
        assertThat(fx.accountLog(account).get(0).action()).isEqualTo("account.unlock");
        assertThat(fx.log(RecordType.CONTACT, wang.id())).extracting(ChangeLogEntry::action)
                .containsExactly("contact.unlock", "contact.lock");
    }

    @Test
    void unlockRefusesOwnerAndUnlockedAccount() {
        Account account = fx.claimed(ALICE);
        assertThatThrownBy(() -> commands.unlock(actor(POOL_ADMIN), account.id(), false))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.not-locked"));
        Account locked = commands.lock(actor(POOL_ADMIN), account.id(), false);
        assertThatThrownBy(() -> commands.unlock(actor(ALICE), account.id(), false))
                .isInstanceOf(ForbiddenException.class);
        assertThat(fx.stored(account)).isEqualTo(locked);
    }

    @Test
    void copyMakesANewAccountOwnedByTheActorWithTheBusinessFields() {
        Address office = new Address(AddressKind.OFFICE, "CN", "Shanghai", "Shanghai", "Pudong", "1 Century Ave", "200120", true);
        FinancialInfo invoicing = new FinancialInfo("Acme Ltd", "91310000X", "ICBC", "6222");
        Account source = fx.account(b -> b.poolId(POOL).owner(ALICE).ownedSince(fx.clock.instant())
                .name("Acme Shanghai").level("A").source("fair").website("https://acme.example")
                .email("info@acme.example").registryId("91310000MA1").addresses(List.of(office))
                .financialInfo(invoicing).dealStatus(DealStatus.WON).lastDealAt(fx.clock.instant())
                .lastFollowUpAt(fx.clock.instant()).locked(true)
                .teamMembers(List.of(new TeamMember(BOB, TeamAccess.READ_ONLY)))
                .customFields(CustomFields.of(Map.of("tier", new CustomValue.Text("gold")))));
        fx.clock.advance(Duration.ofHours(2));

        AccountCopy copy = commands.copy(actor(BOB), source.id(), "Acme Beijing");

        Account made = copy.account();
        assertThat(made.id()).isNotEqualTo(source.id());
        assertThat(made.name()).isEqualTo("Acme Beijing");
        assertThat(made.level()).isEqualTo("A");
        assertThat(made.source()).isEqualTo("fair");
        assertThat(made.website()).isEqualTo("https://acme.example");
        assertThat(made.addresses()).containsExactly(office);
        assertThat(made.financialInfo()).isEqualTo(invoicing);
        assertThat(made.customFields()).isEqualTo(source.customFields());
        assertThat(made.owner()).isEqualTo(BOB);
        assertThat(made.ownedSince()).isEqualTo(fx.clock.instant());
        assertThat(made.poolId()).isNull();
        assertThat(made.teamMembers()).isEmpty();
        assertThat(made.locked()).isFalse();
        assertThat(made.voided()).isFalse();
        assertThat(made.dealStatus()).isEqualTo(DealStatus.NOT_YET);
        assertThat(made.lastDealAt()).isNull();
        assertThat(made.lastFollowUpAt()).isNull();
        assertThat(made.phone()).isNull();
        assertThat(made.email()).isNull();
        assertThat(made.registryId()).isNull();
        assertThat(made.createdAt()).isEqualTo(fx.clock.instant());
        assertThat(copy.warnings()).isEmpty();
        assertThat(fx.stored(made)).isEqualTo(made);
        assertThat(fx.stored(source)).isEqualTo(source);
        ChangeLogEntry entry = fx.accountLog(made).get(0);
        assertThat(entry.action()).isEqualTo("account.copy");
        assertThat(entry.reason()).contains(source.id().value());
    }

    @Test
    void copyUnderTheSourcesNameIsADuplicateUnderBlock() {
        Account source = fx.owned(ALICE);
        long before = fx.accountCount();

        assertThatThrownBy(() -> commands.copy(actor(ALICE), source.id(), source.name()))
                .isInstanceOfSatisfying(DuplicateBlockedException.class,
                        e -> assertThat(e.rule()).isEqualTo("account.duplicate"));
        assertThat(fx.accountCount()).isEqualTo(before);
    }

    @Test
    void copyRefusesStrangersAndMissingNames() {
        Account source = fx.owned(ALICE);
        long before = fx.accountCount();

        assertThatThrownBy(() -> commands.copy(actor(DAVE), source.id(), "Other"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> commands.copy(actor(ALICE), source.id(), "  "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).contains("name"));
        assertThat(fx.accountCount()).isEqualTo(before);
    }

    @Test
    void ownerVoidsAndRestores() {
        Account account = fx.owned(ALICE);
        fx.clock.advance(Duration.ofMinutes(1));

        Account voided = commands.voidAccount(actor(ALICE), account.id(), "closed down");
        assertThat(voided.voided()).isTrue();
        assertThat(voided.updatedAt()).isEqualTo(fx.clock.instant());
        ChangeLogEntry entry = fx.accountLog(account).get(0);
        assertThat(entry.action()).isEqualTo("account.void");
        assertThat(entry.reason()).isEqualTo("closed down");
        assertThatThrownBy(() -> commands.voidAccount(actor(ALICE), account.id(), null))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.voided"));

        Account restored = commands.restoreFromBin(actor(BOSS), account.id());
        assertThat(restored.voided()).isFalse();
        assertThat(fx.accountLog(account).get(0).action()).isEqualTo("account.restore-from-bin");
        assertThatThrownBy(() -> commands.restoreFromBin(actor(ALICE), account.id()))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.rule()).isEqualTo("account.not-voided"));
    }

    @Test
    void strangersMayNeitherVoidNorRestore() {
        Account account = fx.owned(ALICE);
        assertThatThrownBy(() -> commands.voidAccount(actor(BOB), account.id(), null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(fx.stored(account)).isEqualTo(account);

        Account voided = commands.voidAccount(actor(ALICE), account.id(), null);
        assertThatThrownBy(() -> commands.restoreFromBin(actor(POOL_ADMIN), account.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(fx.stored(account)).isEqualTo(voided);
        assertThat(fx.accountLog(account)).hasSize(2);
    }
}
