package io.crmkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.crmkit.core.lead.LeadId;
import io.crmkit.core.money.Discount;
import io.crmkit.core.money.Money;
import io.crmkit.core.money.PricedLine;
import io.crmkit.core.money.UnitPrice;
import io.crmkit.core.record.CustomFields;
import io.crmkit.core.record.CustomValue;
import io.crmkit.core.record.RecordId;
import io.crmkit.core.record.RecordRef;
import io.crmkit.core.record.RecordType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public record, enum and sealed type of the model survives a JSON round trip through
 * {@link CrmJackson}'s mapper unchanged, without class names in the JSON. Types are found by class
 * import, instances built by {@link ModelSamples}; a model type for which no valid instance can be
 * built fails here by name, so none slips through untested.
 */
class ModelJsonRoundTripTest {
    private static final ObjectMapper MAPPER = CrmJackson.newObjectMapper();

    /**
     * Hand-made samples, used instead of generated ones. Register a type here only when the generic
     * search cannot satisfy its invariants, and say why.
     */
    static final Map<Class<?>, Supplier<?>> SAMPLES = Map.of(
            // Readable values at the currency scale, as in the documentation of the JSON format.
            Money.class, () -> Money.of("12.50", "CNY"),
            UnitPrice.class, () -> UnitPrice.of("10", "CNY"),
            // The generic BigDecimal (2) is outside a discount's [0, 1].
            Discount.class, () -> Discount.multiplier("0.9"),
            // The amount must be sales price × quantity: 10 × 2 = 20.00.
            PricedLine.class, () -> new PricedLine(new BigDecimal("2"),
                    UnitPrice.of("10", "CNY"), UnitPrice.of("10", "CNY"), Money.of("20.00", "CNY")));

    /**
     * Further values the search may try, so records with totals over lines can add up: one
     * {@link PricedLine} sample is 20.00, and 20.00 × 0.9 = 18.00.
     */
    static final Map<Class<?>, List<?>> MORE_CANDIDATES = Map.of(
            Money.class, List.of(Money.of("20.00", "CNY"), Money.of("18.00", "CNY"), Money.of("0.00", "CNY")),
            Discount.class, List.of(Discount.NONE));

    private static final ModelSamples SAMPLER = new ModelSamples(SAMPLES, MORE_CANDIDATES);

