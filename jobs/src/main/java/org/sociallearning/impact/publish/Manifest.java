package org.sociallearning.impact.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run manifest ({@code manifest.json}): what was read, what came of every input row, how long
 * each stage took and what was written, so an analyst can trust, rerun and debug a night.
 */
public final class Manifest {

  private final Map<String, Object> root = new LinkedHashMap<>();
  private final List<Map<String, Object>> sources = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  public Manifest(String runId, String asOf, String configFile, String configDigest) {
    root.put("run_id", runId);
    root.put("as_of", asOf);
    root.put("config", Map.of("file", configFile, "sha256", configDigest));
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("social_learning_impact", versionOf(Manifest.class, "development"));
    versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    versions.put("java", System.getProperty("java.version"));
    root.put("versions", versions);
  }

  /** Records one source; read = accepted + quarantined + deduplicated. */
  public void source(
      String role,
      String format,
      List<String> files,
      long read,
      long accepted,
      long quarantined,
      long deduplicated,
      long unmatchedIdentities) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("source", role);
    s.put("format", format);
    s.put("files", files);
    s.put("rows_read", read);
    s.put("rows_accepted", accepted);
    s.put("rows_quarantined", quarantined);
    s.put("rows_deduplicated", deduplicated);
    s.put("unmatched_identities", unmatchedIdentities);
    sources.add(s);
  }

  /**
   * Records one source by its config key: read = accepted + quarantined + deduplicated + skipped
   * (checked, and written as {@code reconciled}), skip reasons, and how its people were matched to
   * the roster ({@code identities}: counts per match rule, unresolved ones pseudonymised; null for
   * the roster).
   */
  public void source(
      String key,
      org.sociallearning.impact.ingest.Intake i,
      long unmatchedIdentities,
      Map<String, Object> identities) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("source", i.role());
    s.put("key", key);
    s.put("format", i.format());
    s.put("table", i.table());
    s.put("files", i.files());
    s.put("rows_read", i.read());
    s.put("rows_accepted", i.acceptedCount());
    s.put("rows_quarantined", i.quarantined());
    s.put("rows_deduplicated", i.deduplicated());
    s.put("rows_skipped", i.skipped());
    s.put("skip_reasons", new java.util.TreeMap<>(i.skipReasons()));
    s.put(
        "reconciled",
        i.read() == i.acceptedCount() + i.quarantined() + i.deduplicated() + i.skipped());
    s.put("unmatched_identities", unmatchedIdentities);
    if (identities != null) {
      s.put("identities", identities);
    }
    sources.add(s);
  }

  /** Every note the estimator made for one metric (small cohorts, cells it could not estimate). */
  public void estimatorNotes(String metric, List<String> notes) {
    @SuppressWarnings("unchecked")
    Map<String, Object> byMetric =
        (Map<String, Object>)
            root.computeIfAbsent("estimator_notes", k -> new LinkedHashMap<String, Object>());
    byMetric.put(metric, notes);
  }

  public void put(String key, Object value) {
    root.put(key, value);
  }

  /** Removes and returns what {@link #put} recorded under {@code key} (null if nothing). */
  public Object remove(String key) {
    return root.remove(key);
  }

  public void warn(String warning) {
    warnings.add(warning);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public void write(Path file, List<StageLog.Stage> stages, List<String> outputs) {
    root.put("sources", sources);
    List<Map<String, Object>> timings = new ArrayList<>();
    for (StageLog.Stage s : stages) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("stage", s.name());
      t.put("rows_in", s.rowsIn());
      t.put("rows_out", s.rowsOut());
      t.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
      timings.add(t);
    }
    root.put("stages", timings);
    root.put("outputs", outputs);
    root.put("warnings", warnings);
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static String versionOf(Class<?> c, String fallback) {
    String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
    return v == null ? fallback : v;
  }
}
