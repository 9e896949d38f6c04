package org.sociallearning.impact.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.job.MetricEstimate;
import org.sociallearning.impact.schemas.MetricDefinition;
import org.sociallearning.impact.schemas.TableContract;

/** Worked examples of the value and ROI figures, their signs, intervals and missing inputs. */
class ValueEstimatesTest {

  private static final double EPS = 1e-6;

  /** A log-scale estimate given by its relative effect and interval. */
  private static MetricEstimate relative(String metric, String segment, double rel, double relLow,
      double relHigh, boolean suppressed) {
    return new MetricEstimate(MetricDefinition.named(metric), segment, Math.log1p(rel),
        Math.log1p(relLow), Math.log1p(relHigh), rel, relLow, relHigh, 40, 60, "test", 0.01,
        0.02, 0.5, 3, "group_time", List.of(), List.of(), suppressed, List.of());
  }

  private static MetricEstimate ttr(double rel, double relLow, double relHigh) {
    return relative(ValueEstimates.TIME_TO_RESOLVE, "all", rel, relLow, relHigh, false);
  }

  /** A level-scale win-rate estimate (difference in proportion). */
  private static MetricEstimate winRate(double est, double low, double high) {
    return new MetricEstimate(MetricDefinition.named(ValueEstimates.WIN_RATE), "all", est, low,
        high, est / 0.25, low / 0.25, high / 0.25, 40, 60, "test", 0.01, 0.02, 0.5, 3, "group_time", List.of(),
        List.of(), false, List.of());
  }

  private static ValueInputs tickets(double perYear, double hoursPerTicket) {
    return new ValueInputs(perYear, hoursPerTicket, Double.NaN, Double.NaN, Double.NaN);
  }

  private static final ValueInputs ALL_VOLUMES = new ValueInputs(1000, 4.0, 500, 20_000, 45);
  private static final ValueSettings FULL = new ValueSettings(50.0, 0.5, 100_000.0, "EUR");

  private static Map<String, ValueRow> byItem(List<ValueRow> rows) {
    return rows.stream().collect(Collectors.toMap(ValueRow::item, Function.identity()));
  }

  private static void assertFigure(double est, double low, double high, ValueRow row) {
    assertEquals(est, row.estimate(), Math.abs(est) * EPS + EPS, row.item() + " estimate");
    assertEquals(low, row.low(), Math.abs(low) * EPS + EPS, row.item() + " low");
    assertEquals(high, row.high(), Math.abs(high) * EPS + EPS, row.item() + " high");
  }

  @Test
  void fasterTicketsArePositiveHoursSavedValuedAtTheHourlyCost() {
    // 20% faster (interval 30% to 10% faster); observed 4 h per ticket, so 5 h without the
    // programme: 1 h saved per ticket, 1000 tickets a year.
    Map<String, ValueRow> rows = byItem(ValueEstimates.compute(
        FULL, List.of(ttr(-0.2, -0.3, -0.1)), tickets(1000, 4.0)));
    // low from the upper relative bound: 0.1 x 4 / 0.9; high from the lower: 0.3 x 4 / 0.7
    assertFigure(1000, 1000 * 0.4 / 0.9, 1000 * 1.2 / 0.7, rows.get("hours_saved"));
    assertEquals("hours", rows.get("hours_saved").unit());
    assertFigure(50_000, 50_000 * 0.4 / 0.9, 50_000 * 1.2 / 0.7, rows.get("hours_value"));
    assertEquals("EUR", rows.get("hours_value").unit());
    assertTrue(rows.get("hours_value").method().contains("value.loaded_hourly_cost"));
  }

  @Test
  void slowerTicketsAreNegativeHoursSavedWithOrderedBounds() {
    // 25% slower (interval 5% to 50% slower): observed 5 h, counterfactual 4 h, 1 h lost.
    List<ValueRow> rows = ValueEstimates.compute(
        FULL, List.of(ttr(0.25, 0.05, 0.5)), tickets(100, 5.0));
    ValueRow hours = byItem(rows).get("hours_saved");
    assertFigure(-100, -100 * 5 * 0.5 / 1.5, -100 * 5 * 0.05 / 1.05, hours);
    assertTrue(hours.high() < 0, "the whole interval is hours lost");
    assertOrdered(rows);
  }

  @Test
  void intervalStraddlingZeroStaysOrdered() {
    List<ValueRow> rows = ValueEstimates.compute(
        FULL, List.of(ttr(-0.05, -0.15, 0.06), winRate(0.01, -0.02, 0.04)), ALL_VOLUMES);
    assertOrdered(rows);
    ValueRow hours = byItem(rows).get("hours_saved");
    assertTrue(hours.low() < 0 && hours.high() > 0);
  }

  private static void assertOrdered(List<ValueRow> rows) {
    for (ValueRow r : rows) {
      if (r.valued()) {
        assertTrue(r.low() <= r.estimate() && r.estimate() <= r.high(),
            r.item() + ": " + r.low() + " <= " + r.estimate() + " <= " + r.high());
      }
    }
  }

