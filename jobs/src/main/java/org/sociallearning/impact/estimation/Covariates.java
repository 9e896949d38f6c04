package org.sociallearning.impact.estimation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Covariates for conditional parallel trends (estimation step input, part of {@link DidOptions}):
 * per unit, looked up by the unit's id so that one set serves every panel of the same people (a
 * metric, its segments, its item-weighted means).
 *
 * <p>A continuous covariate enters the propensity score and the outcome regression as it is; a
 * categorical one as indicator columns, one per level present in a comparison except the first
 * (treatment contrasts, as R's {@code model.matrix}); an intercept is always added. Values are
 * measured at each comparison's base period: a covariate that changes over time ({@link
 * #withContinuousByPeriod}) is read at the base period of the ATT(g,t) it enters, as R {@code did}
 * describes for balanced panels (R's code takes the earlier of the two periods, which differs only
 * for pre-treatment cells under a universal base period).
 *
 * <p>A unit whose fixed covariate is unknown (no entry, NaN or null) is dropped from the estimation
 * with a warning, as R drops incomplete rows; a unit whose period-dependent value is unknown in a
 * cell's base period is left out of that cell only. Immutable; each {@code with...} returns a new
 * instance.
 */
public final class Covariates {

  /** A covariate's value for one unit in one period; NaN when it is not known there. */
  @FunctionalInterface
  public interface ValueAtPeriod {
    double at(String unitId, int period);
  }

  /** One covariate. */
  public sealed interface Covariate
      permits Continuous, ContinuousByPeriod, Categorical, CategoricalByPeriod {
    String name();
  }

  /** A continuous covariate that does not change over time. */
  public record Continuous(String name, Map<String, Double> valueByUnit) implements Covariate {
    public Continuous {
      Objects.requireNonNull(name, "name");
      valueByUnit = Map.copyOf(Objects.requireNonNull(valueByUnit, "valueByUnit"));
    }
  }

  /** A continuous covariate read at each cell's base period (e.g. tenure, recent workload). */
  public record ContinuousByPeriod(String name, ValueAtPeriod value) implements Covariate {
    public ContinuousByPeriod {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A categorical covariate that does not change over time (e.g. department). */
  public record Categorical(String name, Map<String, String> levelByUnit) implements Covariate {
    public Categorical {
      Objects.requireNonNull(name, "name");
      levelByUnit = Map.copyOf(Objects.requireNonNull(levelByUnit, "levelByUnit"));
    }
  }

  /**
   * A categorical covariate read at each cell's base period (e.g. tenure bands): {@code level}
   * gives the index into {@code levels}, NaN when unknown there.
   */
  public record CategoricalByPeriod(String name, List<String> levels, ValueAtPeriod level)
      implements Covariate {
    public CategoricalByPeriod {
      Objects.requireNonNull(name, "name");
      levels = List.copyOf(levels);
      Objects.requireNonNull(level, "level");
    }
  }

  private static final Covariates NONE = new Covariates(List.of());

  private final List<Covariate> columns;

  private Covariates(List<Covariate> columns) {
    this.columns = List.copyOf(columns);
  }

  /** No covariates: unconditional parallel trends. */
  public static Covariates none() {
    return NONE;
  }

  /** Adds a time-invariant continuous covariate; units missing from the map are unknown. */
  public Covariates withContinuous(String name, Map<String, Double> valueByUnit) {
    return with(new Continuous(name, valueByUnit));
  }

  /** Adds a continuous covariate measured at each cell's base period. */
  public Covariates withContinuousByPeriod(String name, ValueAtPeriod value) {
    return with(new ContinuousByPeriod(name, value));
  }

  /** Adds a categorical covariate measured at each cell's base period. */
  public Covariates withCategoricalByPeriod(
      String name, List<String> levels, ValueAtPeriod levelIndex) {
    return with(new CategoricalByPeriod(name, levels, levelIndex));
  }

  /** Adds a time-invariant categorical covariate; units missing from the map are unknown. */
  public Covariates withCategorical(String name, Map<String, String> levelByUnit) {
    return with(new Categorical(name, levelByUnit));
  }

  private Covariates with(Covariate covariate) {
    if (names().contains(covariate.name())) {
      throw new IllegalArgumentException("covariate '" + covariate.name() + "' given twice");
    }
    List<Covariate> more = new ArrayList<>(columns);
    more.add(covariate);
    return new Covariates(more);
  }

  public List<Covariate> columns() {
    return columns;
  }

  public List<String> names() {
    return columns.stream().map(Covariate::name).toList();
  }

  public boolean isEmpty() {
    return columns.isEmpty();
  }

  public int size() {
    return columns.size();
  }

  /**
   * Each unit's stratum for exact stratification on these covariates ({@link
   * StaggeredDid#estimate(Panel, DidOptions, String[])}): its levels joined with {@code " | "}, or
   * null when one is unknown (the estimator then drops the unit with a warning).
   *
   * @throws IllegalArgumentException when a covariate is continuous: strata need categories
   */
  public String[] strata(String[] unitIds) {
    for (Covariate c : columns) {
      if (!(c instanceof Categorical)) {
        throw new IllegalArgumentException(
            "exact stratification needs categorical covariates; '"
                + c.name()
                + "' is continuous (mark it categorical, or use dr, reg or ipw)");
      }
    }
    String[] strata = new String[unitIds.length];
    for (int u = 0; u < unitIds.length; u++) {
      List<String> levels = new ArrayList<>();
      for (Covariate c : columns) {
        levels.add(((Categorical) c).levelByUnit().get(unitIds[u]));
      }
      strata[u] = levels.contains(null) ? null : String.join(" | ", levels);
    }
    return strata;
  }

  /** For method texts and summaries: {@code tenure, department (categorical)}. */
  public String describe() {
    return columns.stream()
        .map(
            c ->
                c instanceof Categorical || c instanceof CategoricalByPeriod
                    ? c.name() + " (categorical)"
                    : c.name())
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return isEmpty() ? "no covariates" : describe();
  }
}
