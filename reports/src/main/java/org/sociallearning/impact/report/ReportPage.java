package org.sociallearning.impact.report;

import java.util.List;

/**
 * What the report template renders (publish step, results -> report): every number already written
 * for readers, every chart already drawn. The template only arranges and escapes; the same page
 * object gives the HTML (SVG charts) and the PDF (PNG charts).
 *
 * @param from the first month of outcomes the estimates use ("March 2025"), empty when unknown
 * @param pdf true when rendered for the PDF (raster charts, print layout)
 */
public record ReportPage(
    String title,
    String from,
    String asOf,
    String generatedAt,
    boolean pdf,
    Summary summary,
    List<Outcome> primary,
    DataTable secondary,
    List<Figure> multiples,
    List<Figure> history,
    List<Figure> forests,
    List<String> roiSentences,
    Value value,
    Knowledge knowledge,
    List<NoteText> commonNotes,
    DataTable whoJoined,
    String whoJoinedSummary,
    List<String> runWarnings,
    List<Figure> eventStudies,
    List<Figure> calendar,
    List<Figure> moreForests,
    Quality quality,
    Method method) {

  /**
   * Whether {@code f}'s chart is drawn in the main body already: a primary outcome's in its
   * section, a secondary outcome's as a small multiple.
   */
  public boolean shownAbove(Figure f) {
    return primary.stream().anyMatch(o -> o.chart() != null && o.chart().id().equals(f.id()))
        || multiples.stream().anyMatch(s -> s.id().equals(f.id()));
  }

  /**
   * Page one: a row per primary outcome, three sentences (what changed, how sure, what next) and
   * how many notes the reader finds further on.
   */
  public record Summary(List<SummaryRow> rows, List<String> sentences, String legend, int notes) {}

  /**
   * One primary outcome on page one: its effect and interval in words, its evidence grade and its
   * money a year where valued; {@code anchor} links to its section.
   */
  public record SummaryRow(
      String label, String effect, String interval, String grade, String value, String anchor) {
    public boolean graded() {
      return grade != null && !grade.isEmpty();
    }
  }

  /**
   * A primary outcome's section: the graded sentence, its money, its event-study chart and the
   * notes that concern it alone, in plain words (technical words beside them).
   */
  public record Outcome(
      String id,
      String label,
      String grade,
      String sentence,
      String valueSentence,
      Figure chart,
      List<NoteText> notes) {
    public boolean hasValue() {
      return valueSentence != null && !valueSentence.isEmpty();
    }
  }

  /**
   * A note in plain words, its technical wording and severity (info, warning, error); {@code scope}
   * names the outcomes a shared note concerns (empty: all of them).
   */
  public record NoteText(String plain, String technical, String severity, String scope) {
    public boolean scoped() {
      return scope != null && !scope.isEmpty();
    }

    public boolean hasTechnical() {
      return technical != null && !technical.isEmpty() && !technical.equalsIgnoreCase(plain);
    }
  }

  /**
   * A chart with its text alternative and the table of the same numbers; {@code emptyMessage}
   * replaces both when there is nothing to draw. {@code notes} and {@code warnings} sit under the
   * chart, next to the numbers they qualify.
   */
  public record Figure(
      String id,
      String heading,
      String src,
      int width,
      int height,
      String alt,
      String caption,
      DataTable table,
      List<String> notes,
      List<String> warnings,
      String emptyMessage) {
    public boolean hasChart() {
      return src != null && !src.isEmpty();
    }
  }

  /**
   * A data table: the first column holds row headers, columns {@code numericFrom} to {@code
   * numericTo} (exclusive) are right-aligned numbers, the rest wrapping text.
   */
  public record DataTable(
      String caption,
      List<String> columns,
      List<List<String>> rows,
      int numericFrom,
      int numericTo) {
    public boolean numeric(int column) {
      return column >= numericFrom && column < numericTo;
    }

    public boolean isEmpty() {
      return rows.isEmpty();
    }
  }

  public record Knowledge(
      List<String> summary,
      Figure questions,
      Figure departments,
      Figure mix,
      DataTable communities,
      String emptyMessage) {}

  public record Value(List<String> sentences, Figure chart, DataTable table, String emptyMessage) {}

  public record Quality(
      DataTable sources, DataTable quarantine, List<String> notes, List<String> warnings) {}

  public record Method(
      List<String> paragraphs,
      DataTable preTrends,
      List<String> estimateWarnings,
      List<Term> glossary) {}

  public record Term(String term, String meaning) {}
}
