package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Page one and the notes: the three sentences follow from the grades and the power figures, and a
 * note every outcome carries is said once, for all of them.
 */
class PageOneTest {

  private static ReportModel model(List<MetricResult> metrics, List<EstimateNote> notes) {
    return model(metrics, notes, "");
  }

  private static ReportModel model(
      List<MetricResult> metrics, List<EstimateNote> notes, String method) {
    return new ReportModel(
        "t",
        LocalDate.of(2025, 6, 30),
        "",
        metrics,
        List.of(),
        List.of(),
        method,
        30,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        notes,
        List.of("time_to_resolve_hours", "win_rate"),
        List.of(),
        List.of(),
        "en",
        List.of(),
        List.of());
  }

  /** The model with {@code balance} as its balance table. */
  private static ReportModel withBalance(ReportModel m, List<BalanceRow> balance) {
    return m.with(
        m.notes(), m.primaryMetrics(), m.history(), m.departmentFlow(), m.locale(), balance);
  }

  private static MetricResult inconclusiveWinRate(long have, long needed, long lastMonth) {
    MetricResult w = ReportFixture.winRate(0.01, -0.03, 0.05).withEvidence("inconclusive");
    List<CalendarPoint> calendar =
        List.of(
            new CalendarPoint(LocalDate.of(2025, 5, 1), 0.3, 0.3, 0.3, lastMonth / 2, 300),
            new CalendarPoint(LocalDate.of(2025, 6, 1), 0.3, 0.3, 0.3, lastMonth, 300));
    return new MetricResult(
        w.metric(),
        w.label(),
        w.unit(),
        w.scale(),
        w.direction(),
        w.subjectPhrase(),
        w.outcomePhrase(),
        w.estimate(),
        w.ciLow(),
        w.ciHigh(),
        w.relativeEffect(),
        w.relativeCiLow(),
        w.relativeCiHigh(),
        w.nTreated(),
        w.nComparison(),
        w.warnings(),
        w.eventStudy(),
        false,
        0.5,
        3,
        calendar,
        "inconclusive",
        2.0,
        new DetectablePower(0.05, have, needed));
  }

  @Test
  void threeSentencesFromTheGradesAndThePower() {
    ReportModel m =
        model(
            List.of(
                ReportFixture.faster().withEvidence("moderate"),
                inconclusiveWinRate(400, 1_000, 120)),
            List.of());
    List<String> sentences = SummarySection.of(m, 0).sentences();
    assertEquals(3, sentences.size(), sentences.toString());
    assertEquals(
        "Service agents who joined a community resolved tickets 18% faster than comparable"
            + " colleagues.",
        sentences.get(0));
    assertEquals(
        "The evidence is moderate for time to resolve a ticket; inconclusive for win rate.",
        sentences.get(1));
    // 600 participant-months missing at 120 a month: 5 months.
    assertTrue(
        sentences.get(2).startsWith("Keep measuring for about 5 more months"), sentences.get(2));
  }

  @Test
  void tooFarAwayMeansWidenTheProgrammeAndUnreliableComesFirst() {
    ReportModel far =
        model(
            List.of(
                ReportFixture.faster().withEvidence("inconclusive"),
                inconclusiveWinRate(100, 100_000, 50)),
            List.of());
    assertTrue(SummarySection.whatChanged(far).startsWith("No primary outcome has changed"));
    assertTrue(
        SummarySection.whatNext(far).contains("widen the programme"), SummarySection.whatNext(far));
    ReportModel unreliable =
        model(
            List.of(
                ReportFixture.faster().withEvidence("unreliable"),
                inconclusiveWinRate(400, 1_000, 120)),
            List.of());
    assertTrue(
        SummarySection.whatNext(unreliable).startsWith("Before acting on time to resolve"),
        SummarySection.whatNext(unreliable));
    ReportPage.SummaryRow row = SummarySection.of(unreliable, 0).rows().get(0);
    assertEquals("no finding", row.effect());
    assertEquals("", row.interval());
    assertEquals("unreliable", row.grade());
  }

