package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlEscapeTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;T&amp;C&lt;/a&gt;",
                HtmlEscape.text("<a href=\"x\" title='y'>T&C</a>"));
        assertEquals(HtmlEscape.text("\"'<>&"), HtmlEscape.attribute("\"'<>&"));
    }

    @Test
    void nullIsEmptyAndControlCharactersAreReplaced() {
        assertEquals("", HtmlEscape.text(null));
        assertEquals("a\uFFFDb\tc\n", HtmlEscape.text("a\u0000b\tc\n"));
        assertEquals("Zürich ⚠", HtmlEscape.text("Zürich ⚠"));
    }
}
