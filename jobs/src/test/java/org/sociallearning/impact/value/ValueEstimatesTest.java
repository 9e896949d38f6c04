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
import org.sociallearning.impact.config.ValueSettings;
import org.sociallearning.impact.effects.MetricEstimate;
import org.sociallearning.impact.effects.MetricEstimate.MeanEffect;
import org.sociallearning.impact.schemas.MetricDefinition;
import org.sociallearning.impact.schemas.TableContract;

/** Worked examples of the value and ROI figures, their signs, intervals and missing inputs. */
class ValueEstimatesTest {

  private static final double EPS = 1e-6;

  /**
   * A log-scale estimate given by its relative effect (the typical item) and its effect on the mean
   * per item (in hours or days).
   */
  private static MetricEstimate logScale(
      String metric, String segment, double rel, MeanEffect mean, boolean suppressed) {
    return new MetricEstimate(
            MetricDefinition.named(metric),
            segment,
            Math.log1p(rel),
            Math.log1p(rel) - 0.1,
            Math.log1p(rel) + 0.1,
            rel,
            rel - 0.1,
            rel + 0.1,
            40,
            60,
            "test",
            0.01,
            0.02,
            0.5,
            3,
            "group_time",
            List.of(),
            List.of(),
            suppressed,
            List.of())
        .withMeanEffect(mean);
  }

  /** Time to resolve: the typical ticket 20% faster, the mean per ticket as given in hours. */
  private static MetricEstimate ttr(double mean, double low, double high) {
    return logScale(
        ValueEstimates.TIME_TO_RESOLVE, "all", -0.2, new MeanEffect(mean, low, high), false);
  }

  /** A level-scale win-rate estimate (difference in proportion). */
  private static MetricEstimate winRate(double est, double low, double high) {
    return new MetricEstimate(
        MetricDefinition.named(ValueEstimates.WIN_RATE),
        "all",
        est,
        low,
        high,
        est / 0.25,
        low / 0.25,
        high / 0.25,
        40,
        60,
        "test",
        0.01,
        0.02,
        0.5,
        3,
        "group_time",
        List.of(),
        List.of(),
        false,
        List.of());
  }

  private static ValueInputs tickets(double perYear) {
    return new ValueInputs(perYear, Double.NaN, Double.NaN, MeanEffect.NONE, Double.NaN);
  }

  /** Tickets with an effort column: joining changed the hours of work per ticket by this. */
  private static ValueInputs ticketsWithEffort(double perYear, MeanEffect effort) {
    return tickets(perYear).with(effort, Double.NaN);
  }

  private static final MeanEffect EFFORT = new MeanEffect(-0.5, -0.8, -0.2);
  private static final ValueInputs ALL_VOLUMES =
      new ValueInputs(1000, 500, 20_000, EFFORT, Double.NaN);
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
  void moneyComesFromHoursOfWorkNeverFromElapsedHours() {
    // Joining cut the mean elapsed time by 6 h a ticket (customer waiting time), but the hours
    // of work logged by only 0.5 h (interval 0.2 to 0.8 h): 1000 tickets a year.
    Map<String, ValueRow> rows =
        byItem(
            ValueEstimates.compute(
                FULL, List.of(ttr(-6, -9, -3)), ticketsWithEffort(1000, EFFORT)));
    assertFigure(6000, 3000, 9000, rows.get("waiting_hours_saved"));
    assertTrue(rows.get("waiting_hours_saved").method().contains("not valued"));
    assertFigure(500, 200, 800, rows.get("hours_saved"));
    assertTrue(rows.get("hours_saved").method().contains("effort column"));
    assertFigure(25_000, 10_000, 40_000, rows.get("hours_value"));
    assertEquals("EUR", rows.get("hours_value").unit());
    assertTrue(rows.get("hours_value").method().contains("value.loaded_hourly_cost"));
    assertFigure(25_000, 10_000, 40_000, rows.get("total_benefit"));
  }

  @Test
  void withoutAnEffortColumnTheShareOfWorkingTimeValuesTheElapsedHours() {
    ValueSettings share = new ValueSettings(50.0, 0.5, 100_000.0, "EUR", 0.1, null);
    Map<String, ValueRow> rows =
        byItem(ValueEstimates.compute(share, List.of(ttr(-6, -9, -3)), tickets(1000)));
    assertFigure(600, 300, 900, rows.get("hours_saved"));
    assertTrue(rows.get("hours_saved").method().contains("value.effort_share 0.1"));
    assertFigure(30_000, 15_000, 45_000, rows.get("hours_value"));
  }

