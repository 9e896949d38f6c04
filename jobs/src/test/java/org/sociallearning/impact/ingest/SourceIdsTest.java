package org.sociallearning.impact.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.TestSpark;

/** Two sources of one format whose ids overlap keep their records apart once combined. */
class SourceIdsTest {

  static Intake tickets(String... ids) {
    StructType schema =
        new StructType()
            .add("ticket_id", DataTypes.StringType)
            .add("assignee_email", DataTypes.StringType);
    List<Row> rows =
        java.util.Arrays.stream(ids)
            .map(id -> (Row) RowFactory.create(id, "a@example.com"))
            .toList();
    Dataset<Row> accepted = TestSpark.session().createDataFrame(rows, schema);
    return new Intake(
        "service_desk",
        "jira-sm-csv",
        "service_tickets",
        List.of("issues.csv"),
        accepted,
        accepted.limit(0),
        ids.length,
        0,
        0,
        ids.length);
  }

  @Test
  void twoJiraSitesNumberingAlikeStayTwoSetsOfTickets() {
    Intake eu = SourceIds.keyed(tickets("SD-1", "SD-2", null), "jira-eu");
    Intake us = SourceIds.keyed(tickets("SD-1", "SD-2"), "jira-us");
    Dataset<Row> combined = eu.accepted().unionByName(us.accepted());

    assertEquals(
        4, combined.filter("ticket_id is not null").select("ticket_id").distinct().count());
    assertEquals(
        List.of("jira-eu:SD-1", "jira-eu:SD-2", "jira-us:SD-1", "jira-us:SD-2"),
        combined.filter("ticket_id is not null").orderBy("ticket_id").collectAsList().stream()
            .map(r -> r.getString(0))
            .toList());
    assertNull(
        eu.accepted().filter("assignee_email is not null").orderBy("ticket_id").first().get(0),
        "a missing id stays missing");
    assertEquals(3, eu.read(), "counts are untouched");
    assertEquals("a@example.com", eu.accepted().first().getString(1), "other columns untouched");
  }
}
