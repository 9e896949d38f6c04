package org.sociallearning.impact.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;

class IdentityResolutionTest {

  @Test
  void emailsMatchOneEmployeeAndSharedEmailsMatchNobody() {
    StructType rosterSchema = new StructType().add("employee_id", DataTypes.StringType)
        .add("email", DataTypes.StringType);
    Dataset<Row> roster = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("E1", "ana@example.com"),
        RowFactory.create("E2", "team@example.com"),
        RowFactory.create("E3", "team@example.com"),
        RowFactory.create("E4", null)), rosterSchema);
    StructType eventSchema = new StructType().add("event", DataTypes.StringType)
        .add("email", DataTypes.StringType);
    Dataset<Row> events = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("a", "ana@example.com"),
        RowFactory.create("b", "team@example.com"),
        RowFactory.create("c", "contractor@example.net"),
        RowFactory.create("d", null)), eventSchema);

    Dataset<Row> resolved = IdentityResolution.resolve(events, "email",
        IdentityResolution.emailDirectory(roster));
    Map<String, Map<String, Object>> byEvent = Fixtures.byKey(resolved.collectAsList(), "event");
    assertEquals("E1", byEvent.get("a").get("employee_id"));
    assertNull(byEvent.get("b").get("employee_id"), "a shared mailbox is nobody in particular");
    assertNull(byEvent.get("c").get("employee_id"));
    assertEquals(4, byEvent.size(), "unmatched rows are kept, not dropped");
    assertEquals(3, IdentityResolution.unmatchedIdentities(resolved, "email"));
  }
}
