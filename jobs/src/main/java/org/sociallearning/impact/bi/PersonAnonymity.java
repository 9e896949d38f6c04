package org.sociallearning.impact.bi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * k-anonymity of the person table ({@code dim_employee}): every combination of the attributes
 * published about a person is shared by at least k people (the run's {@code min_group_size}), so no
 * one can be picked out by combining them, for instance with the roster. The attributes are first
 * generalised for everyone, one step at a time, while some combination is rarer than k (joining
 * month to quarter, job title to its department's only, tenure to two bands, joining quarter to
 * year, intensity left out, location left out); people still in a rarer combination then lose every
 * attribute but whether they took part; if even those are fewer than k, their rows are withheld.
 *
 * <p>The other person table, {@code top_helpers} (only with {@code privacy.name_top_helpers}), has
 * pseudonyms of its own ({@link org.sociallearning.impact.privacy.Pseudonyms#forTable}), so it
 * cannot be joined to this one to add "answers most in community X" to a person's attributes.
 */
public final class PersonAnonymity {

  /** The attributes of a person row that the guarantee covers (all but the key). */
  public static final List<String> ATTRIBUTES =
      List.of(
          "department",
          "job_title",
          "location",
          "tenure_band",
          "participant",
          "joined_month",
          "intensity");

  /** Roster attributes, which read {@link DimEmployee#GENERALISED} when left out (others: null). */
  private static final List<String> NAMED = List.of("department", "job_title", "location");

  /** What a generalisation step did, for the manifest's privacy section. */
  public record Outcome(
      Dataset<Row> people,
      List<String> generalised,
      long suppressedRows,
      long withheldRows,
      long smallestGroup) {}

  private record Step(String description, String column, UnaryOperator<String> value) {}

  private static final List<Step> LADDER =
      List.of(
          new Step("joined_month to quarter", "joined_month", PersonAnonymity::quarter),
          new Step("job_title left out", "job_title", PersonAnonymity::leftOut),
          new Step("tenure_band to <2y or 2y+", "tenure_band", PersonAnonymity::twoBands),
          new Step(
              "joined_month to year", "joined_month", v -> v == null ? null : v.substring(0, 4)),
          new Step("intensity left out", "intensity", v -> null),
          new Step("location left out", "location", PersonAnonymity::leftOut));

  /**
   * Share of people who may lose their attributes (keeping only whether they took part) before the
   * next step generalises everyone's: at most 2%, and at least k people.
   */
  static final double SUPPRESSION_SHARE = 0.02;

  private PersonAnonymity() {}

  /**
   * The people of {@code dim_employee} made k-anonymous over {@link #ATTRIBUTES}. Collects the
   * table to the driver: one row per person (a dimension).
   */
  public static Outcome apply(SparkSession spark, Dataset<Row> people, int k) {
    List<String> columns = Arrays.asList(people.columns());
    List<Object[]> rows = new ArrayList<>();
    for (Row r : people.collectAsList()) {
      Object[] values = new Object[r.size()];
      for (int i = 0; i < r.size(); i++) {
        values[i] = r.get(i);
      }
      rows.add(values);
    }
    int[] qi = ATTRIBUTES.stream().mapToInt(columns::indexOf).toArray();
    List<String> applied = new ArrayList<>();
    // Generalising everyone costs every reader detail: stop once the people left in rarer
    // combinations are few enough to lose their attributes instead.
    long budget = Math.max(k, Math.round(SUPPRESSION_SHARE * rows.size()));
    for (Step step : LADDER) {
      if (inSmallGroups(rows, qi, k) <= budget) {
        break;
      }
      int c = columns.indexOf(step.column());
      rows.forEach(r -> r[c] = step.value().apply((String) r[c]));
      applied.add(step.description());
    }
    Map<List<Object>, Integer> sizes = groupSizes(rows, qi);
    long suppressed = 0;
    int participant = columns.indexOf("participant");
    for (Object[] r : rows) {
      if (sizes.get(key(r, qi)) < k) {
        for (int c : qi) {
          if (c != participant) {
            r[c] = NAMED.contains(columns.get(c)) ? DimEmployee.GENERALISED : null;
          }
        }
        suppressed++;
      }
    }
    sizes = groupSizes(rows, qi);
    List<Object[]> kept = new ArrayList<>();
    for (Object[] r : rows) {
      if (sizes.get(key(r, qi)) >= k) {
        kept.add(r);
      }
    }
    List<Row> out = kept.stream().map(RowFactory::create).toList();
    return new Outcome(
        spark.createDataFrame(out, people.schema()),
        applied,
        suppressed,
        rows.size() - kept.size(),
        kept.isEmpty() ? 0 : smallestGroup(kept, qi));
  }

  /**
   * The number of people in the rarest combination of {@code attributes} among {@code rows} (each
   * row one person's values by column name); 0 without rows. The measure the guarantee is stated
   * in, used on published files too.
   */
  public static long smallestGroup(List<Map<String, String>> rows, List<String> attributes) {
    Map<List<String>, Long> sizes = new HashMap<>();
    for (Map<String, String> r : rows) {
      List<String> key = new ArrayList<>();
      attributes.forEach(a -> key.add(r.get(a)));
      sizes.merge(key, 1L, Long::sum);
    }
    return sizes.values().stream().mapToLong(Long::longValue).min().orElse(0);
  }

  private static long inSmallGroups(List<Object[]> rows, int[] qi, int k) {
    return groupSizes(rows, qi).values().stream().filter(n -> n < k).mapToLong(n -> n).sum();
  }

  private static long smallestGroup(List<Object[]> rows, int[] qi) {
    return groupSizes(rows, qi).values().stream().mapToLong(Integer::longValue).min().orElse(0);
  }

  private static Map<List<Object>, Integer> groupSizes(List<Object[]> rows, int[] qi) {
    Map<List<Object>, Integer> sizes = new LinkedHashMap<>();
    rows.forEach(r -> sizes.merge(key(r, qi), 1, Integer::sum));
    return sizes;
  }

  private static List<Object> key(Object[] r, int[] qi) {
    List<Object> key = new ArrayList<>(qi.length);
    for (int c : qi) {
      key.add(r[c]);
    }
    return key;
  }

  private static String leftOut(String value) {
    return value == null ? null : DimEmployee.GENERALISED;
  }

  static String quarter(String month) {
    if (month == null || month.length() < 7) {
      return month;
    }
    int m = Integer.parseInt(month.substring(5, 7));
    return month.substring(0, 4) + "-Q" + ((m - 1) / 3 + 1);
  }

  static String twoBands(String band) {
    if (band == null) {
      return null;
    }
    return band.equals("<1y") || band.equals("1-2y") ? "<2y" : "2y+";
  }
}
