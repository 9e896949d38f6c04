package org.sociallearning.impact.pipeline;

import java.util.Map;
import java.util.Optional;
import org.sociallearning.impact.effects.HireMonthExclusion;
import org.sociallearning.impact.effects.MetricEstimation;
import org.sociallearning.impact.effects.NewHireSensitivity;
import org.sociallearning.impact.effects.PanelAssembler;
import org.sociallearning.impact.estimation.DidOptions;
import org.sociallearning.impact.estimation.Panel;

/**
 * Part of stage 5: a metric's overall estimate with the other setting of {@code
 * estimation.exclude_months_after_hire} (3 months when the run keeps every month, else none), made
 * when new hires are more than a fifth of its participants ({@link NewHireSensitivity}).
 */
final class NewHireComparison {

  private NewHireComparison() {}

  /**
   * @param panel the metric's panel as the run estimates it
   * @param hireMonths each employee id's hire month
   */
  static Optional<NewHireSensitivity> of(
      StageContext ctx,
      Participation participation,
      Outcomes.MetricOutcome outcome,
      DidOptions options,
      Map<String, Integer> hireMonths,
      Panel panel) {
    if (!NewHireSensitivity.needed(panel, hireMonths)) {
      return Optional.empty();
    }
    int other = NewHireSensitivity.otherSetting(ctx.config().estimation().excludeMonthsAfterHire());
    Panel without =
        PanelAssembler.assemble(
            EstimateEffects.comparable(ctx, participation, outcome.employeeMonths()),
            participation.participants(),
            HireMonthExclusion.of(
                other, participation.rosterAttributes().get(EstimateEffects.HIRE_DATE)));
    return Optional.of(
        NewHireSensitivity.of(
            other,
            MetricEstimation.estimateWithoutSensitivity(
                outcome.metric().definition(),
                without,
                options,
                ctx.config().estimation().minGroupSize(),
                EstimateEffects.strata(ctx, participation, without))));
  }
}
