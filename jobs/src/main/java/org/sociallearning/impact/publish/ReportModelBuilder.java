package org.sociallearning.impact.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.sociallearning.impact.job.EventTimeEffect;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.job.MetricEstimate;
import org.sociallearning.impact.report.EventTimePoint;
import org.sociallearning.impact.report.MetricResult;
import org.sociallearning.impact.report.ReportModel;
import org.sociallearning.impact.report.SourceSummary;
import org.sociallearning.impact.schemas.MetricDefinition;

/** Publish step: turns the run's results into the report's model (no Spark types cross over). */
public final class ReportModelBuilder {

  static final String METHOD = "We compare employees who started taking part in a community of"
      + " practice (at least the configured number of interactions in community channels or"
      + " social learning records) with colleagues who never did, before and after each person"
      + " joined (staggered difference-in-differences, Callaway and Sant'Anna 2021). Each"
      + " person's own earlier months are their baseline, so stable differences between people"
      + " who join and people who do not (for example, stronger performers joining more) do not"
      + " count as an effect. The key assumption is that, without joining, participants' results"
      + " would have moved in parallel with the comparison group's; the months before joining in"
      + " the charts show whether that held. Durations are compared on a log scale, so effects"
      + " are percentages. Work is attributed to the month it started and followed for a fixed"
      + " horizon, so items still open at the as-of date do not bias recent months. Intervals"
      + " are 95% bootstrap intervals that treat each person's months as one unit.";

  private ReportModelBuilder() {}

  public static ReportModel build(LocalDate asOf, Instant generatedAt,
      List<MetricEstimate> estimates, List<Intake> intakes, List<String> runWarnings,
      int minGroupSize) {
    List<MetricResult> metrics = new ArrayList<>();
    for (MetricEstimate e : estimates) {
      if ("all".equals(e.segment())) {
        metrics.add(metric(e));
      }
    }
    List<SourceSummary> sources = new ArrayList<>();
    for (Intake i : intakes) {
      sources.add(new SourceSummary(i.role(), i.format(), i.read(), i.acceptedCount(),
          i.quarantined(), i.deduplicated()));
    }
    return new ReportModel("Social learning impact", asOf,
        DateTimeFormatter.ISO_INSTANT.format(generatedAt.atOffset(ZoneOffset.UTC)
            .withNano(0).toInstant()),
        metrics, sources, runWarnings, METHOD, minGroupSize);
  }

  static MetricResult metric(MetricEstimate e) {
    MetricDefinition d = e.metric();
    List<EventTimePoint> points = new ArrayList<>();
    for (EventTimeEffect a : e.eventStudy()) {
      points.add(new EventTimePoint(a.eventTime(), a.estimate(), a.ciLow(), a.ciHigh()));
    }
    return new MetricResult(d.name(), d.label(), d.unit(), d.scale(), d.direction(), d.subject(),
        d.outcomePhrase(), e.estimate(), e.ciLow(), e.ciHigh(), e.relativeEffect(),
        e.relativeCiLow(), e.relativeCiHigh(), (int) e.nTreated(), (int) e.nComparison(),
        e.warnings(), points, e.suppressed());
  }
}
