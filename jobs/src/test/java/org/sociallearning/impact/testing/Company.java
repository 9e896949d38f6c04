package org.sociallearning.impact.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sociallearning.impact.sample.GeneratorSettings;

/**
 * A generated company a test runs the job on: the generator's settings, the estimation settings of
 * its config (199 bootstrap draws unless a test is about the interval itself) and any other YAML to
 * append. Its name is its identity: one name, one company, one folder, one run per JVM.
 */
public record Company(
    String name, GeneratorSettings settings, Map<String, String> estimation, String extraYaml) {

  /** Bootstrap draws in tests, except where the interval itself is under test. */
  public static final String TEST_REPLICATES = "199";

  public Company {
    Map<String, String> withDraws = new LinkedHashMap<>();
    withDraws.put("bootstrap_replicates", TEST_REPLICATES);
    withDraws.putAll(estimation);
    estimation = Map.copyOf(withDraws);
  }

  public Company(String name, GeneratorSettings settings) {
    this(name, settings, Map.of(), "");
  }

  public Company withEstimation(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(estimation);
    more.put(key, value);
    return new Company(name, settings, more, extraYaml);
  }

  public Company withYaml(String yaml) {
    return new Company(name, settings, estimation, extraYaml + yaml);
  }

  /** The generated pipeline.yaml rewritten for this company: own output folder, settings. */
  String config(String generated) {
    if (!generated.contains("output: ../out\n")) {
      throw new IllegalStateException("the generator's config changed: " + generated);
    }
    StringBuilder est = new StringBuilder("estimation: {");
    new java.util.TreeMap<>(estimation)
        .forEach(
            (k, v) -> est.append(est.length() > 13 ? ", " : "").append(k).append(": ").append(v));
    return generated.replace("output: ../out\n", "output: out\n") + est + "}\n" + extraYaml;
  }
}
