package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sociallearning.impact.estimation.Panel;

/**
 * Estimation step: how long participants had been with the company when they joined, against the
 * comparison group at the participants' median joining month, as a standardised mean difference.
 * New hires get faster at the job anyway while they join communities; without tenure adjustment, an
 * estimate on participants much newer (or older) than their comparison group may be partly a
 * learning curve. Above {@value #THRESHOLD} in absolute value the estimate gets a note (code {@code
 * tenure_imbalance}) and its evidence grade is at most {@code weak}.
 */
public final class TenureBalance {

  /** The absolute standardised difference above which the gate applies. */
  public static final double THRESHOLD = 0.25;

  /** How the note starts (what {@link NoteCode#TENURE_IMBALANCE} recognises). */
  public static final String NOTE_START = "participants and the comparison group differ in tenure";

  private TenureBalance() {}

  /**
   * Participants' tenure in months (hire month to the month before joining) against the comparison
   * group's at the month before the participants' median joining month; people not hired yet then,
   * or without a known hire date, are left out. The job applies it to each metric's panel and to
   * each segment's.
   *
   * @param hireMonths each employee id's hire month ({@link PanelAssembler#monthIndex})
   */
  public static BalanceTable.Balance of(
      String metric, Map<String, Integer> hireMonths, Panel panel) {
    List<Double> participants = new ArrayList<>();
    List<Double> comparison = new ArrayList<>();
    collect(hireMonths, panel, participants, comparison);
    return BalanceTable.compare(metric, VARIABLE, participants, comparison);
  }

  /** The {@code variable} of {@link #of} in the balance table. */
  public static final String VARIABLE = "tenure_months";

  /** The {@code variable} of {@link #firstYear} in the balance table. */
  public static final String FIRST_YEAR = "tenure_first_year";

  /**
   * The tenure mix in one share: participants in their first year when they joined (fewer than 12
   * months from the hire month to the month before joining) against the comparison group's share at
   * the month before the participants' median joining month, the same people as {@link #of}.
   */
  public static BalanceTable.Balance firstYear(
      String metric, Map<String, Integer> hireMonths, Panel panel) {
    List<Double> participants = new ArrayList<>();
    List<Double> comparison = new ArrayList<>();
    collect(hireMonths, panel, participants, comparison);
    return BalanceTable.compare(
        metric, FIRST_YEAR, inFirstYear(participants), inFirstYear(comparison));
  }

  private static List<Double> inFirstYear(List<Double> months) {
    return months.stream().map(m -> m < 12 ? 1.0 : 0.0).toList();
  }

  /** The {@code variable} of {@link #withinBands} in the balance table. */
  public static final String WITHIN_BANDS = "tenure_months_within_bands";

  /**
   * What the tenure adjustment leaves: the same tenures with the comparison group reweighted to the
   * participants' shares of each tenure band ({@link RosterCovariates#TENURE_BANDS}), as the
   * adjustment compares participants only with colleagues of their band; participants of a band no
   * comparison colleague has are left out, as the estimator leaves them out. The standardised
   * difference keeps the unweighted pooled deviation of {@link #of}, so the two read alike.
   */
  public static BalanceTable.Balance withinBands(
      String metric, Map<String, Integer> hireMonths, Panel panel) {
    List<Double> participants = new ArrayList<>();
    List<Double> comparison = new ArrayList<>();
    collect(hireMonths, panel, participants, comparison);
    int bands = RosterCovariates.TENURE_BANDS.size();
    double[] treatedIn = new double[bands];
    double[] comparisonIn = new double[bands];
    participants.forEach(m -> treatedIn[RosterCovariates.tenureBand(m)]++);
    comparison.forEach(m -> comparisonIn[RosterCovariates.tenureBand(m)]++);
    List<Double> kept =
        participants.stream()
            .filter(m -> comparisonIn[RosterCovariates.tenureBand(m)] > 0)
            .toList();
    double weighted = 0;
    double weights = 0;
    for (double m : comparison) {
      int b = RosterCovariates.tenureBand(m);
      double w = treatedIn[b] / comparisonIn[b];
      weighted += w * m;
      weights += w;
    }
    double m1 = kept.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double m0 = weights > 0 ? weighted / weights : Double.NaN;
    double pooled = BalanceTable.pooledDeviation(kept, comparison);
    double smd = pooled > 0 && weights > 0 ? (m1 - m0) / pooled : Double.NaN;
    return new BalanceTable.Balance(
        metric, WITHIN_BANDS, m1, m0, smd, kept.size(), comparison.size());
  }

  private static String overlapClause(int[] overlap) {
    return String.format(
        Locale.ROOT,
        "; %d of %d participants have a comparison colleague of their tenure band in the month"
            + " before joining, whom that would compare",
        overlap[0],
        overlap[1]);
  }

