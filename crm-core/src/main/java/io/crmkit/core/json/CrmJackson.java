package io.crmkit.core.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The Jackson set-up for the model. Hosts and stores use {@link #newObjectMapper()} (or
 * {@link #configure(ObjectMapper) configure} their own mapper with it) to serialise and deserialise
 * any model type: records, typed ids, {@code Money}, custom fields, rule configurations.
 *
 * <p>What the configuration guarantees:
 * <ul>
 *   <li><b>Exact decimals.</b> {@link BigDecimal}s are written as JSON strings in plain notation
 *       ({@code "12.50"}, never {@code 12.5} or {@code 1.25E+1}), so amounts keep their scale and a
 *       JavaScript client, whose numbers are doubles, cannot lose precision. Untyped numbers (a
 *       target of type {@code Object}) are read as {@code BigDecimal}, never as {@code double}.</li>
 *   <li><b>ISO dates.</b> {@code Instant}, {@code LocalDate}, {@code Duration} and the other
 *       {@code java.time} types are ISO-8601 strings, not epoch numbers.</li>
 *   <li><b>Strict input.</b> Unknown properties and nulls for primitives are errors rather than
 *       being dropped or read as zero.</li>
 *   <li><b>Closed polymorphism.</b> Default typing is off: no class name is ever written to or read
 *       from JSON. The only polymorphic model types are sealed interfaces that name their subtypes
 *       ({@code @JsonTypeInfo(use = NAME)} with {@code @JsonSubTypes}); any other type name in input
 *       is rejected with {@link com.fasterxml.jackson.databind.exc.InvalidTypeIdException}, so JSON
 *       can never make the mapper instantiate a class of its choosing.</li>
 * </ul>
 */
public final class CrmJackson {
    private CrmJackson() {}

    /**
     * A new mapper configured as described in the class documentation.
     *
     * @return a fresh mapper the caller may further configure; thread-safe once configured
     */
    public static ObjectMapper newObjectMapper() {
        return configure(new ObjectMapper());
    }

    /**
     * Configures {@code mapper} for the model: registers the java.time module and
     * {@link CrmJacksonModule} and sets the features described in the class documentation. Use this
     * when the host already has a mapper (for example one its web framework built); call it before
     * the mapper is first used, as Jackson caches serializers.
     *
     * @param mapper the mapper to configure
     * @return {@code mapper}, for chaining
     * @throws NullPointerException if {@code mapper} is null
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(new CrmJacksonModule());

        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

        // Amounts as strings in plain notation: "12.50" keeps the currency scale, and a client whose
        // numbers are IEEE doubles (every JavaScript client) cannot silently round it.
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        mapper.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

        // Unknown properties fail: a misspelt or foreign field must not be dropped silently, because a
        // record read with a field lost and written back would erase data in the store; it also keeps
        // each type's JSON exactly its components, so a computed getter leaking into output is caught.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // A missing version or count must not quietly become 0.
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

        // Never class names in JSON: polymorphism is closed to the named subtypes of sealed types.
        mapper.deactivateDefaultTyping();
        return mapper;
    }
}
