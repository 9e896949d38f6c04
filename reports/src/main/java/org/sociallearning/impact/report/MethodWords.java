package org.sociallearning.impact.report;

import java.util.List;

/**
 * The plain-words method, glossary and pre-trend reading of the report (publish step, results ->
 * report), written for a reader without a statistics background.
 */
final class MethodWords {

  static final String METHOD =
      "We compare employees who started taking part in a community"
          + " of practice with colleagues who had not, before and after each"
          + " person joined (staggered difference-in-differences, Callaway and Sant'Anna 2021)."
          + " Each person's own earlier months are their baseline, so stable differences between"
          + " people who join and people who do not (for example, stronger performers joining"
          + " more) do not count as an effect. The key assumption is that, without joining,"
          + " participants' results would have moved in parallel with the comparison group's;"
          + " the months before joining in the charts show whether that held. Durations are"
          + " compared on a log scale, so effects are percentages. Work is attributed to the"
          + " month it started and followed for a fixed horizon, so items still open at the"
          + " as-of date do not bias recent months. Intervals are 95% bootstrap intervals that"
          + " treat each person's months as one unit.";

  /** What the estimator's method text says when it adjusts for tenure. */
  static final String TENURE_ADJUSTED = "adjustment for tenure";

  static final String TENURE_WORDS =
      " New hires get faster at the job anyway and join communities more often than long-serving"
          + " colleagues, so the comparison adjusts for tenure: participants are compared with"
          + " colleagues who had been with the company about as long (tenure adjustment is on).";

  record Entry(String term, String meaning) {}

  static final List<Entry> GLOSSARY =
      List.of(
          new Entry(
              "Effect (ATT)",
              "The average difference that joining a community made for"
                  + " the people who joined, compared with what we estimate would have happened"
                  + " to them otherwise."),
          new Entry(
              "95% confidence interval (CI)",
              "The range of effects that fit the data"
                  + " well. If it includes zero, the data cannot tell a real effect apart from"
                  + " no effect."),
          new Entry(
              "Comparison group",
              "Colleagues who had not (yet) joined a community at the"
                  + " time, used to estimate what would have happened without joining."),
          new Entry(
              "Counterfactual",
              "What participants would have achieved without joining:"
                  + " their observed result minus the estimated effect."),
          new Entry(
              "Parallel trends",
              "The assumption that, before joining, both groups were"
                  + " moving in the same way. The months before joining in each chart let you"
                  + " check it: they should stay close to zero."),
          new Entry(
              "Placebo check",
              "An effect estimated for a month before joining. Joining"
                  + " cannot change the past, so these should be near zero; if they are not,"
                  + " the groups differed already."),
          new Entry(
              "Pre-trend test",
              "Two tests of the placebo checks, read together: one of"
                  + " all of them at once, and one of their average level against the month"
                  + " before joining (which catches a change just before people joined). A"
                  + " p-value below 0.05 means the groups were probably not on parallel paths"
                  + " before joining, and the effect deserves less trust."),
          new Entry(
              "p-value",
              "How surprising the data would be if there were no effect at"
                  + " all. Small values (below 0.05) mean the result is unlikely to be chance."),
          new Entry(
              "Staggered difference-in-differences",
              "People joined in different months;"
                  + " each group of joiners is compared with colleagues not yet treated at the"
                  + " same time, and the results are averaged."),
          new Entry(
              "Percentage points",
              "The difference between two percentages: from 40% to"
                  + " 44% is 4 percentage points (and 10% more)."),
          new Entry(
              "Geometric mean",
              "The typical value of a skewed quantity such as hours to"
                  + " resolve, less pulled up by a few very long cases than the plain average."),
          new Entry(
              "Kaplan-Meier median",
              "The time by which half the questions were answered,"
                  + " counting questions still open as 'not answered yet' rather than leaving"
                  + " them out."),
          new Entry(
              "Return on investment (ROI)",
              "(Benefit - cost) / cost: 100% means the"
                  + " programme returned twice what it cost."),
          new Entry(
              "Suppressed",
              "Not shown because fewer people than the minimum group size"
                  + " stand behind the number: it would be noisy and could identify people."));

  private MethodWords() {}

  /** The plain-words method followed by the estimator's own one-line description. */
  static String method(String technical) {
    return method(technical, "");
  }

  /** As {@link #method(String)}, with the participation rule in words after the first sentence. */
  static String method(String technical, String participationRule) {
    String words =
        participationRule == null || participationRule.isBlank()
            ? METHOD
            : METHOD.replaceFirst(
                "\\. ", ". " + java.util.regex.Matcher.quoteReplacement(participationRule) + " ");
    if (technical != null && technical.contains(TENURE_ADJUSTED)) {
      words += TENURE_WORDS;
    }
    return technical == null || technical.isBlank()
        ? words
        : words + " Technically: " + technical + ".";
  }

  /**
   * Who counts as a participant and from when, in plain words, from the manifest's {@code
   * participation} section; empty when the manifest has none (runs before it existed).
   */
  static String participationRule(com.fasterxml.jackson.databind.JsonNode p) {
    if (p == null || p.isMissingNode() || !p.has("min_interactions")) {
      return "";
    }
    int n = p.path("min_interactions").asInt();
    String window =
        p.path("window_days").isNumber()
            ? " within " + p.path("window_days").asInt() + " days"
            : "";
    StringBuilder b =
        new StringBuilder("Someone counts as a participant from the day of their ")
            .append(ordinal(n))
            .append(" interaction in a community")
            .append(window)
            .append(
                ", decided only from what they had done by that day, so later activity"
                    + " never moves the date or undoes it.");
    long tried = p.path("tried_it").asLong(0);
    if (tried > 0) {
      boolean compared = "compare".equals(p.path("tried_it_handling").asText());
      b.append(' ')
          .append(ReaderNumbers.count(tried))
          .append(tried == 1 ? " person" : " people")
          .append(" interacted fewer times (\"tried it\"); ")
          .append(
              compared
                  ? "they are counted in the comparison group."
                  : "they are in neither group, since their interest in the community"
                      + " may follow how their work went.");
    }
    int months = p.path("profile_months").asInt(0);
    if (months > 0) {
      b.append(" How active someone is and their main community come from their first ")
          .append(months)
          .append(months == 1 ? " month" : " months")
          .append(" after joining, never from later months.");
    }
    return b.toString();
  }

  private static String ordinal(int n) {
    return switch (n) {
      case 1 -> "first";
      case 2 -> "second";
      case 3 -> "third";
      case 4 -> "fourth";
      case 5 -> "fifth";
      default -> n + "th";
    };
  }

  /** One sentence on whether the months before joining looked parallel. */
  static String preTrendReading(MetricResult m) {
    if (!Double.isFinite(m.preTrendPValue()) || m.preTrendTests() == 0) {
      return "Not tested: too few months before joining with enough people.";
    }
    String test =
        " ("
            + m.preTrendTests()
            + " placebo "
            + (m.preTrendTests() == 1 ? "check" : "checks")
            + ", p = "
            + ReaderNumbers.pValue(m.preTrendPValue())
            + ")";
    return m.preTrendPValue() < 0.05
        ? "Before joining, the two groups were not moving in parallel"
            + test
            + ": read this effect with caution."
        : "Before joining, the two groups moved in parallel as far as the data can tell"
            + test
            + ".";
  }
}
