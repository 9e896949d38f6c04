package org.sociallearning.impact.estimation;

import java.util.Objects;

/**
 * Balanced-shape outcome panel handed to the estimation step: one row per unit, one column per
 * period, with each unit's first treated period.
 *
 * <p>Estimation step input: employee-month (or county-year) panel -&gt; group-time effects. The
 * arrays are shared, not copied, because panels can hold millions of cells; callers must not mutate
 * them after construction.
 *
 * @param periods distinct periods in ascending order (e.g. 200401 or 2004)
 * @param unitGroup per unit, the first period in which the unit is treated; 0 = never treated
 * @param outcome {@code [unit][periodIndex]} outcome; {@code NaN} = not observed
 * @param unitIds per unit, its identifier as found in the source (for messages and joins)
 * @param weight optional {@code [unit][periodIndex]} weight of each observed outcome, e.g. the
 *     number of items behind an employee-month mean, so that a group-time effect is the difference
 *     in item-weighted mean changes (see {@link StaggeredDid}); finite and positive wherever the
 *     outcome is observed, ignored (NaN or 0) where it is not; null = every unit-period counts once
 */
public record Panel(
    int[] periods, int[] unitGroup, double[][] outcome, String[] unitIds, double[][] weight) {

  /** An unweighted panel. */
  public Panel(int[] periods, int[] unitGroup, double[][] outcome, String[] unitIds) {
    this(periods, unitGroup, outcome, unitIds, null);
  }

  /** A panel whose unit-period outcomes are means of {@code weight} items each. */
  public static Panel weighted(
      int[] periods, int[] unitGroup, double[][] outcome, String[] unitIds, double[][] weight) {
    return new Panel(
        periods, unitGroup, outcome, unitIds, Objects.requireNonNull(weight, "weight"));
  }

  public Panel {
    Objects.requireNonNull(periods, "periods");
    Objects.requireNonNull(unitGroup, "unitGroup");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(unitIds, "unitIds");
    for (int i = 1; i < periods.length; i++) {
      if (periods[i] <= periods[i - 1]) {
        throw new IllegalArgumentException(
            "periods must be strictly ascending, found "
                + periods[i - 1]
                + " before "
                + periods[i]
                + " at index "
                + i);
      }
    }
    if (unitGroup.length != outcome.length || unitIds.length != outcome.length) {
      throw new IllegalArgumentException(
          "unitGroup ("
              + unitGroup.length
              + "), outcome ("
              + outcome.length
              + ") and unitIds ("
              + unitIds.length
              + ") must have one entry per unit");
    }
    for (int i = 0; i < outcome.length; i++) {
      if (outcome[i] == null || outcome[i].length != periods.length) {
        throw new IllegalArgumentException(
            "outcome row of unit "
                + unitIds[i]
                + " has "
                + (outcome[i] == null ? "no" : String.valueOf(outcome[i].length))
                + " values, expected one per period ("
                + periods.length
                + ")");
      }
    }
    if (weight != null) {
      requireWeightWhereObserved(periods, outcome, unitIds, weight);
    }
  }

  public boolean isWeighted() {
    return weight != null;
  }

  public int unitCount() {
    return outcome.length;
  }

  public int periodCount() {
    return periods.length;
  }

  private static void requireWeightWhereObserved(
      int[] periods, double[][] outcome, String[] unitIds, double[][] weight) {
    if (weight.length != outcome.length) {
      throw new IllegalArgumentException(
          "weight has " + weight.length + " rows, expected one per unit (" + outcome.length + ")");
    }
    for (int i = 0; i < outcome.length; i++) {
      if (weight[i] == null || weight[i].length != periods.length) {
        throw new IllegalArgumentException(
            "weight row of unit "
                + unitIds[i]
                + " has "
                + (weight[i] == null ? "no" : String.valueOf(weight[i].length))
                + " values, expected one per period ("
                + periods.length
                + ")");
      }
      for (int t = 0; t < periods.length; t++) {
        double w = weight[i][t];
        if (!Double.isNaN(outcome[i][t]) && !(w > 0 && w < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException(
              "unit "
                  + unitIds[i]
                  + " has weight "
                  + w
                  + " in period "
                  + periods[t]
                  + " where its outcome is observed; weights must be finite and positive"
                  + " there (leave the outcome NaN where there is nothing to weigh)");
        }
      }
    }
  }
}
