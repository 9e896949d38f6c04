package org.sociallearning.impact.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No unbounded input travels to the driver: every place the job brings Spark rows to the driver is
 * listed here with what bounds its size (one row, a group of an aggregate, one per person: the
 * roster's keys and the employee-month panel grow with headcount, never with events). A new {@code
 * collectAsList}, {@code collect}, {@code first}, {@code take}, {@code takeAsList}, {@code head},
 * {@code tail} or {@code toLocalIterator} fails this test until it is reviewed and added with its
 * bound; the benchmark then shows whether the driver copes at the largest scale.
 */
class DriverCollectAuditTest {

  private static final Pattern TO_DRIVER =
      Pattern.compile(
          "\\.(collectAsList\\(\\)|collect\\(\\)|toLocalIterator\\(\\)|first\\(\\)|take\\(|takeAsList\\("
              + "|head\\(|tail\\()");

  /** Source file (below the jobs package root) -> number of driver pulls and their bound. */
  private static final Map<String, Integer> REVIEWED =
      new TreeMap<>(
          Map.ofEntries(
              // a companion file's first unreadable record (limit 1)
              Map.entry("adapters/ZendeskTicketAdapter.java", 1),
              // people per value of one roster attribute
              Map.entry("bi/DimEmployee.java", 1),
              // the person table: one row per person (a dimension)
              Map.entry("bi/PersonAnonymity.java", 1),
              // matches per identity rule (grouped counts)
              Map.entry("identity/IdentityResolution.java", 1),
              // the roster's email and name keys: one row per person (a dimension)
              Map.entry("identity/RosterDirectory.java", 2),
              // one row of counts; skipped rows per skip reason
              Map.entry("ingest/IntakeSplitter.java", 2),
              // the employee-month panel: aggregated to people x months before it leaves Spark
              Map.entry("effects/PanelAssembler.java", 1),
              // one row: the first month a volume's export covers
              Map.entry("outcomes/WorkVolume.java", 1),
              // one row of counts of interactions
              Map.entry("participation/CommunityTime.java", 1),
              // one sum of items per metric
              Map.entry("pipeline/BuildOutcomes.java", 1),
              // one value per person (a dimension)
              Map.entry("pipeline/DetermineParticipation.java", 1),
              // the most frequent quarantine reasons of one source (grouped counts)
              Map.entry("pipeline/Ingested.java", 1),
              // rows per source system (grouped counts)
              Map.entry("pipeline/ResolveIdentities.java", 1),
              // people and items per group and month (aggregates)
              Map.entry("outcomes/DurationMedians.java", 3),
              // new sellers' days to a first deal: one row per new seller
              Map.entry("outcomes/FirstDealComparison.java", 1),
              // a published table read back; an aggregated table before it is written
              Map.entry("publish/ResultTables.java", 2),
              // one row: the most frequent reason
              Map.entry("quality/ErrorRateGate.java", 1),
              // one row of rule counts
              Map.entry("quality/TableRules.java", 1),
              // one row each: last month, volumes
              Map.entry("value/ParticipantVolumes.java", 2)));

  @Test
  void everyPullToTheDriverIsReviewedAndBounded() throws IOException {
    Path root = Path.of("src/main/java/org/sociallearning/impact");
    Map<String, Integer> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = TO_DRIVER.matcher(Files.readString(f));
        int n = 0;
        while (m.find()) {
          n++;
        }
        if (n > 0) {
          found.put(root.relativize(f).toString().replace('\\', '/'), n);
        }
      }
    }
    assertEquals(
        REVIEWED,
        found,
        "a pull of Spark rows to the driver was added or removed:"
            + " make sure it cannot carry row-level input data, then update this list");
  }
}