  @Test
  void winRateEffectIsValuedAtTheMarginAndTheCycleOnlyInDays() {
    MetricEstimate cycle = relative(ValueEstimates.SALES_CYCLE, "all", -0.1, -0.2, 0.05, false);
    Map<String, ValueRow> rows = byItem(ValueEstimates.compute(FULL,
        List.of(winRate(0.04, 0.01, 0.07), cycle), new ValueInputs(Double.NaN, Double.NaN, 500,
            20_000, 45)));
    // 0.04 x 500 opportunities x 20,000 per won deal x 0.5 margin
    assertFigure(200_000, 50_000, 350_000, rows.get("revenue_effect"));
    // 45 days observed = 50 without: 5 days saved per deal; bounds 45 x 0.2 / 0.8, -45 x 0.05 / 1.05
    assertFigure(5, -45 * 0.05 / 1.05, 45 * 0.2 / 0.8, rows.get("sales_cycle_days_saved"));
    assertEquals("days", rows.get("sales_cycle_days_saved").unit());
    assertTrue(rows.get("sales_cycle_days_saved").method().contains("earlier, not more money"));
    // The cycle adds no money: the benefit is the revenue effect alone, with its exact interval.
    assertFigure(200_000, 50_000, 350_000, rows.get("total_benefit"));
    assertFalse(rows.get("total_benefit").method().contains("conservative"));
  }

  @Test
  void totalOfTwoPartsUsesTheConservativeInterval() {
    Map<String, ValueRow> rows = byItem(ValueEstimates.compute(FULL,
        List.of(ttr(-0.2, -0.3, -0.1), winRate(0.04, 0.01, 0.07)), ALL_VOLUMES));
    ValueRow hoursValue = rows.get("hours_value");
    ValueRow revenue = rows.get("revenue_effect");
    ValueRow total = rows.get("total_benefit");
    assertFigure(250_000, hoursValue.low() + revenue.low(), hoursValue.high() + revenue.high(),
        total);
    assertTrue(total.method().contains("conservative"));
    assertTrue(rows.get("roi_percent").method().contains("conservative"));
    // ROI and BCR map the benefit's bounds with the cost fixed.
    assertFigure(150, (total.low() - 100_000) / 1000, (total.high() - 100_000) / 1000,
        rows.get("roi_percent"));
    assertFigure(2.5, total.low() / 100_000, total.high() / 100_000,
        rows.get("benefit_cost_ratio"));
  }

  @Test
  void roiOfAKnownExample() {
    // 3000 tickets x 1 h saved x 50 per hour = 150,000 benefit against 100,000 cost.
    List<ValueRow> rows = ValueEstimates.compute(
        FULL, List.of(ttr(-0.2, -0.3, -0.1)), tickets(3000, 4.0));
    Map<String, ValueRow> m = byItem(rows);
    assertFigure(150_000, 150_000 * 0.4 / 0.9, 150_000 * 1.2 / 0.7, m.get("total_benefit"));
    assertFigure(100_000, 100_000, 100_000, m.get("program_cost"));
    double low = 150_000 * 0.4 / 0.9;
    double high = 150_000 * 1.2 / 0.7;
    assertFigure(50, (low - 100_000) / 1000, (high - 100_000) / 1000, m.get("roi_percent"));
    assertFigure(1.5, low / 100_000, high / 100_000, m.get("benefit_cost_ratio"));
    assertEquals("percent", m.get("roi_percent").unit());
    assertEquals("ratio", m.get("benefit_cost_ratio").unit());
    assertEquals(List.of("hours_saved", "hours_value", "total_benefit", "program_cost",
        "roi_percent", "benefit_cost_ratio"), rows.stream().map(ValueRow::item).toList());
    assertEquals(50, ValueEstimates.roi(150_000, 100_000), 1e-12);
  }

  @Test
  void missingHourlyCostLeavesMoneyUnvaluedWithANote() {
    ValueSettings noCost = new ValueSettings(null, 0.5, 100_000.0, null);
    Map<String, ValueRow> rows = byItem(ValueEstimates.compute(
        noCost, List.of(ttr(-0.2, -0.3, -0.1)), tickets(1000, 4.0)));
    assertTrue(rows.get("hours_saved").valued(), "hours need no configuration");
    ValueRow value = rows.get("hours_value");
    assertFalse(value.valued());
    assertTrue(Double.isNaN(value.low()) && Double.isNaN(value.high()));
    assertTrue(value.method().contains("value.loaded_hourly_cost"));
    assertEquals("currency", value.unit(), "no currency configured");
    assertFalse(rows.get("total_benefit").valued());
    assertFalse(rows.get("roi_percent").valued());
    assertFalse(rows.get("benefit_cost_ratio").valued());
  }

