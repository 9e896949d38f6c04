package org.sociallearning.impact.effects;

import java.util.Map;
import org.sociallearning.impact.estimation.Panel;

/**
 * Estimation step: the overall estimate again with each person's first months after hire left out
 * (or kept, when the run leaves them out), shown beside the headline when new hires are more than
 * {@value #NEW_HIRE_SHARE} of a metric's participants. New hires get faster at the job anyway while
 * they join communities; if the estimate moves much when their first months are left out, part of
 * it may be that learning curve. Published as the {@code *_months_out} columns of the overall rows
 * of {@code impact_estimates}.
 *
 * @param monthsOut the other setting of {@code estimation.exclude_months_after_hire}: {@value
 *     #MONTHS} when the run keeps every month, else 0
 * @param estimate the overall estimate with that setting, NaN when it could not be made
 * @param ciLow lower end of its 95% interval
 * @param ciHigh upper end
 * @param relativeEffect its relative form, as the headline's
 * @param relativeCiLow relative form of {@code ciLow}
 * @param relativeCiHigh relative form of {@code ciHigh}
 * @param participants participants behind it
 */
public record NewHireSensitivity(
    int monthsOut,
    double estimate,
    double ciLow,
    double ciHigh,
    double relativeEffect,
    double relativeCiLow,
    double relativeCiHigh,
    long participants) {

  /** Months after hire the side-by-side estimate leaves out when the run leaves out none. */
  public static final int MONTHS = 3;

  /** Share of participants who are new hires above which the side-by-side estimate is made. */
  public static final double NEW_HIRE_SHARE = 0.2;

  /** A participant is a new hire when they join within this many months of their hire month. */
  public static final int NEW_HIRE_MONTHS = 12;

  /** The other setting of exclude_months_after_hire, shown beside the run's. */
  public static int otherSetting(int runSetting) {
    return runSetting == 0 ? MONTHS : 0;
  }

  /**
   * Whether more than {@value #NEW_HIRE_SHARE} of the panel's participants with a known hire date
   * joined within {@value #NEW_HIRE_MONTHS} months of their hire month.
   *
   * @param hireMonths each employee id's hire month ({@link PanelAssembler#monthIndex})
   */
  public static boolean needed(Panel panel, Map<String, Integer> hireMonths) {
    int known = 0;
    int newHires = 0;
    for (int u = 0; u < panel.unitCount(); u++) {
      Integer hired = hireMonths.get(panel.unitIds()[u]);
      int joined = panel.unitGroup()[u];
      if (joined <= 0 || hired == null) {
        continue;
      }
      known++;
      if (joined >= hired && joined - hired < NEW_HIRE_MONTHS) {
        newHires++;
      }
    }
    return known > 0 && newHires > NEW_HIRE_SHARE * known;
  }

  /** The side-by-side numbers of an estimate made with {@code monthsOut}. */
  public static NewHireSensitivity of(int monthsOut, MetricEstimate e) {
    return new NewHireSensitivity(
        monthsOut,
        e.estimate(),
        e.ciLow(),
        e.ciHigh(),
        e.relativeEffect(),
        e.relativeCiLow(),
        e.relativeCiHigh(),
        e.nTreated());
  }
}
