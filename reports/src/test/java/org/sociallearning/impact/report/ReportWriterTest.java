package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @TempDir Path tmp;

  @Test
  void writesHtmlAndPdfAndNoTempFiles() throws Exception {
    Path dir = tmp.resolve("reports/2025-06-30");
    ReportModel model = ReportFixture.model();

    ReportWriter.Written written = ReportWriter.write(model, dir);

    assertTrue(written.html().isAbsolute());
    assertEquals(dir.toAbsolutePath().resolve("index.html"), written.html());
    assertEquals(dir.toAbsolutePath().resolve("impact-report.pdf"), written.pdf());
    assertEquals(
        HtmlReport.render(model), Files.readString(written.html(), StandardCharsets.UTF_8));
    assertTrue(Files.readString(written.pdf(), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    assertEquals(List.of("impact-report.pdf", "index.html"), listing(dir));
  }

  @Test
  void replacesAnExistingReport() throws Exception {
    Files.writeString(tmp.resolve("index.html"), "yesterday");

    ReportWriter.Written written = ReportWriter.write(ReportFixture.model(), tmp);

    assertTrue(Files.readString(written.html()).startsWith("<!DOCTYPE html>"));
    assertEquals(List.of("impact-report.pdf", "index.html"), listing(tmp));
  }

  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
