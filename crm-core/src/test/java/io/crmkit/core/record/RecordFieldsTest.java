package io.crmkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.error.CrmException;
import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.RecordFields.FieldKind;
import io.crmkit.core.sales.Opportunity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordFieldsTest {
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    private static Account account() {
        return Account.builder().id(AccountId.of("a1")).tenantId(TenantId.of("t1")).name("Acme Ltd").level("A")
                .owner(UserId.of("alice")).ownedSince(T0).lastFollowUpAt(T0.plusSeconds(60)).createdAt(T0).updatedAt(T0)
                .customFields(CustomFields.none().with("region", new CustomValue.Text("East"))
                        .with("budget", new CustomValue.Number(BigDecimal.TEN)))
                .build();
    }

    @Test
    void aStandardFieldIsTheComponentAsTheRecordHoldsIt() {
        Account account = account();
        assertThat(RecordFields.value(account, "name")).isEqualTo("Acme Ltd");
        assertThat(RecordFields.value(account, "level")).isEqualTo("A");
        assertThat(RecordFields.value(account, "owner")).isEqualTo(UserId.of("alice"));
        assertThat(RecordFields.value(account, "dealStatus")).isEqualTo(DealStatus.NOT_YET);
        assertThat(RecordFields.value(account, "lastFollowUpAt")).isEqualTo(T0.plusSeconds(60));
        assertThat(RecordFields.value(account, "lastDealAt")).isNull();
        assertThat(RecordFields.value(account, "locked")).isEqualTo(false);
        assertThat(RecordFields.value(account, "version")).isEqualTo(0L);
        assertThat(RecordFields.value(account, "customFields")).isEqualTo(account.customFields());
    }

    @Test
    void everyComponentOfEveryAccountReadsAsItsAccessorReturns() {
        Account account = account().toBuilder().poolId(io.crmkit.core.pool.PoolId.of("p1")).build();
        for (var component : Account.class.getRecordComponents()) {
            Object expected;
            try {
                expected = component.getAccessor().invoke(account);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            assertThat(RecordFields.value(account, component.getName())).as(component.getName()).isEqualTo(expected);
        }
    }

    @Test
    void aCustomFieldIsItsValueOrNullWhenUnset() {
        Account account = account();
        assertThat(RecordFields.value(account, "custom.region")).isEqualTo(new CustomValue.Text("East"));
        assertThat(RecordFields.value(account, "custom.budget")).isEqualTo(new CustomValue.Number(BigDecimal.TEN));
        assertThat(RecordFields.value(account, "custom.missing")).isNull();
        assertThat(RecordFields.value(account.toBuilder().customFields(null).build(), "custom.region")).isNull();
    }

    @Test
    void aRecordWithoutCustomFieldsReadsThemAsEmptyButDoesNotHaveThem() {
        record Plain(String name) {}
        assertThat(RecordFields.value(new Plain("x"), "custom.region")).isNull();
        assertThat(RecordFields.has(Plain.class, "custom.region")).isFalse();
        assertThatThrownBy(() -> RecordFields.kind(Plain.class, "custom.region"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("custom.region", ErrorCode.CONDITION_INVALID)).isTrue());
    }

    @Test
    void aComponentNamedCustomFieldsOfAnotherTypeIsNotTheCustomFields() {
        record Odd(Map<String, String> customFields) {}
        assertThat(RecordFields.has(Odd.class, "custom.region")).isFalse();
        assertThat(RecordFields.value(new Odd(Map.of("region", "x")), "custom.region")).isNull();
    }

    @Test
    void anUnknownFieldIsAConditionErrorNamingTheFieldAndTheType() {
        assertThatThrownBy(() -> RecordFields.value(account(), "nmae"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasViolation("nmae", ErrorCode.CONDITION_INVALID)).isTrue();
                    assertThat(e.getMessage()).contains("nmae", "Account");
                });
        assertThatThrownBy(() -> RecordFields.kind(Contact.class, "level"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("level", "Contact"));
        assertThat(RecordFields.has(Account.class, "nmae")).isFalse();
        assertThat(RecordFields.has(Account.class, "name")).isTrue();
        assertThat(RecordFields.has(Account.class, "custom.anything")).isTrue();
    }

    @Test
    void kindsOfTheModelsFields() {
        assertThat(RecordFields.kind(Account.class, "id")).isEqualTo(FieldKind.TEXT);
        assertThat(RecordFields.kind(Account.class, "tenantId")).isEqualTo(FieldKind.TEXT);
        assertThat(RecordFields.kind(Account.class, "name")).isEqualTo(FieldKind.TEXT);
        assertThat(RecordFields.kind(Account.class, "dealStatus")).isEqualTo(FieldKind.TEXT);
        assertThat(RecordFields.kind(Account.class, "owner")).isEqualTo(FieldKind.TEXT);
        assertThat(RecordFields.kind(Account.class, "poolId")).isEqualTo(FieldKind.TEXT);
        assertThat(RecordFields.kind(Account.class, "locked")).isEqualTo(FieldKind.FLAG);
        assertThat(RecordFields.kind(Account.class, "version")).isEqualTo(FieldKind.NUMBER);
        assertThat(RecordFields.kind(Account.class, "lastFollowUpAt")).isEqualTo(FieldKind.TIMESTAMP);
        assertThat(RecordFields.kind(Account.class, "addresses")).isEqualTo(FieldKind.UNSUPPORTED);
        assertThat(RecordFields.kind(Account.class, "teamMembers")).isEqualTo(FieldKind.UNSUPPORTED);
        assertThat(RecordFields.kind(Account.class, "financialInfo")).isEqualTo(FieldKind.UNSUPPORTED);
        assertThat(RecordFields.kind(Account.class, "customFields")).isEqualTo(FieldKind.UNSUPPORTED);
        assertThat(RecordFields.kind(Account.class, "custom.region")).isEqualTo(FieldKind.CUSTOM);
        assertThat(RecordFields.kind(Contact.class, "birthday")).isEqualTo(FieldKind.DATE);
        assertThat(RecordFields.kind(Contact.class, "gender")).isEqualTo(FieldKind.TEXT);
        assertThat(RecordFields.kind(Contact.class, "phones")).isEqualTo(FieldKind.UNSUPPORTED);
        assertThat(RecordFields.kind(Opportunity.class, "amount")).isEqualTo(FieldKind.AMOUNT);
        assertThat(RecordFields.kind(Opportunity.class, "expectedCloseDate")).isEqualTo(FieldKind.DATE);
        assertThat(RecordFields.kind(Opportunity.class, "wholeOrderDiscount")).isEqualTo(FieldKind.UNSUPPORTED);
    }

    @Test
    void kindsOfJavaTypes() {
        record AllTypes(String s, DealStatus e, UserId id, Currency c, BigDecimal bd, BigInteger bi, int i, Integer bi2,
                long l, Long bl, short sh, byte by, boolean f, Boolean bf, LocalDate d, Instant t, Money m,
                List<String> list, Set<String> set, Map<String, String> map, CustomValue cv, Object o) {}
        Map<String, FieldKind> expected = Map.ofEntries(
                Map.entry("s", FieldKind.TEXT), Map.entry("e", FieldKind.TEXT), Map.entry("id", FieldKind.TEXT),
                Map.entry("c", FieldKind.TEXT), Map.entry("bd", FieldKind.NUMBER), Map.entry("bi", FieldKind.NUMBER),
                Map.entry("i", FieldKind.NUMBER), Map.entry("bi2", FieldKind.NUMBER), Map.entry("l", FieldKind.NUMBER),
                Map.entry("bl", FieldKind.NUMBER), Map.entry("sh", FieldKind.NUMBER), Map.entry("by", FieldKind.NUMBER),
                Map.entry("f", FieldKind.FLAG), Map.entry("bf", FieldKind.FLAG), Map.entry("d", FieldKind.DATE),
                Map.entry("t", FieldKind.TIMESTAMP), Map.entry("m", FieldKind.AMOUNT),
                Map.entry("list", FieldKind.UNSUPPORTED), Map.entry("set", FieldKind.UNSUPPORTED),
                Map.entry("map", FieldKind.UNSUPPORTED), Map.entry("cv", FieldKind.UNSUPPORTED),
                Map.entry("o", FieldKind.UNSUPPORTED));
        assertThat(AllTypes.class.getRecordComponents()).hasSize(expected.size());
        expected.forEach((field, kind) -> assertThat(RecordFields.kind(AllTypes.class, field)).as(field).isEqualTo(kind));
    }

    @Test
    void anAccessorsCrmExceptionPassesThroughAndAnythingElseIsWrappedTyped() {
        record Refusing(String name) {
            @Override
            public String name() {
                throw ValidationException.of("name", ErrorCode.FIELD_INVALID, "refused");
            }
        }
        record Broken(String name) {
            @Override
            public String name() {
                throw new IllegalStateException("broken accessor");
            }
        }
        assertThatThrownBy(() -> RecordFields.value(new Refusing("x"), "name"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("name", ErrorCode.FIELD_INVALID)).isTrue());
        assertThatThrownBy(() -> RecordFields.value(new Broken("x"), "name"))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FIELD_INVALID);
                    assertThat(e.getMessage()).contains("Broken.name", "broken accessor");
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                });
    }

    @Test
    void nullArgumentsAreValidationErrors() {
        assertThatThrownBy(() -> RecordFields.value(null, "name"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("record", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> RecordFields.value(account(), null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("field", ErrorCode.FIELD_REQUIRED)).isTrue());
        assertThatThrownBy(() -> RecordFields.kind(null, "name")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RecordFields.has(Account.class, null)).isInstanceOf(ValidationException.class);
    }
}
