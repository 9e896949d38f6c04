package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class SalesforceOpportunityAdapterTest {

  static final String HEADER = "Id,IsDeleted,AccountId,Name,Description,StageName,Amount,"
      + "Probability,CloseDate,Type,NextStep,LeadSource,IsClosed,IsWon,ForecastCategory,"
      + "ForecastCategoryName,CampaignId,HasOpportunityLineItem,Pricebook2Id,OwnerId,CreatedDate,"
      + "CreatedById,LastModifiedDate,LastModifiedById,SystemModstamp";

  @TempDir Path dir;

  private Intake read(String path, String users) {
    PipelineConfig config = Fixtures.config(dir, Fixtures.ROSTER_SOURCE
        + "  crm: [{format: salesforce-csv, path: " + path
        + (users == null ? "" : ", users: " + users) + "}]\n");
    return new SalesforceOpportunityAdapter().read(TestSpark.session(), config,
        Fixtures.source(config, "crm"));
  }

  /** The real demo-org export: BOM, API headers, 1/empty booleans, +0000 offsets. */
  @Test
  void readsTheRealDemoOrgExport() throws Exception {
    Path real = TestSpark.sharedDir().resolve("realdata/salesforce-demo-org/Opportunity.csv");
    Files.copy(real, dir.resolve("Opportunity.csv"));
    Intake intake = read("Opportunity.csv", null);

    long dataRows;
    try (var lines = Files.lines(real)) {
      dataRows = lines.count() - 1;
    }
    assertEquals(dataRows, intake.read(), "one record per line in this export");
    assertEquals(intake.read(), intake.acceptedCount() + intake.quarantined() + intake.deduplicated());
    assertEquals(0, intake.quarantined(), intake.quarantine().collectAsList().toString());
    Row first = intake.accepted().orderBy("source_line").first();
    assertEquals("006Ec00000AieKFIAZ", first.getAs("opportunity_id"));
    assertEquals(false, first.getAs("is_closed"), "empty boolean means false");
    assertEquals(Date.valueOf("2024-11-10"), first.getAs("close_date"));
    assertEquals(1124741.15, (Double) first.getAs("amount"), 1e-9);
    assertTrue(intake.accepted().filter("created_at is null").isEmpty());
    assertNull(first.getAs("owner_email"), "no User.csv configured: owners stay unmatched");
  }

  @Test
  void softDeletedDuplicatesAndOwnersThroughUsers() {
    Fixtures.write(dir.resolve("sf/Opportunity.csv"), true, "\r\n", HEADER,
        "006000000000001AAA,false,001000000000001AAA,Deal A,,Closed Won,1000.50,100,2025-02-01,,,,"
            + "true,true,,,,,,005000000000001AAA,2025-01-05T10:00:00Z,,,,2025-02-01T10:00:00Z",
        "006000000000002AAA,true,001000000000001AAA,Deal B,,Closed Lost,10,0,2025-02-01,,,,"
            + "true,false,,,,,,005000000000001AAA,2025-01-05T10:00:00Z,,,,2025-02-01T10:00:00Z",
        "006000000000003AAA,0,001000000000001AAA,Deal C,,Prospecting,10,10,2026-12-01,,,,"
            + "0,0,,,,,,005000000000002AAA,2025-01-06T10:00:00.000+0000,,,,2025-01-06T10:00:00Z",
        "006000000000003AAA,0,001000000000001AAA,Deal C,,Closed Lost,10,0,2025-03-01,,,,"
            + "1,0,,,,,,005000000000002AAA,2025-01-06T10:00:00.000+0000,,,,2025-03-01T10:00:00Z",
        "006000000000004AAA,,001000000000001AAA,Deal D,,Closed Won,abc,0,2025-03-01,,,,"
            + "1,1,,,,,,005000000000002AAA,2025-01-06T10:00:00.000+0000,,,,2025-03-01T10:00:00Z");
    // A 15-character user id: the case-sensitive core of the 18-character OwnerId.
    Fixtures.write(dir.resolve("sf/User.csv"), true, "\r\n", "Id,Username,Name,Email,IsActive",
        "005000000000001,ana@org,Ana,Ana.Silva@Example.com,true",
        "005000000000002AAA,bo@org,Bo,bo.chen@example.com,false");
    Intake intake = read("sf/Opportunity.csv", "sf/User.csv");

    assertEquals(5, intake.read());
    assertEquals(2, intake.acceptedCount());
    assertEquals(1, intake.quarantined());
    assertEquals(1, intake.skipped(), "the soft-deleted deal");
    assertEquals(1, intake.deduplicated());
    Map<String, Map<String, Object>> deals =
        Fixtures.byKey(intake.accepted().collectAsList(), "opportunity_id");
    assertEquals("ana.silva@example.com", deals.get("006000000000001AAA").get("owner_email"));
    assertEquals(Timestamp.from(Instant.parse("2025-01-05T10:00:00Z")),
        deals.get("006000000000001AAA").get("created_at"));
    Map<String, Object> c = deals.get("006000000000003AAA");
    assertEquals("Closed Lost", c.get("stage"), "the newest SystemModstamp wins");
    assertEquals(true, c.get("is_closed"));
    assertEquals("bo.chen@example.com", c.get("owner_email"));
    assertEquals(java.util.List.of("Amount: not a number"),
        Fixtures.strings(intake.quarantine().orderBy("line").collectAsList(), "reason"));
    assertEquals(java.util.Map.of("IsDeleted: soft-deleted in Salesforce", 1L),
        intake.skipReasons());
  }
}