  @Test
  void aNoteOnEveryOutcomeIsSaidOnceAndTheOthersStayWithTheirOutcome() {
    List<EstimateNote> notes = new ArrayList<>();
    for (String metric : List.of("time_to_resolve_hours", "win_rate")) {
      notes.add(
          new EstimateNote(
              metric,
              "all",
              "small_joining_months",
              "info",
              "Some joining months are small.",
              metric + ": 6 joining months have fewer than 5 people"));
      notes.add(
          new EstimateNote(
              metric, "department=Support", "few_participants", "warning", "Few.", "few"));
    }
    notes.add(
        new EstimateNote(
            "win_rate",
            "all",
            "robust_headline",
            "warning",
            "The headline is the robust one.",
            "robust"));
    notes.add(
        new EstimateNote(
            "*", "all", "event_study_points_dropped", "info", "Months are left out.", "left"));
    ReportModel m =
        model(
            List.of(
                ReportFixture.faster().withEvidence("moderate"),
                inconclusiveWinRate(400, 1_000, 120)),
            notes);
    List<OutcomeNotes.Line> common = OutcomeNotes.common(m);
    assertEquals(
        List.of("event_study_points_dropped", "small_joining_months"),
        common.stream().map(OutcomeNotes.Line::key).sorted().toList());
    assertEquals(List.of(), OutcomeNotes.own(m, m.metrics().get(0), common));
    assertEquals(
        List.of("robust_headline"),
        OutcomeNotes.own(m, m.metrics().get(1), common).stream()
            .map(OutcomeNotes.Line::key)
            .toList());

    String html = HtmlReport.render(m);
    String body = html.substring(html.indexOf("<body"), html.indexOf("<section id=\"appendix\""));
    assertEquals(1, count(body, "Some joining months are small."), "once, for all outcomes");
    assertTrue(body.indexOf("Notes for all outcomes") < body.indexOf("Some joining months"));
    assertEquals(1, count(body, "The headline is the robust one."));
    assertFalse(body.contains("Few."), "segment notes are not the overall estimate's");
    // 2 common notes + 1 of the win rate's own.
    assertTrue(body.contains("3 notes about data and method"), body);
  }

  @Test
  void theEstimateOverTheRunsIsDrawnOnceTwoRunsExist() {
    MetricResult faster = ReportFixture.faster().withEvidence("moderate");
    List<HistoryPoint> three =
        List.of(
            new HistoryPoint(
                "20250501T021400Z",
                "2025-04-30",
                "time_to_resolve_hours",
                Math.log(0.9),
                Math.log(0.7),
                Math.log(1.1),
                -0.1,
                -0.3,
                0.1,
                "inconclusive"),
            new HistoryPoint(
                "20250601T021400Z",
                "2025-05-31",
                "time_to_resolve_hours",
                Math.log(0.85),
                Math.log(0.75),
                Math.log(0.95),
                -0.15,
                -0.25,
                -0.05,
                "moderate"),
            new HistoryPoint(
                "20250701T021400Z",
                "2025-06-30",
                "time_to_resolve_hours",
                Math.log(0.82),
                Math.log(0.78),
                Math.log(0.86),
                -0.18,
                -0.22,
                -0.14,
                "moderate"));
    ReportModel m = with(model(List.of(faster), List.of()), three, List.of());
    String html = HtmlReport.render(m);
    int at = html.indexOf("<section id=\"history\"");
    assertTrue(at > html.indexOf("<section id=\"summary\""), "after page one");
    String section = html.substring(at, html.indexOf("</section>", at));
    assertEquals(1, count(section, "<img "));
    assertTrue(
        section.contains("in each of 3 runs, from -10.0 in the run of 1 May 02:14"), section);
    assertTrue(section.contains("<th scope=\"row\">1 Jul 02:14</th><td>2025-06-30</td>"), section);
    assertEquals(3, count(section, "<td>moderate</td>") + count(section, "<td>inconclusive</td>"));

    String one =
        HtmlReport.render(with(model(List.of(faster), List.of()), three.subList(2, 3), List.of()));
    assertFalse(one.contains("How the estimates have moved"), "one run has no history to show");
  }

  @Test
  void knowledgeFlowBetweenDepartmentsIsAHeatmapWithSmallPairsGrey() {
    ReportModel base = ReportFixture.model();
    List<DepartmentFlow> flows =
        List.of(
            new DepartmentFlow("Support", "Sales", 120, false),
            new DepartmentFlow("Sales", "Sales", 60, false),
            new DepartmentFlow("Sales", "Support", -1, true),
            new DepartmentFlow("Support", "Support", 20, false));
    ReportModel m = with(base, base.history(), flows);
    String html = HtmlReport.render(m);
    int at = html.indexOf("<section id=\"knowledge-flow\"");
    String section = html.substring(at, html.indexOf("</section>", at));
    assertTrue(section.contains("id=\"knowledge-departments\""), section);
    assertTrue(
        section.contains(
            "the largest flow across departments: Support answered 120 questions from Sales;"
                + " 40% of the questions shown were answered within the department that asked"),
        section);
    String numbers = html.substring(html.indexOf("id=\"knowledge-departments-numbers\""));
    assertTrue(
        numbers.contains(
            "<th scope=\"row\">Sales</th><td>Support</td><td class=\"num\">fewer"
                + " than 30 people</td>"),
        numbers.substring(0, 2000));
    assertTrue(numbers.contains("<td class=\"num\">120</td>"));

    List<DepartmentFlow> allSmall = List.of(new DepartmentFlow("Sales", "Support", -1, true));
    assertEquals(
        null,
        KnowledgeFlowSection.departmentsFigure(with(base, base.history(), allSmall), false),
        "nothing to draw when every pair is too small");
  }

