package org.sociallearning.impact.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Last hop of the publish step (results -> report): puts the rendered page and PDF on disk as
 * {@code index.html} and {@code impact-report.pdf}. Each write is atomic so someone opening the
 * report while the nightly job runs sees either yesterday's complete file or today's, never half of
 * one.
 */
public final class ReportWriter {

  static final String HTML_FILE = "index.html";
  static final String PDF_FILE = "impact-report.pdf";

  /** The two files written. */
  public record Written(Path html, Path pdf) {}

  private ReportWriter() {}

  /**
   * Renders {@code model} and writes {@code reportDir/index.html} and {@code
   * reportDir/impact-report.pdf}, creating the directory if needed.
   *
   * @return absolute paths of the written files
   */
  public static Written write(ReportModel model, Path reportDir) throws IOException {
    // Render both before writing either, so a rendering failure leaves both old files.
    byte[] html = HtmlReport.render(model).getBytes(StandardCharsets.UTF_8);
    byte[] pdf = PdfReport.render(model);
    Path dir = Files.createDirectories(reportDir.toAbsolutePath());
    return new Written(replace(dir, HTML_FILE, html), replace(dir, PDF_FILE, pdf));
  }

  /** Re-renders the report of a published output folder into its {@code report/} folder. */
  public static Written rewrite(Path outputDir) throws IOException {
    return write(PublishedResults.read(outputDir), outputDir.resolve("report"));
  }

  private static Path replace(Path dir, String name, byte[] content) throws IOException {
    Path target = dir.resolve(name);
    // Same directory as the target so the final move is a rename within one file system.
    // Not Files.createTempFile: that makes the file owner-only (0600), and after the rename
    // the report would be unreadable by the web server; a plain create follows the umask.
    Path temp = dir.resolve("." + name + "-" + UUID.randomUUID() + ".tmp");
    try {
      Files.write(temp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some network shares cannot rename atomically; a plain replace is still
        // better than failing the nightly run.
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }
}
