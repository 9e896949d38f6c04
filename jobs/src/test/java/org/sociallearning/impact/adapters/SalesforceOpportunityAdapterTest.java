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

  static final String HEADER =
      "Id,IsDeleted,AccountId,Name,Description,StageName,Amount,"
          + "Probability,CloseDate,Type,NextStep,LeadSource,IsClosed,IsWon,ForecastCategory,"
          + "ForecastCategoryName,CampaignId,HasOpportunityLineItem,Pricebook2Id,OwnerId,CreatedDate,"
          + "CreatedById,LastModifiedDate,LastModifiedById,SystemModstamp";

  @TempDir Path dir;

  private Intake read(String path, String users) {
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  crm: [{format: salesforce-csv, path: "
                + path
                + (users == null ? "" : ", users: " + users)
                + "}]\n");
    return new SalesforceOpportunityAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "crm"));
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
    assertEquals(
        intake.read(), intake.acceptedCount() + intake.quarantined() + intake.deduplicated());
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
    Fixtures.write(
        dir.resolve("sf/Opportunity.csv"),
        true,
        "\r\n",
        HEADER,
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
    Fixtures.write(
        dir.resolve("sf/User.csv"),
        true,
        "\r\n",
        "Id,Username,Name,Email,IsActive",
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
    assertEquals(
        Timestamp.from(Instant.parse("2025-01-05T10:00:00Z")),
        deals.get("006000000000001AAA").get("created_at"));
    Map<String, Object> c = deals.get("006000000000003AAA");
    assertEquals("Closed Lost", c.get("stage"), "the newest SystemModstamp wins");
    assertEquals(true, c.get("is_closed"));
    assertEquals("bo.chen@example.com", c.get("owner_email"));
    assertEquals(
        java.util.List.of("Amount: not a number"),
        Fixtures.strings(intake.quarantine().orderBy("line").collectAsList(), "reason"));
    assertEquals(
        java.util.Map.of("IsDeleted: soft-deleted in Salesforce", 1L), intake.skipReasons());
  }

  /**
   * An opportunity deleted after an export that still had it live: read together, the newer deleted
   * row wins (the deal is gone), as with Zendesk; the older live copy does not stand in.
   */
  @Test
  void aNewerDeletedRowRemovesAnOlderLiveCopy() {
    Fixtures.write(
        dir.resolve("sf/Opportunity.csv"),
        true,
        "\r\n",
        HEADER,
        "006000000000007AAA,false,001000000000001AAA,Deal G,,Prospecting,500,10,2025-05-01,,,,"
            + "false,false,,,,,,005000000000001AAA,2025-01-05T10:00:00Z,,,,2025-01-05T10:00:00Z",
        "006000000000007,true,001000000000001AAA,Deal G,,Prospecting,500,10,2025-05-01,,,,"
            + "false,false,,,,,,005000000000001AAA,2025-01-05T10:00:00Z,,,,2025-02-05T10:00:00Z",
        "006000000000008AAA,true,001000000000001AAA,Deal H,,Prospecting,500,10,2025-05-01,,,,"
            + "false,false,,,,,,005000000000001AAA,2025-01-05T10:00:00Z,,,,2025-01-05T10:00:00Z",
        "006000000000008AAA,false,001000000000001AAA,Deal H,,Closed Won,700,100,2025-03-01,,,,"
            + "true,true,,,,,,005000000000001AAA,2025-01-05T10:00:00Z,,,,2025-03-05T10:00:00Z");
    Intake intake = read("sf/Opportunity.csv", null);

    assertEquals(4, intake.read());
    assertEquals(
        java.util.List.of("006000000000008AAA"),
        Fixtures.strings(intake.accepted().collectAsList(), "opportunity_id"),
        "G was deleted after its live row; H was restored after its deleted one");
    assertEquals(1, intake.skipped(), "the newest row of G");
    assertEquals(2, intake.deduplicated(), "the older rows of G and H");
    assertEquals(0, intake.quarantined());
    assertEquals("Closed Won", intake.accepted().first().getAs("stage"));
  }

  @Test
  void fifteenAndEighteenCharacterIdsAreOneOpportunityAndHistoryIsReadBeside() {
    Fixtures.write(
        dir.resolve("sf/Opportunity.csv"),
        true,
        "\r\n",
        HEADER,
        "006Ec00000AieKF,false,001000000000001AAA,Deal A,,Prospecting,1000,10,2025-04-01,,,,"
            + "false,false,,,,,,005000000000001AAA,2025-01-05T10:00:00Z,,,,2025-01-05T10:00:00Z",
        "006Ec00000AieKFIAZ,false,001000000000001AAA,Deal A,,Closed Won,1200,100,2025-03-01,,,,"
            + "true,true,,,,,,005000000000001AAA,2025-01-05T10:00:00Z,,,,2025-03-01T10:00:00Z");
    Fixtures.write(
        dir.resolve("sf/OpportunityHistory.csv"),
        true,
        "\r\n",
        "Id,OpportunityId,CreatedById,CreatedDate,StageName,Amount,ExpectedRevenue,CloseDate,"
            + "Probability,ForecastCategory,SystemModstamp,IsDeleted,PrevAmount,PrevCloseDate",
        "008Ec00000H1aaaIAA,006Ec00000AieKF,005000000000001AAA,2025-01-05T10:00:00.000+0000,"
            + "Prospecting,1000,100,2025-04-01,10,Pipeline,2025-01-05T10:00:00.000+0000,,,",
        "008Ec00000H1aabIAA,006Ec00000AieKFIAZ,005000000000001AAA,2025-02-01T09:00:00.000+0000,"
            + "Negotiation/Review,1200,1080,2025-03-15,90,Commit,2025-02-01T09:00:00.000+0000,,"
            + "1000,2025-04-01",
        "008Ec00000H1aacIAA,006Ec00000AieKFIAZ,005000000000001AAA,2025-03-01T10:00:00.000+0000,"
            + "Closed Won,1200,1200,2025-03-01,100,Closed,2025-03-01T10:00:00.000+0000,,,"
            + "2025-03-15",
        "008Ec00000H1aadIAA,006Ec00000AieKFIAZ,005000000000001AAA,2025-02-02T09:00:00.000+0000,"
            + "Perception Analysis,1200,1080,2025-03-15,70,Pipeline,"
            + "2025-02-02T09:00:00.000+0000,1,,");
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  crm: [{format: salesforce-csv, path: sf/Opportunity.csv,"
                + " history: sf/OpportunityHistory.csv}]\n");
    java.util.List<Intake> intakes =
        new SalesforceOpportunityAdapter()
            .readAll(TestSpark.session(), config, Fixtures.source(config, "crm"));

    Intake deals = intakes.get(0);
    assertEquals(2, deals.read());
    assertEquals(1, deals.acceptedCount());
    assertEquals(1, deals.deduplicated(), "the 15-character id is the same opportunity");
    Row deal = deals.accepted().first();
    assertEquals("006Ec00000AieKFIAZ", deal.getAs("opportunity_id"));
    assertEquals("Closed Won", deal.getAs("stage"));
    assertEquals("salesforce", deal.getAs("source"));

    Intake history = intakes.get(1);
    assertEquals("opportunity_history", history.table());
    assertEquals(4, history.read());
    assertEquals(3, history.acceptedCount());
    assertEquals(0, history.quarantined());
    assertEquals(1, history.skipped(), "the soft-deleted stage change");
    assertEquals(
        java.util.Map.of("IsDeleted: soft-deleted in Salesforce", 1L), history.skipReasons());
    assertEquals(
        java.util.List.of("Prospecting", "Negotiation/Review", "Closed Won"),
        Fixtures.strings(history.accepted().orderBy("changed_at").collectAsList(), "stage"));
    assertEquals(
        1L,
        history.accepted().select("opportunity_id").distinct().count(),
        "15- and 18-character OpportunityIds join the same opportunity");
    assertEquals(
        Date.valueOf("2025-03-15"),
        history.accepted().orderBy("changed_at").collectAsList().get(1).getAs("close_date"));
  }
}
