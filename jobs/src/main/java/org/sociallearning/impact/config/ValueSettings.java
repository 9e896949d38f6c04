package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * What the organisation tells the job to turn effects into money (the {@code value:} section of the
 * config). Every key is optional: an item that needs a missing key is published without a number
 * and with a note naming the key, never with an invented default.
 *
 * @param loadedHourlyCost fully loaded cost of one hour of a participant's time (salary, benefits
 *     and overhead), in {@code currency}; values the hours saved
 * @param grossMargin share of revenue kept as gross profit, 0 to 1; values extra won revenue
 * @param programCost cost of the social-learning programme per year (platform, community managers,
 *     time spent taking part), in {@code currency}; the denominator of ROI
 * @param currency currency code the money figures are in (e.g. EUR), shown in the report
 * @param effortShare hours of work per elapsed hour of a ticket (0 to 1), for exports without an
 *     effort column: the money for resolution time comes from effort, never from elapsed time
 *     (nights, weekends, waiting on the customer); no default
 * @param minutesPerInteraction minutes a person spends per community interaction (reading
 *     included); with {@code loadedHourlyCost}, the time people spend in communities is added to
 *     the programme cost
 */
public record ValueSettings(
    @JsonProperty("loaded_hourly_cost") Double loadedHourlyCost,
    @JsonProperty("gross_margin") Double grossMargin,
    @JsonProperty("program_cost") Double programCost,
    @JsonProperty("currency") String currency,
    @JsonProperty("effort_share") Double effortShare,
    @JsonProperty("minutes_per_interaction") Double minutesPerInteraction) {

  /** The earlier keys only. */
  public ValueSettings(
      Double loadedHourlyCost, Double grossMargin, Double programCost, String currency) {
    this(loadedHourlyCost, grossMargin, programCost, currency, null, null);
  }

  /** No value configuration: effects are reported, money figures are not. */
  public static ValueSettings none() {
    return new ValueSettings(null, null, null, null, null, null);
  }

  /**
   * The first problem with these settings, as a message naming the key ({@code value.<key>}), or
   * empty when they are usable.
   */
  public Optional<String> validate() {
    if (loadedHourlyCost != null && (!Double.isFinite(loadedHourlyCost) || loadedHourlyCost < 0)) {
      return Optional.of(
          "value.loaded_hourly_cost must be a cost of 0 or more per hour, got " + loadedHourlyCost);
    }
    if (grossMargin != null
        && (!Double.isFinite(grossMargin) || grossMargin < 0 || grossMargin > 1)) {
      return Optional.of(
          "value.gross_margin must be a share from 0 to 1 (0.35 = 35%), got " + grossMargin);
    }
    if (programCost != null && (!Double.isFinite(programCost) || programCost <= 0)) {
      return Optional.of(
          "value.program_cost must be a cost greater than 0 per year (ROI divides"
              + " by it), got "
              + programCost);
    }
    if (effortShare != null
        && (!Double.isFinite(effortShare) || effortShare <= 0 || effortShare > 1)) {
      return Optional.of(
          "value.effort_share must be hours of work per elapsed hour, above 0 and"
              + " at most 1 (0.15 = 9 minutes of work per elapsed hour), got "
              + effortShare);
    }
    if (minutesPerInteraction != null
        && (!Double.isFinite(minutesPerInteraction) || minutesPerInteraction < 0)) {
      return Optional.of(
          "value.minutes_per_interaction must be 0 or more minutes, got " + minutesPerInteraction);
    }
    if (currency != null && currency.isBlank()) {
      return Optional.of("value.currency must be a currency code such as EUR, or left out");
    }
    return Optional.empty();
  }
}
