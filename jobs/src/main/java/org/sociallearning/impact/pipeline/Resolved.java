package org.sociallearning.impact.pipeline;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.identity.IdentityTables;

/**
 * The identity stage's result: every canonical table by name with {@code employee_id} (null where
 * nobody could be matched), and per source how its identities were matched.
 */
public record Resolved(
    Map<String, Dataset<Row>> tables, List<IdentityTables.SourceOutcome> identities) {

  public Resolved {
    tables = Map.copyOf(tables);
    identities = List.copyOf(identities);
  }

  public Dataset<Row> table(String name) {
    Dataset<Row> t = tables.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no canonical table '" + name + "'");
    }
    return t;
  }

  /** Ambiguous or unmatched identities of one source (0 for the roster and unknown keys). */
  public long unmatched(String sourceKey) {
    return identities.stream()
        .filter(o -> o.key().equals(sourceKey))
        .mapToLong(o -> o.result().unresolved())
        .sum();
  }

  /** The identity outcome of one source, or null (the roster and stage history have none). */
  public IdentityTables.SourceOutcome identitiesOf(String sourceKey) {
    return identities.stream().filter(o -> o.key().equals(sourceKey)).findFirst().orElse(null);
  }
}
