package org.sociallearning.impact.schemas;

import java.util.List;

/**
 * The one list of tables a run publishes as CSV and Parquet (each with a contract of layer {@code
 * published}), in the order the database sink swaps them. The publisher writes only these, the
 * manifest lists what was written, the PostgreSQL sink loads them and the report reads them by
 * these names. Quarantine and quality checks are files of their own.
 */
public final class PublishedTableList {

  public static final List<String> NAMES =
      List.of(
          "impact_estimates",
          "impact_event_study",
          "estimate_notes",
          "value_estimates",
          "balance",
          "first_deal_comparison",
          "knowledge_flow_monthly",
          "knowledge_flow_departments",
          "top_helpers",
          "knowledge_concentration",
          "dim_employee",
          "dim_community",
          "fact_participation_monthly",
          "fact_service_outcomes_monthly",
          "fact_sales_outcomes_monthly",
          "run_history",
          "estimate_history",
          "data_quality",
          "duration_medians",
          "impact_calendar",
          "learning_mix_monthly",
          "stage_durations",
          "identity_resolution",
          "unresolved_identities");

  /**
   * Tables that name the runs that wrote them (and grow by one run each time): repeated runs of the
   * same inputs publish every other table byte for byte the same.
   */
  public static final List<String> NAMING_THE_RUN = List.of("run_history", "estimate_history");

  private PublishedTableList() {}

  /** The table's name, checked against the list: a typo fails where it is made. */
  public static String require(String table) {
    if (!NAMES.contains(table)) {
      throw new IllegalArgumentException(
          "'" + table + "' is not a published table; published" + " tables are " + NAMES);
    }
    return table;
  }

  /** The published CSV file of a table, {@code <table>.csv}. */
  public static String csv(String table) {
    return require(table) + ".csv";
  }
}
