package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DidCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void writesBothFilesForMpdta() throws IOException {
    Path outDir = dir.resolve("result");
    int code =
        run(
            "did",
            "--panel",
            MpdtaReference.file().toString(),
            "--id",
            "countyreal",
            "--time",
            "year",
            "--group",
            "first.treat",
            "--outcome",
            "lemp",
            "--control",
            "never",
            "--replicates",
            "199",
            "--seed",
            "5",
            "--out",
            outDir.toString());
    assertEquals(0, code, text(err));
    assertEquals("", text(err));
    assertTrue(text(out).contains("simple   ATT -0.0399513"), text(out));

    List<String> attGt = Files.readAllLines(outDir.resolve("att_gt.csv"));
    assertEquals("group,time,att,se,ci_low,ci_high,band_low,band_high", attGt.get(0));
    assertEquals(13, attGt.size());
    String[] first = attGt.get(1).split(",");
    assertEquals("2004", first[0]);
    assertEquals("2004", first[1]);
    assertEquals(-0.0105032, Double.parseDouble(first[2]), 1e-6);
    assertTrue(Double.parseDouble(first[6]) < Double.parseDouble(first[4]), "band wider than ci");

    List<String> aggregates = Files.readAllLines(outDir.resolve("aggregates.csv"));
    assertEquals(
        "aggregation,key,att,se,ci_low,ci_high,p_value,band_low,band_high", aggregates.get(0));
    assertTrue(aggregates.get(1).endsWith(",NaN,NaN"), "no band over the simple aggregate");
    assertTrue(aggregates.get(1).startsWith("simple,overall,-0.03995"), aggregates.get(1));
    assertTrue(
        aggregates.contains(
            aggregates.stream()
                .filter(l -> l.startsWith("dynamic,-3,"))
                .findFirst()
                .orElseThrow()));
    String minusThree =
        aggregates.stream().filter(l -> l.startsWith("dynamic,-3,")).findFirst().orElseThrow();
    assertFalse(minusThree.endsWith(",NaN"), "the event study has a band: " + minusThree);
    assertEquals(1 + 18, aggregates.size());
    assertEquals(
        List.of("simple", "group", "dynamic", "calendar"),
        aggregates.stream().skip(1).map(l -> l.split(",")[0]).distinct().toList());
  }

  @Test
  void notYetTreatedControlsWithAnticipation() throws IOException {
    Path outDir = dir.resolve("notyet");
    int code =
        run(
            "did",
            "--panel",
            MpdtaReference.file().toString(),
            "--id",
            "countyreal",
            "--time",
            "year",
            "--group",
            "first.treat",
            "--outcome",
            "lemp",
            "--control",
            "notyet",
            "--anticipation",
            "0",
            "--replicates",
            "0",
            "--out",
            outDir.toString());
    assertEquals(0, code, text(err));
    assertTrue(text(out).contains("191 treated, 480 not-yet-treated controls"), text(out));
    assertTrue(text(out).contains("pre-trend test: Wald"), text(out));
    String[] first = Files.readAllLines(outDir.resolve("att_gt.csv")).get(1).split(",");
    double byHand =
        DidByDefinition.readCsv(MpdtaReference.file(), "countyreal", "year", "first.treat", "lemp")
            .att(2004, 2004, true, 0)
            .att();
    assertEquals(byHand, Double.parseDouble(first[2]), 1e-12);
    for (String line : Files.readAllLines(outDir.resolve("aggregates.csv")).subList(1, 19)) {
      String[] f = line.split(",");
      double p = Double.parseDouble(f[6]);
      assertEquals(
          AggregateEffect.twoSidedPValue(Double.parseDouble(f[2]), Double.parseDouble(f[3])),
          p,
          1e-15,
          line);
    }

    out.reset();
    code =
        run(
            "did",
            "--panel",
            MpdtaReference.file().toString(),
            "--id",
            "countyreal",
            "--time",
            "year",
            "--group",
            "first.treat",
            "--outcome",
            "lemp",
            "--anticipation",
            "1",
            "--replicates",
            "0",
            "--out",
            dir.resolve("anticipation").toString());
    assertEquals(0, code, text(err));
    assertTrue(text(out).contains("never-treated controls; anticipation 1 period(s)"), text(out));
  }

  @Test
  void universalBasePeriodMeasuresEveryEffectFromTheBase() throws IOException {
    Path outDir = dir.resolve("universal");
    int code =
        run(
            "did",
            "--panel",
            MpdtaReference.file().toString(),
            "--id",
            "countyreal",
            "--time",
            "year",
            "--group",
            "first.treat",
            "--outcome",
            "lemp",
            "--base-period",
            "universal",
            "--replicates",
            "0",
            "--out",
            outDir.toString());
    assertEquals(0, code, text(err));
    assertTrue(text(out).contains("base period: universal"), text(out));
    assertTrue(
        text(out).contains("simple   ATT -0.0399513"), "unchanged after joining: " + text(out));
    assertTrue(text(out).contains("on 5 df, p = 0.16812"), text(out));
    List<String> attGt = Files.readAllLines(outDir.resolve("att_gt.csv"));
    assertEquals(1 + 3 * 5, attGt.size(), "every cohort from the first period 2003 on");
    assertTrue(
        attGt.contains("2004,2003,0.0,NaN,NaN,NaN,NaN,NaN"), "the base of cohort 2004: " + attGt);
    assertTrue(attGt.contains("2007,2006,0.0,NaN,NaN,NaN,NaN,NaN"), attGt.toString());
    List<String> aggregates = Files.readAllLines(outDir.resolve("aggregates.csv"));
    assertTrue(
        aggregates.contains("dynamic,-1,0.0,NaN,NaN,NaN,NaN,NaN,NaN"), aggregates.toString());
    assertTrue(
        aggregates.stream().anyMatch(l -> l.startsWith("dynamic,-4,")), aggregates.toString());

    out.reset();
    assertEquals(
        0,
        run(
            "did",
            "--panel",
            MpdtaReference.file().toString(),
            "--id",
            "countyreal",
            "--time",
            "year",
            "--group",
            "first.treat",
            "--outcome",
            "lemp",
            "--replicates",
            "0",
            "--out",
            dir.resolve("varying").toString()));
    assertTrue(text(out).contains("base period: varying"), "R's default: " + text(out));
  }

  /**
   * With R's defaults the summary prints R's pre-test as R reports it (p = 0.16812), then the level
   * test on its own line with the two combined: min(1, 2 min(0.168, level p)).
   */
  @Test
  void printsRsPreTestThenTheLevelTest() {
    assertEquals(
        0,
        run(
            "did",
            "--panel",
            MpdtaReference.file().toString(),
            "--id",
            "countyreal",
            "--time",
            "year",
            "--group",
            "first.treat",
            "--outcome",
            "lemp",
            "--out",
            dir.resolve("r").toString()));
    List<String> lines = text(out).lines().toList();
    int joint =
        lines.indexOf("pre-trend test: Wald 7.791 on 5 df, p = 0.16812 (group-time effects)");
    assertTrue(joint > 0, text(out));
    String level = lines.get(joint + 1);
    DidResult.PreTrendTest test =
        StaggeredDid.estimate(MpdtaReference.panel(), DidOptions.defaults()).preTrend();
    assertEquals(
        String.format(
            java.util.Locale.ROOT,
            "pre-joining level test: 0.01760 (se %.3g) over 3 event"
                + " time(s) before the base, p = %.5f; both pre-trend tests together (Bonferroni): p = %.5f",
            test.level().standardError(),
            test.level().pValue(),
            2 * test.jointPValue()),
        level);
    assertTrue(
        test.level().pValue() > test.jointPValue(), "so the combined p is twice R's: " + test);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("warning: pre-trend")), text(out));
  }

  @Test
  void unknownColumnIsNamed() {
    int code =
        run(
            "--panel",
            MpdtaReference.file().toString(),
            "--id",
            "countyreal",
            "--time",
            "year",
            "--group",
            "first_treat",
            "--outcome",
            "lemp",
            "--out",
            dir.toString());
    assertEquals(2, code);
    assertSingleErrorLine("column 'first_treat' not found");
  }

  @Test
  void missingFileIsReported() {
    int code =
        run(
            "--panel",
            dir.resolve("nope.csv").toString(),
            "--id",
            "a",
            "--time",
            "b",
            "--group",
            "c",
            "--outcome",
            "d",
            "--out",
            dir.toString());
    assertEquals(2, code);
    assertSingleErrorLine("nope.csv not found");
  }

  @Test
  void badUsageIsReported() {
    assertEquals(2, run("--panel", "x.csv"));
    assertSingleErrorLine("missing required option --id");
    err.reset();
    assertEquals(
        2,
        run(
            "--panel",
            "x.csv",
            "--id",
            "a",
            "--time",
            "b",
            "--group",
            "c",
            "--outcome",
            "d",
            "--out",
            "o",
            "--replicates",
            "many"));
    assertSingleErrorLine("--replicates expects a whole number, got 'many'");
    err.reset();
    assertEquals(
        2,
        run(
            "--panel",
            "x.csv",
            "--id",
            "a",
            "--time",
            "b",
            "--group",
            "c",
            "--outcome",
            "d",
            "--out",
            "o",
            "--control",
            "sometimes"));
    assertSingleErrorLine("unknown control group 'sometimes'; expected: never or notyet");
    err.reset();
    assertEquals(
        2,
        run(
            "--panel",
            "x.csv",
            "--id",
            "a",
            "--time",
            "b",
            "--group",
            "c",
            "--outcome",
            "d",
            "--out",
            "o",
            "--anticipation",
            "-1"));
    assertSingleErrorLine("--anticipation must be between 0 and");
    err.reset();
    assertEquals(
        2,
        run(
            "--panel",
            "x.csv",
            "--id",
            "a",
            "--time",
            "b",
            "--group",
            "c",
            "--outcome",
            "d",
            "--out",
            "o",
            "--base-period",
            "fixed"));
    assertSingleErrorLine("unknown base period 'fixed'; expected: varying or universal");
    err.reset();
    assertEquals(2, run("--bogus", "1"));
    assertSingleErrorLine("unknown option --bogus");
  }

  @Test
  void unwritableOutputIsReported() throws IOException {
    Path blocker = Files.writeString(dir.resolve("taken"), "a file, not a directory");
    int code =
        run(
            "--panel",
            MpdtaReference.file().toString(),
            "--id",
            "countyreal",
            "--time",
            "year",
            "--group",
            "first.treat",
            "--outcome",
            "lemp",
            "--replicates",
            "0",
            "--out",
            blocker.toString());
    assertEquals(2, code);
    assertSingleErrorLine("cannot write results to " + blocker);
  }

  @Test
  void helpPrintsUsage() {
    assertEquals(0, run("did", "--help"));
    assertTrue(text(out).startsWith("usage: did --panel FILE"), text(out));
  }

  private void assertSingleErrorLine(String fragment) {
    String message = text(err);
    assertTrue(message.startsWith("error: "), message);
    assertTrue(message.contains(fragment), message);
    assertEquals(1, message.lines().count(), message);
  }

  private int run(String... args) {
    return DidCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
