package io.crmkit.core.record;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normalised keys duplicate detection compares (查重): two records whose keys are equal are
 * candidates for being the same company, phone, e-mail address or person, however differently
 * they were typed. Leads, accounts and contacts hold their keys as {@link Derived} components, so
 * stores look duplicates up with plain equality conditions on indexed values instead of loading
 * records.
 *
 * <p>Every key is a pure function of the text, independent of the JVM's locale, and idempotent:
 * the key of a key is the key itself. A key is {@code null} when the text is empty or says nothing
 * that could identify anything (a company name of punctuation only, a phone number of fewer than
 * {@value #MIN_PHONE_DIGITS} digits, an e-mail address without {@code @}).
 */
public final class MatchKeys {
    /** Phone numbers with fewer digits than this get no key: too short to identify anyone. */
    public static final int MIN_PHONE_DIGITS = 5;

    /**
     * Mail domains of public mailbox providers (webmail). An address there identifies a person, but
     * its domain says nothing about the company; see {@link #emailDomainKey(String)}.
     */
    public static final Set<String> WEBMAIL_DOMAINS = Set.of(
            "qq.com", "vip.qq.com", "foxmail.com", "163.com", "vip.163.com", "126.com", "yeah.net",
            "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "139.com", "189.cn", "wo.cn", "aliyun.com",
            "tom.com", "21cn.com", "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
            "msn.com", "yahoo.com", "yahoo.com.cn", "yahoo.co.jp", "icloud.com", "me.com", "mac.com",
            "aol.com", "mail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "yandex.ru", "mail.ru",
            "protonmail.com", "proton.me", "zoho.com", "naver.com", "daum.net");

    /**
     * Legal-form words dropped from the end of a company name when they stand as words of their own:
     * {@code Co., Ltd.}, {@code Inc}, {@code GmbH}, ... ({@code Group} too, like 集团).
     */
    static final Set<String> LATIN_SUFFIXES = Set.of(
            "co", "company", "corp", "corporation", "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited",
            "gmbh", "ag", "plc", "pte", "pty", "sa", "srl", "sarl", "bv", "nv", "kk", "group");

    /**
     * Legal-form endings dropped from the end of a company name wherever the word boundary falls
     * (Chinese names are not split into words), longest first: 股份有限公司, 有限责任公司, 有限公司,
     * 集团, 公司, ... in simplified and traditional characters.
     */
    static final List<String> CHINESE_SUFFIXES = sortedLongestFirst(
            "股份有限公司", "有限责任公司", "有限責任公司", "有限公司", "股份公司", "集团公司", "集團公司",
            "集团", "集團", "公司");

    /** Punctuation, symbols, separators, white space and control characters: never part of a key. */
    private static final Pattern NOT_KEPT = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\p{C}\\s]+");
    private static final Pattern NON_DIGIT = Pattern.compile("[^0-9]");

    private MatchKeys() {}

    /**
     * The key of a company name: Unicode NFKC (full-width letters, digits and brackets become their
     * ordinary forms), lower case, punctuation, symbols and white space removed, and legal forms
     * dropped from the end, repeatedly: {@code "杭州示例科技有限公司"} and {@code "杭州示例科技"} are
     * {@code 杭州示例科技}; {@code "ＡＢＣ Co., Ltd."} and {@code "abc"} are {@code abc};
     * {@code "示例集团有限公司"} is {@code 示例}. A legal form is never dropped when nothing would
     * remain ({@code "Company"} stays {@code company}).
     *
     * <p>Latin legal forms are dropped only as separate words ({@code "Taco"} keeps its
     * {@code co}); Chinese ones at the end whatever the spacing.
     *
     * @param name a company name, or null
     * @return the key, or null when the name is null or has no letter or digit
     */
    public static String companyKey(String name) {
        String folded = fold(name);
        if (folded == null) {
            return null;
        }
        List<String> words = new ArrayList<>(Arrays.asList(NOT_KEPT.split(folded.strip(), -1)));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) {
            return null;
        }
        while (dropLatinSuffix(words) || dropChineseSuffix(words)) {
            // Repeat until no legal form is left at the end: "集团有限公司" is two of them.
        }
        return Normalizer.normalize(String.join("", words), Normalizer.Form.NFKC);
    }

    /**
     * The key of a person's name: NFKC, lower case, punctuation, symbols and white space removed, so
     * {@code "张 三"} is {@code 张三} and {@code "Zhang·San"} is {@code zhangsan}. Word order is kept.
     *
     * @param name a person's name, or null
     * @return the key, or null when the name is null or has no letter or digit
     */
    public static String personKey(String name) {
        String folded = fold(name);
        if (folded == null) {
            return null;
        }
        String key = Normalizer.normalize(NOT_KEPT.matcher(folded).replaceAll(""), Normalizer.Form.NFKC);
        return key.isEmpty() ? null : key;
    }

    /**
     * The key of a phone number: its digits (after NFKC, so full-width digits count), with the
     * country code handled:
     * <ul>
     *   <li>a Chinese number given internationally ({@code +86 138-0000-0000}, {@code 0086 13800000000},
     *       or {@code 86} before an 11-digit mobile number) is keyed by its national number:
     *       {@code 13800000000}; a landline keeps its area code with the trunk {@code 0}
     *       ({@code +86 571 8888 0001} and {@code 0571-88880001} are both {@code 057188880001});</li>
     *   <li>another country's number given internationally ({@code +49 30 1234567},
     *       {@code 0049 30 1234567}) is {@code +} and its digits, {@code +49301234567} (the same number
     *       written nationally, with that country's trunk prefix, is not recognised as the same);</li>
     *   <li>anything else is its digits, so separators, spaces and brackets never matter.</li>
     * </ul>
     * An extension written after the number becomes part of the digits.
     *
     * @param phone a phone number as typed, or null
     * @return the key, or null when the number has fewer than {@value #MIN_PHONE_DIGITS} digits
     */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String text = Normalizer.normalize(phone, Normalizer.Form.NFKC).strip();
        String digits = NON_DIGIT.matcher(text).replaceAll("");
        String international = null;
        if (text.startsWith("+")) {
            international = digits;
        } else if (digits.startsWith("00")) {
            international = digits.substring(2);
        }
        String national;
        if (international != null) {
            if (!international.startsWith("86")) {
                return international.length() < MIN_PHONE_DIGITS ? null : "+" + international;
            }
            national = international.substring(2);
            if (needsTrunkPrefix(national)) {
                national = "0" + national;
            }
        } else if (digits.length() == 13 && digits.startsWith("861")) {
            national = digits.substring(2);
        } else {
            national = digits;
        }
        return national.length() < MIN_PHONE_DIGITS ? null : national;
    }

    /**
     * The key of an e-mail address: NFKC, stripped and lower-cased, the whole address. Two leads with
     * the same key share one mailbox.
     *
     * @param email an e-mail address, or null
     * @return the key, or null when the text is not of the form {@code local@domain}
     */
    public static String emailKey(String email) {
        if (email == null) {
            return null;
        }
        String key = Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        int at = key.lastIndexOf('@');
        return at <= 0 || at == key.length() - 1 ? null : key;
    }

    /**
     * The company mail domain of an e-mail address: its domain, lower-cased, unless it is a webmail
     * domain ({@link #WEBMAIL_DOMAINS}), where the domain says nothing about the company. Two records
     * with the same company domain (say {@code li@acme.example} and {@code wang@acme.example}) are
     * probably people of one company: a weaker sign of a duplicate than the same address.
     *
     * @param email an e-mail address, or null
     * @return the domain, or null for webmail, a malformed address or null
     */
    public static String emailDomainKey(String email) {
        String key = emailKey(email);
        if (key == null) {
            return null;
        }
        String domain = key.substring(key.lastIndexOf('@') + 1);
        return isWebmail(domain) ? null : domain;
    }

    /** Whether {@code domain} (any case) is a webmail domain of {@link #WEBMAIL_DOMAINS}. */
    public static boolean isWebmail(String domain) {
        return domain != null && WEBMAIL_DOMAINS.contains(domain.strip().toLowerCase(Locale.ROOT));
    }

    /** NFKC, lower case, NFKC again (lower-casing may decompose); null for null or blank. */
    private static String fold(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFKC);
    }

    /** A Chinese landline given with +86 lost its trunk 0; mobiles and 400/800 service numbers have none. */
    private static boolean needsTrunkPrefix(String national) {
        boolean mobile = national.length() == 11 && national.startsWith("1");
        boolean service = national.length() == 10 && (national.startsWith("400") || national.startsWith("800"));
        return !mobile && !service && !national.startsWith("0") && national.length() >= 9;
    }

    private static boolean dropLatinSuffix(List<String> words) {
        int last = words.size() - 1;
        if (last > 0 && LATIN_SUFFIXES.contains(words.get(last))) {
            words.remove(last);
            return true;
        }
        return false;
    }

    private static boolean dropChineseSuffix(List<String> words) {
        String joined = String.join("", words);
        for (String suffix : CHINESE_SUFFIXES) {
            if (joined.length() > suffix.length() && joined.endsWith(suffix)) {
                dropTail(words, suffix.length());
                return true;
            }
        }
        return false;
    }

    /** Removes the last {@code count} characters, across words when the suffix spans a space. */
    private static void dropTail(List<String> words, int count) {
        int left = count;
        while (left > 0) {
            int last = words.size() - 1;
            String word = words.get(last);
            if (word.length() <= left) {
                words.remove(last);
                left -= word.length();
            } else {
                words.set(last, word.substring(0, word.length() - left));
                left = 0;
            }
        }
    }

    private static List<String> sortedLongestFirst(String... suffixes) {
        List<String> sorted = new ArrayList<>(List.of(suffixes));
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(sorted);
    }
}
