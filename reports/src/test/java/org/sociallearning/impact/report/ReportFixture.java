package org.sociallearning.impact.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fixed, hand-written results used by the report tests; numbers chosen to test rounding. */
final class ReportFixture {

  static final String HOSTILE = "<script>alert(1)</script>";
  static final int MIN_GROUP = 30;

  private ReportFixture() {}

  /** Log-scale duration metric with the given relative effect and CI. */
  static MetricResult duration(
      String subject, String outcome, double rel, double relLow, double relHigh) {
    return new MetricResult(
        "time_to_resolve_hours",
        "Time to resolve a ticket",
        "hours",
        "log",
        "lower_is_better",
        subject,
        outcome,
        Math.log1p(rel),
        Math.log1p(relLow),
        Math.log1p(relHigh),
        rel,
        relLow,
        relHigh,
        420,
        1310,
        List.of(),
        logEventStudy(),
        false);
  }

  static MetricResult faster() {
    return duration("Service agents", "resolved tickets", -0.18, -0.22, -0.14);
  }

  static MetricResult slower() {
    MetricResult m = duration("Account executives", "closed deals", 0.12, 0.05, 0.19);
    return new MetricResult(
        "days_to_close",
        "Days to close a deal",
        "days",
        "log",
        "lower_is_better",
        m.subjectPhrase(),
        m.outcomePhrase(),
        m.estimate(),
        m.ciLow(),
        m.ciHigh(),
        m.relativeEffect(),
        m.relativeCiLow(),
        m.relativeCiHigh(),
        120,
        340,
        List.of("Only 7 months of follow-up for the latest cohort."),
        m.eventStudy(),
        false);
  }

  static MetricResult unclear() {
    return duration("Service agents", "resolved tickets", -0.03, -0.10, 0.05);
  }

  static MetricResult winRate(double est, double low, double high) {
    return new MetricResult(
        "win_rate",
        "Win rate",
        "share of deals",
        "level",
        "higher_is_better",
        "Account executives",
        "won {effect} of their deals",
        est,
        low,
        high,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        150,
        480,
        List.of("Win rate excludes deals still open at the as-of date."),
        List.of(
            new EventTimePoint(-2, 0.004, -0.02, 0.028),
            new EventTimePoint(-1, 0.0, 0.0, 0.0),
            new EventTimePoint(0, 0.021, -0.004, 0.046),
            new EventTimePoint(1, 0.043, 0.011, 0.075)),
        false);
  }

  static MetricResult suppressed() {
    return new MetricResult(
        "csat",
        "Customer satisfaction",
        "score",
        "level",
        "higher_is_better",
        "Service agents",
        "were rated",
        0.2,
        0.1,
        0.3,
        0,
        0,
        0,
        12,
        400,
        List.of(),
        List.of(new EventTimePoint(0, 0.2, 0.1, 0.3)),
        true);
  }

  /** A metric whose label and warning are hostile, to prove escaping end to end. */
  static MetricResult hostile() {
    return new MetricResult(
        "x\"><img src=x onerror=alert(1)>",
        HOSTILE,
        "hours",
        "log",
        "lower_is_better",
        "Members of " + HOSTILE,
        "resolved tickets",
        -0.1,
        -0.2,
        -0.05,
        -0.095,
        -0.18,
        -0.05,
        100,
        200,
        List.of("Community " + HOSTILE + " had a data gap"),
        logEventStudy(),
        false);
  }

  /** Months -3..3; month -1 is the reference (zero by construction). */
  static List<EventTimePoint> logEventStudy() {
    List<EventTimePoint> points = new ArrayList<>();
    double[] est = {0.01, -0.005, 0.0, -0.06, -0.1053605156578263, -0.15, -0.2};
    for (int i = 0; i < est.length; i++) {
      double half = i - 3 == -1 ? 0 : 0.04;
      points.add(new EventTimePoint(i - 3, est[i], est[i] - half, est[i] + half));
    }
    return points;
  }

  static List<SourceSummary> sources() {
    return List.of(
        new SourceSummary("helpdesk_tickets", "csv", 1_204_331, 1_198_002, 4_210, 2_119),
        new SourceSummary("crm_deals", "json", 88_410, 88_100, 0, 310),
        new SourceSummary("Community " + HOSTILE, "parquet", 5, 5, 0, 0));
  }

  static ReportModel model() {
    return new ReportModel(
        "Social Learning Impact: " + HOSTILE,
        LocalDate.of(2025, 6, 30),
        "2025-07-01 02:14 UTC",
        List.of(
            withChecks(faster(), 0.42, 4),
            slower(),
            unclear(),
            withChecks(winRate(0.041, 0.012, 0.070), 0.012, 2),
            suppressed(),
            hostile()),
        sources(),
        List.of("Source crm_deals arrived 3 hours late."),
        "We compare people who joined a community with colleagues who had not yet joined,"
            + " before and after joining.",
        MIN_GROUP,
        segments(),
        values(),
        knowledgeFlow(),
        concentration(),
        learningMix(),
        List.of(
            new QuarantineReason("service_desk", "opened_at: cannot parse", 4210),
            new QuarantineReason("crm", "IsDeleted: soft-deleted", 12)));
  }

