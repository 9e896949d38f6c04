package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.ingest.Intake;

class HubSpotDealAdapterTest {

  static final String HEADER =
      "Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,"
          + "Create Date,Pipeline,Last Modified Date,Deal Type,Associated Company IDs";

  @TempDir Path dir;

  private Intake read(String extra) {
    PipelineConfig config =
        Fixtures.config(
            dir,
            Fixtures.ROSTER_SOURCE
                + "  crm: [{format: hubspot-deals-csv, path: hubspot/, timezone: America/New_York"
                + extra
                + "}]\n");
    return new HubSpotDealAdapter()
        .read(TestSpark.session(), config, Fixtures.source(config, "crm"));
  }

  @Test
  void dealsExportWithOwnersByEmailOrMappingAndConfiguredStages() {
    Fixtures.write(
        dir.resolve("hubspot/all-deals.csv"),
        true,
        "\r\n",
        HEADER,
        "1001,\"Acme, Inc. - renewal\",Closed won,2025-03-31,Ana Silva (Ana.Silva@example.com),"
            + "12000,2025-01-15 10:23,Sales Pipeline,2025-03-31 17:00,existingbusiness,"
            + "\"5001;5002\"",
        "1002,\"Globex\r\nexpansion\",Signed,2025-04-02,Bo Chen,5000.50,2025-02-01 09:00,"
            + "Sales Pipeline,2025-04-02 09:00,newbusiness,5003",
        "1003,Initech,Closed lost,2025-02-20,Cy Doe,800,2025-01-20 12:00,Sales Pipeline,"
            + "2025-02-20 12:00,newbusiness,",
        "1004,Umbrella,Appointment scheduled,,Ana Silva (Ana.Silva@example.com),,"
            + "2025-03-01 08:00,Sales Pipeline,2025-03-01 08:00,,",
        "1001,\"Acme, Inc. - renewal\",Contract sent,2025-03-31,Ana Silva (Ana.Silva@example.com),"
            + "12000,2025-01-15 10:23,Sales Pipeline,2025-03-01 11:00,existingbusiness,5001",
        "1005,Hooli,Qualified to buy,2025-06-01,Bo Chen,12k,2025-03-02 08:00,Sales Pipeline,"
            + "2025-03-02 08:00,,");
    Fixtures.write(
        dir.resolve("owners.csv"), false, "\n", "user_id,email", "bo chen,bo.chen@example.com");
    Intake intake = read(", user_emails: owners.csv, won_stages: [Closed won, Signed]");

    assertEquals(6, intake.read());
    assertEquals(4, intake.acceptedCount());
    assertEquals(1, intake.quarantined());
    assertEquals(1, intake.deduplicated());
    Map<String, Map<String, Object>> deals =
        Fixtures.byKey(intake.accepted().collectAsList(), "opportunity_id");
    Map<String, Object> won = deals.get("1001");
    assertEquals("hubspot", won.get("source"));
    assertEquals("Closed won", won.get("stage"), "the newest Last Modified Date wins");
    assertEquals(true, won.get("is_won"));
    assertEquals(true, won.get("is_closed"));
    assertEquals("ana.silva@example.com", won.get("owner_email"));
    assertEquals(Timestamp.from(Instant.parse("2025-01-15T15:23:00Z")), won.get("created_at"));
    assertEquals(Date.valueOf("2025-03-31"), won.get("close_date"));
    assertEquals(12000.0, (Double) won.get("amount"), 1e-9);
    Map<String, Object> signed = deals.get("1002");
    assertEquals(true, signed.get("is_won"), "a configured won stage");
    assertEquals("bo.chen@example.com", signed.get("owner_email"), "mapped by name");
    assertEquals(3L, signed.get("source_line"));
    Map<String, Object> lost = deals.get("1003");
    assertEquals(true, lost.get("is_closed"));
    assertEquals(false, lost.get("is_won"));
    assertNull(lost.get("owner_email"), "neither an email nor in the mapping");
    Map<String, Object> open = deals.get("1004");
    assertEquals(false, open.get("is_closed"));
    assertNull(open.get("close_date"));
    assertEquals(
        List.of("Amount: not a number"),
        Fixtures.strings(intake.quarantine().collectAsList(), "reason"));
  }

  @Test
  void localisedHeadersAreNamedInConfig() {
    Fixtures.write(
        dir.resolve("hubspot/deals.csv"),
        false,
        "\n",
        "Deal-ID,Dealname,Deal-Phase,Abschlussdatum,Deal-Inhaber,Betrag,Erstellungsdatum",
        "7,Foo,Gewonnen,31.03.2025,ana.silva@example.com,10,15.01.2025 10:23");
    Intake intake =
        read(
            ", locale: de-DE, timestamp_format: \"dd.MM.yyyy[ HH:mm]\","
                + " won_stages: [Gewonnen], lost_stages: [Verloren], columns: {deal_id: Deal-ID,"
                + " owner: Deal-Inhaber, created: Erstellungsdatum, closed: Abschlussdatum,"
                + " stage: Deal-Phase, amount: Betrag}");
    Map<String, Object> deal =
        Fixtures.byKey(intake.accepted().collectAsList(), "opportunity_id").get("7");
    assertEquals(true, deal.get("is_won"));
    assertEquals(Date.valueOf("2025-03-31"), deal.get("close_date"));
    assertEquals("ana.silva@example.com", deal.get("owner_email"));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> read(", columns: {deal_owner: Deal-Inhaber}"));
    assertTrue(
        e.getMessage().contains("unknown key 'sources.crm[0].columns.deal_owner'"), e.getMessage());
  }
}
