package io.crmkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.AccountId;
import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.activity.FollowUpRecord;
import io.crmkit.core.activity.FollowUpRecordId;
import io.crmkit.core.contact.Contact;
import io.crmkit.core.contact.ContactId;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadPoolId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchKeysTest {
    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final TenantId TENANT = TenantId.of("t1");

    @Test
    void company_names_ignore_legal_forms_case_width_punctuation_and_spacing() {
        assertThat(MatchKeys.companyKey("杭州示例科技有限公司")).isEqualTo("杭州示例科技")
                .isEqualTo(MatchKeys.companyKey("杭州示例科技"))
                .isEqualTo(MatchKeys.companyKey(" 杭州 示例科技 有限 公司 "))
                .isEqualTo(MatchKeys.companyKey("杭州示例科技有限責任公司"))
                .isEqualTo(MatchKeys.companyKey("杭州示例科技股份有限公司"));
        assertThat(MatchKeys.companyKey("ＡＢＣ Co., Ltd.")).isEqualTo("abc")
                .isEqualTo(MatchKeys.companyKey("abc"))
                .isEqualTo(MatchKeys.companyKey("ABC Inc."))
                .isEqualTo(MatchKeys.companyKey("A.B.C. GmbH"))
                .isEqualTo(MatchKeys.companyKey("ABC Company Limited"))
                .isEqualTo(MatchKeys.companyKey("abc corp"))
                .isEqualTo(MatchKeys.companyKey("ABC, LLC"));
        assertThat(MatchKeys.companyKey("示例集团有限公司")).isEqualTo("示例");
        assertThat(MatchKeys.companyKey("Suzhou Example Valves Co., Ltd.")).isEqualTo("suzhouexamplevalves");
        assertThat(MatchKeys.companyKey("ＡＣＭＥ（上海）  Ltd")).isEqualTo(MatchKeys.companyKey("acme(上海)"));
    }

    @Test
    void a_company_key_keeps_what_identifies_the_company() {
        // Latin legal forms are words: "Taco" keeps its "co".
        assertThat(MatchKeys.companyKey("Taco")).isEqualTo("taco");
        assertThat(MatchKeys.companyKey("杭州示例")).isNotEqualTo(MatchKeys.companyKey("上海示例"));
        // A legal form alone is all there is: it stays.
        assertThat(MatchKeys.companyKey("Company")).isEqualTo("company");
        assertThat(MatchKeys.companyKey("集团公司")).isEqualTo("集团");
        assertThat(MatchKeys.companyKey("公司")).isEqualTo("公司");
        // Nothing to identify: no key.
        assertThat(MatchKeys.companyKey(null)).isNull();
        assertThat(MatchKeys.companyKey("  ")).isNull();
        assertThat(MatchKeys.companyKey("—·—")).isNull();
    }

    @Test
    void phones_ignore_separators_width_and_the_chinese_country_code() {
        assertThat(MatchKeys.phoneKey("+86 138-0000-0000")).isEqualTo("13800000000")
                .isEqualTo(MatchKeys.phoneKey("0086 13800000000"))
                .isEqualTo(MatchKeys.phoneKey("13800000000"))
                .isEqualTo(MatchKeys.phoneKey("8613800000000"))
                .isEqualTo(MatchKeys.phoneKey("(+86) 138 0000 0000"))
                .isEqualTo(MatchKeys.phoneKey("１３８００００００００"));
        // Landlines keep their area code, with the trunk 0 that the international form drops.
        assertThat(MatchKeys.phoneKey("0571-88880001")).isEqualTo("057188880001")
                .isEqualTo(MatchKeys.phoneKey("+86 571 8888 0001"))
                .isEqualTo(MatchKeys.phoneKey("+86 (0)571 8888 0001"))
                .isEqualTo(MatchKeys.phoneKey("0086-571-88880001"));
        assertThat(MatchKeys.phoneKey("010-99990005")).isEqualTo(MatchKeys.phoneKey("+86 10 9999 0005"));
        assertThat(MatchKeys.phoneKey("0571-88880001")).isNotEqualTo(MatchKeys.phoneKey("0572-88880001"));
        // Service numbers have no trunk prefix.
        assertThat(MatchKeys.phoneKey("400-800-1234")).isEqualTo(MatchKeys.phoneKey("+86 400 800 1234"));
        // Other countries keep their country code.
        assertThat(MatchKeys.phoneKey("+49 30 1234567")).isEqualTo("+49301234567")
                .isEqualTo(MatchKeys.phoneKey("0049 (30) 123-4567"));
        assertThat(MatchKeys.phoneKey("+1 30 1234567")).isNotEqualTo(MatchKeys.phoneKey("+49 30 1234567"));
        assertThat(MatchKeys.phoneKey("12-34")).isNull();
        assertThat(MatchKeys.phoneKey("n/a")).isNull();
        assertThat(MatchKeys.phoneKey(null)).isNull();
    }

    @Test
    void emails_are_whole_addresses_and_company_domains_exclude_webmail() {
        assertThat(MatchKeys.emailKey(" Li.Lei@ACME.example ")).isEqualTo("li.lei@acme.example");
        assertThat(MatchKeys.emailKey("ｌｉ＠qq.com")).isEqualTo("li@qq.com");
        assertThat(MatchKeys.emailDomainKey("Li.Lei@ACME.example")).isEqualTo("acme.example");
        for (String webmail : List.of("gmail.com", "qq.com", "163.com", "126.com", "outlook.com", "hotmail.com",
                "yahoo.com", "foxmail.com", "sina.com")) {
            assertThat(MatchKeys.emailDomainKey("someone@" + webmail.toUpperCase(java.util.Locale.ROOT)))
                    .as(webmail).isNull();
            assertThat(MatchKeys.isWebmail(webmail)).isTrue();
        }
        assertThat(MatchKeys.emailKey("not-an-address")).isNull();
        assertThat(MatchKeys.emailKey("@acme.example")).isNull();
        assertThat(MatchKeys.emailKey("li@")).isNull();
    }

    @Test
    void person_names_ignore_spacing_case_and_punctuation() {
        assertThat(MatchKeys.personKey("张 三")).isEqualTo("张三").isEqualTo(MatchKeys.personKey("张三"));
        assertThat(MatchKeys.personKey("Zhang·San")).isEqualTo("zhangsan").isEqualTo(MatchKeys.personKey("ZHANG SAN"));
        assertThat(MatchKeys.personKey(" ")).isNull();
    }

    @Test
    void records_always_recompute_their_keys_so_they_are_never_stale() {
        Lead lead = Lead.builder().id(LeadId.of("l1")).tenantId(TENANT).poolId(LeadPoolId.of("p1"))
                .company("ＡＢＣ Co., Ltd.").phone("+86 138-0000-0000").email("Li@ACME.example")
                .createdAt(NOW).updatedAt(NOW).build();
        assertThat(lead.companyKey()).isEqualTo("abc");
        assertThat(lead.phoneKey()).isEqualTo("13800000000");
        assertThat(lead.emailKey()).isEqualTo("li@acme.example");
        assertThat(lead.emailDomainKey()).isEqualTo("acme.example");
        // A copy made through the canonical constructor with stale keys gets fresh ones.
        Lead changed = new Lead(lead.id(), lead.tenantId(), null, "Other GmbH", "13900000000", "x@qq.com", null,
                null, lead.status(), lead.poolId(), null, null, null, null, null, null, null, false, false, null, null, null,
                0, NOW, NOW, "abc", "13800000000", "li@acme.example", "acme.example");
        assertThat(changed.companyKey()).isEqualTo("other");
        assertThat(changed.phoneKey()).isEqualTo("13900000000");
        assertThat(changed.emailKey()).isEqualTo("x@qq.com");
        assertThat(changed.emailDomainKey()).isNull();
        assertThat(lead.toBuilder().company(null).build().companyKey()).isNull();

        Account account = Account.builder().id(AccountId.of("a1")).tenantId(TENANT).name("杭州示例科技有限公司")
                .phone("0571-88880001").email("info@hz.example").owner(UserId.of("u1")).ownedSince(NOW)
                .createdAt(NOW).updatedAt(NOW).build();
        assertThat(account.nameKey()).isEqualTo("杭州示例科技");
        assertThat(account.phoneKey()).isEqualTo("057188880001");
        assertThat(account.emailDomainKey()).isEqualTo("hz.example");
        assertThat(account.toBuilder().name("Acme").build().nameKey()).isEqualTo("acme");

        Contact contact = Contact.builder().id(ContactId.of("c1")).tenantId(TENANT).name("张 三")
                .phones(List.of(" ", "+86 138 0000 0000", "0571-88880001")).email("ZS@qq.com")
                .createdAt(NOW).updatedAt(NOW).build();
        assertThat(contact.nameKey()).isEqualTo("张三");
        assertThat(contact.phoneKey()).as("the main (first) phone").isEqualTo("13800000000");
        assertThat(contact.emailKey()).isEqualTo("zs@qq.com");
        assertThat(contact.toBuilder().phones(List.of()).build().phoneKey()).isNull();

        FollowUpRecord followUp = FollowUpRecord.builder().id(FollowUpRecordId.of("f1")).tenantId(TENANT)
                .target(RecordRef.of(RecordType.LEAD, lead.id())).kind(FollowUpKind.CALL).content("called")
                .occurredAt(NOW).author(UserId.of("u1")).createdAt(NOW).updatedAt(NOW).build();
        assertThat(followUp.targetType()).isEqualTo(RecordType.LEAD);
        assertThat(followUp.targetId()).isEqualTo("l1");
        assertThat(followUp.toBuilder().target(RecordRef.of(RecordType.ACCOUNT, account.id())).build().targetType())
                .isEqualTo(RecordType.ACCOUNT);
    }

    @Test
    void stores_can_filter_on_the_keys() {
        Lead lead = Lead.builder().id(LeadId.of("l1")).tenantId(TENANT).poolId(LeadPoolId.of("p1"))
                .company("ABC Ltd").createdAt(NOW).updatedAt(NOW).build();
        assertThat(RecordFields.kind(Lead.class, "companyKey")).isEqualTo(RecordFields.FieldKind.TEXT);
        assertThat(io.crmkit.core.condition.ConditionEvaluator.matches(
                io.crmkit.core.condition.Condition.eq("companyKey", new CustomValue.Text("abc")), lead, NOW,
                java.time.ZoneOffset.UTC)).isTrue();
        assertThat(RecordFields.kind(FollowUpRecord.class, "targetType")).isEqualTo(RecordFields.FieldKind.TEXT);
    }
}