  @Test
  void whoJoinedShowsTenureAgainstTheComparisonGroup() {
    ReportModel base = model(List.of(ReportFixture.faster().withEvidence("weak")), List.of());
    List<BalanceRow> balance =
        List.of(
            new BalanceRow("time_to_resolve_hours", "tenure_months", 7.04, 70.0, -2.11),
            new BalanceRow("time_to_resolve_hours", "pre-joining x", 2.5, 2.8, -0.7),
            new BalanceRow(
                "time_to_resolve_hours", "propensity_outside_common_support", 0.384, 0.02, 1.1),
            new BalanceRow("time_to_resolve_hours", "tenure_first_year", 0.62, 0.081, 1.9),
            new BalanceRow("win_rate", "tenure_months", 60.0, 61.0, -0.05));
    ReportModel m = withBalance(base, balance);
    ReportPage.DataTable table = WhoJoinedSection.of(m);
    assertEquals(1, table.rows().size(), "the primary outcomes that were estimated");
    assertEquals(
        List.of(
            "Time to resolve a ticket",
            "7.0",
            "70.0",
            "-2.11",
            "participants much newer (62% in their first year, against 8%): without a tenure"
                + " adjustment the grade is at most weak; 38% of participants have no comparison"
                + " colleague as likely to join"),
        table.rows().get(0));
    String html = HtmlReport.render(m);
    int notes = html.indexOf("<section id=\"notes\"");
    assertTrue(html.indexOf("<h3>Who joined</h3>", notes) > notes, "on the notes page");

    // Tenure adjustment on (the default where the roster has hire dates): the same gap is what
    // the comparison adjusts for, not a cap on the grade.
    ReportModel adjusted =
        withBalance(
            model(
                base.metrics(),
                List.of(),
                MethodWords.method("doubly robust adjustment for tenure")),
            balance);
    assertEquals(
        "participants much newer (62% in their first year, against 8%): each is compared with"
            + " colleagues of the same tenure; 38% of participants have no comparison colleague as"
            + " likely to join",
        WhoJoinedSection.of(adjusted).rows().get(0).get(4));
  }

  /** Where every primary outcome's participants had their comparison group's tenure, one line. */
  @Test
  void whoJoinedIsOneSentenceWhereTenureIsSimilarEverywhere() {
    ReportModel base =
        model(
            List.of(
                ReportFixture.faster().withEvidence("weak"),
                ReportFixture.winRate(0.01, -0.03, 0.05).withEvidence("inconclusive")),
            List.of());
    List<BalanceRow> similar =
        List.of(
            new BalanceRow("time_to_resolve_hours", "tenure_months", 70.1, 74.9, -0.13),
            new BalanceRow("win_rate", "tenure_months", 65.3, 64.7, 0.01));
    ReportModel m = withBalance(base, similar);
    String sentence = WhoJoinedSection.summary(m, WhoJoinedSection.of(m));
    assertEquals(
        "Participants had been with the company about as long as their comparison group when"
            + " they joined, for every primary outcome (standardised differences of months since"
            + " hire -0.13 to 0.01; the published balance table has the numbers).",
        sentence);
    String html = HtmlReport.render(m);
    int notes = html.indexOf("<section id=\"notes\"");
    assertTrue(html.indexOf(sentence, notes) > notes, "said on the notes page");
    assertFalse(html.contains("Comparison group (months)"), "instead of the table");
    // Numbers in the report's locale: the sentence is read from the balance rows, not the cells.
    ReportModel german =
        m.with(m.notes(), m.primaryMetrics(), m.history(), m.departmentFlow(), "de", similar);
    assertTrue(
        HtmlReport.render(german).contains("months since hire -0,13 to 0,01;"),
        "German decimal commas");

    List<BalanceRow> oneNewer =
        List.of(
            new BalanceRow("time_to_resolve_hours", "tenure_months", 7.0, 70.0, -2.11),
            new BalanceRow("win_rate", "tenure_months", 65.3, 64.7, 0.01));
    ReportModel newer = withBalance(base, oneNewer);
    assertEquals(
        "", WhoJoinedSection.summary(newer, WhoJoinedSection.of(newer)), "the table is shown");
    assertTrue(HtmlReport.render(newer).contains("Comparison group (months)"));
  }

