package org.sociallearning.impact.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain words for the published value rows (publish step, results -> report): what each item is
 * called, the money sentence beside an outcome's headline, and the return-on-investment sentence.
 * Figures always come with their 95% interval.
 */
final class ValueWords {

  private ValueWords() {}

  static String itemLabel(String item) {
    return switch (item) {
      case "waiting_hours_saved" -> "Customer waiting time saved";
      case "hours_saved" -> "Hours of work saved";
      case "hours_value" -> "Value of hours of work saved";
      case "sales_cycle_days_saved" -> "Sales cycle days saved per deal";
      case "revenue_effect" -> "Gross profit of extra deals won (at most)";
      case "community_time_cost" -> "Time spent in communities";
      case "total_benefit" -> "Total benefit";
      case "program_cost" -> "Programme cost";
      case "roi_percent" -> "Return on investment";
      case "benefit_cost_ratio" -> "Benefit-cost ratio";
      default -> item;
    };
  }

  static Optional<ValueItem> find(List<ValueItem> values, String item) {
    return values.stream().filter(v -> v.item().equals(item) && v.hasNumber()).findFirst();
  }

  /** "1,230 hours (95% CI 800 hours to 1,600 hours)". */
  static String withInterval(ValueItem v) {
    String figure = ReaderNumbers.inUnit(v.estimate(), v.unit());
    if (!Double.isFinite(v.ciLow()) || !Double.isFinite(v.ciHigh())) {
      return figure;
    }
    return figure + " (95% CI " + ReaderNumbers.range(v.ciLow(), v.ciHigh(), v.unit()) + ")";
  }

  /**
   * The value sentence for one outcome's headline, or empty when nothing was valued for it (value
   * settings not configured, or the effect suppressed).
   */
  static Optional<String> forMetric(String metric, List<ValueItem> values) {
    return switch (metric) {
      case "time_to_resolve_hours" -> ticketSentence(values);
      case "sales_cycle_days" ->
          find(values, "sales_cycle_days_saved")
              .map(
                  days ->
                      (days.estimate() >= 0
                              ? "That is about " + withInterval(days) + " less"
                              : "That is about " + withInterval(abs(days)) + " more")
                          + " per deal.");
      case "win_rate" ->
          find(values, "revenue_effect")
              .map(
                  money ->
                      (money.estimate() >= 0 ? "That is worth at most about " : "That loses about ")
                          + withInterval(abs(money))
                          + " a year in gross profit (an upper"
                          + " bound: some deals may have been won from colleagues).");
      default -> Optional.empty();
    };
  }

  /**
   * Money a year for page one's table, short: "EUR 15,364 a year" for the hours of work saved, "at
   * most EUR 9,000 a year" for the gross profit of a win-rate change; empty when the outcome is not
   * valued in money (waiting time, sales cycle) or value settings are not configured.
   */
  static String perYear(String metric, List<ValueItem> values) {
    return switch (metric) {
      case "time_to_resolve_hours" ->
          find(values, "hours_value")
              .map(v -> ReaderNumbers.inUnit(v.estimate(), v.unit()) + " a year")
              .orElse("");
      case "win_rate" ->
          find(values, "revenue_effect")
              .map(
                  v ->
                      (v.estimate() >= 0 ? "at most " : "")
                          + ReaderNumbers.inUnit(v.estimate(), v.unit())
                          + " a year")
              .orElse("");
      default -> "";
    };
  }

  /**
   * Customer waiting time (elapsed hours, not valued) and hours of work (valued), or why the hours
   * of work are not known; empty when neither was estimated.
   */
  private static Optional<String> ticketSentence(List<ValueItem> values) {
    List<String> parts = new ArrayList<>();
    find(values, "waiting_hours_saved")
        .ifPresent(
            w ->
                parts.add(
                    (w.estimate() >= 0
                            ? "Customers waited about " + withInterval(abs(w)) + " less"
                            : "Customers waited about " + withInterval(abs(w)) + " more")
                        + " a year"));
    Optional<ValueItem> hours = find(values, "hours_saved");
    if (hours.isPresent()) {
      Optional<ValueItem> money = find(values, "hours_value");
      parts.add(
          (hours.get().estimate() >= 0
                  ? "the work saved comes to about "
                  : "the extra work comes to about ")
              + withInterval(abs(hours.get()))
              + " a year"
              + money.map(m -> ", worth " + withInterval(abs(m))).orElse(""));
    } else if (values.stream().anyMatch(v -> v.item().equals("hours_saved"))) {
      parts.add(
          "hours of work are not valued: the exports record no time worked on"
              + " tickets and no share of working time is configured");
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String sentence = String.join("; ", parts) + ".";
    return Optional.of(Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1));
  }

  /** The benefit against the programme cost, with ROI; empty when the cost is not known. */
  static List<String> roiSentences(List<ValueItem> values) {
    List<String> out = new ArrayList<>();
    Optional<ValueItem> benefit = find(values, "total_benefit");
    Optional<ValueItem> cost = find(values, "program_cost");
    Optional<ValueItem> roi = find(values, "roi_percent");
    if (benefit.isEmpty() || cost.isEmpty() || roi.isEmpty()) {
      return out;
    }
    out.add(
        "Overall, the measured benefits come to "
            + withInterval(benefit.get())
            + " a year against a programme cost of "
            + ReaderNumbers.inUnit(cost.get().estimate(), cost.get().unit())
            + ": a return on investment of "
            + withInterval(roi.get())
            + ".");
    double low = Math.min(roi.get().ciLow(), roi.get().ciHigh());
    if (Double.isFinite(low) && low < 0) {
      out.add(
          "The interval includes a loss: the data cannot rule out that the programme"
              + " costs more than the benefits it measurably brings.");
    }
    return out;
  }

  private static ValueItem abs(ValueItem v) {
    if (v.estimate() >= 0) {
      return v;
    }
    return new ValueItem(v.item(), -v.estimate(), -v.ciHigh(), -v.ciLow(), v.unit(), v.method());
  }
}
