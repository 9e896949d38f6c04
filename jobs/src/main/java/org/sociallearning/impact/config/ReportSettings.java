package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Collectors;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * How the report reads.
 *
 * @param primaryMetrics the outcomes page one leads with, in order (default: time to resolve, sales
 *     cycle, win rate); the others go in one compact table
 * @param locale how numbers are written: en (default), de or fr
 */
public record ReportSettings(
    @JsonProperty("primary_metrics") List<String> primaryMetrics,
    @JsonProperty("locale") String locale) {

  /** The locales the report writes numbers for. */
  public static final List<String> LOCALES = List.of("en", "de", "fr");

  public ReportSettings {
    primaryMetrics =
        primaryMetrics == null || primaryMetrics.isEmpty()
            ? MetricDefinition.DEFAULT_PRIMARY
            : List.copyOf(primaryMetrics);
    locale = locale == null ? "en" : locale;
  }

  public static ReportSettings defaults() {
    return new ReportSettings(null, null);
  }

  /** Every primary metric must be an outcome the job estimates, named once; a known locale. */
  void validate() {
    List<String> outcomes =
        MetricDefinition.all().stream()
            .filter(m -> !m.isVolume())
            .map(MetricDefinition::name)
            .toList();
    for (String name : primaryMetrics) {
      if (!outcomes.contains(name)) {
        throw new ConfigException(
            "report.primary_metrics: '"
                + name
                + "' is not an outcome (one of "
                + outcomes.stream().collect(Collectors.joining(", "))
                + ")");
      }
    }
    if (primaryMetrics.stream().distinct().count() != primaryMetrics.size()) {
      throw new ConfigException("report.primary_metrics names an outcome twice: " + primaryMetrics);
    }
    if (!LOCALES.contains(locale)) {
      throw new ConfigException(
          "report.locale must be one of " + String.join(", ", LOCALES) + ", got '" + locale + "'");
    }
  }
}
