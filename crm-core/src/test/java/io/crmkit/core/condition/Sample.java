package io.crmkit.core.condition;

import io.crmkit.core.identity.UserId;
import io.crmkit.core.money.Money;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** A record with a field of every kind conditions know, for evaluator tests. Package-private on purpose. */
record Sample(
        String name,
        Level level,
        UserId owner,
        Currency currency,
        BigDecimal score,
        int count,
        long total,
        Integer boxed,
        boolean locked,
        Boolean vip,
        LocalDate birthday,
        Instant lastFollowUpAt,
        Money amount,
        List<String> tags,
        CustomFields customFields) {

    enum Level { A, B }

    static final Instant FOLLOWED_UP = Instant.parse("2026-11-01T10:00:00Z");
    static final LocalDate BIRTHDAY = LocalDate.parse("1990-05-17");

    /** Every field set; custom fields of every kind. */
    static Sample full() {
        Map<String, CustomValue> custom = new java.util.LinkedHashMap<>();
        custom.put("region", new CustomValue.Text("East China"));
        custom.put("budget", new CustomValue.Number(new BigDecimal("10000.00")));
        custom.put("vip", new CustomValue.Flag(true));
        custom.put("since", new CustomValue.Date(LocalDate.parse("2026-01-01")));
        custom.put("seen", new CustomValue.Timestamp(FOLLOWED_UP));
        custom.put("limit", new CustomValue.Amount(Money.of("100.00", "CNY")));
        custom.put("grade", new CustomValue.Choice("A"));
        custom.put("tags", new CustomValue.Choices(List.of("a", "b")));
        custom.put("noTags", new CustomValue.Choices(List.of()));
        return new Sample("Acme Ltd", Level.A, UserId.of("alice"), Currency.getInstance("CNY"),
                new BigDecimal("2.0"), 7, 10_000_000_000L, 3, true, false, BIRTHDAY, FOLLOWED_UP,
                Money.of("1280.50", "CNY"), List.of("x"), CustomFields.of(custom));
    }

    /** Every nullable field empty, no custom fields. */
    static Sample empty() {
        return new Sample(null, null, null, null, null, 0, 0, null, false, null, null, null, null, List.of(),
                CustomFields.none());
    }

    Sample withLastFollowUpAt(Instant at) {
        return new Sample(name, level, owner, currency, score, count, total, boxed, locked, vip, birthday, at,
                amount, tags, customFields);
    }

    Sample withBirthday(LocalDate date) {
        return new Sample(name, level, owner, currency, score, count, total, boxed, locked, vip, date,
                lastFollowUpAt, amount, tags, customFields);
    }

    Sample withAmount(Money money) {
        return new Sample(name, level, owner, currency, score, count, total, boxed, locked, vip, birthday,
                lastFollowUpAt, money, tags, customFields);
    }

    Sample withCustom(String field, CustomValue value) {
        return new Sample(name, level, owner, currency, score, count, total, boxed, locked, vip, birthday,
                lastFollowUpAt, amount, tags, customFields.with(field, value));
    }
}
