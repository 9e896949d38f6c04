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
              text: document.body.innerText
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
    ReportWriter.Written written = ReportWriter.write(ReportFixture.model(), tmp.resolve("report"));

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
      String text = page.path("text").asText();
      assertTrue(text.contains("Community: <script>alert(1)</script>"), "shown as text");
      assertTrue(text.contains("resolved tickets 18% faster (95% CI 14% to 22%)"));
    }
  }
}
