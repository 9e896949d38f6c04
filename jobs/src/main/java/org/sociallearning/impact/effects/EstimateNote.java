package org.sociallearning.impact.effects;

/**
 * One row of the published {@code estimate_notes} table: a note on one metric and segment, or on
 * every metric ({@code metric = "*"}, {@code segment = "all"}).
 *
 * @param metric metric name, or {@value #EVERY_METRIC}
 * @param segment segment name ({@code all} for the overall estimate)
 * @param code the stable code, see {@link NoteCode}
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param plainText a sentence for readers
 * @param technicalText the details for analysts (numbers, tests, months)
 */
public record EstimateNote(
    String metric,
    String segment,
    String code,
    String severity,
    String plainText,
    String technicalText) {

  public static final String EVERY_METRIC = "*";

  /** A note of a code with its own plain sentence. */
  static EstimateNote of(String metric, String segment, NoteCode code, String technical) {
    return of(metric, segment, code, code.plain(), technical);
  }

  static EstimateNote of(
      String metric, String segment, NoteCode code, String plain, String technical) {
    return new EstimateNote(
        metric, segment, code.code(), code.severity().label(), plain, technical);
  }

  /** What makes two notes the same note on different metrics. */
  record Key(String code, String severity, String plainText, String technicalText) {}

  Key key() {
    return new Key(code, severity, plainText, technicalText);
  }
}
