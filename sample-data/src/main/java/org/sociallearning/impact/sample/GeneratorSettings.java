package org.sociallearning.impact.sample;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Knobs of the synthetic company.
 *
 * @param seed              seed of every random draw; same settings give byte-identical files
 * @param employees         number of people on the HR roster
 * @param start             first month of the observation window (normalised to the 1st of the month)
 * @param months            length of the window in months (at least 8: joiners join between month 3 and months-4)
 * @param asOf              the export date; nothing happens on or after it, tickets/opportunities still running then are
 *                          open. Cohorts only join in months that end before it.
 * @param ticketEffect      additive effect of having joined on ln(hours to resolve) of a ticket, e.g. -0.20
 * @param salesCycleEffect  additive effect of having joined on ln(days to close) of an opportunity, e.g. -0.10
 * @param winRateEffect     additive effect of having joined on the win probability, e.g. +0.06
 * @param selectionStrength slope of logit(P(join)) on latent ability; 0 means joining is random
 * @param workVolume        tickets and opportunities per person and month, as a multiple of the base rates
 *                          (about one ticket and 0.7 opportunities per person-month); tests raise it for statistical power without committing the bytes
 */
public record GeneratorSettings(long seed, int employees, LocalDate start, int months, LocalDate asOf,
                                double ticketEffect, double salesCycleEffect, double winRateEffect,
                                double selectionStrength, int workVolume) {

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
        start = start.withDayOfMonth(1);
        if (asOf.isBefore(start.plusMonths(4))) {
            throw new IllegalArgumentException("asOf " + asOf + " must be on or after " + start.plusMonths(4)
                    + " (the earliest cohort joins in month 3)");
        }
    }

    /**
     * The committed sample: 600 employees, Nov 2024 - Oct 2026, as of 2026-11-01, real effects, work
     * volume 2 (about two tickets per analyst-month: enough for the planted ticket effect to be
     * detectable, small enough to commit).
     */
    public static GeneratorSettings sample() {
        return new GeneratorSettings(42L, 600, LocalDate.of(2024, 11, 1), 24, LocalDate.of(2026, 11, 1),
                -0.20, -0.10, 0.06, 1.0, 2);
    }

    /** Same as {@link #sample()} but every planted effect is zero (self-selection stays). */
    public static GeneratorSettings noEffect() {
        return sample().withoutEffects();
    }

    public GeneratorSettings withSeed(long newSeed) {
        return new GeneratorSettings(newSeed, employees, start, months, asOf,
                ticketEffect, salesCycleEffect, winRateEffect, selectionStrength, workVolume);
    }

    public GeneratorSettings withEmployees(int newEmployees) {
        return new GeneratorSettings(seed, newEmployees, start, months, asOf,
                ticketEffect, salesCycleEffect, winRateEffect, selectionStrength, workVolume);
    }

    /** Changes the window length and moves asOf to the first day after the window. */
    public GeneratorSettings withMonths(int newMonths) {
        return new GeneratorSettings(seed, employees, start, newMonths, start.plusMonths(newMonths),
                ticketEffect, salesCycleEffect, winRateEffect, selectionStrength, workVolume);
    }

    public GeneratorSettings withEffects(double ticket, double salesCycle, double winRate) {
        return new GeneratorSettings(seed, employees, start, months, asOf,
                ticket, salesCycle, winRate, selectionStrength, workVolume);
    }

    public GeneratorSettings withoutEffects() {
        return withEffects(0, 0, 0);
    }

    public GeneratorSettings withSelectionStrength(double strength) {
        return new GeneratorSettings(seed, employees, start, months, asOf,
                ticketEffect, salesCycleEffect, winRateEffect, strength, workVolume);
    }

    public GeneratorSettings withWorkVolume(int volume) {
        return new GeneratorSettings(seed, employees, start, months, asOf,
                ticketEffect, salesCycleEffect, winRateEffect, selectionStrength, volume);
    }
}