    @TestFactory
    Stream<DynamicTest> everyModelRecordRoundTrips() {
        return ModelTypes.records().stream().map(type -> dynamicTest(ModelTypes.shortName(type), () -> {
            Object sample = sampleOf(type);
            String json = MAPPER.writeValueAsString(sample);
            assertThat(json).as("JSON of %s", type.getName()).doesNotContain("@class");
            assertThat(MAPPER.readValue(json, type)).as("%s read back from %s", type.getName(), json).isEqualTo(sample);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyModelEnumConstantRoundTrips() {
        return ModelTypes.enums().stream().map(type -> dynamicTest(ModelTypes.shortName(type), () -> {
            for (Object constant : type.getEnumConstants()) {
                String json = MAPPER.writeValueAsString(constant);
                assertThat(MAPPER.readValue(json, type)).as("%s.%s read back from %s", type.getName(), constant, json).isSameAs(constant);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySealedTypeRoundTripsEachPermittedSubtypeThroughTheSealedType() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> sealed : ModelTypes.sealedTypes()) {
            for (Class<?> subtype : ModelSamples.permittedLeaves(sealed)) {
                tests.add(dynamicTest(ModelTypes.shortName(sealed) + " as " + subtype.getSimpleName(), () -> {
                    Object sample = sampleOf(subtype);
                    String json = MAPPER.writerFor(sealed).writeValueAsString(sample);
                    assertThat(json).as("JSON of %s", subtype.getName()).doesNotContain("@class");
                    assertThat(MAPPER.readValue(json, sealed)).as("%s read back from %s", sealed.getName(), json)
                            .isEqualTo(sample);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everySealedTypeNamesItsSubtypesAndRejectsOtherTypeIds() {
        return ModelTypes.sealedTypes().stream().map(sealed -> dynamicTest(ModelTypes.shortName(sealed), () -> {
            JsonTypeInfo info = sealed.getAnnotation(JsonTypeInfo.class);
            assertThat(info).as("%s needs @JsonTypeInfo(use = NAME) with @JsonSubTypes", sealed.getName()).isNotNull();
            assertThat(info.use()).as("type ids of %s must be names, never class names", sealed.getName())
                    .isIn(JsonTypeInfo.Id.NAME, JsonTypeInfo.Id.SIMPLE_NAME);
            String property = info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
            for (String typeId : List.of("java.lang.ProcessBuilder", "no-such-kind")) {
                String json = MAPPER.writeValueAsString(Map.of(property, typeId));
                assertThatThrownBy(() -> MAPPER.readValue(json, sealed)).as("%s from %s", sealed.getName(), json).isInstanceOf(InvalidTypeIdException.class);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyTypedIdIsAPlainString() {
        return ModelTypes.records().stream().filter(RecordId.class::isAssignableFrom)
                .map(type -> dynamicTest(ModelTypes.shortName(type), () -> {
                    RecordId id = (RecordId) sampleOf(type);
                    assertThat(MAPPER.writeValueAsString(id)).as("JSON of %s", type.getName()).isEqualTo("\"" + id.value() + "\"");
                }));
    }

    @Test
    void discoveryFindsTheModelAndLeavesOutMachinery() {
        // Guards the tests above against passing vacuously on an empty or wrong import.
        assertThat(ModelTypes.records()).contains(Money.class, PricedLine.class, LeadId.class, CustomValue.Text.class,
                CustomFields.class, RecordRef.class);
        assertThat(ModelTypes.enums()).contains(RecordType.class);
        assertThat(ModelTypes.sealedTypes()).contains(CustomValue.class);
        assertThat(ModelTypes.records()).noneMatch(c -> c.getPackageName().matches(".*\\.(internal|error|validation|json)(\\..*)?"));
        assertThat(ModelTypes.records()).noneMatch(c -> c.getName().endsWith("Test") || c.getName().contains("Test$"));
    }

    @Test
    void everyCustomValueKindIsCovered() {
        assertThat(SAMPLER.samplesPerPermittedSubtype(CustomValue.class).keySet()).containsExactlyInAnyOrder(
                CustomValue.Text.class, CustomValue.Number.class, CustomValue.Flag.class, CustomValue.Date.class,
                CustomValue.Timestamp.class, CustomValue.Amount.class, CustomValue.Choice.class, CustomValue.Choices.class);
    }

    @Test
    void aCustomValueNamingAJavaClassIsRejected() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"type\":\"java.lang.ProcessBuilder\",\"command\":[\"calc\"]}", CustomValue.class))
                .isInstanceOf(InvalidTypeIdException.class);
        // Also inside custom fields, where hosts' JSON actually arrives.
        assertThatThrownBy(() -> MAPPER.readValue("{\"x\":{\"type\":\"java.lang.ProcessBuilder\",\"command\":[\"calc\"]}}",
                CustomFields.class)).isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void aCustomValueOfAnUnknownKindIsRejected() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"type\":\"password\",\"value\":\"x\"}", CustomValue.class))
                .isInstanceOf(InvalidTypeIdException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"value\":\"x\"}", CustomValue.class))
                .as("a value without kind").isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void aCustomValueIsWrittenWithItsKindName() throws JsonProcessingException {
        assertThat(MAPPER.writerFor(CustomValue.class).writeValueAsString(new CustomValue.Amount(Money.of("12.50", "CNY"))))
                .isEqualTo("{\"type\":\"amount\",\"value\":{\"amount\":\"12.50\",\"currency\":\"CNY\"}}");
    }

    @Test
    void moneyIsItsAmountAsExactTextAndItsCurrencyCode() throws JsonProcessingException {
        assertThat(MAPPER.writeValueAsString(Money.of("12.50", "CNY"))).isEqualTo("{\"amount\":\"12.50\",\"currency\":\"CNY\"}");
        // No scientific notation, no loss past a double's 15-17 digits.
        Money large = Money.of("12345678901234567890.10", "CNY");
        String json = MAPPER.writeValueAsString(large);
        assertThat(json).isEqualTo("{\"amount\":\"12345678901234567890.10\",\"currency\":\"CNY\"}");
        assertThat(MAPPER.readValue(json, Money.class)).isEqualTo(large);
        assertThat(MAPPER.writeValueAsString(Money.of("1000", "JPY"))).isEqualTo("{\"amount\":\"1000\",\"currency\":\"JPY\"}");
    }

    @Test
    void moneyIsReadFromANumberToo() throws JsonProcessingException {
        // Clients that send numbers are accepted; the scale comes from the currency.
        assertThat(MAPPER.readValue("{\"amount\":12.5,\"currency\":\"CNY\"}", Money.class)).isEqualTo(Money.of("12.50", "CNY"));
    }

    @Test
    void moneyFinerThanItsCurrencyIsRejectedOnRead() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"amount\":\"12.505\",\"currency\":\"CNY\"}", Money.class))
                .hasRootCauseInstanceOf(io.crmkit.core.error.ValidationException.class);
    }

    @Test
    void aDiscountIsItsMultiplierAsText() throws JsonProcessingException {
        assertThat(MAPPER.writeValueAsString(Discount.multiplier("0.9"))).isEqualTo("{\"multiplier\":\"0.9\"}");
        assertThat(MAPPER.writeValueAsString(Discount.zhe("8.5"))).isEqualTo("{\"multiplier\":\"0.85\"}");
        assertThat(MAPPER.readValue("{\"multiplier\":\"0.90\"}", Discount.class)).isEqualTo(Discount.percentOff("10"));
    }

    @Test
    void anIdIsAPlainStringAlsoInsideRecords() throws JsonProcessingException {
        assertThat(MAPPER.writeValueAsString(LeadId.of("lead-1"))).isEqualTo("\"lead-1\"");
        assertThat(MAPPER.readValue("\"lead-1\"", LeadId.class)).isEqualTo(LeadId.of("lead-1"));
        assertThat(MAPPER.writeValueAsString(RecordRef.of(RecordType.LEAD, LeadId.of("lead-1"))))
                .isEqualTo("{\"type\":\"LEAD\",\"id\":\"lead-1\"}");
    }

    @Test
    void anInvalidIdIsRejectedOnRead() {
        assertThatThrownBy(() -> MAPPER.readValue("\"not an id\"", LeadId.class))
                .hasRootCauseInstanceOf(io.crmkit.core.error.ValidationException.class);
    }

    private static Object sampleOf(Class<?> type) {
        try {
            return SAMPLER.sample(type);
        } catch (ModelSamples.SampleException e) {
            throw new AssertionError("no JSON sample for " + type.getName() + ": " + e.getMessage(), e);
        }
    }
}
