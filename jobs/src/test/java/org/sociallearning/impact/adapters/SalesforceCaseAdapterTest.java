package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class SalesforceCaseAdapterTest {

  static final Path REAL = TestSpark.sharedDir().resolve("realdata/salesforce-demo-org/Case.csv");
  static final String HEADER =
      "Id,IsDeleted,CaseNumber,ContactId,AccountId,SuppliedEmail,Type,"
          + "Status,Reason,Origin,Subject,Priority,Description,IsClosed,ClosedDate,IsEscalated,"
          + "OwnerId,CreatedDate,CreatedById,LastModifiedDate,SystemModstamp";

  @TempDir Path dir;

  private Intake read(String path, String users) {
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  service_desk: [{format: salesforce-case-csv, path: \""
                + path
                + "\""
                + (users == null ? "" : ", users: " + users)
                + "}]\n");
    return new SalesforceCaseAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "service_desk"));
  }

  @Test
  void readsTheRealDemoOrgCasesUnedited() throws Exception {
    List<CSVRecord> records;
    try (Reader r = Files.newBufferedReader(REAL, StandardCharsets.UTF_8)) {
      records =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(r)
              .getRecords();
    }
    String idHeader = records.get(0).getParser().getHeaderNames().get(0);
    long closed = records.stream().filter(rec -> "1".equals(rec.get("IsClosed"))).count();
    long distinctIds = records.stream().map(rec -> rec.get(idHeader)).distinct().count();

    Intake intake = read(REAL.toString(), null);

    assertEquals(records.size(), intake.read());
    assertEquals(0, intake.quarantined(), intake.quarantine().collectAsList().toString());
    assertEquals(distinctIds, intake.acceptedCount());
    assertEquals(closed, intake.accepted().filter("resolved_at is not null").count());
    CSVRecord first = records.get(0);
    Map<String, Object> ticket =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id").get(first.get(idHeader));
    assertEquals("salesforce", ticket.get("source"));
    assertEquals(first.get("Status"), ticket.get("state"));
    assertEquals(first.get("Priority"), ticket.get("priority"));
    assertEquals(first.get("OwnerId"), ticket.get("assignee_id"));
    assertEquals(Timestamp.from(Instant.parse("2024-01-23T13:26:08Z")), ticket.get("closed_at"));
    assertEquals(false, ticket.get("escalated"), "empty IsEscalated is false");
  }

  @Test
  void fifteenCharacterIdsSoftDeletesAndQueueOwners() {
    Fixtures.write(
        dir.resolve("sf/Case.csv"),
        true,
        "\r\n",
        HEADER,
        // the 15-character form of the next row's id, exported earlier
        "500Ec000009YUY8,false,00001014,,,a@b.com,Problem,New,,Phone,VPN,High,,false,,false,"
            + "005Ec000004oBPNIA2,2025-03-01T08:00:00.000+0000,,,2025-03-01T08:00:00.000+0000",
        "500Ec000009YUY8IAO,false,00001014,,,a@b.com,Problem,Closed,,Phone,VPN,High,"
            + "\"Long text,\r\nwith a break\",true,2025-03-02T10:00:00Z,true,005Ec000004oBPN,"
            + "2025-03-01T08:00:00.000+0000,,,2025-03-02T10:00:00Z",
        "500Ec000009YUY9IAO,true,00001015,,,,Question,Closed,,Web,x,Low,,true,"
            + "2025-03-02T10:00:00Z,false,005Ec000004oBPNIA2,2025-03-01T08:00:00Z,,,"
            + "2025-03-02T10:00:00Z",
        "500Ec000009YUYAIA4,false,00001016,,,,Question,New,,Web,x,Low,,false,,false,"
            + "00GEc000001aBcDEAQ,2025-03-03T08:00:00Z,,,2025-03-03T08:00:00Z");
    Fixtures.write(
        dir.resolve("sf/User.csv"),
        true,
        "\r\n",
        "Id,Username,Name,Email,IsActive",
        "005Ec000004oBPNIA2,ana@org,Ana,Ana.Silva@Example.com,true");
    Intake intake = read("sf/Case.csv", "sf/User.csv");

    assertEquals(4, intake.read());
    assertEquals(2, intake.acceptedCount());
    assertEquals(0, intake.quarantined(), "a soft-deleted case is not bad data");
    assertEquals(1, intake.skipped(), "the soft-deleted case");
    assertEquals(1, intake.deduplicated(), "15- and 18-character ids are one case");
    Map<String, Map<String, Object>> cases =
        Fixtures.byKey(intake.accepted().collectAsList(), "ticket_id");
    Map<String, Object> closed = cases.get("500Ec000009YUY8IAO");
    assertEquals("Closed", closed.get("state"), "the newest SystemModstamp wins");
    assertEquals(Timestamp.from(Instant.parse("2025-03-02T10:00:00Z")), closed.get("resolved_at"));
    assertEquals(
        "ana.silva@example.com",
        closed.get("assignee_email"),
        "a 15-character OwnerId joins the 18-character User Id");
    assertEquals(true, closed.get("escalated"));
    assertEquals(3L, closed.get("source_line"));
    assertNull(cases.get("500Ec000009YUYAIA4").get("assignee_email"), "owned by a queue");
    assertEquals(Map.of("IsDeleted: soft-deleted in Salesforce", 1L), intake.skipReasons());
    assertEquals(0, intake.quarantine().count());
  }

  @Test
  void eighteenCharacterIdsCarryTheCaseChecksumOfTheFirstFifteen() {
    assertEquals("006Ec00000AieKFIAZ", SalesforceIds.eighteen("006Ec00000AieKF"));
    assertEquals("500Ec000009YUYaIAO", SalesforceIds.eighteen("500Ec000009YUYa"));
    assertEquals("005Ec000004oBPNIA2", SalesforceIds.eighteen(" 005Ec000004oBPNIA2 "));
  }
}
