package org.sociallearning.impact.effects;

import java.util.List;
import java.util.Map;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.estimation.Covariates;
import org.sociallearning.impact.estimation.EstimationMethod;

/**
 * The covariates of {@code estimation.covariates} for the estimator's covariate methods ({@code
 * estimation.method} dr, reg or ipw), the alternative to {@link Strata}: roster attributes as
 * categorical covariates, and {@code tenure_months} as whole months from the hire month to each
 * comparison's base month (a period of the panel is a month index, see {@link
 * PanelAssembler#monthIndex}). A person without a value of a roster attribute is dropped by the
 * estimator with a warning; one not yet hired in a base month is left out of that comparison.
 */
public final class RosterCovariates {

  private RosterCovariates() {}

  /**
   * @param attributes per covariate, each employee id's value (for {@code tenure_months} the hire
   *     date as yyyy-MM-dd)
   */
  public static Covariates of(
      List<String> covariates, Map<String, Map<String, String>> attributes) {
    Covariates out = Covariates.none();
    for (String name : covariates) {
      Map<String, String> values = attributes.get(name);
      if (name.equals(ConfigLoader.TENURE_BANDS)) {
        out = withTenureBands(out, tenureMonths(values));
      } else {
        out =
            name.equals(ConfigLoader.TENURE_MONTHS)
                ? out.withContinuousByPeriod(name, tenureMonths(values))
                : out.withCategorical(name, values);
      }
    }
    return out;
  }

  /** Levels of {@code tenure_bands}: whole months since the hire month at the base month. */
  public static final List<String> TENURE_BANDS =
      List.of("0", "1", "2", "3-5", "6-11", "12-23", "24+");

  private static final int[] BAND_STARTS = {0, 1, 2, 3, 6, 12, 24};

  /**
   * Tenure bands at each comparison's base month, categorical: a new hire's learning curve is steep
   * in the first months (so each of them is a band of its own) and flat after a year or two, which
   * one straight line in tenure cannot follow. Bands only one side of a comparison has are handled
   * per comparison by the estimator: participants without comparison colleagues of their band are
   * left out of it, comparison colleagues of a band no participant has weigh nothing.
   */
  public static Covariates withTenureBands(Covariates out, Covariates.ValueAtPeriod tenure) {
    return out.withCategoricalByPeriod(
        ConfigLoader.TENURE_BANDS,
        TENURE_BANDS,
        (id, period) -> {
          double months = tenure.at(id, period);
          if (Double.isNaN(months)) {
            return Double.NaN;
          }
          return tenureBand(months);
        });
  }

  /** The index in {@link #TENURE_BANDS} of a tenure in months (at least 0). */
  public static int tenureBand(double months) {
    int band = 0;
    while (band + 1 < BAND_STARTS.length && months >= BAND_STARTS[band + 1]) {
      band++;
    }
    return band;
  }

  /**
   * Words for the method text, e.g. {@code doubly robust adjustment for tenure (months since hire
   * at the base month, in bands ...)}.
   */
  public static String describe(Covariates covariates, EstimationMethod method) {
    List<String> words =
        covariates.names().stream()
            .map(
                name ->
                    name.equals(ConfigLoader.TENURE_BANDS)
                        ? "tenure (months since hire at the base month, in bands 0, 1, 2, 3-5,"
                            + " 6-11, 12-23 and 24+)"
                        : name.equals(ConfigLoader.TENURE_MONTHS)
                            ? "tenure (months since hire at the base month)"
                            : name)
            .toList();
    return method.label() + " adjustment for " + String.join(", ", words);
  }

  /** Months since the hire month at a month index; NaN before it or without a readable date. */
  static Covariates.ValueAtPeriod tenureMonths(Map<String, String> hireDates) {
    // Unknown tenure (no readable date): the person leaves the comparisons that need it.
    Map<String, Integer> hireMonth = HireMonthExclusion.hireMonths(hireDates);
    return (id, month) -> {
      Integer hired = hireMonth.get(id);
      return hired == null || month < hired ? Double.NaN : month - hired;
    };
  }
}
