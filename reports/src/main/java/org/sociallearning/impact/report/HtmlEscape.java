package org.sociallearning.impact.report;

/**
 * The one place where strings from the report model become safe HTML; used by the publish
 * step (results -> report) through {@link HtmlBuilder}, which is the only caller that should
 * need it.
 *
 * <p>Community names, labels and warnings come from upstream data that nobody here controls,
 * so everything is escaped, including quotes, which makes the same function safe for text and
 * for double- or single-quoted attribute values.
 */
public final class HtmlEscape {

    private HtmlEscape() {
    }

    /** Escapes text for an element body; {@code null} becomes the empty string. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(isForbiddenControl(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /**
     * Escapes an attribute value. Same rules as {@link #text(String)}; a separate name so call
     * sites say what they mean and the rules can diverge later without hunting for uses.
     */
    public static String attribute(String s) {
        return text(s);
    }

    /** Control characters that are not allowed in HTML text; shown as a replacement mark. */
    private static boolean isForbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}
