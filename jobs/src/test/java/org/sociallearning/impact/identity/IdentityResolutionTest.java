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

/** Resolution on Spark rows: employee ids joined back, every row kept, counts per rule. */
class IdentityResolutionTest {

  @Test
  void rowsGetTheirEmployeeAndUnmatchedRowsAreKept() {
    StructType schema =
        new StructType()
            .add("event", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("source_user_id", DataTypes.StringType)
            .add("email", DataTypes.StringType)
            .add("person_name", DataTypes.StringType);
    Dataset<Row> forum =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    RowFactory.create("a", "slack", "U1", "ana.silva@example.com", "Ana Silva"),
                    RowFactory.create("b", "slack", "U1", "ana.silva@example.com", "Ana Silva"),
                    RowFactory.create("c", "slack", "U2", "bo.chen+x@corp.example.com", null),
                    RowFactory.create("d", "slack", "U3", "team@example.com", null),
                    RowFactory.create("e", "slack", "U4", null, "Raj Patel"),
                    RowFactory.create("f", "slack", "U5", "x@other.example.org", null),
                    RowFactory.create("g", "slack", null, null, null)),
                schema);
    IdentityResolver resolver =
        new IdentityResolver(
            IdentityResolverTest.ROSTER, IdentityResolverTest.ALIASES, IdMappings.none());

    IdentityResolution.Result result =
        IdentityResolution.resolve(forum, "forum_interactions", resolver);

    Map<String, Map<String, Object>> byEvent =
        Fixtures.byKey(result.rows().collectAsList(), "event");
    assertEquals(7, byEvent.size(), "unmatched rows are kept, not dropped");
    assertEquals("E1", byEvent.get("a").get("employee_id"));
    assertEquals("E1", byEvent.get("b").get("employee_id"));
    assertEquals("E2", byEvent.get("c").get("employee_id"));
    assertNull(byEvent.get("d").get("employee_id"), "a shared mailbox is nobody in particular");
    assertEquals("E7", byEvent.get("e").get("employee_id"));
    assertNull(byEvent.get("f").get("employee_id"));
    assertEquals(
        List.of("event", "source", "source_user_id", "email", "person_name", "employee_id"),
        List.of(result.rows().columns()));
    Map<MatchRule, long[]> counts = result.countsByRule();
    assertEquals(
        List.of(1L, 2L), List.of(counts.get(MatchRule.EMAIL)[0], counts.get(MatchRule.EMAIL)[1]));
    assertEquals(1L, counts.get(MatchRule.EMAIL_ALIAS)[0]);
    assertEquals(1L, counts.get(MatchRule.UNIQUE_NAME)[0]);
    assertEquals(1L, counts.get(MatchRule.AMBIGUOUS)[0]);
    assertEquals(1L, counts.get(MatchRule.UNMATCHED)[0]);
    assertEquals(
        List.of(0L, 1L),
        List.of(counts.get(MatchRule.NO_IDENTITY)[0], counts.get(MatchRule.NO_IDENTITY)[1]));
    assertEquals(2, result.unresolved());
  }

  @Test
  void tablesWithoutASourceColumnUseTheirSystemAndTheEmailAsTheMappedId() {
    StructType schema =
        new StructType()
            .add("ticket_id", DataTypes.StringType)
            .add("assignee_email", DataTypes.StringType);
    Dataset<Row> tickets =
        TestSpark.session()
            .createDataFrame(
                List.of(RowFactory.create("INC1", "raj@personal.example.net")), schema);
    IdMappings mappings =
        new IdMappings(
            List.of(new IdMappings.Mapping("servicenow", "raj@personal.example.net", "E7")),
            java.util.Set.of("E7"));
    IdentityResolver resolver =
        new IdentityResolver(IdentityResolverTest.ROSTER, Map.of(), mappings);
    IdentityResolution.Result result =
        IdentityResolution.resolve(tickets, "service_tickets", resolver);
    assertEquals("E7", result.rows().first().getAs("employee_id"));
    assertEquals(1L, result.countsByRule().get(MatchRule.ID_MAPPING)[0]);
  }
}
