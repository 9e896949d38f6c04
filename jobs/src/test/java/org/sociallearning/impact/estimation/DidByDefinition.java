package org.sociallearning.impact.estimation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ATT(g,t) straight from Callaway and Sant'Anna's definition, with plain loops and none of the
 * estimator's code: mean change of cohort g from the base period to t, minus the mean change of the
 * comparison units. Periods are whole numbers one apart (as in mpdta), so "k periods before" is
 * plain subtraction here, independently of the estimator's steps in the periods array.
 */
final class DidByDefinition {

  /** One cell by hand: its effect and the units on each side. */
  record Cell(double att, int nTreated, int nControl) {}

  private final Map<String, Integer> groupOf;
  private final Map<String, Map<Integer, Double>> outcomeOf;

  private DidByDefinition(
      Map<String, Integer> groupOf, Map<String, Map<Integer, Double>> outcomeOf) {
    this.groupOf = groupOf;
    this.outcomeOf = outcomeOf;
  }

  /** Reads a long CSV by splitting lines: quoted headers as R writes them, no quoted values. */
  static DidByDefinition readCsv(Path file, String id, String time, String group, String outcome) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> header =
        Arrays.stream(lines.get(0).split(",")).map(h -> h.replace("\"", "")).toList();
    int idAt = header.indexOf(id);
    int timeAt = header.indexOf(time);
    int groupAt = header.indexOf(group);
    int outcomeAt = header.indexOf(outcome);
    Map<String, Integer> groups = new LinkedHashMap<>();
    Map<String, Map<Integer, Double>> outcomes = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      String unit = f[idAt];
      groups.put(unit, (int) Double.parseDouble(f[groupAt]));
      outcomes
          .computeIfAbsent(unit, u -> new HashMap<>())
          .put((int) Double.parseDouble(f[timeAt]), Double.parseDouble(f[outcomeAt]));
    }
    return new DidByDefinition(groups, outcomes);
  }

  static DidByDefinition of(Panel panel) {
    Map<String, Integer> groups = new LinkedHashMap<>();
    Map<String, Map<Integer, Double>> outcomes = new LinkedHashMap<>();
    for (int i = 0; i < panel.unitCount(); i++) {
      groups.put(panel.unitIds()[i], panel.unitGroup()[i]);
      Map<Integer, Double> row = new HashMap<>();
      for (int t = 0; t < panel.periodCount(); t++) {
        if (!Double.isNaN(panel.outcome()[i][t])) {
          row.put(panel.periods()[t], panel.outcome()[i][t]);
        }
      }
      outcomes.put(panel.unitIds()[i], row);
    }
    return new DidByDefinition(groups, outcomes);
  }

  /** With R's default varying base period. */
  Cell att(int g, int t, boolean notYet, int anticipation) {
    return att(g, t, notYet, anticipation, BasePeriod.VARYING);
  }

  /**
   * Base: {@code g - 1 - anticipation} for {@code t >= g}, and for every t with a universal base
   * period; else {@code t - 1}. Comparison: never treated, plus with {@code notYet} every unit
   * first treated after {@code max(t, base) + anticipation} that is not in cohort g. The mean
   * change is always from the base to t, also when the base comes after t.
   */
  Cell att(int g, int t, boolean notYet, int anticipation, BasePeriod basePeriod) {
    int base = t >= g || basePeriod == BasePeriod.UNIVERSAL ? g - 1 - anticipation : t - 1;
    double treatedSum = 0;
    int treated = 0;
    double controlSum = 0;
    int control = 0;
    for (Map.Entry<String, Integer> unit : groupOf.entrySet()) {
      int h = unit.getValue();
      Double now = outcomeOf.get(unit.getKey()).get(t);
      Double before = outcomeOf.get(unit.getKey()).get(base);
      if (now == null || before == null) {
        continue;
      }
      if (h == g) {
        treatedSum += now - before;
        treated++;
      } else if (h == 0 || (notYet && h > Math.max(t, base) + anticipation)) {
        controlSum += now - before;
        control++;
      }
    }
    return new Cell(treatedSum / treated - controlSum / control, treated, control);
  }

  /** Share of all units in cohort g: R's {@code pg}. */
  double share(int g) {
    return groupOf.values().stream().filter(h -> h == g).count() / (double) groupOf.size();
  }
}
