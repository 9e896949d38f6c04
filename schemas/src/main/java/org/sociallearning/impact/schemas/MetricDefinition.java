package org.sociallearning.impact.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An outcome metric as defined in {@code schemas/contracts/metrics.yaml}: unit, modelling scale and
 * which direction is good, with the words the report uses.
 */
public record MetricDefinition(
    @JsonProperty("name") String name,
    @JsonProperty("label") String label,
    @JsonProperty("unit") String unit,
    @JsonProperty("scale") String scale,
    @JsonProperty("direction") String direction,
    @JsonProperty("subject") String subject,
    @JsonProperty("outcome_phrase") String outcomePhrase,
    @JsonProperty("source_table") String sourceTable,
    @JsonProperty("role") String role,
    @JsonProperty("description") String description) {

  /** An outcome the job claims an effect on. */
  public static final String OUTCOME = "outcome";

  /**
   * A diagnostic: how much work people take on (items per month). Estimated like an outcome, but it
   * tells how to read the per-item outcomes of its source, not an effect to report.
   */
  public static final String VOLUME = "volume";

  public MetricDefinition {
    role = role == null ? OUTCOME : role;
    if (!OUTCOME.equals(role) && !VOLUME.equals(role)) {
      throw new IllegalArgumentException("metric " + name + ": role must be outcome or volume");
    }
    if (!"log".equals(scale) && !"level".equals(scale)) {
      throw new IllegalArgumentException("metric " + name + ": scale must be log or level");
    }
    if (!"lower_is_better".equals(direction) && !"higher_is_better".equals(direction)) {
      throw new IllegalArgumentException(
          "metric " + name + ": direction must be lower_is_better or higher_is_better");
    }
  }

  public boolean isVolume() {
    return VOLUME.equals(role);
  }

  public boolean logScale() {
    return "log".equals(scale);
  }

  /**
   * The outcomes the report leads with unless {@code report.primary_metrics} names others: the
   * brief's questions on service (time to resolve) and sales (sales cycle, win rate).
   */
  public static final List<String> DEFAULT_PRIMARY =
      List.of("time_to_resolve_hours", "sales_cycle_days", "win_rate");

  private record MetricsFile(@JsonProperty("metrics") List<MetricDefinition> metrics) {}

  /** The metrics file, once read: it ships inside the jar and cannot change during a run. */
  private static volatile List<MetricDefinition> loaded;

  /** Every metric of {@code contracts/metrics.yaml}, read on first use. */
  public static List<MetricDefinition> all() {
    List<MetricDefinition> known = loaded;
    if (known == null) {
      // Two threads may both read it the first time; either list is the same.
      known = read();
      loaded = known;
    }
    return known;
  }

  private static List<MetricDefinition> read() {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in =
        MetricDefinition.class.getClassLoader().getResourceAsStream("contracts/metrics.yaml")) {
      if (in == null) {
        throw new IllegalStateException("contracts/metrics.yaml is not on the classpath");
      }
      return List.copyOf(yaml.readValue(in, MetricsFile.class).metrics());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contracts/metrics.yaml: " + e.getMessage(), e);
    }
  }

  public static MetricDefinition named(String name) {
    return all().stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no metric named " + name));
  }
}
