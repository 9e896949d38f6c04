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

  /** Above this absolute standardised difference the tenure gap caps the grade (as the job). */
  static final double IMBALANCED = 0.25;

  private WhoJoinedSection() {}

  static ReportPage.DataTable of(ReportModel model) {
    List<List<String>> rows = new ArrayList<>();
    for (MetricResult m : model.primary()) {
      model.balance().stream()
          .filter(b -> b.metric().equals(m.metric()) && TENURE.equals(b.variable()))
          .findFirst()
          .ifPresent(
              b ->
                  rows.add(
                      List.of(
                          m.label(),
                          ReaderNumbers.oneDecimal(b.participants()),
                          ReaderNumbers.oneDecimal(b.comparison()),
                          ReaderNumbers.decimals(b.smd(), 2),
                          reading(b.smd()))));
    }
    return new ReportPage.DataTable(
        "Months since hire when participants joined, against the comparison group at the"
            + " participants' typical joining month",
        List.of(
            "Outcome",
            "Participants (months)",
            "Comparison group (months)",
            "Standardised difference",
            "Reading"),
        rows,
        1,
        4);
  }

  static String reading(double smd) {
    if (!Double.isFinite(smd)) {
      return "not known";
    }
    if (Math.abs(smd) <= IMBALANCED) {
      return "similar tenure";
    }
    return (smd < 0 ? "participants much newer" : "participants much longer-serving")
        + ": without a tenure adjustment the grade is at most weak";
  }
}
