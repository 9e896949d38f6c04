package org.sociallearning.impact.ingest;

import org.sociallearning.impact.schemas.QualityRule;

/**
 * What one data-quality rule found in one source: rows checked and rows failing. One row of {@code
 * quality/checks}.
 *
 * @param source config key of the source (the role until the job names it)
 * @param run false when the rule could not be checked (a relationship to a table no source feeds)
 */
public record CheckResult(
    String table,
    QualityRule rule,
    String source,
    String format,
    long rowsChecked,
    long rowsFailing,
    boolean run) {

  public static final String PASS = "pass";
  public static final String WARN = "warn";
  public static final String FAIL = "fail";
  public static final String NOT_RUN = "not_run";

  /** pass, warn (a warn rule failed), fail (an error rule failed) or not_run. */
  public String status() {
    if (!run) {
      return NOT_RUN;
    }
    if (rowsFailing == 0) {
      return PASS;
    }
    return rule.isError() ? FAIL : WARN;
  }

  public CheckResult forSource(String key) {
    return new CheckResult(table, rule, key, format, rowsChecked, rowsFailing, run);
  }
}