  @Test
  void withoutEffortNoMoneyAndTheRowSaysWhy() {
    Map<String, ValueRow> rows =
        byItem(ValueEstimates.compute(FULL, List.of(ttr(-6, -9, -3)), tickets(1000)));
    assertFigure(6000, 3000, 9000, rows.get("waiting_hours_saved"));
    ValueRow hours = rows.get("hours_saved");
    assertFalse(hours.valued());
    assertEquals(ValueEstimates.NO_EFFORT, hours.method());
    assertFalse(rows.get("hours_value").valued());
    assertFalse(rows.get("total_benefit").valued());
    assertFalse(rows.get("roi_percent").valued());
  }

  @Test
  void slowerTicketsAreNegativeHoursSavedWithOrderedBounds() {
    List<ValueRow> rows =
        ValueEstimates.compute(
            FULL, List.of(ttr(2, 1, 3)), ticketsWithEffort(100, new MeanEffect(0.4, 0.1, 0.7)));
    ValueRow hours = byItem(rows).get("hours_saved");
    assertFigure(-40, -70, -10, hours);
    assertTrue(hours.high() < 0, "the whole interval is hours lost");
    assertFigure(-200, -300, -100, byItem(rows).get("waiting_hours_saved"));
    assertOrdered(rows);
  }

  @Test
  void intervalStraddlingZeroStaysOrdered() {
    List<ValueRow> rows =
        ValueEstimates.compute(
            FULL,
            List.of(ttr(-1, -3, 1), winRate(0.01, -0.02, 0.04)),
            ALL_VOLUMES.with(new MeanEffect(-0.1, -0.3, 0.2), Double.NaN));
    assertOrdered(rows);
    ValueRow hours = byItem(rows).get("hours_saved");
    assertTrue(hours.low() < 0 && hours.high() > 0);
  }

  private static void assertOrdered(List<ValueRow> rows) {
    for (ValueRow r : rows) {
      if (r.valued()) {
        assertTrue(
            r.low() <= r.estimate() && r.estimate() <= r.high(),
            r.item() + ": " + r.low() + " <= " + r.estimate() + " <= " + r.high());
      }
    }
  }

  @Test
  void winRateEffectIsAnUpperBoundAtTheMarginAndTheCycleOnlyInDays() {
    // The typical deal closes 10% faster; the mean deal 5 days faster (interval 9 days faster
    // to 1 day slower): the mean is what days saved use.
    MetricEstimate cycle =
        logScale(ValueEstimates.SALES_CYCLE, "all", -0.1, new MeanEffect(-5, -9, 1), false);
    Map<String, ValueRow> rows =
        byItem(
            ValueEstimates.compute(
                FULL,
                List.of(winRate(0.04, 0.01, 0.07), cycle),
                new ValueInputs(Double.NaN, 500, 20_000, MeanEffect.NONE, Double.NaN)));
    // 0.04 x 500 opportunities x 20,000 per won deal x 0.5 margin
    assertFigure(200_000, 50_000, 350_000, rows.get("revenue_effect"));
    assertTrue(rows.get("revenue_effect").method().startsWith("upper bound"));
    assertFigure(5, -1, 9, rows.get("sales_cycle_days_saved"));
    assertEquals("days", rows.get("sales_cycle_days_saved").unit());
    assertTrue(rows.get("sales_cycle_days_saved").method().contains("earlier, not more money"));
    // The cycle adds no money: the benefit is the revenue effect alone, with its exact interval.
    assertFigure(200_000, 50_000, 350_000, rows.get("total_benefit"));
    assertFalse(rows.get("total_benefit").method().contains("conservative"));
  }

  @Test
  void totalOfTwoPartsUsesTheConservativeInterval() {
    Map<String, ValueRow> rows =
        byItem(
            ValueEstimates.compute(
                FULL, List.of(ttr(-6, -9, -3), winRate(0.04, 0.01, 0.07)), ALL_VOLUMES));
    ValueRow hoursValue = rows.get("hours_value");
    ValueRow revenue = rows.get("revenue_effect");
    ValueRow total = rows.get("total_benefit");
    assertFigure(
        225_000, hoursValue.low() + revenue.low(), hoursValue.high() + revenue.high(), total);
    assertTrue(total.method().contains("conservative"));
    assertTrue(rows.get("roi_percent").method().contains("conservative"));
    // ROI and BCR map the benefit's bounds with the cost fixed.
    assertFigure(
        125,
        (total.low() - 100_000) / 1000,
        (total.high() - 100_000) / 1000,
        rows.get("roi_percent"));
    assertFigure(
        2.25, total.low() / 100_000, total.high() / 100_000, rows.get("benefit_cost_ratio"));
  }

