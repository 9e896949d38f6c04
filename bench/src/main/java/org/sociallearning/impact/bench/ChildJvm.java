package org.sociallearning.impact.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link Measure} in a fresh JVM with default memory settings and the flags Spark needs on
 * Java 17, its output going to a log file; returns the figures it wrote.
 */
final class ChildJvm {

  private static final List<String> JVM_FLAGS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true",
          "-Djava.awt.headless=true",
          "-Duser.timezone=UTC");

  /** The figures of a measurement, and the wall time of its whole process. */
  record Outcome(JsonNode figures, double processSeconds) {}

  private ChildJvm() {}

  static Outcome run(Path log, Path result, String... args)
      throws IOException, InterruptedException {
    return run(List.of(), log, result, args);
  }

  /** As {@link #run(Path, Path, String...)}, with {@code spark.*} settings as system properties. */
  static Outcome run(List<String> sparkConf, Path log, Path result, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_FLAGS);
    sparkConf.forEach(kv -> command.add("-D" + kv));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Measure.class.getName());
    command.addAll(List.of(args));
    command.add(result.toString());
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(result);
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
    long start = System.nanoTime();
    Process p = pb.start();
    // A stopped benchmark (Ctrl-C, a CI timeout) must not leave a measurement running.
    Thread killChild = new Thread(p::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(killChild);
    try {
      if (!p.waitFor(6, TimeUnit.HOURS)) {
        p.destroyForcibly();
        throw new IllegalStateException(args[0] + " did not finish in 6 hours; see " + log);
      }
    } finally {
      Runtime.getRuntime().removeShutdownHook(killChild);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() != 0 || !Files.exists(result)) {
      throw new IllegalStateException(
          args[0] + " failed with exit code " + p.exitValue() + "; its output is in " + log);
    }
    return new Outcome(Measure.JSON.readTree(result.toFile()), seconds);
  }
}
