package io.crmkit.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Laws of the duplicate-detection keys over generated names and numbers: every key is idempotent, and
 * the variations people actually type (case, full-width characters, white space, legal forms,
 * separators and country codes) never change a key. Inputs are built from a seed, which QuickTheories
 * prints on failure.
 */
class MatchKeysPropertiesTest {
    private static final String LATIN = "abcdefghijklmnopqrstuvwxyz";
    private static final String HAN = "杭州上海北京深圳示例科技贸易电子软件阀门网络信息";
    private static final List<String> LEGAL_FORMS = List.of(" Co., Ltd.", "有限公司", " Inc.", " GmbH", "股份有限公司",
            "集团", " LLC", "有限责任公司", " Corp", " Limited", "(集团)有限公司", "公司");
    private static final String ANYTHING = LATIN + "ABCXYZ" + HAN + "0123456789 ,.()（）－—·&/\t　ＡＢＣ１２３有限公司"
            + "+-@";
    private static final List<String> BLANKS = List.of(" ", "  ", "\t", "\u3000", " \u3000 ");

    @Test
    void every_key_is_idempotent() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            String text = anything(new Random(seed));
            assertIdempotent(MatchKeys::companyKey, text);
            assertIdempotent(MatchKeys::personKey, text);
            assertIdempotent(MatchKeys::phoneKey, text);
            assertIdempotent(MatchKeys::emailKey, text);
            // The domain key maps addresses to domains; it is consistent with the address key instead.
            assertThat(MatchKeys.emailDomainKey(MatchKeys.emailKey(text))).isEqualTo(MatchKeys.emailDomainKey(text));
        });
    }

    @Test
    void generated_company_names_are_idempotent_too() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String name = vary(baseName(random) + LEGAL_FORMS.get(random.nextInt(LEGAL_FORMS.size())), random);
            assertIdempotent(MatchKeys::companyKey, name);
        });
    }

    @Test
    void case_width_and_spacing_never_change_a_company_key() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String base = baseName(random);
            String variant = vary(base, random);
            assertThat(MatchKeys.companyKey(variant)).as("%s vs %s", variant, base).isEqualTo(MatchKeys.companyKey(base));
            assertThat(MatchKeys.personKey(variant)).as("%s vs %s", variant, base).isEqualTo(MatchKeys.personKey(base));
        });
    }

    @Test
    void a_legal_form_never_changes_a_company_key() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String base = baseName(random);
            String withForm = vary(base + LEGAL_FORMS.get(random.nextInt(LEGAL_FORMS.size())), random);
            assertThat(MatchKeys.companyKey(withForm)).as("%s vs %s", withForm, base).isEqualTo(MatchKeys.companyKey(base));
        });
    }

    @Test
    void a_chinese_mobile_number_has_one_key_however_it_is_written() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String national = "1" + (3 + random.nextInt(7)) + digits(random, 9);
            String prefix = List.of("", "+86", "+86 ", "0086", "0086 ", "86", "(+86) ").get(random.nextInt(7));
            String written = widen(prefix + separate(national, random), random);
            assertThat(MatchKeys.phoneKey(written)).as(written).isEqualTo(national);
        });
    }

    @Test
    void a_chinese_landline_keeps_its_area_code_however_it_is_written() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String area = (2 + random.nextInt(8)) + digits(random, random.nextInt(2) + 1);
            if (area.equals("400") || area.equals("800")) {
                area = "10"; // no area code: the prefixes of nationwide service numbers
            }
            String number = (2 + random.nextInt(8)) + digits(random, 6 + random.nextInt(2));
            String written = switch (random.nextInt(4)) {
                case 0 -> "0" + area + "-" + number;
                case 1 -> "+86 " + area + " " + separate(number, random);
                case 2 -> "0086-" + area + "-" + number;
                default -> "(0" + area + ") " + separate(number, random);
            };
            assertThat(MatchKeys.phoneKey(widen(written, random))).as(written).isEqualTo("0" + area + number);
        });
    }

    @Test
    void an_email_key_ignores_case_width_and_surrounding_space() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            String address = word(random, LATIN, 1 + random.nextInt(8)) + "@" + word(random, LATIN, 2 + random.nextInt(6))
                    + ".example";
            String written = BLANKS.get(random.nextInt(BLANKS.size())) + widen(randomCase(address, random), random) + " ";
            assertThat(MatchKeys.emailKey(written)).as(written).isEqualTo(address);
            assertThat(MatchKeys.emailDomainKey(written)).isEqualTo(address.substring(address.indexOf('@') + 1));
        });
    }

    private static void assertIdempotent(UnaryOperator<String> key, String text) {
        String once = key.apply(text);
        assertThat(key.apply(once)).as("key(key(%s)) with key %s", text, once).isEqualTo(once);
    }

    /** One to four words, Latin or Han, separated by single spaces. */
    private static String baseName(Random random) {
        int words = 1 + random.nextInt(4);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                name.append(' ');
            }
            name.append(word(random, random.nextBoolean() ? LATIN : HAN, 2 + random.nextInt(5)));
        }
        return name.toString();
    }

    /**
     * The same name typed differently: letters in random case, characters randomly full-width, each
     * space a random run of white space, white space around it, and spaces between Han characters.
     */
    private static String vary(String name, Random random) {
        StringBuilder out = new StringBuilder(BLANKS.get(random.nextInt(BLANKS.size())));
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ') {
                out.append(BLANKS.get(random.nextInt(BLANKS.size())));
                continue;
            }
            String typed = randomCase(String.valueOf(c), random);
            out.append(random.nextInt(3) == 0 ? widen(typed, random) : typed);
            boolean hanPair = i + 1 < name.length() && isHan(c) && isHan(name.charAt(i + 1));
            if (hanPair && random.nextInt(4) == 0) {
                out.append(BLANKS.get(random.nextInt(BLANKS.size())));
            }
        }
        return out.append(BLANKS.get(random.nextInt(BLANKS.size()))).toString();
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static String randomCase(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(random.nextBoolean() ? String.valueOf(c).toUpperCase(Locale.ROOT) : String.valueOf(c));
        }
        return out.toString();
    }

    /** Printable ASCII characters randomly turned into their full-width forms (U+FF01 to U+FF5E). */
    private static String widen(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            boolean widenable = c > ' ' && c <= '~';
            out.append(widenable && random.nextBoolean() ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }

    /** Digits with random separators between them. */
    private static String separate(String digits, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && random.nextInt(4) == 0) {
                out.append(List.of("-", " ", ".", " - ").get(random.nextInt(4)));
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String digits(Random random, int count) {
        return word(random, "0123456789", count);
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String anything(Random random) {
        return word(random, ANYTHING, random.nextInt(30));
    }
}
