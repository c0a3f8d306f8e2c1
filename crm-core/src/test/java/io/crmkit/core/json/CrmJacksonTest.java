package io.crmkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricingPolicy;
import io.crmkit.core.record.CustomValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link CrmJackson} promises about the mapper, independent of any one model type. */
class CrmJacksonTest {
    private final ObjectMapper mapper = CrmJackson.newObjectMapper();

    @Test
    void datesAndDurationsAreIsoStrings() throws JsonProcessingException {
        assertThat(mapper.writeValueAsString(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("\"2026-01-02T03:04:05Z\"");
        assertThat(mapper.writeValueAsString(LocalDate.of(2026, 1, 2))).isEqualTo("\"2026-01-02\"");
        assertThat(mapper.writeValueAsString(Duration.ofHours(36))).isEqualTo("\"PT36H\"");
        assertThat(mapper.readValue("\"2026-01-02T03:04:05.123456789Z\"", Instant.class))
                .isEqualTo(Instant.parse("2026-01-02T03:04:05.123456789Z"));
    }

    @Test
    void bigDecimalsAreStringsInPlainNotationWithTheirScale() throws JsonProcessingException {
        assertThat(mapper.writeValueAsString(new BigDecimal("12.50"))).isEqualTo("\"12.50\"");
        assertThat(mapper.writeValueAsString(new BigDecimal("1E+3"))).isEqualTo("\"1000\"");
        assertThat(mapper.writeValueAsString(new BigDecimal("0.00000001"))).isEqualTo("\"0.00000001\"");
        // 0.1 + 0.2 style precision: 20 significant digits survive unchanged.
        assertThat(mapper.readValue("\"12345678901234567.891\"", BigDecimal.class)).isEqualTo(new BigDecimal("12345678901234567.891"));
    }

    @Test
    void untypedNumbersAreReadAsBigDecimalNeverDouble() throws JsonProcessingException {
        Map<String, Object> read = mapper.readValue("{\"a\":0.1,\"b\":12345678901234567.891}", new TypeReference<>() {});
        assertThat(read.get("a")).isEqualTo(new BigDecimal("0.1"));
        assertThat(read.get("b")).isEqualTo(new BigDecimal("12345678901234567.891"));
    }

    @Test
    void unknownPropertiesAreRejected() {
        assertThatThrownBy(() -> mapper.readValue("{\"amount\":\"1.00\",\"currency\":\"CNY\",\"amuont\":\"2\"}", Money.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("amuont");
    }

    @Test
    void nullForAPrimitiveIsRejectedRatherThanReadAsZero() {
        assertThatThrownBy(() -> mapper.readValue("{\"priceScale\":null,\"quantityScale\":3,\"roundingMode\":\"HALF_UP\"}",
                PricingPolicy.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"flag\",\"value\":null}", CustomValue.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void noClassNameIsWrittenOrHonouredForUntypedValues() throws JsonProcessingException {
        assertThat(mapper.writeValueAsString(Map.of("a", List.of(new BigDecimal("1.0"))))).isEqualTo("{\"a\":[\"1.0\"]}");
        Object read = mapper.readValue("[\"java.lang.ProcessBuilder\",{\"command\":[\"calc\"]}]", Object.class);
        assertThat(read).isInstanceOf(List.class);
    }

    @Test
    void configureSwitchesOffDefaultTypingAHostHadOn() throws JsonProcessingException {
        ObjectMapper host = new ObjectMapper();
        host.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
        assertThat(CrmJackson.configure(host)).isSameAs(host);
        assertThat(host.writeValueAsString(List.of(Money.of("1.00", "CNY")))).doesNotContain("java.").doesNotContain("io.crmkit").doesNotContain("@class");
        assertThat(host.readValue("[\"java.lang.ProcessBuilder\",{\"command\":[\"calc\"]}]", Object.class)).isInstanceOf(List.class);
    }

    @Test
    void configureAppliesEverySettingToAHostMapper() throws JsonProcessingException {
        ObjectMapper host = CrmJackson.configure(new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        assertThat(host.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
        assertThat(host.isEnabled(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)).isTrue();
        assertThat(host.writeValueAsString(Money.of("12.50", "CNY"))).isEqualTo(mapper.writeValueAsString(Money.of("12.50", "CNY")));
        assertThat(host.getRegisteredModuleIds()).contains(CrmJacksonModule.NAME);
    }

    @Test
    void configuringTwiceIsHarmless() throws JsonProcessingException {
        ObjectMapper twice = CrmJackson.configure(CrmJackson.newObjectMapper());
        assertThat(twice.writeValueAsString(Instant.EPOCH)).isEqualTo("\"1970-01-01T00:00:00Z\"");
        assertThat(twice.readValue("{\"type\":\"number\",\"value\":\"1.50\"}", CustomValue.class))
                .isEqualTo(new CustomValue.Number(new BigDecimal("1.50")));
    }

    @Test
    void polymorphicInputNamingAClassIsRejected() {
        assertThatThrownBy(() -> mapper.readValue("{\"type\":\"io.crmkit.core.record.CustomValue$Text\",\"value\":\"x\"}",
                CustomValue.class)).isInstanceOf(InvalidTypeIdException.class);
    }
}