  /**
   * Where new hires are many, "Who joined" shows the effect with every month and with each person's
   * first months after hire left out, side by side.
   */
  @Test
  void whoJoinedShowsTheEffectWithAndWithoutTheFirstMonthsAfterHire() {
    MetricResult headline = ReportFixture.faster().withEvidence("moderate");
    ReportModel base = model(List.of(headline), List.of());
    List<BalanceRow> balance =
        List.of(new BalanceRow("time_to_resolve_hours", "tenure_months", 3.0, 70.0, -2.4));
    ReportModel m =
        new ReportModel(
            base.title(),
            base.asOf(),
            base.generatedAt(),
            base.metrics(),
            base.sources(),
            base.runWarnings(),
            base.method(),
            base.minGroupSize(),
            base.segments(),
            base.values(),
            base.knowledgeFlow(),
            base.concentration(),
            base.learningMix(),
            base.quarantineReasons(),
            base.notes(),
            base.primaryMetrics(),
            base.history(),
            base.departmentFlow(),
            base.locale(),
            balance,
            List.of(
                new HireSensitivity(
                    "time_to_resolve_hours",
                    3,
                    -0.02,
                    -0.12,
                    0.08,
                    Math.expm1(-0.02),
                    Math.expm1(-0.12),
                    Math.expm1(0.08),
                    41)));
    ReportPage.DataTable table = WhoJoinedSection.of(m);
    assertEquals(7, table.columns().size(), table.columns().toString());
    List<String> row = table.rows().get(0);
    assertEquals(
        HeadlineSentence.effectWords(headline, 30)
            + " ("
            + HeadlineSentence.intervalWords(headline, 30)
            + "), "
            + headline.nTreated()
            + " participants",
        row.get(5));
    assertTrue(row.get(6).startsWith("2% faster ("), row.get(6));
    assertTrue(row.get(6).endsWith("41 participants (first 3 months left out)"), row.get(6));
    assertTrue(HtmlReport.render(m).contains("first 3 months left out"));
    // Beside an unreliable headline, the other estimate states no number either.
    HireSensitivity h = m.hireSensitivity().get(0);
    assertEquals(
        "no finding",
        HeadlineSentence.effectWords(h.applyTo(headline.withEvidence("unreliable")), 30));

    ReportModel without = withBalance(base, balance);
    assertEquals(
        5, WhoJoinedSection.of(without).columns().size(), "few new hires: no extra columns");
  }

  @Test
  void theForestPlotShowsEachSegmentsGrade() {
    MetricResult overall = ReportFixture.faster().withEvidence("moderate");
    List<SegmentResult> segments =
        List.of(
            new SegmentResult("department", "Support", overall.withEvidence("strong")),
            new SegmentResult("community", "ask-it", overall.withEvidence("")));
    List<ForestPlot.Row> rows = ForestPlot.rows(overall, segments, 30);
    String svg = ChartImage.svg(ForestPlot.chart(overall, rows), 720, 300, "t");
    assertTrue(svg.contains("All participants [moderate]"), "overall with its grade");
    assertTrue(svg.contains("Department: Support [strong]"));
    assertTrue(svg.contains("Community: ask-it"), svg);
    assertFalse(svg.contains("Community: ask-it ["), "no grade where the segment has none");
  }

  @Test
  void numbersAreWrittenForTheReportsLocale() {
    ReportModel en = ReportFixture.gradedModel();
    String english = HtmlReport.render(en);
    assertTrue(english.contains("1,204,331"), "en grouping");
    assertTrue(english.contains("EUR 67,892 a year"));
    assertTrue(english.contains("p = 0.012"));
    String german = HtmlReport.render(withLocale(en, "de"));
    assertTrue(german.contains("1.204.331"), "de grouping");
    assertTrue(german.contains("EUR 67.892 a year"));
    assertTrue(german.contains("p = 0,012"));
    assertTrue(german.contains("<td class=\"num\">-25,0</td>"), "de decimal comma");
    String french = HtmlReport.render(withLocale(en, "fr"));
    assertTrue(french.contains("1\u202f204\u202f331"), "fr grouping: narrow no-break spaces");
    assertTrue(french.contains("p = 0,012"));
    assertEquals(english, HtmlReport.render(en), "rendering leaves the locale as it was");
  }

  /** {@code m} with another estimate history and knowledge flow between departments. */
  private static ReportModel with(
      ReportModel m, List<HistoryPoint> history, List<DepartmentFlow> flows) {
    return m.with(m.notes(), m.primaryMetrics(), history, flows, m.locale(), m.balance());
  }

  private static ReportModel withLocale(ReportModel m, String tag) {
    return m.with(m.notes(), m.primaryMetrics(), m.history(), m.departmentFlow(), tag, m.balance());
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
