package org.sociallearning.impact.report;

import java.util.Locale;
import java.util.Set;

/**
 * Turns one {@link MetricResult} into the plain-words headline sentence of the report; part of the
 * publish step (results -> report).
 *
 * <p>Rules, kept small on purpose so they can be read and tested in one go:
 *
 * <ul>
 *   <li>log-scale outcomes measured in time read as "x% faster/slower"; other log-scale outcomes as
 *       "x% higher/lower"; both rounded to whole percent;
 *   <li>level-scale outcomes (differences in a proportion) read as "x.x percentage points
 *       more/fewer";
 *   <li>when the 95% CI includes zero the sentence says we cannot tell the direction rather than
 *       presenting the point estimate as a finding;
 *   <li>suppressed outcomes say only that the groups were too small;
 *   <li>an {@code unreliable} estimate (pre-trends rejected, or a dip just before joining) says
 *       there is no finding and gives no number.
 * </ul>
 *
 * Participation counts are deliberately left out: they invite readers to judge the result by sample
 * size instead of by the interval.
 */
public final class HeadlineSentence {

  private static final String PEERS = "than comparable colleagues";

  /** An unreliable estimate is never stated: its number would read as a finding. */
  static final String NO_FINDING =
      "No finding: the groups were not moving in parallel before joining.";

  private static final String EFFECT_SLOT = "{effect}";
  private static final Set<String> TIME_UNITS =
      Set.of(
          "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
          "month", "months");

  /**
   * Words for one kind of outcome. {@code readerHigh} is the word a reader hears as "more of it"
   * (faster, higher, more); it decides the order of the bounds when the CI spans zero.
   */
  private record Words(
      String whenNegative, String whenPositive, boolean negativeIsReaderHigh, boolean points) {
    String word(double value) {
      return value < 0 ? whenNegative : whenPositive;
    }

    String eitherWay() {
      return negativeIsReaderHigh
          ? whenNegative + " or " + whenPositive
          : whenPositive + " or " + whenNegative;
    }
  }

  private static final Words DURATION = new Words("faster", "slower", true, false);
  private static final Words RELATIVE = new Words("lower", "higher", false, false);
  private static final Words POINTS = new Words("fewer", "more", false, true);

  private HeadlineSentence() {}

  /**
   * Headline for a metric when the minimum group size is not known; a suppressed result then says
   * so without the threshold.
   */
  public static String forMetric(MetricResult m) {
    return forMetric(m, 0);
  }

  /** Headline for a metric; {@code minGroupSize} is quoted when the result is suppressed. */
  public static String forMetric(MetricResult m, int minGroupSize) {
    if (m.isSuppressed(minGroupSize)) {
      return minGroupSize > 0
          ? "Not enough people (fewer than " + minGroupSize + ") to report this outcome."
          : "Not enough people to report this outcome.";
    }
    if (m.isUnreliable()) {
      return NO_FINDING;
    }
    Words words = wordsFor(m);
    double est = words.points ? m.estimate() : m.relativeEffect();
    double low = words.points ? m.ciLow() : m.relativeCiLow();
    double high = words.points ? m.ciHigh() : m.relativeCiHigh();
    if (!Double.isFinite(est) || !Double.isFinite(low) || !Double.isFinite(high)) {
      // A NaN would otherwise print as "NaN% slower"; say plainly that there is no number.
      return "The effect on this outcome could not be estimated in this run.";
    }
    if (low > high) {
      double swap = low;
      low = high;
      high = swap;
    }
    String who = m.subjectPhrase() + " who joined a community";
    if (low <= 0 && high >= 0) {
      return "We cannot tell whether "
          + midSentence(who)
          + " "
          + withEffect(m.outcomePhrase(), words.eitherWay())
          + " "
          + PEERS
          + ": the estimate is "
          + amount(est, words, true)
          + " "
          + words.word(est)
          + ", but the 95% CI runs from "
          + spanningBounds(low, high, words)
          + ".";
    }
    String effect = amount(est, words, true) + " " + words.word(est);
    return who
        + " "
        + withEffect(m.outcomePhrase(), effect)
        + " ("
        + sameSideBounds(low, high, words)
        + ") "
        + PEERS
        + ".";
  }

  /**
   * The effect alone, for a table cell: "20% faster", "0.4 points fewer"; what stands in for it
   * when there is no number to state ("not reported", "no finding", "not estimated").
   */
  static String effectWords(MetricResult m, int minGroupSize) {
    if (m.isSuppressed(minGroupSize)) {
      return "not reported (too few people)";
    }
    if (m.isUnreliable()) {
      return "no finding";
    }
    Words words = wordsFor(m);
    double est = words.points ? m.estimate() : m.relativeEffect();
    if (!Double.isFinite(est)) {
      return "not estimated";
    }
    return (words.points ? amount(est, words, false) + " points" : amount(est, words, false))
        + " "
        + words.word(est);
  }

