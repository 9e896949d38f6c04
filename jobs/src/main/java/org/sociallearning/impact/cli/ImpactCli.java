package org.sociallearning.impact.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.estimation.DidCommand;
import org.sociallearning.impact.job.ExitCode;
import org.sociallearning.impact.job.ExportCheck;
import org.sociallearning.impact.job.NightlyImpactJob;
import org.sociallearning.impact.job.RunPlan;
import org.sociallearning.impact.job.SourceCheck;
import org.sociallearning.impact.job.SparkSessions;
import org.sociallearning.impact.report.ReportWriter;

/**
 * Command line entry point ({@code bin/impact}): {@code run --config FILE} runs the nightly job
 * ({@code --dry-run} prints its plan), {@code validate} checks the inputs, {@code report --output
 * DIR} re-renders a run's report from its published results (no Spark), {@code did ...} runs the
 * estimator on any long panel. Failures end with a one-line cause and an exit code from {@link
 * ExitCode}, never a bare stack trace.
 */
public final class ImpactCli {

  static final String USAGE =
      String.join(
          "\n",
          "usage: impact run --config FILE [--dry-run]",
          "       impact validate --config FILE",
          "       impact report --output DIR",
          "       impact did --panel FILE --id COL --time COL --group COL --outcome COL"
              + " [--control never|notyet] [--anticipation N] [--replicates N] [--seed N] --out DIR");

  private ImpactCli() {}

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  public static int execute(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0])) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    return switch (args[0]) {
      case "run" -> run(rest, out, err);
      case "validate" -> validate(rest, out, err);
      case "report" -> report(rest, out, err);
      case "did" -> DidCommand.run(rest, out, err);
      default -> {
        err.println("error: unknown command '" + args[0] + "'\n" + USAGE);
        yield 2;
      }
    };
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    boolean dryRun = args.length == 3 && "--dry-run".equals(args[2]);
    if ((args.length != 2 && !dryRun) || !"--config".equals(args[0])) {
      err.println("error: run needs --config FILE [--dry-run]\n" + USAGE);
      return ExitCode.CONFIG.code();
    }
    try {
      PipelineConfig config = ConfigLoader.load(Path.of(args[1]));
      if (dryRun) {
        RunPlan.of(config).forEach(out::println);
        return ExitCode.OK.code();
      }
      SparkSession spark = SparkSessions.forJob("social-learning-impact");
      new NightlyImpactJob(spark, config, out).run();
      out.println(
          "report: " + config.output().resolve("current").resolve("report").resolve("index.html"));
      return ExitCode.OK.code();
    } catch (Exception | Error e) {
      return fail(e, err);
    }
  }

  /** Reads and checks every input as a run would, publishes nothing. */
  static int validate(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || !"--config".equals(args[0])) {
      err.println("error: validate needs --config FILE\n" + USAGE);
      return ExitCode.CONFIG.code();
    }
    try {
      PipelineConfig config = ConfigLoader.load(Path.of(args[1]));
      out.println("config ok: " + config.configFile() + " (as_of " + config.asOf() + ")");
      SparkSession spark = SparkSessions.forJob("social-learning-impact-validate");
      ExportCheck.Validation v = ExportCheck.run(spark, config, out);
      for (SourceCheck c : v.sources()) {
        out.println(
            String.format(
                java.util.Locale.ROOT,
                "%-24s %-20s read %d = accepted %d + quarantined %d + deduplicated %d + skipped %d;"
                    + " unmatched identities %d",
                c.key(),
                c.format(),
                c.read(),
                c.accepted(),
                c.quarantined(),
                c.deduplicated(),
                c.skipped(),
                c.unmatchedIdentities()));
        c.quarantineReasons()
            .forEach(
                (reason, n) ->
                    out.println(String.format(java.util.Locale.ROOT, "    %7d  %s", n, reason)));
        c.skipReasons()
            .forEach(
                (reason, n) ->
                    out.println(
                        String.format(java.util.Locale.ROOT, "    %7d  skipped: %s", n, reason)));
        c.warnings()
            .forEach(
                (rule, n) ->
                    out.println(
                        String.format(java.util.Locale.ROOT, "    %7d  warning: %s", n, rule)));
      }
      v.warnings().forEach(w -> out.println("warning: " + w));
      if (v.qualityFailure() != null) {
        return fail(v.qualityFailure(), err);
      }
      out.println("inputs ok: nothing was written");
      return ExitCode.OK.code();
    } catch (Exception | Error e) {
      return fail(e, err);
    }
  }

  private static int fail(Throwable e, PrintStream err) {
    ExitCode code = ExitCode.of(e);
    err.println("error: " + (code == ExitCode.CONFIG ? e.getMessage() : oneLine(e)));
    if (System.getenv("IMPACT_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return code.code();
  }

  /**
   * Re-renders {@code DIR/report/index.html} and {@code impact-report.pdf} from the results
   * published in {@code DIR}, without Spark: for a changed template or a lost report file.
   */
  static int report(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || !"--output".equals(args[0])) {
      err.println("error: report needs --output DIR (the output folder of a run)\n" + USAGE);
      return ExitCode.CONFIG.code();
    }
    try {
      // An output root re-renders the published run; a run folder is taken as it is.
      Path dir = Path.of(args[1]);
      Path run = org.sociallearning.impact.publish.StagedOutput.currentRun(dir).orElse(dir);
      ReportWriter.Written written = ReportWriter.rewrite(run);
      out.println("report: " + written.html());
      out.println("pdf: " + written.pdf());
      return ExitCode.OK.code();
    } catch (Exception | Error e) {
      return fail(e, err);
    }
  }

  /** The first message written for people (our own checks), on one line. */
  public static String oneLine(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null
          && (t instanceof IllegalArgumentException
              || t instanceof IllegalStateException
              || t instanceof java.io.IOException
              || t instanceof java.io.UncheckedIOException)) {
        message = t.getMessage();
        break;
      }
    }
    String text = message == null ? e.getClass().getName() : message;
    return text.replaceAll("\\s*\\R\\s*", " ").strip()
        + " (set IMPACT_DEBUG=1 for the stack trace)";
  }
}
