package org.sociallearning.impact.estimation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line of the estimation step:
 *
 * <pre>
 * did --panel FILE --id COL --time COL --group COL --outcome COL
 *     [--control never|notyet] [--anticipation N] [--base-period varying|universal]
 *     [--covariates COL[,COL...] [--categorical COL[,COL...]] [--method dr|reg|ipw|strata]]
 *     [--replicates N] [--seed N] --out DIR
 * </pre>
 *
 * With {@code --covariates} parallel trends are assumed conditional on those columns of the panel
 * file ({@link CovariateCsv}: text columns and those named in {@code --categorical} are
 * categorical), each ATT(g,t) estimated by {@code --method}: {@code dr} (default, doubly robust),
 * {@code reg} (outcome regression), {@code ipw} (inverse probability weighting), or {@code strata}
 * (exact stratification on the covariates, all then categorical).
 *
 * <p>The base period defaults to {@code varying}, as in R. Reads the long panel CSV, runs {@link
 * StaggeredDid}, writes {@code DIR/att_gt.csv} and {@code DIR/aggregates.csv} and prints a short
 * summary with the pre-trend tests (R's joint pre-test as R prints it, then the pre-joining level
 * test and the two combined). Exit code 0 on success; 2 with a single {@code error: ...} line on
 * bad usage or bad input.
 */
public final class DidCommand {

  static final String USAGE =
      "usage: did --panel FILE --id COL --time COL --group COL --outcome COL"
          + " [--control never|notyet] [--anticipation N] [--base-period varying|universal]"
          + " [--covariates COL[,COL...] [--categorical COL[,COL...]] [--method dr|reg|ipw|strata]]"
          + " [--replicates N] [--seed N] --out DIR";
  private static final List<String> REQUIRED =
      List.of("panel", "id", "time", "group", "outcome", "out");
  private static final List<String> OPTIONAL =
      List.of(
          "control",
          "anticipation",
          "base-period",
          "replicates",
          "seed",
          "covariates",
          "categorical",
          "method");

