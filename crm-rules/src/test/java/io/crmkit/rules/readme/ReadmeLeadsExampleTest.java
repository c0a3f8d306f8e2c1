package io.crmkit.rules.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.core.activity.FollowUpKind;
import io.crmkit.core.error.IllegalTransitionException;
import io.crmkit.core.identity.Actor;
import io.crmkit.core.identity.TenantId;
import io.crmkit.core.identity.UserId;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.tenant.TenantSettings;
import io.crmkit.rules.Crm;
import io.crmkit.rules.TenantSettingsSource;
import io.crmkit.rules.lead.ConversionResult;
import io.crmkit.rules.lead.ConvertLead;
import io.crmkit.rules.lead.NewLead;
import java.io.IOException;



import java.time.ZoneId;

import java.util.Currency;



import org.junit.jupiter.api.Test;

/**
 * The README's "leads" example, compiled and run through {@link Crm}; {@link #readmeShowsThisCode()}
 * fails when the README's copy drifts from this code.
 */
class ReadmeLeadsExampleTest {

    @Test
    void aLeadIsFollowedUpQualifiedAndConverted() {
        // example:leads begin
        Crm crm = Crm.inMemory(TenantSettingsSource.fixed(
                TenantSettings.defaults(ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"))));
        Actor li = Actor.of(TenantId.of("acme"), UserId.of("li.lei"));

        LeadId lead = crm.leads().create(li, new NewLead("Han Meimei", "杭州示例科技有限公司",
                "+86 138 0000 0000", "han@hz-sample.example", "trade-fair", "Wants 500 units by March",
                null, li.userId(), null)).lead().id();
        crm.leads().markFollowingUp(li, lead, FollowUpKind.CALL, "Budget confirmed, decision in two weeks");
        crm.leads().markMql(li, lead, "Budget and timeline confirmed");
        ConversionResult converted = crm.leads().convert(li, lead, ConvertLead.toNewAccount());
        // converted.account(): a new account named after the company; converted.contact(): Han Meimei;
        // the lead is CONVERTED, and every later status action on it is refused.
        // example:leads end

        assertThat(converted.lead().status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.accountCreated()).isTrue();
        assertThat(converted.account().name()).isEqualTo("杭州示例科技有限公司");
        assertThat(converted.contact().name()).isEqualTo("Han Meimei");
        assertThat(converted.followUpsCarriedOver()).isEqualTo(2);
        assertThatThrownBy(() -> crm.leads().markInvalid(li, lead, "changed our mind"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void readmeShowsThisCode() throws IOException {
        ReadmeBlocks.assertReadmeShows("leads", "ReadmeLeadsExampleTest");
    }
}
