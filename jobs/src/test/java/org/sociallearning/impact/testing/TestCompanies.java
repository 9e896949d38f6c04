package org.sociallearning.impact.testing;

import org.sociallearning.impact.sample.GeneratorSettings;

/**
 * The generated companies the pipeline tests share, each named for what it plants. A test that
 * needs one of these reads its shared run ({@link Companies#run}); a new scenario gets a new entry
 * here.
 */
public final class TestCompanies {

  private TestCompanies() {}

  static final GeneratorSettings BASE =
      GeneratorSettings.sample().withEmployees(500).withMonths(20).withWorkVolume(6);

  /**
   * Real effects on tickets, sales cycle and win rate; self-selection on ability; and a tenth of
   * the people hired during the window, who get faster anyway (ln(duration) +0.4 in the hire month,
   * worn off after six months) and mostly join a community in their first months, while tenured
   * people join as usual.
   */
  public static final double PLANTED_TICKET_EFFECT = -0.25;

  public static final Company PLANTED =
      new Company(
          "planted",
          BASE.withEffects(PLANTED_TICKET_EFFECT, -0.15, 0.08).withNewHires(0.1, 0.4, 1.0));

  /**
   * No effect anywhere, strong self-selection; compared within departments (exact stratification),
   * so the stratified estimator runs end to end too.
   */
  public static final Company NO_EFFECT =
      new Company("no-effect", BASE.withSeed(7).withoutEffects().withSelectionStrength(1.5))
          .withEstimation("covariates", "[department]");

  static final GeneratorSettings SCENARIO =
      GeneratorSettings.sample()
          .withEmployees(300)
          .withMonths(14)
          .withWorkVolume(4)
          .withEffects(-0.25, -0.15, 0.0);

  /**
   * People join right after a bad month (Ashenfelter's dip); joining changes nothing on tickets.
   */
  public static final Company DIP =
      new Company("dip", SCENARIO.withEffects(0.0, -0.15, 0.0).withPreJoiningDip(0.6));

  /** Slow work, often still open at as_of: heavy censoring. */
  public static final Company SLOW =
      new Company("slow", SCENARIO.withSeed(5).withDurationFactor(6));

  /** So small that most groups fall below the minimum group size (10). */
  public static final int SMALL_MIN_GROUP = 10;

  public static final Company SMALL =
      new Company("small", GeneratorSettings.sample().withEmployees(80).withMonths(12).withSeed(9))
          .withEstimation("min_group_size", String.valueOf(SMALL_MIN_GROUP));

  /**
   * The community changes nothing; people whose work got faster for another reason are the ones who
   * keep posting after a first post.
   */
  public static final double UNRELATED_GAIN = -0.3;

  public static final Company GAINS = new Company("gains", BASE.withUnrelatedGains(UNRELATED_GAIN));

  /**
   * The community changes nothing; a third of the people are hired during the window and get faster
   * anyway (ln(duration) +0.4 in the hire month, worn off after six months), most of them join a
   * community in their first months and few tenured people do. The run's default settings, so
   * participants are compared with colleagues of the same tenure.
   */
  public static final Company NEW_HIRES =
      new Company("new-hires", BASE.withoutEffects().withNewHires(1.0 / 3, 0.4));

  /** The same company with the default tenure adjustment switched off ({@code covariates: []}). */
  public static final Company NEW_HIRES_UNADJUSTED =
      new Company("new-hires-unadjusted", NEW_HIRES.settings()).withEstimation("covariates", "[]");
}
