package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelCsvTest {

  @TempDir Path dir;

  @Test
  void readsRStyleQuotedHeadersMissingOutcomesAndGaps() throws IOException {
    Path file =
        write(
            "\uFEFF\"year\",\"id\",\"first.treat\",\"y\"\n"
                + "2005,b,0,1.5\n"
                + "2004,a,2005,NA\n"
                + "2005,a,2005,2.0\n"
                + "\n"
                + "2004,b,0,\n"
                + "2006,b,0,3\n");
    Panel panel = PanelCsv.read(file, "id", "year", "first.treat", "y");
    assertArrayEquals(new int[] {2004, 2005, 2006}, panel.periods());
    assertArrayEquals(new String[] {"b", "a"}, panel.unitIds());
    assertArrayEquals(new int[] {0, 2005}, panel.unitGroup());
    assertArrayEquals(new double[] {Double.NaN, 1.5, 3.0}, panel.outcome()[0]);
    assertArrayEquals(new double[] {Double.NaN, 2.0, Double.NaN}, panel.outcome()[1]);
  }

  @Test
  void duplicateUnitPeriodNamesBothLines() throws IOException {
    Path file = write("id,t,g,y\n1,1,0,5\n1,2,0,6\n\n1,1,0,7\n");
    String message = failure(file);
    assertTrue(message.contains("line 5"), message);
    assertTrue(
        message.contains("duplicate row for id '1' and time 1 (first seen on line 2)"), message);
    assertTrue(message.contains(file.toString()), message);
  }

  @Test
  void missingColumnIsNamedWithTheAvailableOnes() throws IOException {
    Path file = write("id,t,g,y\n1,1,0,5\n");
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> PanelCsv.read(file, "id", "t", "first.treat", "y"))
            .getMessage();
    assertTrue(message.contains("column 'first.treat' not found"), message);
    assertTrue(message.contains("available columns: id, t, g, y"), message);
  }

  @Test
  void nonNumericValuesNameLineAndColumn() throws IOException {
    assertTrue(
        failure(write("id,t,g,y\n1,1,0,5\n1,2004-02,0,6\n"))
            .contains("line 3 column 't': expected a whole number, found '2004-02'"));
    assertTrue(
        failure(write("id,t,g,y\n1,1,NA,5\n"))
            .contains(
                "line 2 column 'g': expected a whole number, found 'NA' (use 0 for never treated)"));
    assertTrue(failure(write("id,t,g,y\n1,1.5,0,5\n")).contains("line 2 column 't'"));
    assertTrue(
        failure(write("id,t,g,y\n1,1,0,five\n"))
            .contains("line 2 column 'y': expected a number or NA, found 'five'"));
  }

  @Test
  void groupMustNotChangeWithinAUnit() throws IOException {
    String message = failure(write("id,t,g,y\n1,1,3,5\n1,2,4,6\n"));
    assertTrue(
        message.contains("line 3 column 'g': unit '1' has group 4 but had 3 on line 2"), message);
  }

  @Test
  void structuralProblemsAreReported() throws IOException {
    assertTrue(failure(write("id,t,g,y\n")).contains("no data rows"));
    assertTrue(
        failure(write("id,t,g,y\n1,1,0\n")).contains("line 2: has 3 fields, the header has 4"));
    String missing = failure(dir.resolve("absent.csv"));
    assertTrue(missing.contains("absent.csv not found"), missing);
  }

  @Test
  void readsTheMpdtaReferencePanel() {
    Panel panel = MpdtaReference.panel();
    assertEquals(500, panel.unitCount());
    assertArrayEquals(new int[] {2003, 2004, 2005, 2006, 2007}, panel.periods());
  }

  private String failure(Path file) {
    return assertThrows(
            IllegalArgumentException.class, () -> PanelCsv.read(file, "id", "t", "g", "y"))
        .getMessage();
  }

  private Path write(String content) throws IOException {
    Path file = Files.createTempFile(dir, "panel", ".csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
