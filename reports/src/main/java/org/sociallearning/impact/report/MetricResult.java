package org.sociallearning.impact.report;

import java.util.List;

/**
 * One outcome's difference-in-differences result, as handed from the estimation job to the publish
 * step (results -> report).
 *
 * <p>Scale conventions the wording and charts rely on:
 *
 * <ul>
 *   <li>{@code scale = "log"}: {@code estimate}, CI and event-study values are differences in the
 *       log of the outcome; {@code relativeEffect} and its CI are {@code exp(x) - 1}.
 *   <li>{@code scale = "level"}: values are differences in a proportion (0.041 = 4.1 percentage
 *       points); the relative fields are not used.
 * </ul>
 *
 * <p>{@code outcomePhrase} is the verb phrase after the subject ("resolved tickets"). The size of
 * the effect is appended to it, or put where the phrase contains {@code {effect}} when the words
 * need to go in the middle ("won {effect} of their deals").
 *
 * @param metric machine name, e.g. {@code time_to_resolve_hours}
 * @param label reader-facing name, e.g. "Time to resolve a ticket"
 * @param unit unit of the raw outcome, e.g. "hours"
 * @param scale "log" or "level"
 * @param direction "lower_is_better" or "higher_is_better"
 * @param subjectPhrase who the sentence is about, e.g. "Service agents"
 * @param outcomePhrase what they did, e.g. "resolved tickets"
 * @param suppressed true when a group was too small to report
 * @param preTrendPValue p-value of the joint test that the months before joining were flat (NaN
 *     when nothing could be tested)
 * @param preTrendTests pre-joining effects in that test
 * @param calendar participants vs comparison by calendar month, on this metric's scale
 * @param evidence the evidence grade ({@code strong}, {@code moderate}, {@code weak}, {@code
 *     inconclusive}, {@code unreliable}); empty when the estimate has none
 * @param breakdownMbar how many times the largest pre-joining divergence of trends the effect
 *     survives after joining (relative magnitudes); NaN when not computed
 * @param power what today's data could detect ({@link DetectablePower#NONE} when not published)
 */