  /**
   * How many participants have at least one comparison colleague (never a participant, observed
   * that month, hired by then) of their tenure band ({@link RosterCovariates#TENURE_BANDS}) in the
   * month before joining: whom a tenure adjustment could compare, and out of how many participants
   * with a known hire date observed that month.
   *
   * @return {participants with such a colleague, participants}
   */
  static int[] bandOverlap(Map<String, Integer> hireMonths, Panel panel) {
    int[] periods = panel.periods();
    boolean[][] comparisonBand = new boolean[periods.length][RosterCovariates.TENURE_BANDS.size()];
    for (int u = 0; u < panel.unitCount(); u++) {
      Integer hired = hireMonths.get(panel.unitIds()[u]);
      if (panel.unitGroup()[u] != 0 || hired == null) {
        continue;
      }
      for (int t = 0; t < periods.length; t++) {
        if (periods[t] >= hired && !Double.isNaN(panel.outcome()[u][t])) {
          comparisonBand[t][RosterCovariates.tenureBand(periods[t] - hired)] = true;
        }
      }
    }
    int with = 0;
    int all = 0;
    for (int u = 0; u < panel.unitCount(); u++) {
      Integer hired = hireMonths.get(panel.unitIds()[u]);
      int g = panel.unitGroup()[u];
      if (g <= 0 || hired == null) {
        continue;
      }
      int t = java.util.Arrays.binarySearch(periods, g - 1);
      if (t < 0 || g - 1 < hired || Double.isNaN(panel.outcome()[u][t])) {
        continue;
      }
      all++;
      if (comparisonBand[t][RosterCovariates.tenureBand(g - 1 - hired)]) {
        with++;
      }
    }
    return new int[] {with, all};
  }

  private static void collect(
      Map<String, Integer> hireMonths,
      Panel panel,
      List<Double> participants,
      List<Double> comparison) {
    java.util.OptionalInt median = BalanceTable.medianJoiningMonth(panel);
    for (int u = 0; u < panel.unitCount(); u++) {
      Integer hired = hireMonths.get(panel.unitIds()[u]);
      int g = panel.unitGroup()[u];
      if (hired == null || median.isEmpty()) {
        continue;
      }
      int base = (g == 0 ? median.getAsInt() : g) - 1;
      if (base < hired) {
        continue;
      }
      (g == 0 ? comparison : participants).add((double) (base - hired));
    }
  }

  /**
   * The note for an estimate adjusted for tenure whose participants still differ from their
   * reweighted comparison group by more than {@value #THRESHOLD} standard deviations within tenure
   * bands ({@link #withinBands}); empty otherwise.
   */
  public static Optional<String> noteAfterAdjustment(BalanceTable.Balance withinBands) {
    if (Double.isNaN(withinBands.smd()) || Math.abs(withinBands.smd()) <= THRESHOLD) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s even within tenure bands, after the adjustment for tenure (standardised difference"
                + " %.2f: participants %.0f months on average, the comparison group weighted to"
                + " their bands %.0f): part of the difference may be people learning the job, so it"
                + " is graded at most weak",
            NOTE_START,
            withinBands.smd(),
            withinBands.participants(),
            withinBands.comparison()));
  }

  /**
   * The note for an estimate not adjusted for tenure whose participants and comparison group differ
   * by more than {@value #THRESHOLD} standard deviations; empty otherwise.
   */
  public static Optional<String> note(BalanceTable.Balance tenure) {
    if (Double.isNaN(tenure.smd()) || Math.abs(tenure.smd()) <= THRESHOLD) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s (standardised difference %.2f: participants had been with the company %.0f"
                + " months on average when they joined, the comparison group %.0f): part of the"
                + " difference may be people learning the job, so it is graded at most weak"
                + " (the default tenure adjustment, estimation.covariates not set or listing"
                + " tenure_bands, compares colleagues of the same tenure)",
            NOTE_START,
            tenure.smd(),
            tenure.participants(),
            tenure.comparison()));
  }

  /**
   * The tenure gate of one estimate: without tenure adjustment, on the raw difference in tenure;
   * with it, on the difference left within tenure bands (added to {@code balance}).
   */
  public static Optional<String> gate(
      BalanceTable.Balance tenure,
      Map<String, Integer> hireMonths,
      Panel panel,
      boolean tenureAdjusted,
      List<BalanceTable.Balance> balance) {
    if (!tenureAdjusted) {
      return note(tenure).map(n -> n + overlapClause(bandOverlap(hireMonths, panel)));
    }
    BalanceTable.Balance within = withinBands(tenure.metric(), hireMonths, panel);
    balance.add(within);
    return noteAfterAdjustment(within);
  }
}