  /**
   * The model with evidence grades, as a run publishes them: the faster tickets moderate, the win
   * rate unreliable (its pre-trend test failed), the rest as their intervals say.
   */
  static ReportModel gradedModel() {
    ReportModel m = model();
    List<String> grades =
        List.of("moderate", "moderate", "inconclusive", "unreliable", "", "moderate");
    List<MetricResult> graded = new java.util.ArrayList<>();
    for (int i = 0; i < m.metrics().size(); i++) {
      graded.add(m.metrics().get(i).withEvidence(grades.get(i)));
    }
    return new ReportModel(
        m.title(),
        m.asOf(),
        m.generatedAt(),
        graded,
        m.sources(),
        m.runWarnings(),
        m.method(),
        m.minGroupSize(),
        m.segments(),
        m.values(),
        m.knowledgeFlow(),
        m.concentration(),
        m.learningMix(),
        m.quarantineReasons());
  }

  /** The metric with a pre-trend test result and three calendar months (log scale). */
  static MetricResult withChecks(MetricResult m, double preTrendP, int tests) {
    List<CalendarPoint> calendar =
        List.of(
            new CalendarPoint(
                LocalDate.of(2025, 1, 1), Math.log(20), Math.log(22), Math.log(23), 40, 300),
            new CalendarPoint(
                LocalDate.of(2025, 2, 1), Math.log(18), Math.log(21.5), Math.log(22), 60, 300),
            new CalendarPoint(
                LocalDate.of(2025, 3, 1), Double.NaN, Double.NaN, Math.log(21), 0, 300));
    return new MetricResult(
        m.metric(),
        m.label(),
        m.unit(),
        m.scale(),
        m.direction(),
        m.subjectPhrase(),
        m.outcomePhrase(),
        m.estimate(),
        m.ciLow(),
        m.ciHigh(),
        m.relativeEffect(),
        m.relativeCiLow(),
        m.relativeCiHigh(),
        m.nTreated(),
        m.nComparison(),
        m.warnings(),
        m.eventStudy(),
        m.suppressed(),
        preTrendP,
        tests,
        m.isLogScale() ? calendar : List.of());
  }

  /** Segments of the ticket metric: one department, a hostile community, one too small. */
  static List<SegmentResult> segments() {
    MetricResult support = duration("Service agents", "resolved tickets", -0.25, -0.33, -0.16);
    MetricResult community = duration("Service agents", "resolved tickets", -0.12, -0.2, -0.03);
    MetricResult small =
        new MetricResult(
            "time_to_resolve_hours",
            "Time to resolve a ticket",
            "hours",
            "log",
            "lower_is_better",
            "Service agents",
            "resolved tickets",
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            4,
            200,
            List.of("suppressed: fewer than 30 people in a group"),
            List.of(),
            true);
    return List.of(
        SegmentResult.of("department=Support", support),
        SegmentResult.of("community=" + HOSTILE, community),
        SegmentResult.of("intensity=heavy", small));
  }

  static List<ValueItem> values() {
    return List.of(
        new ValueItem("hours_saved", 1234.4, 800.2, 1650.9, "hours", "hours x tickets"),
        new ValueItem("hours_value", 67892, 44011, 90800, "EUR", "hours x 55 EUR"),
        new ValueItem("revenue_effect", 52000, 15000, 90000, "EUR", "win rate x margin"),
        new ValueItem("total_benefit", 119892, 59011, 180800, "EUR", "sum"),
        new ValueItem("program_cost", 120000, Double.NaN, Double.NaN, "EUR", "configured"),
        new ValueItem("roi_percent", -0.09, -50.8, 50.7, "percent", "(b - c) / c"),
        new ValueItem("benefit_cost_ratio", 0.999, 0.49, 1.51, "ratio", "b / c"));
  }

  static List<KnowledgeFlowMonth> knowledgeFlow() {
    return List.of(
        new KnowledgeFlowMonth("ask-it", LocalDate.of(2025, 1, 1), 120, 96, 3.5, 0.4, false),
        new KnowledgeFlowMonth("ask-it", LocalDate.of(2025, 2, 1), 80, 60, 4.5, 0.5, false),
        new KnowledgeFlowMonth(HOSTILE, LocalDate.of(2025, 1, 1), 40, 20, 10.0, 0.25, false),
        new KnowledgeFlowMonth(
            "cop-tiny", LocalDate.of(2025, 1, 1), 0, 0, Double.NaN, Double.NaN, true));
  }

  static List<CommunityConcentration> concentration() {
    return List.of(
        new CommunityConcentration("ask-it", 40, 156, 0.31, 0.52, false),
        new CommunityConcentration(HOSTILE, 12, 20, 0.25, 0.4, false),
        new CommunityConcentration("cop-tiny", 0, 0, Double.NaN, Double.NaN, true));
  }

  static List<LearningMixMonth> learningMix() {
    return List.of(
        new LearningMixMonth(LocalDate.of(2025, 1, 1), 300, 700, 80, 150, false),
        new LearningMixMonth(LocalDate.of(2025, 2, 1), 0, 0, 0, 0, true));
  }
}
