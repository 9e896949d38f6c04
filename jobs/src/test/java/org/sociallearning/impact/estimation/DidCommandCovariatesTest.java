package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code did --covariates ... --method ...} on mpdta. */
class DidCommandCovariatesTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void doublyRobustByDefaultWithCovariates() throws IOException {
    Path outDir = dir.resolve("dr");
    assertEquals(0, run(MpdtaReference.file(), outDir, "--covariates", "lpop"), text(err));
    assertTrue(text(out).contains("conditional parallel trends: lpop, doubly robust"), text(out));
    // R did, xformla = ~lpop, est_method = "dr": ATT(2004,2004) = -0.0145.
    assertEquals(-0.0145, firstAtt(outDir), 0.5e-4);
  }

  @Test
  void outcomeRegressionOnRequest() throws IOException {
    Path outDir = dir.resolve("reg");
    assertEquals(
        0,
        run(MpdtaReference.file(), outDir, "--covariates", "lpop", "--method", "reg"),
        text(err));
    assertTrue(text(out).contains("lpop, outcome regression"), text(out));
    assertEquals(-0.0149, firstAtt(outDir), 0.5e-4);
  }

  @Test
  void textColumnIsCategoricalAndStrataAreExactStratification() throws IOException {
    Path panelFile = withSizeColumn();
    Path outDir = dir.resolve("strata");
    assertEquals(
        0, run(panelFile, outDir, "--covariates", "size", "--method", "strata"), text(err));
    assertTrue(text(out).contains("within exact strata of size"), text(out));
    Panel panel = PanelCsv.read(panelFile, "countyreal", "year", "first.treat", "lemp");
    Covariates size = CovariateCsv.read(panelFile, "countyreal", "year", List.of("size"), Set.of());
    DidResult direct =
        StaggeredDid.estimate(
            panel, DidOptions.defaults().withReplicates(0), size.strata(panel.unitIds()));
    assertEquals(direct.groupTime().get(0).att(), firstAtt(outDir), 1e-6);

    out.reset();
    Path drDir = dir.resolve("dr-size");
    assertEquals(0, run(panelFile, drDir, "--covariates", "lpop,size"), text(err));
    assertTrue(text(out).contains("lpop, size (categorical), doubly robust"), text(out));
  }

  @Test
  void misuseIsNamed() {
    assertEquals(2, run(MpdtaReference.file(), dir.resolve("a"), "--method", "reg"));
    assertSingleErrorLine("--method needs --covariates");
    assertEquals(
        2, run(MpdtaReference.file(), dir.resolve("b"), "--covariates", "lpop", "--method", "psm"));
    assertSingleErrorLine("--method must be dr, reg, ipw or strata, got 'psm'");
    assertEquals(2, run(MpdtaReference.file(), dir.resolve("c"), "--covariates", "income"));
    assertSingleErrorLine("covariate column 'income' not found");
    assertEquals(
        2,
        run(
            MpdtaReference.file(),
            dir.resolve("d"),
            "--covariates",
            "lpop",
            "--categorical",
            "treat"));
    assertSingleErrorLine("'treat' is marked categorical but is not among the covariates");
  }

  /** mpdta with a text column: counties above the median log population are "large". */
  private Path withSizeColumn() throws IOException {
    List<String> lines = Files.readAllLines(MpdtaReference.file());
    double[] lpop =
        lines.stream()
            .skip(1)
            .mapToDouble(l -> Double.parseDouble(l.split(",")[2]))
            .sorted()
            .toArray();
    double median = lpop[lpop.length / 2];
    List<String> withSize = new ArrayList<>();
    withSize.add(lines.get(0) + ",\"size\"");
    for (String line : lines.subList(1, lines.size())) {
      boolean large = Double.parseDouble(line.split(",")[2]) > median;
      withSize.add(line + (large ? ",large" : ",small"));
    }
    return Files.write(dir.resolve("mpdta-size.csv"), withSize);
  }

  private int run(Path panel, Path outDir, String... extra) {
    out.reset();
    err.reset();
    String[] args =
        Stream.concat(
                Stream.of(
                    "did",
                    "--panel",
                    panel.toString(),
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
                    outDir.toString()),
                Stream.of(extra))
            .toArray(String[]::new);
    return DidCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static double firstAtt(Path outDir) throws IOException {
    String[] first = Files.readAllLines(outDir.resolve("att_gt.csv")).get(1).split(",");
    assertEquals("2004", first[0]);
    assertEquals("2004", first[1]);
    return Double.parseDouble(first[2]);
  }

  private void assertSingleErrorLine(String fragment) {
    String message = text(err);
    assertTrue(message.startsWith("error: "), message);
    assertTrue(message.contains(fragment), message);
    assertEquals(1, message.lines().count(), message);
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
