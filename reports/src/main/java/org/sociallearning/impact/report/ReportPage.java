package org.sociallearning.impact.report;

import java.util.List;

/**
 * What the report template renders (publish step, results -> report): every number already written
 * for readers, every chart already drawn. The template only arranges and escapes; the same page
 * object gives the HTML (SVG charts) and the PDF (PNG charts).
 *
 * @param pdf true when rendered for the PDF (raster charts, print layout)
 */
public record ReportPage(
    String title,
    String asOf,
    String generatedAt,
    boolean pdf,
    List<String> runWarnings,
    List<Headline> headlines,
    List<String> roiSentences,
    List<Figure> eventStudies,
    List<Figure> calendar,
    List<Figure> forests,
    Knowledge knowledge,
    Value value,
    Quality quality,
    Method method) {

  /** One outcome's headline: the sentence, its money, and the caveats right beside it. */
  public record Headline(
      String label, String sentence, String valueSentence, List<String> warnings, String anchor) {
    public boolean hasValue() {
      return valueSentence != null && !valueSentence.isEmpty();
    }

    public boolean hasAnchor() {
      return anchor != null && !anchor.isEmpty();
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
