package org.sociallearning.impact.report;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A minimal HTML writer for the publish step (results -> report) that makes the safe path the
 * only path: tag and attribute names must be plain identifiers written in code, and every text
 * or attribute value goes through {@link HtmlEscape}. There is no method that appends an
 * arbitrary string unescaped; the style sheet is the single exception and must be a constant.
 *
 * <p>Stand-in until the project adopts a real template engine.
 */
final class HtmlBuilder {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> INLINE = Set.of("a", "abbr", "code", "em", "span",
            "strong", "time");

    private final StringBuilder out = new StringBuilder(16 * 1024);

    HtmlBuilder doctype() {
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    /**
     * Opens {@code tag} with attributes given as name/value pairs; values are escaped. A
     * {@code null} value omits the attribute, which keeps optional attributes tidy at call
     * sites.
     */
    HtmlBuilder open(String tag, String... nameValuePairs) {
        out.append('<').append(name(tag));
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must be name/value pairs");
        }
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            if (nameValuePairs[i + 1] != null) {
                out.append(' ').append(name(nameValuePairs[i])).append("=\"")
                        .append(HtmlEscape.attribute(nameValuePairs[i + 1])).append('"');
            }
        }
        out.append('>');
        return this;
    }

    HtmlBuilder close(String tag) {
        out.append("</").append(name(tag)).append('>');
        // Line breaks keep the source readable, but after inline elements they would show up
        // as a space before the following punctuation ("2025-06-30 .").
        if (!INLINE.contains(tag)) {
            out.append('\n');
        }
        return this;
    }

    /** Escaped text content. */
    HtmlBuilder text(String s) {
        out.append(HtmlEscape.text(s));
        return this;
    }

    /** {@code <tag attrs>text</tag>} in one call, the most common shape in the report. */
    HtmlBuilder element(String tag, String text, String... nameValuePairs) {
        return open(tag, nameValuePairs).text(text).close(tag);
    }

    /** A void element such as {@code <meta>} or {@code <img>}, which has no closing tag. */
    HtmlBuilder empty(String tag, String... nameValuePairs) {
        open(tag, nameValuePairs);
        out.append('\n');
        return this;
    }

    /**
     * Inline style sheet. Only for constants compiled into this module; refuses anything that
     * could end the style element early.
     */
    HtmlBuilder style(String constantCss) {
        if (constantCss.toLowerCase(java.util.Locale.ROOT).contains("</")) {
            throw new IllegalArgumentException("style sheet must not contain '</'");
        }
        out.append("<style>\n").append(constantCss).append("</style>\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String name(String n) {
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("not a plain tag or attribute name: " + n);
        }
        return n;
    }
}
