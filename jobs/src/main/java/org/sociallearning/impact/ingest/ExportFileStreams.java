package org.sociallearning.impact.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Distributes export files over Spark tasks (whole files: exports with quoted line breaks or JSON
 * arrays cannot be split safely) and opens each through Hadoop's file system API, so the same code
 * reads local paths, HDFS or object stores from any executor. The tasks open files with the
 * session's Hadoop settings (its {@code spark.hadoop.*} keys), sent once per read: a fresh Hadoop
 * configuration per file would ignore them, and parsing its default XML files for every file was a
 * measurable share of reading many small exports.
 */
final class ExportFileStreams {

  /** Parses one opened file into raw rows; {@code file} is the name shown to users. */
  interface FileParser extends Serializable {
    Iterator<Row> parse(String file, InputStream in) throws IOException;
  }

  private ExportFileStreams() {}

  static JavaRDD<Row> rows(SparkSession spark, List<Path> files, Path baseDir, FileParser parser) {
    List<String> uris =
        files.stream().map(f -> f.toAbsolutePath().toUri().toString()).collect(Collectors.toList());
    String base = baseDir.toAbsolutePath().toString();
    int slices = Math.max(1, Math.min(uris.size(), spark.sparkContext().defaultParallelism() * 4));
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> hadoop =
        context.broadcast(new SerializableConfiguration(spark.sessionState().newHadoopConf()));
    return context
        .parallelize(uris, slices)
        .flatMap(
            uri -> {
              org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(uri));
              FileSystem fs = path.getFileSystem(hadoop.value().value());
              String file = InputFiles.displayName(uri, base);
              try {
                return parser.parse(file, fs.open(path));
              } catch (IOException e) {
                // Opening happens in a task: without the file's name the run would end in a bare
                // Spark failure.
                throw new UnreadableExportException(file, 1, e.getMessage());
              }
            });
  }
}
