package org.sociallearning.impact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/** CSV outputs open in spreadsheets: hostile text must show as text, numbers stay numbers. */
class SpreadsheetSafeTest {

  @TempDir Path dir;

  @Test
  void formulaTriggersGetAnApostropheAndOtherTextIsUntouched() {
    assertEquals("'=HYPERLINK(\"http://x\")", SpreadsheetSafe.cell("=HYPERLINK(\"http://x\")"));
    assertEquals("'+1+1", SpreadsheetSafe.cell("+1+1"));
    assertEquals("'-2+3", SpreadsheetSafe.cell("-2+3"));
    assertEquals("'@SUM(A1)", SpreadsheetSafe.cell("@SUM(A1)"));
    assertEquals("'\t=1", SpreadsheetSafe.cell("\t=1"));
    assertEquals("'\r=1", SpreadsheetSafe.cell("\r=1"));
    assertEquals("ask-it", SpreadsheetSafe.cell("ask-it"));
    assertEquals("", SpreadsheetSafe.cell(""));
  }

  @Test
  void quarantineValuesAndTableTextAreDefusedButNegativeNumbersAreNot() throws Exception {
    var spark = TestSpark.session();
    List<Row> bad =
        List.of(
            RowFactory.create(
                "service_desk",
                "servicenow-csv",
                "incident.csv",
                7L,
                "priority: not an accepted value",
                "=cmd|' /C calc'!A0"));
    QuarantineFile.write(
        spark.createDataFrame(bad, SparkSchemas.of(TableContract.load("quarantine"))), dir);
    List<String> lines = Files.readAllLines(dir.resolve("quarantine/quarantine.csv"));
    assertEquals(
        "service_desk,servicenow-csv,incident.csv,7,priority: not an accepted value,"
            + "'=cmd|' /C calc'!A0",
        lines.get(1));

    List<Row> rows =
        List.of(RowFactory.create("hours_saved", -0.25, -0.5, 0.1, "hours", "=1+1 injected"));
    ResultTables.write(spark, "value_estimates", rows, dir);
    assertEquals(
        "hours_saved,-0.25,-0.5,0.1,hours,'=1+1 injected",
        Files.readAllLines(dir.resolve("value_estimates.csv")).get(1));
  }
}
