package org.sociallearning.impact.effects;

import java.util.List;
import java.util.Map;
import org.sociallearning.impact.estimation.Panel;

/**
 * Each unit's stratum for exact stratification: its values of {@code estimation.covariates} (roster
 * attributes) joined, or null when one is unknown, so the estimator drops and counts that person.
 */
public final class Strata {

  private Strata() {}

  /**
   * @param attributes per covariate, each employee id's value
   * @return one stratum per unit of the panel, or null when no covariates are configured
   */
  public static String[] of(
      Panel panel, List<String> covariates, Map<String, Map<String, String>> attributes) {
    if (covariates.isEmpty()) {
      return null;
    }
    String[] strata = new String[panel.unitCount()];
    for (int u = 0; u < strata.length; u++) {
      StringBuilder key = new StringBuilder();
      for (String attribute : covariates) {
        String value = attributes.get(attribute).get(panel.unitIds()[u]);
        if (value == null) {
          key = null;
          break;
        }
        key.append(key.length() == 0 ? "" : " | ").append(value);
      }
      strata[u] = key == null ? null : key.toString();
    }
    return strata;
  }
}