public record MetricResult(
    String metric,
    String label,
    String unit,
    String scale,
    String direction,
    String subjectPhrase,
    String outcomePhrase,
    double estimate,
    double ciLow,
    double ciHigh,
    double relativeEffect,
    double relativeCiLow,
    double relativeCiHigh,
    int nTreated,
    int nComparison,
    List<String> warnings,
    List<EventTimePoint> eventStudy,
    boolean suppressed,
    double preTrendPValue,
    int preTrendTests,
    List<CalendarPoint> calendar,
    String evidence,
    double breakdownMbar,
    DetectablePower power) {

  /** The grade that is never stated as a finding. */
  public static final String UNRELIABLE = "unreliable";

  public MetricResult {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    eventStudy = eventStudy == null ? List.of() : List.copyOf(eventStudy);
    calendar = calendar == null ? List.of() : List.copyOf(calendar);
    power = power == null ? DetectablePower.NONE : power;
    evidence = evidence == null ? "" : evidence;
  }

  /** A result without an evidence grade (outputs written before it was published). */
  public MetricResult(
      String metric,
      String label,
      String unit,
      String scale,
      String direction,
      String subjectPhrase,
      String outcomePhrase,
      double estimate,
      double ciLow,
      double ciHigh,
      double relativeEffect,
      double relativeCiLow,
      double relativeCiHigh,
      int nTreated,
      int nComparison,
      List<String> warnings,
      List<EventTimePoint> eventStudy,
      boolean suppressed,
      double preTrendPValue,
      int preTrendTests,
      List<CalendarPoint> calendar) {
    this(
        metric,
        label,
        unit,
        scale,
        direction,
        subjectPhrase,
        outcomePhrase,
        estimate,
        ciLow,
        ciHigh,
        relativeEffect,
        relativeCiLow,
        relativeCiHigh,
        nTreated,
        nComparison,
        warnings,
        eventStudy,
        suppressed,
        preTrendPValue,
        preTrendTests,
        calendar,
        "",
        Double.NaN,
        DetectablePower.NONE);
  }

  /** The same result with its evidence grade. */
  public MetricResult withEvidence(String grade) {
    return new MetricResult(
        metric,
        label,
        unit,
        scale,
        direction,
        subjectPhrase,
        outcomePhrase,
        estimate,
        ciLow,
        ciHigh,
        relativeEffect,
        relativeCiLow,
        relativeCiHigh,
        nTreated,
        nComparison,
        warnings,
        eventStudy,
        suppressed,
        preTrendPValue,
        preTrendTests,
        calendar,
        grade,
        breakdownMbar,
        power);
  }

  /**
   * Whether the estimate must not be read as a finding (pre-trends rejected, dip before joining).
   */
  public boolean isUnreliable() {
    return UNRELIABLE.equals(evidence);
  }

  /** A result without pre-trend test or calendar comparison. */
  public MetricResult(
      String metric,
      String label,
      String unit,
      String scale,
      String direction,
      String subjectPhrase,
      String outcomePhrase,
      double estimate,
      double ciLow,
      double ciHigh,
      double relativeEffect,
      double relativeCiLow,
      double relativeCiHigh,
      int nTreated,
      int nComparison,
      List<String> warnings,
      List<EventTimePoint> eventStudy,
      boolean suppressed) {
    this(
        metric,
        label,
        unit,
        scale,
        direction,
        subjectPhrase,
        outcomePhrase,
        estimate,
        ciLow,
        ciHigh,
        relativeEffect,
        relativeCiLow,
        relativeCiHigh,
        nTreated,
        nComparison,
        warnings,
        eventStudy,
        suppressed,
        Double.NaN,
        0,
        List.of());
  }

  /**
   * Converts a level on this metric's modelling scale (a mean of logs, or a proportion) into what
   * readers see: the geometric mean in the metric's unit for log metrics, percent for shares, the
   * unit itself otherwise.
   */
  public double levelToDisplay(double value) {
    if (isLogScale()) {
      return Math.exp(value);
    }
    return isProportion() ? 100 * value : value;
  }

  /** Unit of {@link #levelToDisplay(double)} values. */
  public String levelUnit() {
    if (isLogScale()) {
      return unit;
    }
    return isProportion() ? "%" : unit;
  }

  /** True when values are log differences, so readers see them as percent changes. */
  public boolean isLogScale() {
    return "log".equalsIgnoreCase(scale);
  }

  /** True for level metrics that are shares (win rate, SLA attainment): read in points. */
  public boolean isProportion() {
    String u = unit == null ? "" : unit.toLowerCase(java.util.Locale.ROOT);
    return !isLogScale() && (u.startsWith("share") || u.contains("proportion") || u.equals("rate"));
  }

  /**
   * Converts a value on this metric's scale into what readers see: percent change for log
   * differences ({@code 100 * (exp(x) - 1)}), percentage points for proportion differences, the
   * metric's own unit for other levels (counts, amounts). Chart and table share this so they can
   * never disagree.
   */
  public double toDisplay(double value) {
    if (isLogScale()) {
      return 100 * Math.expm1(value);
    }
    return isProportion() ? 100 * value : value;
  }

  /** Unit of {@link #toDisplay(double)} values, for axis labels and table headers. */
  public String displayUnit() {
    if (isLogScale()) {
      return "%";
    }
    return isProportion() ? "percentage points" : unit;
  }

  /**
   * True when this result must not be shown. Checks the counts as well as the flag so a job that
   * forgets to set {@code suppressed} still cannot publish a too-small group.
   */
  public boolean isSuppressed(int minGroupSize) {
    return suppressed || nTreated < minGroupSize || nComparison < minGroupSize;
  }
}