  @Test
  void roiOfAKnownExample() {
    // 3000 tickets x 1 h of work saved x 50 per hour = 150,000 benefit against 100,000 cost.
    List<ValueRow> rows =
        ValueEstimates.compute(
            FULL,
            List.of(ttr(-6, -9, -3)),
            ticketsWithEffort(3000, new MeanEffect(-1, -1.5, -0.5)));
    Map<String, ValueRow> m = byItem(rows);
    assertFigure(150_000, 75_000, 225_000, m.get("total_benefit"));
    assertFigure(100_000, 100_000, 100_000, m.get("program_cost"));
    assertFigure(50, -25, 125, m.get("roi_percent"));
    assertFigure(1.5, 0.75, 2.25, m.get("benefit_cost_ratio"));
    assertEquals("percent", m.get("roi_percent").unit());
    assertEquals("ratio", m.get("benefit_cost_ratio").unit());
    assertEquals(
        List.of(
            "waiting_hours_saved",
            "hours_saved",
            "hours_value",
            "total_benefit",
            "program_cost",
            "roi_percent",
            "benefit_cost_ratio"),
        rows.stream().map(ValueRow::item).toList());
    assertEquals(50, ValueEstimates.roi(150_000, 100_000), 1e-12);
  }

  @Test
  void timeSpentInCommunitiesIsPartOfTheProgrammeCost() {
    // 6000 interactions a year x 10 minutes = 1000 hours x 50 = 50,000 on top of 100,000.
    ValueSettings withTime = new ValueSettings(50.0, 0.5, 100_000.0, "EUR", null, 10.0);
    Map<String, ValueRow> m =
        byItem(
            ValueEstimates.compute(
                withTime,
                List.of(ttr(-6, -9, -3)),
                ticketsWithEffort(3000, new MeanEffect(-1, -1.5, -0.5))
                    .with(new MeanEffect(-1, -1.5, -0.5), 6000)));
    assertFigure(50_000, 50_000, 50_000, m.get("community_time_cost"));
    assertFigure(150_000, 150_000, 150_000, m.get("program_cost"));
    assertTrue(m.get("program_cost").method().contains("community_time_cost"));
    assertFigure(0, -50, 50, m.get("roi_percent"));
  }

  @Test
  void missingHourlyCostLeavesMoneyUnvaluedWithANote() {
    ValueSettings noCost = new ValueSettings(null, 0.5, 100_000.0, null);
    Map<String, ValueRow> rows =
        byItem(
            ValueEstimates.compute(
                noCost, List.of(ttr(-6, -9, -3)), ticketsWithEffort(1000, EFFORT)));
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
    Map<String, ValueRow> rows =
        byItem(
            ValueEstimates.compute(
                noMargin, List.of(ttr(-6, -9, -3), winRate(0.04, 0.01, 0.07)), ALL_VOLUMES));
    assertTrue(rows.get("hours_value").valued());
    assertFalse(rows.get("revenue_effect").valued());
    assertTrue(rows.get("revenue_effect").method().contains("value.gross_margin"));
    assertFalse(rows.get("total_benefit").valued(), "no partial total");
    assertTrue(rows.get("total_benefit").method().contains("revenue_effect"));

    ValueSettings noProgramCost = new ValueSettings(50.0, 0.5, null, "EUR");
    Map<String, ValueRow> r2 =
        byItem(
            ValueEstimates.compute(
                noProgramCost, List.of(ttr(-6, -9, -3)), ticketsWithEffort(1000, EFFORT)));
    assertTrue(r2.get("total_benefit").valued());
    assertFalse(r2.get("program_cost").valued());
    assertTrue(r2.get("program_cost").method().contains("value.program_cost"));
    assertFalse(r2.get("roi_percent").valued());
    assertTrue(r2.get("roi_percent").method().contains("value.program_cost"));

    // Nothing configured and nothing estimated: no rows at all.
    assertEquals(
        List.of(), ValueEstimates.compute(ValueSettings.none(), List.of(), ValueInputs.NONE));
  }

