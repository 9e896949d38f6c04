package org.sociallearning.impact.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.publish.DatabaseSinkException;
import org.sociallearning.impact.publish.PostgresSink;
import org.sociallearning.impact.publish.ResultTables;
import org.sociallearning.impact.publish.StageLog;
import org.sociallearning.impact.schemas.TableContract;

/**
 * After publishing: the published run's tables, read back from its folder so the database holds
 * exactly what the files hold, written to {@code output.jdbc} in one transaction.
 */
public final class DatabaseLoad {

  private DatabaseLoad() {}

  public static void run(
      SparkSession spark, PostgresSink database, Path run, StageLog log, String schema) {
    StageLog.Timer t = log.start();
    List<PostgresSink.Table> tables = new ArrayList<>();
    List<String> unpublished = new ArrayList<>();
    try {
      for (String table : ResultTables.PUBLISHED) {
        if (Files.isDirectory(run.resolve(table))) {
          tables.add(
              new PostgresSink.Table(
                  TableContract.load(table), ResultTables.read(spark, table, run)));
        } else {
          unpublished.add(table);
        }
      }
    } catch (RuntimeException e) {
      throw new DatabaseSinkException(
          "database sink: cannot read the published tables back from "
              + run
              + ": "
              + e.getMessage(),
          e);
    }
    PostgresSink.Result loaded = database.load(run.getFileName().toString(), tables, unpublished);
    t.finish("database " + schema, loaded.rows(), loaded.tables());
  }
}
