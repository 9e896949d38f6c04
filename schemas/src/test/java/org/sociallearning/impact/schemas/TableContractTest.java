package org.sociallearning.impact.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TableContractTest {

  /**
   * Every contract file in schemas/contracts loads, names its own table and documents each column.
   */
  @Test
  void everyContractFileLoadsAndDocumentsItsColumns() throws IOException {
    List<String> tables;
    try (Stream<Path> files = Files.list(Path.of("contracts"))) {
      tables =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.equals("metrics.yaml"))
              .map(n -> n.substring(0, n.length() - 5))
              .sorted()
              .toList();
    }
    assertTrue(
        tables.containsAll(
            List.of(
                "roster",
                "forum_interactions",
                "learning_statements",
                "service_tickets",
                "opportunities",
                "impact_estimates",
                "impact_event_study",
                "quarantine")),
        tables.toString());
    for (String table : tables) {
      TableContract c = TableContract.load(table);
      assertEquals(table, c.table());
      assertFalse(c.description() == null || c.description().isBlank(), table);
      StructType schema = SparkSchemas.of(c);
      assertEquals(c.columns().size(), schema.fields().length);
    }
  }

  @Test
  void personalColumnsAreFlagged() {
    assertEquals(
        java.util.Set.of("name", "email"),
        TableContract.load("roster").directlyIdentifyingColumns());
    assertTrue(TableContract.load("impact_estimates").directlyIdentifyingColumns().isEmpty());
  }

  @Test
  void conformanceErrorsListMissingAndMistypedColumnsBesideTheActualSchema() {
    TableContract contract = TableContract.load("impact_event_study");
    StructType actual =
        new StructType()
            .add("metric", DataTypes.StringType)
            .add("event_time", DataTypes.StringType);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> SparkSchemas.requireConforms(contract, actual));
    assertTrue(
        e.getMessage().contains("column 'event_time' is string, expected int"), e.getMessage());
    assertTrue(e.getMessage().contains("missing column 'estimate' (double)"), e.getMessage());
    assertTrue(
        e.getMessage().contains("Actual schema: struct<metric:string,event_time:string>"),
        e.getMessage());
  }

  @Test
  void timestampColumnsMustNameTheirZone() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ColumnContract("opened_at", "timestamp", null, null, "none", "", null));
    assertTrue(e.getMessage().contains("must name its timezone"));
  }

  @Test
  void metricsAreDefinedOnceWithScaleAndDirection() {
    List<MetricDefinition> metrics = MetricDefinition.all();
    List<String> names = metrics.stream().map(MetricDefinition::name).toList();
    assertEquals(Set.copyOf(names).size(), names.size(), "each metric defined once: " + names);
    assertTrue(
        names.containsAll(
            List.of("time_to_resolve_hours", "sales_cycle_days", "win_rate", "tickets_handled")),
        names.toString());
    for (MetricDefinition m : metrics) {
      assertTrue(List.of("log", "level").contains(m.scale()), m.name() + " scale " + m.scale());
      assertTrue(
          List.of("lower_is_better", "higher_is_better").contains(m.direction()),
          m.name() + " direction " + m.direction());
    }
    assertTrue(MetricDefinition.named("time_to_resolve_hours").logScale());
    assertFalse(MetricDefinition.named("win_rate").logScale());
    assertTrue(MetricDefinition.named("tickets_handled").isVolume());
    assertFalse(MetricDefinition.named("time_to_resolve_hours").isVolume());
  }
}
