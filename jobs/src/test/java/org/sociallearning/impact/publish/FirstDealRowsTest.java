package org.sociallearning.impact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.KaplanMeier;
import org.sociallearning.impact.outcomes.FirstDealComparison;

class FirstDealRowsTest {

  @Test
  void censoredPeopleCountInTheMedianAndSmallGroupsAreSuppressed() {
    // Six comparison sellers: four first deals (30, 60, 90, 120 days), two still without one.
    KaplanMeier comparison =
        KaplanMeier.fit(
            new double[] {30, 60, 90, 120, 150, 150},
            new boolean[] {true, true, true, true, false, false});
    KaplanMeier participants = KaplanMeier.fit(new double[] {20, 40}, new boolean[] {true, true});
    List<Row> rows =
        ResultTables.firstDealRows(new FirstDealComparison(participants, comparison), 5);

    Row p = rows.get(0);
    assertEquals("participants", p.getString(0));
    assertTrue(p.isNullAt(1) && p.isNullAt(3) && p.getBoolean(6), "two people: suppressed");
    Row c = rows.get(1);
    assertEquals(6L, c.getLong(1));
    assertEquals(4L, c.getLong(2));
    // S(90) = 3/6: the median is 90 days, although the naive median of the four deals is 75.
    assertEquals(90.0, c.getDouble(3), 1e-12);
    assertTrue(!c.getBoolean(6));
  }
}
