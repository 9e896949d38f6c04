package org.sociallearning.impact.outcomes;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.estimation.KaplanMeier;

/**
 * Comparison step for {@code time_to_first_deal_days}: Kaplan-Meier curves of the days from hire to
 * the first won deal for participants and a comparison group, fitted on the landmark groups of
 * {@link TimeToFirstDeal#landmarkGroups}. Collects one row per new seller to the driver (a small
 * table), as the estimator does with its panel.
 */
public record FirstDealComparison(KaplanMeier participants, KaplanMeier comparison) {

  /** Who the participants are compared with. */
  public enum ComparisonGroup {
    /** Never a participant by as_of: the job's control group; conditions on not joining later. */
    NEVER_PARTICIPANTS(Set.of(TimeToFirstDeal.NEVER_PARTICIPANT)),
    /** Not participating at the landmark, whether or not they joined later: classic landmark. */
    NOT_PARTICIPATING_AT_LANDMARK(
        Set.of(TimeToFirstDeal.NEVER_PARTICIPANT, TimeToFirstDeal.LATER_PARTICIPANT));

    private final Set<String> groups;

    ComparisonGroup(Set<String> groups) {
      this.groups = groups;
    }
  }

  /** Needs {@code group, days, event} as {@link TimeToFirstDeal#landmarkGroups} returns them. */
  public static FirstDealComparison of(Dataset<Row> landmarkGroups, ComparisonGroup comparison) {
    List<Row> rows = landmarkGroups.select(col("group"), col("days"), col("event")).collectAsList();
    return new FirstDealComparison(
        fit(rows, Set.of(TimeToFirstDeal.PARTICIPANT)), fit(rows, comparison.groups));
  }

  private static KaplanMeier fit(List<Row> rows, Set<String> groups) {
    List<Row> kept = new ArrayList<>();
    for (Row r : rows) {
      if (groups.contains(r.getString(0))) {
        kept.add(r);
      }
    }
    double[] days = new double[kept.size()];
    boolean[] events = new boolean[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      days[i] = kept.get(i).getInt(1);
      events[i] = kept.get(i).getBoolean(2);
    }
    return KaplanMeier.fit(days, events);
  }

  /**
   * Participants' median days over the comparison median (below 1: first deals sooner); NaN when
   * either curve never reaches one half. A point estimate only, without an interval.
   */
  public double medianRatio() {
    return participants.median().estimate() / comparison.median().estimate();
  }
}
