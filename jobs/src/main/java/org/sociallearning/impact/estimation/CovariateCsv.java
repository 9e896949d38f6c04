package org.sociallearning.impact.estimation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads covariate columns of the same long panel CSV that {@link PanelCsv} reads (one row per unit
 * and period) into {@link Covariates}, for {@code did --covariates}.
 *
 * <p>A column is continuous when every value present parses as a number and it is not named as
 * categorical; else categorical (text levels, or numeric codes named categorical). A continuous
 * column constant within each unit is time-invariant (R's case on mpdta's {@code lpop}); one that
 * changes is read at each cell's base period. A categorical column must not change within a unit.
 * Missing values ({@code NA}, empty, ...) are unknown: a unit without any value of a time-invariant
 * covariate is dropped by the estimator, one without a value in a base period left out of that
 * cell. Errors name the file, the line and the column.
 */
public final class CovariateCsv {

  private CovariateCsv() {}

  /**
   * @param names covariate columns, in the order they enter the models
   * @param categorical those of {@code names} to treat as categorical even when numeric
   */
  public static Covariates read(
      Path file, String idColumn, String timeColumn, List<String> names, Set<String> categorical) {
    for (String name : categorical) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException(
            "'" + name + "' is marked categorical but is not among the covariates " + names);
      }
    }
    return PanelCsv.parse(
        file, parser -> readColumns(file, parser, idColumn, timeColumn, names, categorical));
  }

  /** One column's text values per unit and period, and where each unit's first value was. */
  private record Column(Map<String, Map<Integer, String>> values, Map<String, Integer> firstLine) {}

  private static Covariates readColumns(
      Path file,
      CSVParser parser,
      String idColumn,
      String timeColumn,
      List<String> names,
      Set<String> categorical) {
    List<String> header = parser.getHeaderNames();
    for (String name : names) {
      if (!header.contains(name)) {
        throw new IllegalArgumentException(
            "panel file "
                + file
                + ": covariate column '"
                + name
                + "' not found in the header; available columns: "
                + String.join(", ", header));
      }
    }
    Map<String, Column> columns = new LinkedHashMap<>();
    for (String name : names) {
      columns.put(name, new Column(new LinkedHashMap<>(), new HashMap<>()));
    }
    for (CSVRecord record : parser) {
      String id = record.get(idColumn);
      int time = (int) Double.parseDouble(record.get(timeColumn));
      int line = (int) parser.getCurrentLineNumber();
      for (String name : names) {
        String text = record.get(name);
        if (PanelCsv.isMissing(text)) {
          continue;
        }
        Column column = columns.get(name);
        column.values().computeIfAbsent(id, u -> new HashMap<>()).put(time, text);
        column.firstLine().putIfAbsent(id, line);
      }
    }
    Covariates covariates = Covariates.none();
    for (String name : names) {
      Column column = columns.get(name);
      boolean numeric =
          !categorical.contains(name)
              && column.values().values().stream()
                  .allMatch(byTime -> byTime.values().stream().allMatch(CovariateCsv::isNumber));
      covariates =
          numeric
              ? continuous(covariates, name, column)
              : categorical(file, covariates, name, column);
    }
    return covariates;
  }

  private static Covariates continuous(Covariates covariates, String name, Column column) {
    Map<String, Map<Integer, Double>> byUnit = new HashMap<>();
    boolean constant = true;
    for (Map.Entry<String, Map<Integer, String>> unit : column.values().entrySet()) {
      Map<Integer, Double> values = new HashMap<>();
      unit.getValue().forEach((t, text) -> values.put(t, Double.parseDouble(text)));
      constant &= values.values().stream().distinct().count() <= 1;
      byUnit.put(unit.getKey(), values);
    }
    if (constant) {
      Map<String, Double> fixed = new HashMap<>();
      byUnit.forEach((id, values) -> fixed.put(id, values.values().iterator().next()));
      return covariates.withContinuous(name, fixed);
    }
    return covariates.withContinuousByPeriod(
        name,
        (id, period) -> {
          Map<Integer, Double> values = byUnit.get(id);
          Double v = values == null ? null : values.get(period);
          return v == null ? Double.NaN : v;
        });
  }

  private static Covariates categorical(
      Path file, Covariates covariates, String name, Column column) {
    Map<String, String> levels = new HashMap<>();
    for (Map.Entry<String, Map<Integer, String>> unit : column.values().entrySet()) {
      List<String> distinct = unit.getValue().values().stream().distinct().sorted().toList();
      if (distinct.size() > 1) {
        throw new IllegalArgumentException(
            "panel file "
                + file
                + " column '"
                + name
                + "': categorical covariate of unit '"
                + unit.getKey()
                + "' (first on line "
                + column.firstLine().get(unit.getKey())
                + ") changes between periods ("
                + String.join(", ", distinct)
                + "); a categorical covariate must not change within a unit");
      }
      levels.put(unit.getKey(), distinct.get(0));
    }
    return covariates.withCategorical(name, levels);
  }

  private static boolean isNumber(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
