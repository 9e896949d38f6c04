package org.sociallearning.impact.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Publish step: writes every quarantined record as {@code quarantine/quarantine.csv} (header always
 * present, so an empty quarantine is visibly empty) in the quarantine contract's shape. Text cells
 * that a spreadsheet would run as formulas are defused ({@link SpreadsheetSafe}).
 */
public final class QuarantineFile {

  private QuarantineFile() {}

  public static Path write(Dataset<Row> quarantine, Path dir) {
    Path folder = dir.resolve("quarantine");
    Path parts = dir.resolve(".quarantine-parts");
    Dataset<Row> safe = quarantine;
    for (String text : new String[] {"source", "format", "file", "reason", "value"}) {
      safe = safe.withColumn(text, SpreadsheetSafe.column(safe.col(text)));
    }
    safe.orderBy("source", "file", "line")
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("header", "true")
        .option("emptyValue", "")
        .csv(parts.toString());
    try {
      Files.createDirectories(folder);
      Path target = folder.resolve("quarantine.csv");
      try (Stream<Path> files = Files.list(parts)) {
        List<Path> csv = files.filter(p -> p.getFileName().toString().endsWith(".csv")).toList();
        if (csv.isEmpty()) {
          Files.writeString(target, "source,format,file,line,reason,value\n");
        } else {
          Files.move(csv.get(0), target);
        }
      }
      StagedOutput.deleteTree(parts);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write quarantine to " + folder + ": " + e.getMessage(), e);
    }
  }
}
