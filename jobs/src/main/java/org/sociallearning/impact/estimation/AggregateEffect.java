package org.sociallearning.impact.estimation;

/**
 * One summary of the group-time effects, as R's {@code aggte}.
 *
 * @param aggregation {@code simple}, {@code group}, {@code dynamic} or {@code calendar}
 * @param key cohort (group), event time (dynamic), period (calendar) or {@code overall}
 * @param pValue two-sided p-value of {@code att = 0} from the normal approximation {@code att /
 *     se}; NaN when there is no standard error. Pointwise: adjust for multiple comparisons with
 *     {@link BenjaminiHochberg} where many are read together.
 */
public record AggregateEffect(
    String aggregation,
    String key,
    double att,
    double se,
    double ciLow,
    double ciHigh,
    double pValue) {

  public static final String SIMPLE = "simple";
  public static final String GROUP = "group";
  public static final String DYNAMIC = "dynamic";
  public static final String CALENDAR = "calendar";
  public static final String OVERALL = "overall";

  /** The p-value follows from {@code att} and {@code se}. */
  public AggregateEffect(
      String aggregation, String key, double att, double se, double ciLow, double ciHigh) {
    this(aggregation, key, att, se, ciLow, ciHigh, twoSidedPValue(att, se));
  }

  public boolean isOverall() {
    return OVERALL.equals(key);
  }

  /** {@code 2 P(Z > |att / se|)}; NaN when either is NaN or both are zero. */
  public static double twoSidedPValue(double att, double se) {
    double z = Math.abs(att / se);
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return Math.min(1.0, 2 * StandardNormal.cdf(-z));
  }
}
