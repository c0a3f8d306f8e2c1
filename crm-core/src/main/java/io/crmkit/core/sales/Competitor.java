package io.crmkit.core.sales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A competitor in an opportunity (竞争对手) and how the seller sees them.
 *
 * @param name the competitor's name, 1 to 200 characters
 * @param strengths their strengths, or {@code null}; at most 2000 characters
 * @param weaknesses their weaknesses, or {@code null}; at most 2000 characters
 * @param note any other remark, or {@code null}; at most 2000 characters
 */
public record Competitor(
        @NotBlank @Size(max = Competitor.MAX_NAME) String name,
        @Size(max = Competitor.MAX_TEXT) String strengths,
        @Size(max = Competitor.MAX_TEXT) String weaknesses,
        @Size(max = Competitor.MAX_TEXT) String note) {

    /** Longest competitor name. */
    public static final int MAX_NAME = 200;

    /** Longest strengths, weaknesses or note. */
    public static final int MAX_TEXT = 2000;

    /** Strips present texts and turns blank ones into {@code null}; content limits are annotations. */
    public Competitor {
        name = name == null ? null : name.strip();
        strengths = strip(strengths);
        weaknesses = strip(weaknesses);
        note = strip(note);
    }

    /** A competitor known only by name. */
    public static Competitor named(String name) {
        return new Competitor(name, null, null, null);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
