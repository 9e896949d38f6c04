package org.sociallearning.impact.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sociallearning.impact.ingest.InputFiles;

/**
 * Checks where the files a config names may be: they exist (or their pattern matches something),
 * they lie inside {@code input_roots}, and the pseudonym key is kept away from the published
 * results. Part of {@link ConfigLoader#validate}.
 */
final class InputFileValidation {

  private InputFileValidation() {}

  /**
   * The pseudonym key must exist and must not sit in the output folder, where readers of the
   * results would find it and could reverse the pseudonyms.
   */
  static void validatePseudonymKeyFile(PipelineConfig config) {
    if (config.privacy().pseudonymKeyFile() != null) {
      Path keyFile = config.resolve(config.privacy().pseudonymKeyFile());
      requireExists(keyFile, "privacy.pseudonym_key_file");
      if (keyFile.startsWith(config.output())) {
        throw new ConfigException(
            "privacy.pseudonym_key_file must not be inside the output"
                + " folder, where readers of the results would find it");
      }
    }
  }

  /**
   * Every input the config names (and the pseudonym key file) must lie inside one of {@code
   * input_roots} (default: the config file's folder) once {@code ..} and symbolic links are
   * resolved, so a config cannot make the job read files it was not meant to.
   */
  static void validateInputRoots(PipelineConfig config, List<String> roots) {
    List<Path> realRoots = new ArrayList<>();
    for (String root : roots) {
      Path p = config.resolve(root);
      try {
        realRoots.add(p.toRealPath());
      } catch (IOException e) {
        throw new ConfigException("input_roots lists " + p + ", which does not exist");
      }
    }
    Map<String, String> named = new LinkedHashMap<>();
    for (Sources.ConfiguredSource source : config.sources().all()) {
      named.put(source.key() + ".path", source.spec().path());
      source.spec().companionFiles().forEach((k, v) -> named.put(source.key() + "." + k, v));
    }
    if (config.privacy().pseudonymKeyFile() != null) {
      named.put("privacy.pseudonym_key_file", config.privacy().pseudonymKeyFile());
    }
    for (Map.Entry<String, String> e : named.entrySet()) {
      Path real;
      try {
        real = InputFiles.base(config.resolve(e.getValue())).toRealPath();
      } catch (IOException missing) {
        continue; // existence is reported by the source checks
      }
      if (realRoots.stream().noneMatch(real::startsWith)) {
        throw new ConfigException(
            e.getKey()
                + " ("
                + e.getValue()
                + ") resolves to "
                + real
                + ", outside the input roots "
                + realRoots
                + "; add its folder to input_roots if"
                + " the job is meant to read it");
      }
    }
  }

  /** A file or folder must exist; a pattern must match at least one file. */
  static void requireExists(Path path, String key) {
    if (InputFiles.isPattern(path)) {
      try {
        InputFiles.list(path, "**");
      } catch (IllegalArgumentException e) {
        throw new ConfigException(key + " is the pattern " + path + ", which matches nothing");
      }
      return;
    }
    if (!Files.exists(path)) {
      throw new ConfigException(key + " points to " + path + ", which does not exist");
    }
  }
}
