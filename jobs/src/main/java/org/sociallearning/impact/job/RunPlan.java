package org.sociallearning.impact.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.config.EstimationSettings;
import org.sociallearning.impact.config.OutputSettings;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.InputFiles;
import org.sociallearning.impact.publish.StagedOutput;
import org.sociallearning.impact.schemas.MetricDefinition;

/**
 * What a run would do, for {@code bin/impact run --dry-run}: the files each source would read, the
 * metrics it would estimate, where it would publish and which old runs it would prune. Reads file
 * listings and sizes only, never file contents, and starts no Spark.
 */
public final class RunPlan {

  private RunPlan() {}

  public static List<String> of(PipelineConfig config) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("as_of: " + config.asOf());
    lines.add("sources:");
    for (Sources.ConfiguredSource source : config.sources().all()) {
      List<Path> files = filesOf(config, source);
      long bytes = 0;
      for (Path f : files) {
        bytes += Files.size(f);
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-22s %-20s %5d file(s) %10s  %s",
              source.key(),
              source.spec().format(),
              files.size(),
              size(bytes),
              config.resolve(source.spec().path())));
    }
    EstimationSettings e = config.estimation();
    lines.add(
        "estimation: control "
            + e.control()
            + ", anticipation "
            + e.anticipation()
            + ", base period "
            + e.basePeriod()
            + ", covariates "
            + e.covariates()
            + (e.covariates().isEmpty() ? "" : " (" + e.method() + ")")
            + (e.covariates().stream().anyMatch(ConfigLoader::isTenure)
                ? ", tenure where the roster has hire dates"
                : "")
            + ", "
            + e.bootstrapReplicates()
            + " bootstrap replicates (seed "
            + e.seed()
            + "), min_group_size "
            + e.minGroupSize());
    lines.add(
        "participation: "
            + config.participation().minInteractions()
            + " interactions"
            + (config.participation().windowDays() == null
                ? ""
                : " within " + config.participation().windowDays() + " days")
            + ", tried it: "
            + config.participation().triedIt()
            + ", profile "
            + config.participation().profileMonths()
            + " months");
    List<String> metrics = new ArrayList<>();
    for (MetricDefinition m : MetricDefinition.all()) {
      boolean hasSource = config.hasSource(m.sourceTable());
      if (hasSource) {
        metrics.add(m.name());
      }
    }
    lines.add("metrics: " + String.join(", ", metrics));
    OutputSettings out = config.outputSettings();
    lines.add(
        "output: "
            + config.output()
            + " (readers open "
            + config.output().resolve("current")
            + ")");
    lines.add(
        "  currently published: "
            + StagedOutput.currentRun(config.output())
                .map(p -> p.getFileName().toString())
                .orElse("nothing yet"));
    List<Path> runs = StagedOutput.publishedRuns(config.output());
    int pruned = Math.max(0, runs.size() + 1 - out.keepRuns());
    lines.add(
        "  keep_runs "
            + out.keepRuns()
            + ": a successful run would remove "
            + (pruned == 0
                ? "no earlier run"
                : runs.subList(0, pruned).stream().map(p -> p.getFileName().toString()).toList()));
    if (out.jdbc() != null) {
      lines.add(
          "  then into PostgreSQL (one transaction): "
              + out.jdbc().url()
              + " schema "
              + out.jdbc().schema()
              + " as "
              + out.jdbc().user()
              + (out.jdbc().passwordEnv() == null
                  ? " (no password)"
                  : " (password from $" + out.jdbc().passwordEnv() + ")"));
    }
    lines.add("nothing was read or written (dry run)");
    return lines;
  }

  private static List<Path> filesOf(PipelineConfig config, Sources.ConfiguredSource source) {
    Path path = config.resolve(source.spec().path());
    try {
      return InputFiles.list(path, "**");
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
