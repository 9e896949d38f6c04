package org.sociallearning.impact.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.sociallearning.impact.TestSpark;

/**
 * Export files are opened in Spark tasks with the session's Hadoop settings ({@code
 * spark.hadoop.*}), not with a fresh Hadoop configuration that knows none of them.
 *
 * <p>Isolated: it changes the shared session's file system for a moment, which a class running
 * beside it (the bad-input corpus reads through the same readers) must not see.
 */
@Isolated
class ExportFileStreamsTest {

  /** The local file system, recording what it opens: set as the session's file system here. */
  public static final class RecordingFileSystem extends RawLocalFileSystem {
    static final List<String> OPENED = Collections.synchronizedList(new ArrayList<>());

    @Override
    public FSDataInputStream open(org.apache.hadoop.fs.Path f, int bufferSize) throws IOException {
      OPENED.add(f.getName());
      return super.open(f, bufferSize);
    }
  }

  @Test
  void tasksOpenFilesWithTheSessionsHadoopSettings(@TempDir Path dir) throws Exception {
    Path export = dir.resolve("export.txt");
    Files.writeString(export, "one\ntwo\n");
    SparkSession spark = TestSpark.session();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    RecordingFileSystem.OPENED.clear();
    String impl = hadoop.get("fs.file.impl");
    String cache = hadoop.get("fs.file.impl.disable.cache");
    hadoop.set("fs.file.impl", RecordingFileSystem.class.getName());
    hadoop.set("fs.file.impl.disable.cache", "true");
    try {
      List<Row> rows =
          ExportFileStreams.rows(spark, List.of(export), dir, ExportFileStreamsTest::lines)
              .collect();
      assertEquals(2, rows.size());
    } finally {
      restore(hadoop, "fs.file.impl", impl);
      restore(hadoop, "fs.file.impl.disable.cache", cache);
    }
    assertEquals(List.of("export.txt"), RecordingFileSystem.OPENED);
  }

  private static Iterator<Row> lines(String file, InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(l -> RowFactory.create(file, l))
          .iterator();
    }
  }

  private static void restore(Configuration conf, String key, String value) {
    if (value == null) {
      conf.unset(key);
    } else {
      conf.set(key, value);
    }
  }
}
