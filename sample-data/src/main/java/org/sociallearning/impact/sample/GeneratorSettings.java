package org.sociallearning.impact.sample;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Knobs of the synthetic company.
 *
 * @param seed seed of every random draw; same settings give byte-identical files
 * @param employees number of people on the HR roster
 * @param start first month of the observation window (normalised to the 1st of the month)
 * @param months length of the window in months (at least 8: joiners join between month 3 and
 *     months-4)
 * @param asOf the export date; nothing happens on or after it, tickets/opportunities still running
 *     then are open. Cohorts only join in months that end before it.
 * @param ticketEffect additive effect of having joined on ln(hours to resolve) of a ticket, e.g.
 *     -0.20
 * @param salesCycleEffect additive effect of having joined on ln(days to close) of an opportunity,
 *     e.g. -0.10
 * @param winRateEffect additive effect of having joined on the win probability, e.g. +0.06
 * @param selectionStrength slope of logit(P(join)) on latent ability; 0 means joining is random
 * @param workVolume tickets and opportunities per person and month, as a multiple of the base rates
 *     (about one ticket and 0.7 opportunities per person-month); tests raise it for statistical
 *     power without committing the bytes
 * @param preJoiningDip Ashenfelter's dip: added to ln(hours to resolve) and ln(days to close) of a
 *     joiner's work started in the month right before joining (people join right after a bad
 *     month), e.g. +0.5; 0 plants none
 * @param durationFactor multiplies every time to resolve and every sales cycle (1 = as drawn);
 *     above 1, more work is still open at asOf or runs past the job's follow-up horizon (heavy
 *     censoring)
 * @param ticketVolume like workVolume, for tickets only (workVolume then applies to opportunities);
 *     equal to workVolume unless {@link #withTicketVolume} sets it
 * @param chatterVolume multiplies the rate of Slack chatter outside communities (1 = a few messages
 *     per person and year); benchmarks raise it to company-scale message volumes
 * @param unrelatedGain 0 for the usual company; otherwise the company where the community changes
 *     nothing but many people get faster at some point for another reason (a new tool, a better
 *     queue): each of them from a random month on, whether or not they post, with this shift of
 *     ln(hours to resolve) and ln(days to close), e.g. -0.3. Many people try a community once;
 *     those whose gain comes in the months after their first post keep coming back (and so meet the
 *     participation rule), the others drift away. See {@link #withUnrelatedGains}
 * @param newHires {@link NewHires#NONE} for the usual company; see {@link #withNewHires}
 */
public record GeneratorSettings(
    long seed,
    int employees,
    LocalDate start,
    int months,
    LocalDate asOf,
    double ticketEffect,
    double salesCycleEffect,
    double winRateEffect,
    double selectionStrength,
    int workVolume,
    double preJoiningDip,
    double durationFactor,
    int ticketVolume,
    double chatterVolume,
    double unrelatedGain,
    NewHires newHires) {

  /** Settings whose tickets follow {@code workVolume} and whose chatter is at its base rate. */
  public GeneratorSettings(
      long seed,
      int employees,
      LocalDate start,
      int months,
      LocalDate asOf,
      double ticketEffect,
      double salesCycleEffect,
      double winRateEffect,
      double selectionStrength,
      int workVolume,
      double preJoiningDip,
      double durationFactor) {
    this(
        seed,
        employees,
        start,
        months,
        asOf,
        ticketEffect,
        salesCycleEffect,
        winRateEffect,
        selectionStrength,
        workVolume,
        preJoiningDip,
        durationFactor,
        workVolume,
        1.0,
        0.0,
        NewHires.NONE);
  }

  public GeneratorSettings {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(asOf, "asOf");
    if (employees < 50) {
      throw new IllegalArgumentException("employees must be at least 50, was " + employees);
    }
    if (months < 8) {
      throw new IllegalArgumentException("months must be at least 8, was " + months);
    }
    if (workVolume < 1) {
      throw new IllegalArgumentException("workVolume must be at least 1, was " + workVolume);
    }
    if (!(durationFactor > 0) || Double.isInfinite(durationFactor)) {
      throw new IllegalArgumentException(
          "durationFactor must be a positive number, was " + durationFactor);
    }
    if (ticketVolume < 1) {
      throw new IllegalArgumentException("ticketVolume must be at least 1, was " + ticketVolume);
    }
    if (!(chatterVolume > 0) || Double.isInfinite(chatterVolume)) {
      throw new IllegalArgumentException(
          "chatterVolume must be a positive number, was " + chatterVolume);
    }
    if (!Double.isFinite(unrelatedGain)) {
      throw new IllegalArgumentException("unrelatedGain must be finite, was " + unrelatedGain);
    }
    if (!Double.isFinite(preJoiningDip)) {
      throw new IllegalArgumentException("preJoiningDip must be finite, was " + preJoiningDip);
    }
    Objects.requireNonNull(newHires, "newHires");
    start = start.withDayOfMonth(1);
    if (asOf.isBefore(start.plusMonths(4))) {
      throw new IllegalArgumentException(
          "asOf "
              + asOf
              + " must be on or after "
              + start.plusMonths(4)
              + " (the earliest cohort joins in month 3)");
    }
  }

  /**
   * The committed sample: 600 employees, Nov 2024 - Oct 2026, as of 2026-11-01, real effects, work
   * volume 2 (about two tickets per analyst-month: enough for the planted ticket effect to be
   * detectable, small enough to commit).
   */
  public static GeneratorSettings sample() {
    return new GeneratorSettings(
        42L,
        600,
        LocalDate.of(2024, 11, 1),
        24,
        LocalDate.of(2026, 11, 1),
        -0.20,
        -0.10,
        0.06,
        1.0,
        2,
        0.0,
        1.0);
  }

  /** Same as {@link #sample()} but every planted effect is zero (self-selection stays). */
  public static GeneratorSettings noEffect() {
    return sample().withoutEffects();
  }

  public GeneratorSettings withSeed(long newSeed) {
    SettingsDraft d = new SettingsDraft(this);
    d.seed = newSeed;
    return d.build();
  }

  public GeneratorSettings withEmployees(int newEmployees) {
    SettingsDraft d = new SettingsDraft(this);
    d.employees = newEmployees;
    return d.build();
  }

  /** Changes the window length and moves asOf to the first day after the window. */
  public GeneratorSettings withMonths(int newMonths) {
    SettingsDraft d = new SettingsDraft(this);
    d.months = newMonths;
    d.asOf = start.plusMonths(newMonths);
    return d.build();
  }

  public GeneratorSettings withEffects(double ticket, double salesCycle, double winRate) {
    SettingsDraft d = new SettingsDraft(this);
    d.ticketEffect = ticket;
    d.salesCycleEffect = salesCycle;
    d.winRateEffect = winRate;
    return d.build();
  }

  public GeneratorSettings withoutEffects() {
    return withEffects(0, 0, 0);
  }

  public GeneratorSettings withSelectionStrength(double strength) {
    SettingsDraft d = new SettingsDraft(this);
    d.selectionStrength = strength;
    return d.build();
  }

  public GeneratorSettings withWorkVolume(int volume) {
    SettingsDraft d = new SettingsDraft(this);
    d.workVolume = volume;
    d.ticketVolume = volume;
    return d.build();
  }

  /**
   * Tickets per person-month as a multiple of the base rate, leaving opportunities at {@code
   * workVolume}.
   */
  public GeneratorSettings withTicketVolume(int volume) {
    SettingsDraft d = new SettingsDraft(this);
    d.ticketVolume = volume;
    return d.build();
  }

  /** Slack chatter outside communities at {@code factor} times the base rate. */
  public GeneratorSettings withChatterVolume(double factor) {
    SettingsDraft d = new SettingsDraft(this);
    d.chatterVolume = factor;
    return d.build();
  }

  /** Employees of a company at benchmark scale 1. */
  public static final int SCALE_ONE_EMPLOYEES = 5_000;

  /**
   * A company at benchmark scale {@code scale}: at scale 1 about 5,000 employees, 1 million forum
   * messages, 200,000 tickets and 50,000 opportunities over two years, all growing linearly with
   * the scale. Scale 0 is the smallest company the generator makes (50 people), which measures the
   * job's fixed overhead. Effects, selection and seed are those of {@link #sample()}.
   */
  public static GeneratorSettings atScale(double scale) {
    if (!(scale >= 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a number of at least 0, was " + scale);
    }
    int people = (int) Math.max(50, Math.round(SCALE_ONE_EMPLOYEES * scale));
    return sample()
        .withEmployees(people)
        .withWorkVolume(2)
        .withTicketVolume(4)
        .withChatterVolume(250);
  }

  /** Joiners' work started in the month before joining takes {@code exp(shift)} times as long. */
  public GeneratorSettings withPreJoiningDip(double shift) {
    SettingsDraft d = new SettingsDraft(this);
    d.preJoiningDip = shift;
    return d.build();
  }

  /**
   * The company where social learning changes nothing, yet those who keep taking part do so because
   * things went well for another reason: about 80% of people get faster from a random month on
   * ({@code shift} on ln(hours to resolve) and ln(days to close)), whether or not they post. About
   * 80% of people post in a community once; if their gain comes in the four months after that first
   * post, they keep posting from the month after the gain (and meet the participation rule then),
   * otherwise they drift away after one or two posts. The usual joiners and planted effects are
   * switched off: nothing here is caused by the community.
   */
  public GeneratorSettings withUnrelatedGains(double shift) {
    SettingsDraft d = new SettingsDraft(this);
    d.ticketEffect = 0;
    d.salesCycleEffect = 0;
    d.winRateEffect = 0;
    d.unrelatedGain = shift;
    return d.build();
  }

  /**
   * The company where new hires get faster at the job anyway: {@code share} of employees are hired
   * during the window (no work before), their ln(durations) are raised by {@code learningCurve} in
   * the hire month, declining linearly to 0 over six months; most of them ({@link
   * NewHires#EARLY_JOIN_SHARE}) meet the participation rule in their first one or two months, few
   * tenured people join. Planted effects stay as {@link #withEffects} says.
   */
  public GeneratorSettings withNewHires(double share, double learningCurve) {
    return withNewHires(share, learningCurve, NewHires.TENURED_JOINER_SHARE);
  }

  /**
   * As {@link #withNewHires(double, double)}, with {@code tenuredJoining} of the usual tenured
   * joiners kept (1: tenured people join as usual, besides the new hires).
   */
  public GeneratorSettings withNewHires(double share, double learningCurve, double tenuredJoining) {
    SettingsDraft d = new SettingsDraft(this);
    d.newHires = new NewHires(share, learningCurve, tenuredJoining);
    return d.build();
  }

  /** Every ticket and sales cycle takes {@code factor} times as long. */
  public GeneratorSettings withDurationFactor(double factor) {
    SettingsDraft d = new SettingsDraft(this);
    d.durationFactor = factor;
    return d.build();
  }
}
