package io.crmkit.rules.pool;

import io.crmkit.core.account.Account;
import io.crmkit.core.account.DealStatus;
import io.crmkit.core.lead.Lead;
import io.crmkit.core.lead.LeadStatus;
import io.crmkit.core.pool.PoolRules;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place pool records are masked for a non-owner (issue 5, field visibility), for every kind of
 * pool: a field listed in the pool's {@link PoolRules#publicFields()} is kept, every other field is
 * masked the same way whatever the record: texts, times and objects become null, lists empty, flags
 * false, custom fields absent unless listed as {@code custom.<name>}; a required enum reads its
 * neutral value (so a masked value says nothing). Always kept: id, tenant, pool, owner and ownership
 * start (empty on a pool record), version (to claim it) and the creation and change times.
 *
 * <p>Only the field-to-builder mapping is per record type ({@link #account}, {@link #lead}); the
 * decision and the masked values come from this class's helpers alone.
 */
public final class PoolFieldMask {
    private final PoolRules rules;

    private PoolFieldMask(PoolRules rules) {
        this.rules = rules;
    }

    /**
     * The account as a non-owner sees it under {@code rules}. Maskable fields: {@code name},
     * {@code level}, {@code source}, {@code dealStatus} (masked: {@link DealStatus#NOT_YET}),
     * {@code addresses}, {@code financialInfo}, {@code registryId}, {@code phone}, {@code email},
     * {@code website}, {@code teamMembers}, {@code lastFollowUpAt}, {@code lastDealAt},
     * {@code recycleDeferredUntil}, {@code locked}, {@code voided}, {@code custom.<name>}.
     *
     * @return the masked copy
     */
    public static Account account(Account account, PoolRules rules) {
        PoolFieldMask m = new PoolFieldMask(rules);
        return Account.builder()
                .id(account.id())
                .tenantId(account.tenantId())
                .poolId(account.poolId())
                .owner(account.owner())
                .ownedSince(account.ownedSince())
                .version(account.version())
                .createdAt(account.createdAt())
                .updatedAt(account.updatedAt())
                .name(m.keep("name", account.name()))
                .level(m.keep("level", account.level()))
                .source(m.keep("source", account.source()))
                .dealStatus(m.keep("dealStatus", account.dealStatus(), DealStatus.NOT_YET))
                .addresses(m.list("addresses", account.addresses()))
                .financialInfo(m.keep("financialInfo", account.financialInfo()))
                .registryId(m.keep("registryId", account.registryId()))
                .phone(m.keep("phone", account.phone()))
                .email(m.keep("email", account.email()))
                .website(m.keep("website", account.website()))
                .teamMembers(m.list("teamMembers", account.teamMembers()))
                .lastFollowUpAt(m.keep("lastFollowUpAt", account.lastFollowUpAt()))
                .lastDealAt(m.keep("lastDealAt", account.lastDealAt()))
                .recycleDeferredUntil(m.keep("recycleDeferredUntil", account.recycleDeferredUntil()))
                .locked(m.flag("locked", account.locked()))
                .voided(m.flag("voided", account.voided()))
                .customFields(m.custom(account.customFields()))
                .build();
    }

    /**
     * The lead as a non-owner sees it under {@code rules}. Maskable fields: {@code personName},
     * {@code company}, {@code phone}, {@code email}, {@code source}, {@code details},
     * {@code lastFollowUpAt}, {@code locked}, {@code voided}, {@code custom.<name>}, and {@code status}
     * with its life-cycle fields as one group (the model ties them together): public, the status,
     * {@code statusBeforeInvalid}, {@code invalidReason} and the conversion fields are kept; masked, the
     * status reads {@link LeadStatus#NEW} and they are all empty. The match keys follow the masked
     * company, phone and e-mail.
     *
     * @return the masked copy
     */
    public static Lead lead(Lead lead, PoolRules rules) {
        PoolFieldMask m = new PoolFieldMask(rules);
        Lead.Builder masked = Lead.builder()
                .id(lead.id())
                .tenantId(lead.tenantId())
                .poolId(lead.poolId())
                .owner(lead.owner())
                .ownedSince(lead.ownedSince())
                .version(lead.version())
                .createdAt(lead.createdAt())
                .updatedAt(lead.updatedAt())
                .personName(m.keep("personName", lead.personName()))
                .company(m.keep("company", lead.company()))
                .phone(m.keep("phone", lead.phone()))
                .email(m.keep("email", lead.email()))
                .source(m.keep("source", lead.source()))
                .details(m.keep("details", lead.details()))
                .lastFollowUpAt(m.keep("lastFollowUpAt", lead.lastFollowUpAt()))
                .locked(m.flag("locked", lead.locked()))
                .voided(m.flag("voided", lead.voided()))
                .customFields(m.custom(lead.customFields()))
                .status(m.keep("status", lead.status(), LeadStatus.NEW));
        if (rules.isPublic("status")) {
            masked.statusBeforeInvalid(lead.statusBeforeInvalid())
                    .invalidReason(lead.invalidReason())
                    .convertedAccountId(lead.convertedAccountId())
                    .convertedContactId(lead.convertedContactId())
                    .convertedOpportunityId(lead.convertedOpportunityId())
                    .convertedAt(lead.convertedAt());
        }
        return masked.build();
    }

    /** {@code value} if {@code field} is public, otherwise null. */
    private <T> T keep(String field, T value) {
        return keep(field, value, null);
    }

    /** {@code value} if {@code field} is public, otherwise {@code masked}. */
    private <T> T keep(String field, T value, T masked) {
        return rules.isPublic(field) ? value : masked;
    }

    /** {@code value} if {@code field} is public, otherwise empty. */
    private <T> List<T> list(String field, List<T> value) {
        return rules.isPublic(field) ? value : List.of();
    }

    /** {@code value} if {@code field} is public, otherwise false. */
    private boolean flag(String field, boolean value) {
        return rules.isPublic(field) && value;
    }

    /** The custom fields listed as {@code custom.<name>}. */
    private CustomFields custom(CustomFields fields) {
        Map<String, CustomValue> kept = new LinkedHashMap<>();
        fields.values().forEach((name, value) -> {
            if (rules.isPublic("custom." + name)) {
                kept.put(name, value);
            }
        });
        return kept.isEmpty() ? CustomFields.none() : CustomFields.of(kept);
    }
}
