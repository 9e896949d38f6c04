package org.sociallearning.impact.estimation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one {@link DidCommand} run adjusts for covariates, from its {@code --covariates}, {@code
 * --categorical} and {@code --method} options: not at all, by a covariate method ({@code dr},
 * {@code reg}, {@code ipw}; the columns read by {@link CovariateCsv}), or by exact strata of the
 * covariates ({@code strata}, every column then categorical).
 *
 * @param covariates for {@link DidOptions}; none unless dr, reg or ipw
 * @param method the covariate method (dr when unused)
 * @param strata per panel unit its stratum, or null unless {@code strata}
 * @param description words for the summary, empty without covariates
 */
record CovariateAdjustment(
    Covariates covariates, EstimationMethod method, String[] strata, String description) {

  DidOptions applyTo(DidOptions options) {
    return covariates.isEmpty() ? options : options.withCovariates(covariates).withMethod(method);
  }

  private static final String STRATA = "strata";

  /**
   * The covariate options present in {@code options} (parsed command line), read from the panel
   * file.
   */
  static CovariateAdjustment of(Map<String, String> options, Panel panel) {
    List<String> names = columnList(options, "covariates");
    List<String> categorical = columnList(options, "categorical");
    String method = options.getOrDefault("method", EstimationMethod.DOUBLY_ROBUST.option()).trim();
    if (names.isEmpty()) {
      for (String needsCovariates : List.of("method", "categorical")) {
        if (options.containsKey(needsCovariates)) {
          throw new IllegalArgumentException(
              "--" + needsCovariates + " needs --covariates COL[,COL...]");
        }
      }
      return new CovariateAdjustment(Covariates.none(), EstimationMethod.DOUBLY_ROBUST, null, "");
    }
    boolean stratify = method.equalsIgnoreCase(STRATA);
    EstimationMethod estimator = stratify ? EstimationMethod.DOUBLY_ROBUST : parseMethod(method);
    Covariates covariates =
        CovariateCsv.read(
            Path.of(options.get("panel")),
            options.get("id"),
            options.get("time"),
            names,
            new java.util.LinkedHashSet<>(stratify ? names : categorical));
    if (stratify) {
      return new CovariateAdjustment(
          Covariates.none(),
          estimator,
          covariates.strata(panel.unitIds()),
          "within exact strata of " + String.join(", ", names));
    }
    return new CovariateAdjustment(
        covariates, estimator, null, covariates.describe() + ", " + estimator.label());
  }

  private static EstimationMethod parseMethod(String text) {
    try {
      return EstimationMethod.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--method must be dr, reg, ipw or strata, got '" + text + "'", e);
    }
  }

  private static List<String> columnList(Map<String, String> options, String name) {
    if (!options.containsKey(name)) {
      return List.of();
    }
    List<String> columns =
        java.util.Arrays.stream(options.get(name).split(",")).map(String::trim).toList();
    if (columns.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(
          "--"
              + name
              + " expects column names separated by commas, got '"
              + options.get(name)
              + "'");
    }
    return columns;
  }
}
