package org.sociallearning.impact.report;

import static org.sociallearning.impact.report.PublishedCsv.count;
import static org.sociallearning.impact.report.PublishedCsv.number;

import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.sociallearning.impact.schemas.PublishedTableList;

/**
 * A primary outcome's overall estimate with the other setting of {@code
 * estimation.exclude_months_after_hire}, as published in the {@code hire_sensitivity_*} columns of
 * {@code impact_estimates} when new hires are more than a fifth of its participants: shown beside
 * the headline under "Who joined".
 *
 * @param monthsOut months after hire left out of these numbers (0: every month kept)
 */
public record HireSensitivity(
    String metric,
    long monthsOut,
    double estimate,
    double ciLow,
    double ciHigh,
    double relativeEffect,
    double relativeCiLow,
    double relativeCiHigh,
    long participants) {

  static final String MONTHS = "hire_sensitivity_months";

  /** The overall rows that carry one (none in outputs written before the columns existed). */
  static List<HireSensitivity> read(PublishedCsv csv) {
    return csv.rows(PublishedTableList.csv("impact_estimates")).stream()
        .filter(r -> "all".equals(r.get("segment")) && present(r))
        .map(
            r ->
                new HireSensitivity(
                    r.get("metric"),
                    count(r, MONTHS),
                    number(r, "hire_sensitivity_estimate"),
                    number(r, "hire_sensitivity_ci_low"),
                    number(r, "hire_sensitivity_ci_high"),
                    number(r, "hire_sensitivity_relative_effect"),
                    number(r, "hire_sensitivity_relative_ci_low"),
                    number(r, "hire_sensitivity_relative_ci_high"),
                    count(r, "hire_sensitivity_n_treated")))
        .toList();
  }

  private static boolean present(CSVRecord r) {
    return r.isMapped(MONTHS) && r.get(MONTHS) != null && !r.get(MONTHS).isBlank();
  }

  /**
   * The headline result with these numbers instead, for the words of a table cell: ungraded, except
   * that beside an unreliable headline (groups not moving in parallel before joining) no number is
   * stated either, as the comparison itself is in doubt.
   */
  MetricResult applyTo(MetricResult headline) {
    return new MetricResult(
        headline.metric(),
        headline.label(),
        headline.unit(),
        headline.scale(),
        headline.direction(),
        headline.subjectPhrase(),
        headline.outcomePhrase(),
        estimate,
        ciLow,
        ciHigh,
        relativeEffect,
        relativeCiLow,
        relativeCiHigh,
        (int) participants,
        headline.nComparison(),
        List.of(),
        List.of(),
        false,
        Double.NaN,
        0,
        List.of(),
        headline.isUnreliable() ? MetricResult.UNRELIABLE : "",
        Double.NaN,
        DetectablePower.NONE);
  }
}
