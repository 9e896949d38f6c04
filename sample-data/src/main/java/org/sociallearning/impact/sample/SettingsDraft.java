package org.sociallearning.impact.sample;

import java.time.LocalDate;

/** A copy of settings with some values changed: what each {@code with...} method builds. */
final class SettingsDraft {
  long seed;
  int employees;
  LocalDate start;
  int months;
  LocalDate asOf;
  double ticketEffect;
  double salesCycleEffect;
  double winRateEffect;
  double selectionStrength;
  int workVolume;
  double preJoiningDip;
  double durationFactor;
  int ticketVolume;
  double chatterVolume;
  double unrelatedGain;
  NewHires newHires;

  SettingsDraft(GeneratorSettings s) {
    seed = s.seed();
    employees = s.employees();
    start = s.start();
    months = s.months();
    asOf = s.asOf();
    ticketEffect = s.ticketEffect();
    salesCycleEffect = s.salesCycleEffect();
    winRateEffect = s.winRateEffect();
    selectionStrength = s.selectionStrength();
    workVolume = s.workVolume();
    preJoiningDip = s.preJoiningDip();
    durationFactor = s.durationFactor();
    ticketVolume = s.ticketVolume();
    chatterVolume = s.chatterVolume();
    unrelatedGain = s.unrelatedGain();
    newHires = s.newHires();
  }

  GeneratorSettings build() {
    return new GeneratorSettings(
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
        ticketVolume,
        chatterVolume,
        unrelatedGain,
        newHires);
  }
}