  @Test
  void suppressedMissingOrOtherSegmentEstimatesGiveNoValueRow() {
    MetricEstimate suppressed =
        logScale(ValueEstimates.TIME_TO_RESOLVE, "all", -0.2, new MeanEffect(-6, -9, -3), true);
    MetricEstimate nan =
        new MetricEstimate(
            MetricDefinition.named(ValueEstimates.TIME_TO_RESOLVE),
            "all",
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            40,
            60,
            "test",
            Double.NaN,
            Double.NaN,
            Double.NaN,
            0,
            "",
            List.of(),
            List.of(),
            false,
            List.of());
    MetricEstimate segment =
        logScale(
            ValueEstimates.TIME_TO_RESOLVE,
            "department=Support",
            -0.2,
            new MeanEffect(-6, -9, -3),
            false);
    ValueSettings costOnly = new ValueSettings(50.0, 0.5, null, null);
    for (List<MetricEstimate> estimates :
        List.of(List.of(suppressed), List.of(nan), List.of(segment), List.<MetricEstimate>of())) {
      assertEquals(
          List.of(), ValueEstimates.compute(costOnly, estimates, ticketsWithEffort(1000, EFFORT)));
    }
    // Unknown volumes: no row either.
    assertEquals(
        List.of(), ValueEstimates.compute(costOnly, List.of(ttr(-6, -9, -3)), ValueInputs.NONE));
    // The programme cost is still shown when configured, without ROI (no benefit to set against).
    List<ValueRow> costRow = ValueEstimates.compute(FULL, List.of(suppressed), tickets(1000));
    assertEquals(List.of("program_cost"), costRow.stream().map(ValueRow::item).toList());
  }

  @Test
  void settingsValidationNamesTheKey() {
    assertEquals(Optional.empty(), FULL.validate());
    assertEquals(Optional.empty(), ValueSettings.none().validate());
    assertTrue(
        new ValueSettings(-1.0, null, null, null)
            .validate()
            .orElseThrow()
            .contains("value.loaded_hourly_cost"));
    assertTrue(
        new ValueSettings(null, 1.5, null, null)
            .validate()
            .orElseThrow()
            .contains("value.gross_margin"));
    assertTrue(
        new ValueSettings(null, -0.1, null, null)
            .validate()
            .orElseThrow()
            .contains("value.gross_margin"));
    assertTrue(
        new ValueSettings(null, null, -5.0, null)
            .validate()
            .orElseThrow()
            .contains("value.program_cost"));
    assertTrue(
        new ValueSettings(null, null, 0.0, null)
            .validate()
            .orElseThrow()
            .contains("value.program_cost"));
    assertTrue(
        new ValueSettings(null, null, null, " ")
            .validate()
            .orElseThrow()
            .contains("value.currency"));
    for (double share : new double[] {0, 1.5, -0.2, Double.NaN}) {
      assertTrue(
          new ValueSettings(null, null, null, null, share, null)
              .validate()
              .orElseThrow()
              .contains("value.effort_share"),
          "share " + share);
    }
    assertEquals(Optional.empty(), new ValueSettings(null, null, null, null, 1.0, 0.0).validate());
    assertTrue(
        new ValueSettings(null, null, null, null, null, -1.0)
            .validate()
            .orElseThrow()
            .contains("value.minutes_per_interaction"));
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ValueEstimates.compute(
                    new ValueSettings(null, 2.0, null, null), List.of(), ValueInputs.NONE));
    assertTrue(bad.getMessage().contains("value.gross_margin"));
  }

  @Test
  void settingsReadFromSnakeCaseYaml() throws Exception {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    ValueSettings s =
        yaml.readValue(
            "loaded_hourly_cost: 62.5\ngross_margin: 0.4\n"
                + "program_cost: 120000\ncurrency: EUR\neffort_share: 0.2\nminutes_per_interaction: 8\n",
            ValueSettings.class);
    assertEquals(new ValueSettings(62.5, 0.4, 120_000.0, "EUR", 0.2, 8.0), s);
    assertEquals(
        new ValueSettings(null, 0.4, null, null),
        yaml.readValue("gross_margin: 0.4\n", ValueSettings.class));
  }

  @Test
  void contractListsTheColumnsAndItems() {
    TableContract contract = TableContract.load("value_estimates");
    assertEquals(
        List.of("item", "estimate", "ci_low", "ci_high", "unit", "method"), contract.columnNames());
    String items = contract.column("item").orElseThrow().description();
    ValueSettings everything = new ValueSettings(50.0, 0.5, 100_000.0, "EUR", null, 5.0);
    List<ValueRow> rows =
        ValueEstimates.compute(
            everything,
            List.of(
                ttr(-6, -9, -3),
                winRate(0.04, 0.01, 0.07),
                logScale(
                    ValueEstimates.SALES_CYCLE, "all", -0.1, new MeanEffect(-5, -9, 1), false)),
            ALL_VOLUMES.with(EFFORT, 2000));
    assertEquals(10, rows.size(), "every item");
    for (ValueRow r : rows) {
      assertTrue(items.contains(r.item()), r.item() + " documented in the contract");
    }
    assertTrue(contract.directlyIdentifyingColumns().isEmpty());
  }
}
