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
 * Last hop of the publish step (results -> report): puts the rendered page on disk as
 * {@code index.html}. The write is atomic so someone opening the report while the nightly job
 * runs sees either yesterday's complete page or today's, never half of one.
 */
public final class ReportWriter {

    static final String FILE_NAME = "index.html";

    private ReportWriter() {
    }

    /**
     * Renders {@code model} and writes {@code reportDir/index.html}, creating the directory if
     * needed.
     *
     * @return absolute path of the written file
     */
    public static Path write(ReportModel model, Path reportDir) throws IOException {
        String html = HtmlReport.render(model);
        Path dir = Files.createDirectories(reportDir.toAbsolutePath());
        Path target = dir.resolve(FILE_NAME);
        // Same directory as the target so the final move is a rename within one file system.
        // Not Files.createTempFile: that makes the file owner-only (0600), and after the rename
        // index.html would be unreadable by the web server; a plain create follows the umask.
        Path temp = dir.resolve(".index-" + UUID.randomUUID() + ".html.tmp");
        try {
            Files.writeString(temp, html, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
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
