package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;

/**
 * "Who joined" on the notes page (publish step, results -> report): how long participants had been
 * with the company when they joined, against the comparison group, per primary outcome, from the
 * published {@code balance} table. New hires get faster anyway while they learn the job, so a large
 * difference is the first thing a sceptic asks about.
 */
final class WhoJoinedSection {

  static final String TENURE = "tenure_months";

  /** The share of each side in their first year after hire. */
  static final String FIRST_YEAR = "tenure_first_year";

  /**
   * The share of people whose propensity of joining (given tenure, pre-joining level and volume)
   * lies outside the other side's range.
   */
  static final String OUTSIDE = "propensity_outside_common_support";

  /** The share of participants without a comparison colleague alike that the reading mentions. */
  static final double UNLIKE_SHARE = 1.0 / 3;

  /** Above this absolute standardised difference the tenure gap caps the grade (as the job). */
  static final double IMBALANCED = 0.25;

  private WhoJoinedSection() {}

  static ReportPage.DataTable of(ReportModel model) {
    // Where new hires are many, the estimate with and without their first months after hire.
    boolean sideBySide =
        model.primary().stream().anyMatch(m -> sensitivity(model, m.metric()) != null);
    boolean adjusted =
        model.method() != null && model.method().contains(MethodWords.TENURE_ADJUSTED);
    List<List<String>> rows = new ArrayList<>();
    for (MetricResult m : model.primary()) {
      row(model, m.metric(), TENURE)
          .ifPresent(
              b -> {
                List<String> row = new ArrayList<>();
                row.add(m.label());
                row.add(ReaderNumbers.oneDecimal(b.participants()));
                row.add(ReaderNumbers.oneDecimal(b.comparison()));
                row.add(ReaderNumbers.decimals(b.smd(), 2));
                row.add(
                    reading(b.smd(), firstYear(model, m.metric()), adjusted)
                        + unlikeAnyone(model, m.metric()));
                if (sideBySide) {
                  row.addAll(withAndWithoutFirstMonths(model, m));
                }
                rows.add(row);
              });
    }
    List<String> columns =
        new ArrayList<>(
            List.of(
                "Outcome",
                "Participants (months)",
                "Comparison group (months)",
                "Standardised difference",
                "Reading"));
    if (sideBySide) {
      columns.add("Effect, every month");
      columns.add("Effect, first months after hire left out");
    }
    return new ReportPage.DataTable(
        "Months since hire when participants joined, against the comparison group at the"
            + " participants' typical joining month"
            + (sideBySide
                ? "; where new hires are more than a fifth of participants, the effect with"
                    + " and without each person's first months after hire"
                : ""),
        columns,
        rows,
        1,
        4);
  }

  /** The reading of an outcome whose participants had about their comparison group's tenure. */
  static final String SIMILAR = "similar tenure";

  /**
   * The table in one sentence where it has nothing to point out: every primary outcome's
   * participants had about their comparison group's tenure, and no outcome shows its effect without
   * the first months after hire. Empty otherwise (the table is shown).
   */
  static String summary(ReportModel model, ReportPage.DataTable table) {
    int reading = table.columns().indexOf("Reading");
    if (table.isEmpty()
        || reading != table.columns().size() - 1
        || table.rows().stream().anyMatch(r -> !r.get(reading).equals(SIMILAR))) {
      return "";
    }
    // From the balance rows, not the table's cells: those are written in the report's locale.
    List<Double> smds =
        model.primary().stream()
            .map(m -> row(model, m.metric(), TENURE))
            .flatMap(java.util.Optional::stream)
            .map(BalanceRow::smd)
            .toList();
    return "Participants had been with the company about as long as their comparison group when"
        + " they joined, for every primary outcome (standardised differences of months since hire "
        + ReaderNumbers.decimals(java.util.Collections.min(smds), 2)
        + (smds.size() > 1
            ? " to " + ReaderNumbers.decimals(java.util.Collections.max(smds), 2)
            : "")
        + "; the published balance table has the numbers).";
  }

  /**
   * Where a third or more ({@link #UNLIKE_SHARE}) of the participants are more (or less) likely to
   * join than anyone in the comparison group, given their tenure and how they worked before, the
   * reading says how many: the comparison stands in for people unlike them. Empty otherwise.
   */
  private static String unlikeAnyone(ReportModel model, String metric) {
    return row(model, metric, OUTSIDE)
        .filter(b -> b.participants() >= UNLIKE_SHARE)
        .map(
            b ->
                "; "
                    + Math.round(100 * b.participants())
                    + "% of participants have no comparison colleague as likely to join")
        .orElse("");
  }

  /** The two effect cells: every month kept, then the first months after hire left out. */
  private static List<String> withAndWithoutFirstMonths(ReportModel model, MetricResult m) {
    HireSensitivity h = sensitivity(model, m.metric());
    if (h == null) {
      return List.of("", "");
    }
    String headline = cell(m, model.minGroupSize());
    String other = cell(h.applyTo(m), model.minGroupSize());
    return h.monthsOut() == 0
        ? List.of(other, headline)
        : List.of(headline, other + " (first " + h.monthsOut() + " months left out)");
  }

  private static String cell(MetricResult m, int minGroupSize) {
    String interval = HeadlineSentence.intervalWords(m, minGroupSize);
    return HeadlineSentence.effectWords(m, minGroupSize)
        + (interval.isEmpty() ? "" : " (" + interval + ")")
        + ", "
        + m.nTreated()
        + " participants";
  }

  private static HireSensitivity sensitivity(ReportModel model, String metric) {
    return model.hireSensitivity().stream()
        .filter(h -> h.metric().equals(metric))
        .findFirst()
        .orElse(null);
  }

  /**
   * @param firstYear the tenure mix, said where the tenure differs: e.g. "62% in their first year,
   *     against 8%"; empty when not published
   * @param adjusted whether the run compared participants with colleagues of the same tenure
   */
  static String reading(double smd, String firstYear, boolean adjusted) {
    if (!Double.isFinite(smd)) {
      return "not known";
    }
    if (Math.abs(smd) <= IMBALANCED) {
      return SIMILAR;
    }
    return (smd < 0 ? "participants much newer" : "participants much longer-serving")
        + (firstYear.isEmpty() ? "" : " (" + firstYear + ")")
        + (adjusted
            ? ": each is compared with colleagues of the same tenure"
            : ": without a tenure adjustment the grade is at most weak");
  }

  /** The shares of each side in their first year, from the balance table; empty without them. */
  private static String firstYear(ReportModel model, String metric) {
    return row(model, metric, FIRST_YEAR)
        .filter(b -> Double.isFinite(b.participants()) && Double.isFinite(b.comparison()))
        .map(
            b ->
                Math.round(100 * b.participants())
                    + "% in their first year, against "
                    + Math.round(100 * b.comparison())
                    + "%")
        .orElse("");
  }

  /** The balance row of one metric and variable, if published. */
  private static java.util.Optional<BalanceRow> row(
      ReportModel model, String metric, String variable) {
    return model.balance().stream()
        .filter(b -> b.metric().equals(metric) && variable.equals(b.variable()))
        .findFirst();
  }
}
