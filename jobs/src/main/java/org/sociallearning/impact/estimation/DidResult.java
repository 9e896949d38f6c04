package org.sociallearning.impact.estimation;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Output of {@link StaggeredDid#estimate}: every group-time effect, the four R {@code aggte}
 * summaries, how many units informed the post-treatment effects, the checks of the identifying
 * assumption, and data warnings. Handed to the publish step.
 *
 * @param treatedUnits units of a cohort that enter at least one post-treatment cell (t &gt;= g)
 * @param controlUnits comparison units that enter at least one post-treatment cell
 * @param warnings human-readable notes (dropped units, empty cells, failed checks); never null
 * @param preTrend the pre-trend verdict: joint Wald test that all placebo (pre-treatment) effects
 *     are zero and level test of the average pre-joining level, combined; {@link PreTrendTest#NONE}
 *     when neither could run
 * @param dipWarning the Ashenfelter's-dip warning (also in {@code warnings}), if it fired
 * @param groupTimeBand the simultaneous band over every group-time effect with a standard error
 *     (pre- and post-treatment, as R's {@code att_gt} with {@code cband = TRUE})
 * @param eventStudyBand the simultaneous band over every event-study point with a standard error
 *     (the {@code dynamic} effects before and after joining, not their {@code overall}; as R's
 *     {@code aggte(type = "dynamic")} with {@code cband = TRUE})
 * @param eventStudyVector the event study around the universal base month with its covariance and
 *     the {@code group} headline's weights on its post-joining points, for the sensitivity analysis
 *     to parallel-trends violations ({@link RelativeMagnitudes}); {@link EventStudyVector#NONE}
 *     with a varying base period or without points on both sides of the base month
 */
public record DidResult(
    List<GroupTimeEffect> groupTime,
    List<AggregateEffect> aggregates,
    int treatedUnits,
    int controlUnits,
    List<String> warnings,
    PreTrendTest preTrend,
    Optional<String> dipWarning,
    SimultaneousBand groupTimeBand,
    SimultaneousBand eventStudyBand,
    EventStudyVector eventStudyVector) {

  /**
   * The pre-trend verdict and its two tests (see {@code PreTrendWald} and {@code PreJoiningLevel}):
   * the joint Wald test of the placebo (pre-treatment) effects, with its statistic, degrees of
   * freedom (placebo effects tested), chi-square p-value and which placebo effects it tested, and
   * the level test of where participants stood on average before joining against their base period.
   * A small {@link #pValue()} means outcomes already diverged before joining, so parallel trends,
   * and with it the effects, are in doubt.
   *
   * @param jointPValue the joint test's own p-value: R's pre-test where R runs it (group-time
   *     effects), NaN when there was no joint test
   * @param level the level test, {@link LevelTest#NONE} when it could not run
   */
  public record PreTrendTest(
      double statistic, int degreesOfFreedom, double jointPValue, Kind kind, LevelTest level) {

    /** What the joint test's placebo effects are. */
    public enum Kind {
      /** Pre-treatment ATT(g,t), cohort by cohort (R's pre-test). */
      GROUP_TIME("group_time"),
      /**
       * Pre-treatment event-time effects (the dynamic aggregation at e &lt; 0, averaged over
       * cohorts): the fallback when cohorts are too small for the group-time test.
       */
      EVENT_TIME("event_time"),
      /** No joint test. */
      NONE("");

      private final String label;

      Kind(String label) {
        this.label = label;
      }

      /** {@code group_time}, {@code event_time} or empty, as published. */
      public String label() {
        return label;
      }
    }

    /**
     * Two-sided z-test that participants' average level before joining, against their base period
     * and relative to the comparison group, is zero.
     *
     * @param estimate that average (outcome units): positive when participants' earlier months sat
     *     above their base period, relative to the comparison group
     * @param standardError from the run's bootstrap draws, or analytic without them
     * @param eventTimes months relative to joining averaged (0 when there is no test)
     */
    public record LevelTest(double estimate, double standardError, double pValue, int eventTimes) {

      /** Published in {@code pretrend_method} after the joint test's kind. */
      public static final String LABEL = "level";

      /** No event time before the base rested on enough people. */
      public static final LevelTest NONE = new LevelTest(Double.NaN, Double.NaN, Double.NaN, 0);

      public boolean isAvailable() {
        return eventTimes > 0 && !Double.isNaN(pValue);
      }
    }

    /** Neither test could run. */
    public static final PreTrendTest NONE =
        new PreTrendTest(Double.NaN, 0, Double.NaN, Kind.NONE, LevelTest.NONE);

    public PreTrendTest {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(level, "level");
    }

    /** The joint test alone. */
    public PreTrendTest(double statistic, int degreesOfFreedom, double jointPValue, Kind kind) {
      this(statistic, degreesOfFreedom, jointPValue, kind, LevelTest.NONE);
    }

    /** The same joint test with {@code newLevel}; this very test when that changes nothing. */
    public PreTrendTest withLevel(LevelTest newLevel) {
      return newLevel.equals(level)
          ? this
          : new PreTrendTest(statistic, degreesOfFreedom, jointPValue, kind, newLevel);
    }

    /** At least one of the two tests ran. */
    public boolean isAvailable() {
      return isJointAvailable() || level.isAvailable();
    }

    public boolean isJointAvailable() {
      return degreesOfFreedom > 0;
    }

    /**
     * The verdict, as published: Bonferroni over the tests that ran, {@code min(1, 2
     * min(jointPValue, level p))} with both, the one p-value with one, NaN with none; so a verdict
     * at 5% has at most 5% false alarms whichever test raised it.
     */
    public double pValue() {
      if (isJointAvailable() && level.isAvailable()) {
        return Math.min(1.0, 2 * Math.min(jointPValue, level.pValue()));
      }
      return isJointAvailable() ? jointPValue : level.pValue();
    }

    /**
     * Which tests ran, as published in {@code pretrend_method}: the joint test's kind, with {@code
     * +level} when the level test ran too ({@code group_time+level}, {@code event_time+level}),
     * {@code level} for the level test alone, empty for none.
     */
    public String method() {
      if (!level.isAvailable()) {
        return isJointAvailable() ? kind.label() : "";
      }
      return isJointAvailable() ? kind.label() + "+" + LevelTest.LABEL : LevelTest.LABEL;
    }

    /** Placebo quantities tested: the joint test's degrees of freedom, plus one for the level. */
    public int testedEffects() {
      return (isJointAvailable() ? degreesOfFreedom : 0) + (level.isAvailable() ? 1 : 0);
    }
  }

  public DidResult {
    groupTime = List.copyOf(groupTime);
    aggregates = List.copyOf(aggregates);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(preTrend, "preTrend");
    Objects.requireNonNull(dipWarning, "dipWarning");
    Objects.requireNonNull(groupTimeBand, "groupTimeBand");
    Objects.requireNonNull(eventStudyBand, "eventStudyBand");
    Objects.requireNonNull(eventStudyVector, "eventStudyVector");
  }

  /** Without simultaneous bands and without the event study for the sensitivity analysis. */
  public DidResult(
      List<GroupTimeEffect> groupTime,
      List<AggregateEffect> aggregates,
      int treatedUnits,
      int controlUnits,
      List<String> warnings,
      PreTrendTest preTrend,
      Optional<String> dipWarning) {
    this(
        groupTime,
        aggregates,
        treatedUnits,
        controlUnits,
        warnings,
        preTrend,
        dipWarning,
        SimultaneousBand.NONE,
        SimultaneousBand.NONE,
        EventStudyVector.NONE);
  }

  /** Without checks, as before they existed. */
  public DidResult(
      List<GroupTimeEffect> groupTime,
      List<AggregateEffect> aggregates,
      int treatedUnits,
      int controlUnits,
      List<String> warnings) {
    this(
        groupTime,
        aggregates,
        treatedUnits,
        controlUnits,
        warnings,
        PreTrendTest.NONE,
        Optional.empty());
  }

  /** The single simple-weighted average of all post-treatment effects. */
  public AggregateEffect simple() {
    return find(AggregateEffect.SIMPLE, AggregateEffect.OVERALL);
  }

  /** All effects of one aggregation, in key order with {@code overall} last. */
  public List<AggregateEffect> byAggregation(String aggregation) {
    return aggregates.stream().filter(a -> a.aggregation().equals(aggregation)).toList();
  }

  /** The {@code overall} effect of one aggregation. */
  public AggregateEffect overall(String aggregation) {
    return find(aggregation, AggregateEffect.OVERALL);
  }

  public AggregateEffect find(String aggregation, String key) {
    return aggregates.stream()
        .filter(a -> a.aggregation().equals(aggregation) && a.key().equals(key))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException("no " + aggregation + " effect for key " + key));
  }

  public GroupTimeEffect cell(int group, int time) {
    return groupTime.stream()
        .filter(c -> c.group() == group && c.time() == time)
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no ATT(" + group + "," + time + ")"));
  }
}
