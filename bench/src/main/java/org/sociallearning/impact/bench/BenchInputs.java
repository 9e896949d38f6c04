package org.sociallearning.impact.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sociallearning.impact.sample.GenerationSummary;
import org.sociallearning.impact.sample.GeneratorSettings;
import org.sociallearning.impact.sample.SampleDataGenerator;

/**
 * The input files of one benchmark scale: a company from the sample generator at that scale
 * (roster, Slack, xAPI, ServiceNow, Salesforce exports in their real formats) and the job's config
 * pointing at them. Inputs already generated with the same settings are reused.
 *
 * @param scale the benchmark scale
 * @param dir the folder holding the exports and {@code bench-pipeline.yaml}
 * @param config the job's config
 * @param records input records per file, as the generator wrote them
 * @param bytes total size of the input files
 * @param generateSeconds time the generator took, 0 when the files were reused
 */
record BenchInputs(
    double scale,
    Path dir,
    Path config,
    Map<String, Integer> records,
    long bytes,
    double generateSeconds) {

  static final String CONFIG = "bench-pipeline.yaml";
  private static final String MARKER = "generated-with.txt";

  /** Raise when the generator's output changes for the same settings: old inputs are remade. */
  private static final int GENERATOR_VERSION = 2;

  /** All input records, every file counted. */
  long totalRecords() {
    return records.entrySet().stream()
        .filter(e -> !e.getKey().endsWith(".yaml"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /**
   * Generates (or reuses) the inputs of {@code scale} under {@code root}; outputs go to {@code
   * output}.
   */
  static BenchInputs prepare(Path root, double scale, Path output, int keepRuns)
      throws IOException {
    GeneratorSettings settings = GeneratorSettings.atScale(scale);
    Path dir = root.resolve("scale-" + Scales.label(scale)).toAbsolutePath();
    Path marker = dir.resolve(MARKER);
    String fingerprint = "generator " + GENERATOR_VERSION + " " + settings;
    double seconds = 0;
    Map<String, Integer> records;
    if (Files.exists(marker)
        && Files.readAllLines(marker, StandardCharsets.UTF_8).get(0).equals(fingerprint)
        && SampleDataGenerator.OUTPUT_FOLDERS.stream()
            .allMatch(f -> Files.isDirectory(dir.resolve(f)))) {
      records = readCounts(Files.readAllLines(marker, StandardCharsets.UTF_8));
    } else {
      Files.deleteIfExists(marker);
      long start = System.nanoTime();
      GenerationSummary summary = SampleDataGenerator.generate(dir, settings);
      seconds = (System.nanoTime() - start) / 1e9;
      records = new TreeMap<>(summary.recordsPerFile());
      StringBuilder text = new StringBuilder(fingerprint).append('\n');
      records.forEach((file, n) -> text.append(n).append('\t').append(file).append('\n'));
      Files.writeString(marker, text, StandardCharsets.UTF_8);
    }
    // A fixed key: pseudonyms, and so the published tables, are comparable between runs.
    Files.writeString(
        dir.resolve("bench-pseudonym.key"),
        "benchmark-key-not-a-secret-0123456789\n",
        StandardCharsets.UTF_8);
    String generated = Files.readString(dir.resolve("pipeline.yaml"), StandardCharsets.UTF_8);
    if (!generated.contains("output: ../out\n")) {
      throw new IllegalStateException(
          dir.resolve("pipeline.yaml")
              + " has no 'output: ../out' line to point at the benchmark's output");
    }
    // A JSON string is a YAML string: any path is quoted safely. Every repeat stays published.
    String yaml =
        generated.replace(
                "output: ../out\n",
                "output: {path: "
                    + Measure.JSON.writeValueAsString(output.toAbsolutePath().toString())
                    + ", keep_runs: "
                    + keepRuns
                    + "}\n")
            + "privacy: {pseudonym_key_file: bench-pseudonym.key}\n";
    Path config = dir.resolve(CONFIG);
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
    return new BenchInputs(scale, dir, config, records, inputBytes(dir), seconds);
  }

  private static Map<String, Integer> readCounts(java.util.List<String> lines) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split("\t", 2);
      counts.put(parts[1], Integer.parseInt(parts[0]));
    }
    return counts;
  }

  private static long inputBytes(Path dir) throws IOException {
    long total = 0;
    for (String folder : SampleDataGenerator.OUTPUT_FOLDERS) {
      try (Stream<Path> files = Files.walk(dir.resolve(folder))) {
        total += files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
    }
    return total;
  }
}