  /** The 95% interval alone, in the reader's words: "9% to 29% faster"; empty without one. */
  static String intervalWords(MetricResult m, int minGroupSize) {
    if (m.isSuppressed(minGroupSize) || m.isUnreliable()) {
      return "";
    }
    Words words = wordsFor(m);
    double low = words.points ? m.ciLow() : m.relativeCiLow();
    double high = words.points ? m.ciHigh() : m.relativeCiHigh();
    if (!Double.isFinite(low) || !Double.isFinite(high)) {
      return "";
    }
    if (low > high) {
      double swap = low;
      low = high;
      high = swap;
    }
    if (low <= 0 && high >= 0) {
      return spanningBounds(low, high, words);
    }
    double a = Math.min(Math.abs(low), Math.abs(high));
    double b = Math.max(Math.abs(low), Math.abs(high));
    String unit = words.points ? " points " : " ";
    return amount(a, words, false) + " to " + amount(b, words, false) + unit + words.word(low);
  }

  /**
   * The finding in one short clause without its interval, e.g. "service agents who joined a
   * community resolved tickets 20% faster than comparable colleagues"; for page one's first
   * sentence, where the interval stands in the table above it.
   */
  static String shortFinding(MetricResult m) {
    Words words = wordsFor(m);
    double est = words.points ? m.estimate() : m.relativeEffect();
    String effect = amount(est, words, true) + " " + words.word(est);
    return midSentence(m.subjectPhrase())
        + " who joined a community "
        + withEffect(m.outcomePhrase(), effect)
        + " "
        + PEERS;
  }

  /**
   * Lower-cases the first letter so a phrase written to start a sentence can sit inside one, but
   * leaves acronyms ("SDRs") alone.
   */
  static String midSentence(String phrase) {
    if (phrase == null
        || phrase.length() < 2
        || !Character.isUpperCase(phrase.charAt(0))
        || Character.isUpperCase(phrase.charAt(1))) {
      return phrase == null ? "" : phrase;
    }
    return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
  }

  private static Words wordsFor(MetricResult m) {
    if (m.isProportion()) {
      return POINTS;
    }
    if (!m.isLogScale()) {
      // Counts and amounts read best as a relative change against the counterfactual.
      return RELATIVE;
    }
    String unit = m.unit() == null ? "" : m.unit().trim().toLowerCase(Locale.ROOT);
    return TIME_UNITS.contains(unit) ? DURATION : RELATIVE;
  }

  private static String withEffect(String outcomePhrase, String effect) {
    String phrase = outcomePhrase == null ? "" : outcomePhrase;
    return phrase.contains(EFFECT_SLOT)
        ? phrase.replace(EFFECT_SLOT, effect)
        : phrase + " " + effect;
  }

  /** Both bounds on one side of zero: magnitudes, smaller first, one shared word. */
  private static String sameSideBounds(double low, double high, Words words) {
    double a = Math.min(Math.abs(low), Math.abs(high));
    double b = Math.max(Math.abs(low), Math.abs(high));
    return words.points
        ? "95% CI " + amount(a, words, false) + " to " + amount(b, words, false) + " points"
        : "95% CI " + amount(a, words, false) + " to " + amount(b, words, false);
  }

  /**
   * Bounds on both sides of zero: each with its own word, ordered from the reader's "less" end to
   * the "more" end (slower before faster, fewer before more).
   */
  private static String spanningBounds(double low, double high, Words words) {
    double first = words.negativeIsReaderHigh ? high : low;
    double second = words.negativeIsReaderHigh ? low : high;
    String unitWord = words.points ? " points " : " ";
    return amount(first, words, false)
        + unitWord
        + words.word(first)
        + " to "
        + amount(second, words, false)
        + unitWord
        + words.word(second);
  }

  /**
   * Magnitude in reader units: whole percent for relative effects, one decimal for percentage
   * points ({@code longUnit} spells out "percentage points" for the estimate).
   */
  private static String amount(double value, Words words, boolean longUnit) {
    double magnitude = Math.abs(value) * 100;
    if (words.points) {
      String number = String.format(ReaderNumbers.locale(), "%.1f", magnitude);
      return longUnit ? number + " percentage points" : number;
    }
    return Math.round(magnitude) + "%";
  }
}
