package org.sociallearning.impact.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.sociallearning.impact.config.ConfigException;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.estimation.DidCommand;
import org.sociallearning.impact.job.NightlyImpactJob;
import org.sociallearning.impact.job.SparkSessions;
import org.sociallearning.impact.report.ReportWriter;

/**
 * Command line entry point ({@code bin/impact}): {@code run --config FILE} runs the nightly job,
 * {@code report --output DIR} re-renders a run's report from its published results (no Spark),
 * {@code did ...} runs the estimator on any long panel. Failures end with a one-line cause and
 * a non-zero exit code, never a bare stack trace.
 */
public final class ImpactCli {

  static final String USAGE = String.join("\n",
      "usage: impact run --config FILE",
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
      case "report" -> report(rest, out, err);
      case "did" -> DidCommand.run(rest, out, err);
      default -> {
        err.println("error: unknown command '" + args[0] + "'\n" + USAGE);
        yield 2;
      }
    };
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || !"--config".equals(args[0])) {
      err.println("error: run needs --config FILE\n" + USAGE);
      return 2;
    }
    PipelineConfig config;
    try {
      config = ConfigLoader.load(Path.of(args[1]));
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    try {
      SparkSession spark = SparkSessions.forJob("social-learning-impact");
      NightlyImpactJob.RunResult result = new NightlyImpactJob(spark, config, out).run();
      out.println("report: " + result.report().toAbsolutePath());
      return 0;
    } catch (Exception | Error e) {
      err.println("error: " + oneLine(e));
      if (System.getenv("IMPACT_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /**
   * Re-renders {@code DIR/report/index.html} and {@code impact-report.pdf} from the results
   * published in {@code DIR}, without Spark: for a changed template or a lost report file.
   */
  static int report(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 2 || !"--output".equals(args[0])) {
      err.println("error: report needs --output DIR (the output folder of a run)\n" + USAGE);
      return 2;
    }
    try {
      ReportWriter.Written written = ReportWriter.rewrite(Path.of(args[1]));
      out.println("report: " + written.html());
      out.println("pdf: " + written.pdf());
      return 0;
    } catch (Exception | Error e) {
      err.println("error: " + oneLine(e));
      if (System.getenv("IMPACT_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /** The first message written for people (our own checks), on one line. */
  public static String oneLine(Throwable e) {
    String message = e.getMessage();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && (t instanceof IllegalArgumentException
          || t instanceof IllegalStateException || t instanceof java.io.IOException
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
