package org.sociallearning.impact.publish;

import static org.sociallearning.impact.publish.ResultTables.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.sociallearning.impact.effects.DetectableEffect;
import org.sociallearning.impact.effects.EstimateNote;
import org.sociallearning.impact.effects.GradedEstimate;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.effects.NewHireSensitivity;

/**
 * Publish step: the rows of {@code impact_estimates} (one per metric and segment, with its evidence
 * grade, power and which analysis is the headline) and of {@code estimate_notes}, in the column
 * order of their contracts. Missing numbers (suppressed) are null.
 */
public final class EstimateRows {

  /** The {@code analysis} of a row whose numbers come from the configured estimation settings. */
  public static final String MAIN = "main";

  /** The {@code analysis} of a row whose headline is the robust analysis. */
  public static final String ROBUST = "robust";

  private EstimateRows() {}

  /**
   * @param newHires per metric, its overall estimate with the other setting of
   *     exclude_months_after_hire (the {@code hire_sensitivity_*} columns of its overall row)
   */
  public static List<Row> estimates(
      List<GradedEstimate> graded, Map<String, NewHireSensitivity> newHires) {
    List<Row> rows = new ArrayList<>();
    for (GradedEstimate g : graded) {
      MetricEstimate e = g.estimate();
      DetectableEffect p = g.power();
      NewHireSensitivity h = "all".equals(e.segment()) ? newHires.get(e.metric().name()) : null;
      rows.add(
          RowFactory.create(
              e.metric().name(),
              e.segment(),
              num(e.estimate()),
              num(e.ciLow()),
              num(e.ciHigh()),
              num(e.relativeEffect()),
              num(e.relativeCiLow()),
              num(e.relativeCiHigh()),
              e.nTreated(),
              e.nComparison(),
              e.method(),
              publishedWarnings(e.warnings()),
              num(e.pValue()),
              num(e.pValueAdjusted()),
              num(e.preTrendPValue()),
              (long) e.preTrendTests(),
              e.preTrendMethod().isEmpty() ? null : e.preTrendMethod(),
              e.suppressed() ? null : e.aggregation(),
              num(e.simpleEstimate()),
              num(e.simpleCiLow()),
              num(e.simpleCiHigh()),
              num(e.meanEffect().estimate()),
              num(e.meanEffect().ciLow()),
              num(e.meanEffect().ciHigh()),
              num(e.sensitivity().breakdownMbar()),
              num(e.sensitivity().robustCiLow()),
              num(e.sensitivity().robustCiHigh()),
              num(e.sensitivity().robustRelativeCiLow()),
              num(e.sensitivity().robustRelativeCiHigh()),
              g.evidence(),
              num(p.mde()),
              num(p.mdeRelative()),
              g.grade() == null ? null : p.participantMonths(),
              p.participantMonthsNeeded() < 0 ? null : p.participantMonthsNeeded(),
              g.robustHeadline() ? ROBUST : MAIN,
              h == null ? null : (long) h.monthsOut(),
              h == null ? null : num(h.estimate()),
              h == null ? null : num(h.ciLow()),
              h == null ? null : num(h.ciHigh()),
              h == null ? null : num(h.relativeEffect()),
              h == null ? null : num(h.relativeCiLow()),
              h == null ? null : num(h.relativeCiHigh()),
              h == null ? null : h.participants()));
    }
    return rows;
  }

  /**
   * The warnings column: "; " separates warnings, so a warning's own "; " becomes ", " and the
   * report (which splits the column) shows each warning whole.
   */
  static String publishedWarnings(List<String> warnings) {
    return String.join("; ", warnings.stream().map(w -> w.replace("; ", ", ")).toList());
  }

  public static List<Row> notes(List<EstimateNote> notes) {
    List<Row> rows = new ArrayList<>();
    for (EstimateNote n : notes) {
      rows.add(
          RowFactory.create(
              n.metric(), n.segment(), n.code(), n.severity(), n.plainText(), n.technicalText()));
    }
    return rows;
  }
}
