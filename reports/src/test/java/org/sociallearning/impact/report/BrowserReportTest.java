package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the rendered report in headless Chromium: no console errors (a blocked fetch or a broken
 * image would log one under the page's content security policy), every image decoded with a size,
 * the hostile community name shown as text and no script anywhere. Skips only on a developer
 * machine without Chromium; in CI (variable CI set) a missing browser fails.
 */
class BrowserReportTest {

  private static final String PROBE =
      """
            JSON.stringify({
              images: Array.from(document.querySelectorAll('img, svg')).map(e => {
                const r = e.getBoundingClientRect();
                return {tag: e.tagName, width: r.width, height: r.height,
                        natural: e.tagName === 'IMG' ? e.naturalWidth : -1,
                        alt: e.getAttribute('alt') || ''};
              }),
              scripts: document.querySelectorAll('script').length,
              text: document.body.innerText,
              viewport: {width: window.innerWidth, height: window.innerHeight},
              summaryBottom: document.querySelector('table.summary').getBoundingClientRect().bottom,
              notes: Array.from(document.querySelectorAll('ul.notes > li, .warning'))
                  .map(e => Array.from(e.childNodes).filter(n => n.nodeName !== 'DETAILS')
                      .map(n => n.textContent).join('').trim()),
              contrast: Array.from(document.querySelectorAll('.grade, p, td, th, li, figcaption'))
                  .map(e => {
                    const rgb = c => c.match(/[0-9.]+/g).slice(0, 3).map(Number);
                    const lum = c => {
                      const v = rgb(c).map(x => x / 255)
                          .map(x => x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));
                      return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
                    };
                    let bg = e, back = 'rgba(0, 0, 0, 0)';
                    while (bg && (back = getComputedStyle(bg).backgroundColor) === 'rgba(0, 0, 0, 0)') {
                      bg = bg.parentElement;
                    }
                    if (!bg) back = 'rgb(255, 255, 255)';
                    const a = lum(getComputedStyle(e).color), b = lum(back);
                    return {text: e.textContent.trim().slice(0, 40),
                            ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
                  })
            })""";

  @TempDir Path tmp;

  @Test
  void reportLoadsCleanlyWithSizedImagesAndEscapedNames() throws Exception {
    Optional<Path> chromium = HeadlessChromium.find();
    if (chromium.isEmpty()) {
      assertNull(
          System.getenv("CI"),
          "chromium is not installed, and CI is set: .ci/run"
              + " installs it (apt-get install chromium)");
      Assumptions.abort(
          "chromium is not installed: skipping the browser check (Debian:"
              + " apt-get install chromium)");
    }
    ReportWriter.Written written =
        ReportWriter.write(ReportFixture.gradedModel(), tmp.resolve("report"));

    try (HeadlessChromium browser = new HeadlessChromium(chromium.get(), tmp.resolve("profile"))) {
      browser.load(written.html().toUri().toString());
      JsonNode page = new ObjectMapper().readTree(browser.evaluate(PROBE).asText());

      assertEquals(List.of(), browser.errors());
      assertEquals(0, page.path("scripts").asInt());
      JsonNode images = page.path("images");
      assertEquals(11, images.size(), images.toString());
      for (JsonNode image : images) {
        assertTrue(
            image.path("width").asDouble() > 0 && image.path("height").asDouble() > 0,
            "sized: " + image);
        assertTrue(image.path("natural").asInt() > 0, "decoded: " + image);
        assertTrue(image.path("alt").asText().length() > 40, "alt text: " + image);
      }
      assertEquals(
          1280, page.path("viewport").path("width").asInt(), page.path("viewport").toString());
      assertTrue(
          page.path("summaryBottom").asDouble() <= page.path("viewport").path("height").asInt(),
          "page one's table in the first screen: bottom at " + page.path("summaryBottom"));
      List<String> notes = new java.util.ArrayList<>();
      page.path("notes").forEach(n -> notes.add(n.asText()));
      assertTrue(notes.size() >= 2, notes.toString());
      assertEquals(
          notes.size(), new java.util.HashSet<>(notes).size(), "no note said twice: " + notes);
      for (JsonNode c : page.path("contrast")) {
        assertTrue(c.path("ratio").asDouble() >= 4.5, "contrast below WCAG AA: " + c);
      }
      String text = page.path("text").asText();
      assertTrue(text.contains("Community: <script>alert(1)</script>"), "shown as text");
      assertTrue(text.contains("resolved tickets 18% faster (95% CI 14% to 22%)"));
    }
  }
}
