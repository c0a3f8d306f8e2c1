package io.crmkit.core.error;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Looks up the human message for a message key in the locale the caller asks for.
 *
 * <p>English is the root bundle; Simplified Chinese is {@code zh}. The lookup never falls back to
 * the JVM's default locale: a server whose default is Chinese still answers an English request in
 * English, and an unknown locale gets English.
 */
public final class CrmMessages {
    /** The resource bundle base name that holds every message of the library. */
    public static final String BUNDLE = "io.crmkit.core.error.CrmMessages";

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private CrmMessages() {}

    /**
     * Formats the message for {@code key} in {@code locale}, filling {@code args} in with
     * {@link MessageFormat} placeholders ({@code {0}}, {@code {1}}, ...).
     *
     * @return the message; the key itself followed by the arguments if no bundle defines it, so a
     *     missing translation is visible rather than fatal
     */
    public static String format(Locale locale, String key, Object... args) {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(key, "key");
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT_LOCALE_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            // A missing translation must not hide the original error: show the key and arguments.
            return args.length == 0 ? key : key + " " + java.util.Arrays.toString(args);
        }
        MessageFormat format = new MessageFormat(pattern, locale);
        return format.format(args);
    }

    /** Whether a message exists for {@code key} in the root (English) bundle. */
    public static boolean hasMessage(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_DEFAULT_LOCALE_FALLBACK).containsKey(key);
    }
}
