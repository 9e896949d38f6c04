package org.sociallearning.impact.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Frame assertions in the manner of Spark's {@code QueryTest.checkAnswer}: column names first, then
 * rows ignoring order, doubles within a tolerance, with expected and actual printed side by side on
 * failure.
 */
final class FrameAssert {

  static final double TOLERANCE = 1e-9;

  private FrameAssert() {}

  static Object[] row(Object... cells) {
    return cells;
  }

  static void assertFrame(Dataset<Row> actual, List<String> columns, Object[]... expected) {
    assertEquals(columns, Arrays.asList(actual.columns()), "columns");
    List<List<Object>> got = new ArrayList<>();
    for (Row r : actual.collectAsList()) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        cells.add(r.get(i));
      }
      got.add(cells);
    }
    List<List<Object>> want = new ArrayList<>();
    for (Object[] e : expected) {
      want.add(Arrays.asList(e));
    }
    Comparator<List<Object>> order = Comparator.comparing(Object::toString);
    got.sort(order);
    want.sort(order);
    if (!matches(want, got)) {
      StringBuilder diff = new StringBuilder("rows differ (expected | actual):\n");
      for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
        String w = i < want.size() ? want.get(i).toString() : "-";
        String g = i < got.size() ? got.get(i).toString() : "-";
        diff.append(w.equals(g) ? "  " : "! ").append(w).append(" | ").append(g).append('\n');
      }
      fail(diff.toString());
    }
  }

  private static boolean matches(List<List<Object>> want, List<List<Object>> got) {
    if (want.size() != got.size()) {
      return false;
    }
    for (int i = 0; i < want.size(); i++) {
      List<Object> w = want.get(i);
      List<Object> g = got.get(i);
      if (w.size() != g.size()) {
        return false;
      }
      for (int c = 0; c < w.size(); c++) {
        if (!cellMatches(w.get(c), g.get(c))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean cellMatches(Object want, Object got) {
    if (want instanceof Double w && got instanceof Double g) {
      return Math.abs(w - g) <= TOLERANCE * Math.max(1.0, Math.abs(w));
    }
    return want == null ? got == null : want.equals(got);
  }
}
