package org.sociallearning.impact.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.outcomes.FirstDealComparison.ComparisonGroup;

/** Kaplan-Meier medians of time to first deal per landmark group, worked by hand. */
class FirstDealComparisonTest {

  /**
   * Participants: 70, 80, 100 (censored), 120 -> S(70) = 3/4, S(80) = 1/2: median 80.
   * Never-participants: 90, 150, 200 (censored) -> S(90) = 2/3, S(150) = 1/3: median 150. With the
   * later participant (100) too: 90, 100, 150, 200+ -> S(100) = 1/2: median 100.
   */
  static Dataset<Row> groupsWithCensoredSellers() {
    StructType schema =
        new StructType()
            .add("employee_id", DataTypes.StringType)
            .add("group", DataTypes.StringType)
            .add("days", DataTypes.IntegerType)
            .add("event", DataTypes.BooleanType);
    Object[][] people = {
      {"p1", TimeToFirstDeal.PARTICIPANT, 70, true},
      {"p2", TimeToFirstDeal.PARTICIPANT, 80, true},
      {"p3", TimeToFirstDeal.PARTICIPANT, 100, false},
      {"p4", TimeToFirstDeal.PARTICIPANT, 120, true},
      {"n1", TimeToFirstDeal.NEVER_PARTICIPANT, 90, true},
      {"n2", TimeToFirstDeal.NEVER_PARTICIPANT, 150, true},
      {"n3", TimeToFirstDeal.NEVER_PARTICIPANT, 200, false},
      {"l1", TimeToFirstDeal.LATER_PARTICIPANT, 100, true}
    };
    List<Row> rows = new ArrayList<>();
    for (Object[] p : people) {
      rows.add(RowFactory.create(p));
    }
    return TestSpark.session().createDataFrame(rows, schema);
  }

  @Test
  void participantsAgainstNeverParticipants() {
    FirstDealComparison c =
        FirstDealComparison.of(groupsWithCensoredSellers(), ComparisonGroup.NEVER_PARTICIPANTS);
    assertEquals(4, c.participants().size());
    assertEquals(3, c.comparison().size());
    assertEquals(80.0, c.participants().median().estimate());
    assertEquals(150.0, c.comparison().median().estimate());
    assertEquals(80.0 / 150.0, c.medianRatio(), 1e-12);
  }

  @Test
  void participantsAgainstEveryoneNotParticipatingAtTheLandmark() {
    FirstDealComparison c =
        FirstDealComparison.of(
            groupsWithCensoredSellers(), ComparisonGroup.NOT_PARTICIPATING_AT_LANDMARK);
    assertEquals(4, c.comparison().size());
    assertEquals(100.0, c.comparison().median().estimate());
    assertEquals(0.8, c.medianRatio(), 1e-12);
  }

  @Test
  void aCurveThatNeverReachesOneHalfGivesNoRatio() {
    Dataset<Row> mostlyCensored =
        groupsWithCensoredSellers().filter("group <> 'participant' or employee_id = 'p3'");
    FirstDealComparison c =
        FirstDealComparison.of(mostlyCensored, ComparisonGroup.NEVER_PARTICIPANTS);
    assertTrue(Double.isNaN(c.medianRatio()));
  }
}
