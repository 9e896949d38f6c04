package org.sociallearning.impact.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sociallearning.impact.TestSpark;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.job.NightlyImpactJob;
import org.sociallearning.impact.sample.GenerationSummary;
import org.sociallearning.impact.sample.SampleDataGenerator;

/**
 * Generated companies and the job's runs on them, shared by every test class of one JVM: each
 * company is generated once and the job runs once per company, so tests that read the results of
 * the same run share it instead of starting their own. Folders live in one temporary folder,
 * removed when the JVM exits. Tests that change a company's files or outputs take a copy.
 *
 * <p>Pipeline test classes run two at a time (see the failsafe configuration): each company has a
 * lock of its own, so a class waiting for one company's run never waits for another company.
 */
public final class Companies {

  private static Path root;
  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();
  private static final Map<String, Path> FOLDERS = new ConcurrentHashMap<>();
  private static final Map<String, NightlyImpactJob.RunResult> RUNS = new ConcurrentHashMap<>();
  private static final Map<String, GenerationSummary> TRUTHS = new ConcurrentHashMap<>();

  private Companies() {}

  /** The company's folder (its exports and pipeline.yaml), generated on first use. */
  public static Path folder(Company company) {
    synchronized (lock(company)) {
      Path known = FOLDERS.get(company.name());
      if (known != null) {
        return known;
      }
      Path folder = root().resolve(company.name());
      TRUTHS.put(company.name(), generate(company, folder));
      FOLDERS.put(company.name(), folder);
      return folder;
    }
  }

  /** What the generator planted in the company (who joined, abilities, records per file). */
  public static GenerationSummary truth(Company company) {
    folder(company);
    return TRUTHS.get(company.name());
  }

  /** The company's config file. */
  public static Path config(Company company) {
    return folder(company).resolve("pipeline.yaml");
  }

  /** The job's one run on the company in this JVM, run on first use. */
  public static NightlyImpactJob.RunResult run(Company company) {
    synchronized (lock(company)) {
      NightlyImpactJob.RunResult known = RUNS.get(company.name());
      if (known != null) {
        return known;
      }
      NightlyImpactJob.RunResult result = runJob(config(company));
      RUNS.put(company.name(), result);
      return result;
    }
  }

  private static Object lock(Company company) {
    return LOCKS.computeIfAbsent(company.name(), name -> new Object());
  }

  /** A fresh run of the job on a config, for tests about reruns and faults. */
  public static NightlyImpactJob.RunResult runJob(Path config) {
    try {
      return new NightlyImpactJob(
              TestSpark.session(),
              ConfigLoader.load(config),
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A private copy of a company in {@code target} (generated there, not copied file by file). */
  public static Path copy(Company company, Path target) {
    generate(company, target);
    return target;
  }

  private static GenerationSummary generate(Company company, Path folder) {
    try {
      GenerationSummary truth = SampleDataGenerator.generate(folder, company.settings());
      Path config = folder.resolve("pipeline.yaml");
      Files.writeString(config, company.config(Files.readString(config)));
      return truth;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path root() {
    if (root == null) {
      try {
        root = Files.createTempDirectory("impact-companies");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path remove = root;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      SampleDataGenerator.deleteRecursively(remove);
                    } catch (IOException ignored) {
                      // a temporary folder; the operating system clears it in time
                    }
                  }));
    }
    return root;
  }
}
