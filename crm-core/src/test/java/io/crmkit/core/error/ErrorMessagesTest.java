package io.crmkit.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The error catalogue: every code has a message in English and Simplified Chinese, the bundles
 * agree, the patterns are valid MessageFormat, the JVM's default locale never leaks in, and each
 * exception type carries the right code and retry advice.
 */
class ErrorMessagesTest {
    private static final String ENGLISH = "/io/crmkit/core/error/CrmMessages.properties";
    private static final String CHINESE = "/io/crmkit/core/error/CrmMessages_zh.properties";

    private static final Properties EN = load(ENGLISH);
    private static final Properties ZH = load(CHINESE);

    // ------------------------------------------------------------------ the catalogue

    @Test
    void everyCodeHasAnEnglishAndAChineseMessage() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(EN.getProperty(code.code())).as("English message for %s", code).isNotBlank();
            assertThat(ZH.getProperty(code.code())).as("Chinese message for %s", code).isNotBlank();
            assertThat(CrmMessages.hasMessage(code.code())).as("bundle lookup of %s", code).isTrue();
        }
    }

    @Test
    void bothBundlesHaveExactlyTheSameKeys() {
        assertThat(new TreeSet<>(ZH.stringPropertyNames())).isEqualTo(new TreeSet<>(EN.stringPropertyNames()));
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();
        assertThat(codes).doesNotHaveDuplicates();
        // Stable machine-readable codes: lower-case words with dots and hyphens, as hosts switch on them.
        assertThat(codes).allMatch(c -> c.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+"), "well-formed");
    }

    @Test
    void everyPatternIsAValidMessageFormatThatShowsAllItsArguments() {
        for (Properties bundle : List.of(EN, ZH)) {
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
                int arguments = format.getFormatsByArgumentIndex().length;
                Object[] values = IntStream.range(0, arguments).mapToObj(i -> "<" + i + ">").toArray();
                String formatted = format.format(values);
                // A lone apostrophe quotes the rest of a MessageFormat pattern and swallows placeholders.
                assertThat(formatted).as("%s = %s", key, pattern).doesNotContain("{").doesNotContain("}");
                for (Object value : values) {
                    assertThat(formatted).as("%s = %s", key, pattern).contains(value.toString());
                }
            }
        }
    }

    @Test
    void translationsUseTheSamePlaceholders() {
        for (String key : EN.stringPropertyNames()) {
            assertThat(placeholders(ZH.getProperty(key))).as("placeholders of %s", key)
                    .isEqualTo(placeholders(EN.getProperty(key)));
        }
    }

    @Test
    void chineseMessagesAreChineseAndDifferFromEnglish() {
        for (String key : EN.stringPropertyNames()) {
            String zh = ZH.getProperty(key);
            assertThat(zh).as(key).isNotEqualTo(EN.getProperty(key));
            assertThat(zh.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN))
                    .as("%s has Chinese characters: %s", key, zh).isTrue();
        }
    }

    // ------------------------------------------------------------------ locales

    @Test
    void theJvmDefaultLocaleNeverLeaksIntoMessages() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            NotFoundException e = new NotFoundException("Lead", "l1");
            // English bundle: "{0} {1} was not found"; Chinese: "未找到{0} {1}".
            assertThat(e.getMessage()).isEqualTo("Lead l1 was not found");
            assertThat(e.getLocalizedMessage()).isEqualTo("Lead l1 was not found");
            assertThat(e.getMessage(Locale.forLanguageTag("fr"))).isEqualTo("Lead l1 was not found");
            assertThat(e.getMessage(Locale.ENGLISH)).isEqualTo("Lead l1 was not found");
            assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).isEqualTo("未找到Lead l1");
            assertThat(CrmMessages.format(Locale.forLanguageTag("fr"), "field.required", "name")).isEqualTo("name is required");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void anyChineseLocaleGetsChinese() {
        NotFoundException e = new NotFoundException("Lead", "l1");
        for (Locale zh : List.of(Locale.CHINESE, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE,
                Locale.forLanguageTag("zh-Hans-CN"))) {
            assertThat(e.getMessage(zh)).as(zh.toLanguageTag()).isEqualTo("未找到Lead l1");
        }
    }

    @Test
    void numbersAreFormattedForTheRequestedLocaleNotTheDefault() {
        Locale saved = Locale.getDefault();
        try {
            // German would write 1.234.567 and a decimal comma.
            Locale.setDefault(Locale.GERMANY);
            ConcurrentModificationException e = new ConcurrentModificationException("Lead", "l1", 1_234_567L);
            assertThat(e.getMessage()).contains("since version 1,234,567 was read");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aMissingKeyShowsTheKeyAndArgumentsRatherThanFailing() {
        assertThat(CrmMessages.format(Locale.ENGLISH, "no.such-key", "a", 1)).isEqualTo("no.such-key [a, 1]");
        assertThat(CrmMessages.format(Locale.SIMPLIFIED_CHINESE, "no.such-key")).isEqualTo("no.such-key");
        assertThat(CrmMessages.hasMessage("no.such-key")).isFalse();
    }

    // ------------------------------------------------------------------ exception types

    private record Expected(Supplier<CrmException> create, ErrorCode code, boolean retryable) {}

    private static final Map<Class<?>, Expected> EXCEPTIONS = Map.of(
            ValidationException.class, new Expected(() -> ValidationException.of("name", ErrorCode.FIELD_REQUIRED),
                    ErrorCode.VALIDATION_FAILED, false),
            NotFoundException.class, new Expected(() -> new NotFoundException("Lead", "l1"), ErrorCode.NOT_FOUND, false),
            ForbiddenException.class, new Expected(() -> new ForbiddenException("u1", "claim", "not a pool member"),
                    ErrorCode.FORBIDDEN, false),
            RuleViolationException.class, new Expected(() -> new RuleViolationException("pool.holding-limit", 50, "holds 50 leads"),
                    ErrorCode.RULE_VIOLATED, false),
            IllegalTransitionException.class, new Expected(() -> new IllegalTransitionException("lead-status", "CONVERTED", "markInvalid"),
                    ErrorCode.ILLEGAL_TRANSITION, false),
            ConcurrentModificationException.class, new Expected(() -> new ConcurrentModificationException("Lead", "l1", 3),
                    ErrorCode.CONCURRENT_MODIFICATION, true),
            StorageUnavailableException.class, new Expected(() -> new StorageUnavailableException("connection lost",
                    new IllegalStateException("socket closed")), ErrorCode.STORAGE_UNAVAILABLE, true));

    @Test
    void eachExceptionTypeCarriesItsCodeAndRetryAdvice() {
        EXCEPTIONS.forEach((type, expected) -> {
            CrmException e = expected.create().get();
            assertThat(e).as(type.getSimpleName()).isExactlyInstanceOf(type).isInstanceOf(RuntimeException.class);
            assertThat(e.code()).as(type.getSimpleName()).isEqualTo(expected.code());
            assertThat(e.isRetryable()).as(type.getSimpleName()).isEqualTo(expected.retryable());
            assertThat(e.getMessage()).as(type.getSimpleName()).isNotBlank().doesNotContain("{")
                    .isNotEqualTo(e.getMessage(Locale.SIMPLIFIED_CHINESE));
            assertThat(e.toString()).as(type.getSimpleName()).contains(expected.code().code()).contains(e.getMessage());
        });
    }

    @Test
    void exceptionsKeepWhatTheCallerNeeds() {
        StorageUnavailableException storage = new StorageUnavailableException("connection lost", new IllegalStateException("x"));
        assertThat(storage.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("x");
        assertThat(storage.getMessage()).isEqualTo("The store is unavailable: connection lost");

        IllegalTransitionException transition = new IllegalTransitionException("lead-status", "CONVERTED", "markInvalid");
        assertThat(transition).isInstanceOf(RuleViolationException.class);
        assertThat(transition.rule()).isEqualTo("lead-status");
        assertThat(transition.from()).isEqualTo("CONVERTED");
        assertThat(transition.action()).isEqualTo("markInvalid");
        // "{0}: {2} is not allowed from {1}"
        assertThat(transition.getMessage()).isEqualTo("lead-status: markInvalid is not allowed from CONVERTED");

        RuleViolationException limit = new RuleViolationException("pool.holding-limit", 50, "holds 50 leads");
        assertThat(limit.limit()).isEqualTo(50);
        assertThat(limit.getMessage()).isEqualTo("Rule pool.holding-limit was violated (limit 50): holds 50 leads");
        assertThat(new RuleViolationException("pool.cooldown", null, "too soon").getMessage())
                .isEqualTo("Rule pool.cooldown was violated (limit -): too soon");

        ForbiddenException forbidden = new ForbiddenException("u1", "claim", "not a pool member");
        assertThat(forbidden.action()).isEqualTo("claim");
        NotFoundException notFound = new NotFoundException("Lead", "l1");
        assertThat(notFound.recordType()).isEqualTo("Lead");
        assertThat(notFound.recordId()).isEqualTo("l1");
    }

    // ------------------------------------------------------------------ validation errors

    @Test
    void aValidationErrorListsEveryViolationAndItsMessageIncludesEach() {
        List<Violation> violations = List.of(
                Violation.of("name", ErrorCode.FIELD_REQUIRED),
                Violation.of("lines[1].quantity", ErrorCode.FIELD_NOT_POSITIVE, "0"),
                Violation.of("remark", ErrorCode.FIELD_TOO_LONG, 500));
        ValidationException e = new ValidationException(violations);

        assertThat(e.violations()).containsExactlyElementsOf(violations);
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.hasViolation("lines[1].quantity", ErrorCode.FIELD_NOT_POSITIVE)).isTrue();
        assertThat(e.hasViolation("lines[1].quantity", ErrorCode.FIELD_REQUIRED)).isFalse();
        assertThat(e.hasViolation("lines", ErrorCode.FIELD_NOT_POSITIVE)).as("exact path only").isFalse();

        assertThat(e.getMessage()).isEqualTo("Validation failed with 3 violation(s): name is required; "
                + "lines[1].quantity must be greater than zero, but was 0; remark must be at most 500 characters long");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            String message = e.getMessage(locale);
            for (Violation v : violations) {
                assertThat(message).as(locale.toLanguageTag()).contains(v.message(locale));
            }
        }
        assertThat(e.getMessage(Locale.SIMPLIFIED_CHINESE)).startsWith("校验失败，共 3 处错误：").contains("name 为必填项");
    }

    @Test
    void aViolationsFieldIsItsFirstArgument() {
        Violation v = Violation.of("lines[2].price", ErrorCode.FIELD_OUT_OF_RANGE, 0, 10, 12);
        assertThat(v.arguments()).containsExactly("lines[2].price", 0, 10, 12);
        assertThat(v.messageKey()).isEqualTo("field.out-of-range");
        assertThat(v.message()).isEqualTo("lines[2].price must be between 0 and 10, but was 12");
        assertThat(v.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("lines[2].price 必须在 0 与 10 之间，实际为 12");
    }

    @Test
    void aSingleViolationErrorNamesItsField() {
        ValidationException e = ValidationException.of("email", ErrorCode.FIELD_INVALID, "not an e-mail address");
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("email");
            assertThat(v.code()).isEqualTo(ErrorCode.FIELD_INVALID);
        });
        assertThat(e.getMessage()).isEqualTo("Validation failed with 1 violation(s): email is invalid: not an e-mail address");
    }

    @Test
    void aValidationErrorNeedsAViolation() {
        assertThatThrownBy(() -> new ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theViolationsCannotBeChangedAfterTheFact() {
        List<Violation> source = new ArrayList<>(List.of(Violation.of("name", ErrorCode.FIELD_REQUIRED)));
        ValidationException e = new ValidationException(source);
        source.add(Violation.of("email", ErrorCode.FIELD_INVALID, "x"));
        assertThat(e.violations()).hasSize(1);
        assertThatThrownBy(() -> e.violations().add(Violation.of("x", ErrorCode.FIELD_REQUIRED)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // ------------------------------------------------------------------ helpers

    private static Set<Integer> placeholders(String pattern) {
        MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
        int count = format.getFormatsByArgumentIndex().length;
        Object[] values = IntStream.range(0, count).mapToObj(i -> "<" + i + ">").toArray();
        String formatted = format.format(values);
        return IntStream.range(0, count).filter(i -> formatted.contains("<" + i + ">")).boxed().collect(Collectors.toSet());
    }

    private static Properties load(String resource) {
        // Read as UTF-8, as ResourceBundle does since Java 9; Properties.load(InputStream) would use ISO-8859-1.
        try (InputStream in = ErrorMessagesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties p = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
