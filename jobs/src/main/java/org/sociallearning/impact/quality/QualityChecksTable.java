package org.sociallearning.impact.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.sociallearning.impact.ingest.CheckResult;

/** The rows of {@code quality/checks}: one per rule and source, in contract order. */
public final class QualityChecksTable {

  public static final String CONTRACT = "quality_checks";

  private QualityChecksTable() {}

  public static List<Row> rows(List<CheckResult> results) {
    List<Row> out = new ArrayList<>();
    for (CheckResult c : results) {
      Double share = c.rowsChecked() == 0 ? null : (double) c.rowsFailing() / c.rowsChecked();
      out.add(
          RowFactory.create(
              c.table(),
              c.rule().name(),
              c.rule().rule(),
              c.rule().severity(),
              c.source(),
              c.format(),
              c.rowsChecked(),
              c.rowsFailing(),
              share,
              c.status(),
              c.rule().description()));
    }
    return out;
  }
}