  @Test
  void missingMarginOrProgramCostIsNamed() {
    ValueSettings noMargin = new ValueSettings(50.0, null, 100_000.0, "EUR");
    Map<String, ValueRow> rows = byItem(ValueEstimates.compute(
        noMargin, List.of(ttr(-0.2, -0.3, -0.1), winRate(0.04, 0.01, 0.07)), ALL_VOLUMES));
    assertTrue(rows.get("hours_value").valued());
    assertFalse(rows.get("revenue_effect").valued());
    assertTrue(rows.get("revenue_effect").method().contains("value.gross_margin"));
    assertFalse(rows.get("total_benefit").valued(), "no partial total");
    assertTrue(rows.get("total_benefit").method().contains("revenue_effect"));

    ValueSettings noProgramCost = new ValueSettings(50.0, 0.5, null, "EUR");
    Map<String, ValueRow> r2 = byItem(ValueEstimates.compute(
        noProgramCost, List.of(ttr(-0.2, -0.3, -0.1)), tickets(1000, 4.0)));
    assertTrue(r2.get("total_benefit").valued());
    assertFalse(r2.get("program_cost").valued());
    assertTrue(r2.get("program_cost").method().contains("value.program_cost"));
    assertFalse(r2.get("roi_percent").valued());
    assertTrue(r2.get("roi_percent").method().contains("value.program_cost"));

    // Nothing configured and nothing estimated: no rows at all.
    assertEquals(List.of(), ValueEstimates.compute(ValueSettings.none(), List.of(),
        ValueInputs.NONE));
  }

  @Test
  void suppressedMissingOrOtherSegmentEstimatesGiveNoValueRow() {
    MetricEstimate suppressed =
        relative(ValueEstimates.TIME_TO_RESOLVE, "all", -0.2, -0.3, -0.1, true);
    MetricEstimate nan = relative(ValueEstimates.TIME_TO_RESOLVE, "all", Double.NaN, Double.NaN,
        Double.NaN, false);
    MetricEstimate segment =
        relative(ValueEstimates.TIME_TO_RESOLVE, "dept:Support", -0.2, -0.3, -0.1, false);
    ValueSettings costOnly = new ValueSettings(50.0, 0.5, null, null);
    for (List<MetricEstimate> estimates :
        List.of(List.of(suppressed), List.of(nan), List.of(segment), List.<MetricEstimate>of())) {
      assertEquals(List.of(), ValueEstimates.compute(costOnly, estimates, tickets(1000, 4.0)));
    }
    // Unknown volumes: no row either.
    assertEquals(List.of(), ValueEstimates.compute(
        costOnly, List.of(ttr(-0.2, -0.3, -0.1)), ValueInputs.NONE));
    // The programme cost is still shown when configured, without ROI (no benefit to set against).
    List<ValueRow> costRow = ValueEstimates.compute(FULL, List.of(suppressed), tickets(1000, 4));
    assertEquals(List.of("program_cost"), costRow.stream().map(ValueRow::item).toList());
  }

  @Test
  void settingsValidationNamesTheKey() {
    assertEquals(Optional.empty(), FULL.validate());
    assertEquals(Optional.empty(), ValueSettings.none().validate());
    assertTrue(new ValueSettings(-1.0, null, null, null).validate().orElseThrow()
        .contains("value.loaded_hourly_cost"));
    assertTrue(new ValueSettings(null, 1.5, null, null).validate().orElseThrow()
        .contains("value.gross_margin"));
    assertTrue(new ValueSettings(null, -0.1, null, null).validate().orElseThrow()
        .contains("value.gross_margin"));
    assertTrue(new ValueSettings(null, null, -5.0, null).validate().orElseThrow()
        .contains("value.program_cost"));
    assertTrue(new ValueSettings(null, null, 0.0, null).validate().orElseThrow()
        .contains("value.program_cost"));
    assertTrue(new ValueSettings(null, null, null, " ").validate().orElseThrow()
        .contains("value.currency"));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> ValueEstimates.compute(new ValueSettings(null, 2.0, null, null), List.of(),
            ValueInputs.NONE));
    assertTrue(bad.getMessage().contains("value.gross_margin"));
  }

  @Test
  void settingsReadFromSnakeCaseYaml() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    ValueSettings s = yaml.readValue(
        "loaded_hourly_cost: 62.5\ngross_margin: 0.4\nprogram_cost: 120000\ncurrency: EUR\n",
        ValueSettings.class);
    assertEquals(new ValueSettings(62.5, 0.4, 120_000.0, "EUR"), s);
    assertEquals(new ValueSettings(null, 0.4, null, null),
        yaml.readValue("gross_margin: 0.4\n", ValueSettings.class));
  }

  @Test
  void contractListsTheColumnsAndItems() {
    TableContract contract = TableContract.load("value_estimates");
    assertEquals(List.of("item", "estimate", "ci_low", "ci_high", "unit", "method"),
        contract.columnNames());
    String items = contract.column("item").orElseThrow().description();
    List<ValueRow> rows = ValueEstimates.compute(FULL, List.of(ttr(-0.2, -0.3, -0.1),
        winRate(0.04, 0.01, 0.07),
        relative(ValueEstimates.SALES_CYCLE, "all", -0.1, -0.2, 0.05, false)), ALL_VOLUMES);
    assertEquals(8, rows.size());
    for (ValueRow r : rows) {
      assertTrue(items.contains(r.item()), r.item() + " documented in the contract");
    }
    assertTrue(contract.directlyIdentifyingColumns().isEmpty());
  }
}
