package org.sociallearning.impact.effects;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.estimation.Covariates;

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
      out =
          name.equals(ConfigLoader.TENURE_MONTHS)
              ? out.withContinuousByPeriod(name, tenureMonths(values))
              : out.withCategorical(name, values);
    }
    return out;
  }

  /** Months since the hire month at a month index; NaN before it or without a readable date. */
  static Covariates.ValueAtPeriod tenureMonths(Map<String, String> hireDates) {
    Map<String, Integer> hireMonth = new HashMap<>();
    hireDates.forEach(
        (id, date) -> {
          try {
            hireMonth.put(id, PanelAssembler.monthIndex(LocalDate.parse(date).withDayOfMonth(1)));
          } catch (DateTimeParseException e) {
            // Unknown tenure: the person leaves the comparisons that need it.
          }
        });
    return (id, month) -> {
      Integer hired = hireMonth.get(id);
      return hired == null || month < hired ? Double.NaN : month - hired;
    };
  }
}