  private DidCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      Map<String, String> options = parse(args);
      if (options.containsKey("help")) {
        out.println(USAGE);
        return 0;
      }
      DidOptions didOptions = didOptions(options);
      Panel panel =
          PanelCsv.read(
              Path.of(options.get("panel")),
              new PanelCsv.Columns(
                  options.get("id"),
                  options.get("time"),
                  options.get("group"),
                  options.get("outcome")));
      CovariateAdjustment adjustment = CovariateAdjustment.of(options, panel);
      didOptions = adjustment.applyTo(didOptions);
      DidResult result = StaggeredDid.estimate(panel, didOptions, adjustment.strata());
      Path outDir = Path.of(options.get("out"));
      try {
        DidResultCsv.write(result, outDir);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot write results to "
                + outDir
                + ": "
                + e.getClass().getSimpleName()
                + " "
                + e.getMessage(),
            e);
      }
      printSummary(panel, result, didOptions, adjustment.description(), outDir, out);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("error: " + oneLine(e.getMessage()));
      return 2;
    } catch (UncheckedIOException e) {
      err.println("error: " + oneLine(e.getMessage()));
      return 2;
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    int start = args.length > 0 && args[0].equals("did") ? 1 : 0;
    for (int i = start; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        options.put("help", "");
        return options;
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'; " + USAGE);
      }
      String name = arg.substring(2);
      String value;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value; " + USAGE);
      }
      if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; " + USAGE);
      }
      if (options.put(name, value) != null) {
        throw new IllegalArgumentException("option --" + name + " given twice");
      }
    }
    for (String name : REQUIRED) {
      if (!options.containsKey(name) || options.get(name).isBlank()) {
        throw new IllegalArgumentException("missing required option --" + name + "; " + USAGE);
      }
    }
    return options;
  }

  private static DidOptions didOptions(Map<String, String> options) {
    DidOptions defaults = DidOptions.defaults();
    ControlGroup control =
        options.containsKey("control")
            ? ControlGroup.parse(options.get("control"))
            : defaults.control();
    int replicates =
        options.containsKey("replicates")
            ? (int) wholeNumber(options, "replicates", 0, Integer.MAX_VALUE)
            : defaults.bootstrapReplicates();
    long seed =
        options.containsKey("seed")
            ? wholeNumber(options, "seed", Long.MIN_VALUE, Long.MAX_VALUE)
            : defaults.seed();
    int anticipation =
        options.containsKey("anticipation")
            ? (int) wholeNumber(options, "anticipation", 0, Integer.MAX_VALUE)
            : defaults.anticipation();
    BasePeriod basePeriod =
        options.containsKey("base-period")
            ? BasePeriod.parse(options.get("base-period"))
            : defaults.basePeriod();
    return new DidOptions(
        control, replicates, seed, defaults.confidenceLevel(), anticipation, basePeriod);
  }

  private static long wholeNumber(Map<String, String> options, String name, long min, long max) {
    String text = options.get(name);
    try {
      long value = Long.parseLong(text.trim());
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            "--" + name + " must be between " + min + " and " + max + ", got " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " expects a whole number, got '" + text + "'");
    }
  }

  private static void printSummary(
      Panel panel,
      DidResult result,
      DidOptions options,
      String adjustment,
      Path outDir,
      PrintStream out) {
    long cells = result.groupTime().stream().filter(c -> !Double.isNaN(c.att())).count();
    out.printf(
        Locale.ROOT,
        "did: %d units, %d periods (%d..%d); %d of %d group-time effects estimated%n",
        panel.unitCount(),
        panel.periodCount(),
        panel.periods()[0],
        panel.periods()[panel.periodCount() - 1],
        cells,
        result.groupTime().size());
    out.printf(
        Locale.ROOT,
        "units behind post-treatment effects: %d treated, %d %s controls%s%n",
        result.treatedUnits(),
        result.controlUnits(),
        options.control().label(),
        options.anticipation() == 0
            ? ""
            : "; anticipation " + options.anticipation() + " period(s)");
    out.println(
        "base period: "
            + options.basePeriod().option()
            + (options.basePeriod() == BasePeriod.UNIVERSAL
                ? " (every effect measured from each cohort's base; the base itself is 0 without standard error)"
                : " (effects before joining measured from the period before each)"));
    if (!adjustment.isEmpty()) {
      out.println("conditional parallel trends: " + adjustment);
    }
    String level = String.format(Locale.ROOT, "%.0f%%", options.confidenceLevel() * 100);
    String errors =
        options.bootstrapReplicates() > 0
            ? "multiplier bootstrap, "
                + options.bootstrapReplicates()
                + " replicates, seed "
                + options.seed()
            : "analytic standard errors";
    for (String aggregation :
        List.of(
            AggregateEffect.SIMPLE,
            AggregateEffect.GROUP,
            AggregateEffect.DYNAMIC,
            AggregateEffect.CALENDAR)) {
      result.byAggregation(aggregation).stream()
          .filter(AggregateEffect::isOverall)
          .findFirst()
          .ifPresent(
              a ->
                  out.printf(
                      Locale.ROOT,
                      "%-8s ATT %.6g (se %.3g, %s CI %.6g .. %.6g)%n",
                      aggregation,
                      a.att(),
                      a.se(),
                      level,
                      a.ciLow(),
                      a.ciHigh()));
    }
    out.println("standard errors: " + errors);
    DidResult.PreTrendTest preTrend = result.preTrend();
    if (preTrend.isJointAvailable()) {
      out.printf(
          Locale.ROOT,
          "pre-trend test: Wald %.4g on %d df, p = %.5f (%s effects)%n",
          preTrend.statistic(),
          preTrend.degreesOfFreedom(),
          preTrend.jointPValue(),
          preTrend.kind() == DidResult.PreTrendTest.Kind.EVENT_TIME ? "event-time" : "group-time");
    }
    DidResult.PreTrendTest.LevelTest levelTest = preTrend.level();
    if (levelTest.isAvailable()) {
      out.printf(
          Locale.ROOT,
          "pre-joining level test: %.4g (se %.3g) over %d event time(s) before the base,"
              + " p = %.5f; both pre-trend tests together (Bonferroni): p = %.5f%n",
          levelTest.estimate(),
          levelTest.standardError(),
          levelTest.eventTimes(),
          levelTest.pValue(),
          preTrend.pValue());
    }
    for (String warning : result.warnings()) {
      out.println("warning: " + warning);
    }
    out.println(
        "wrote "
            + outDir.resolve(DidResultCsv.GROUP_TIME_FILE)
            + " and "
            + outDir.resolve(DidResultCsv.AGGREGATES_FILE));
  }

  private static String oneLine(String message) {
    return message == null ? "unexpected failure" : message.replaceAll("\\s*\\R\\s*", " ");
  }
}
