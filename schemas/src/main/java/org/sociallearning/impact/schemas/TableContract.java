package org.sociallearning.impact.schemas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A data contract: the documented shape of one canonical or published table, loaded from {@code
 * schemas/contracts/<table>.yaml}. Code derives Spark schemas and checks from it, so the
 * documentation and the behaviour cannot drift apart.
 */
public record TableContract(
    @JsonProperty("table") String table,
    @JsonProperty("layer") String layer,
    @JsonProperty("description") String description,
    @JsonProperty("columns") List<ColumnContract> columns,
    @JsonProperty("quality") List<QualityRule> quality) {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public TableContract {
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("contract '" + table + "' declares no columns");
    }
    columns = List.copyOf(columns);
    Set<String> seen = new HashSet<>();
    for (ColumnContract c : columns) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException(
            "contract '" + table + "' declares column '" + c.name() + "' twice");
      }
    }
    quality = quality == null ? List.of() : List.copyOf(quality);
    Set<String> names = new HashSet<>();
    for (QualityRule rule : quality) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException(
            "contract '" + table + "' declares quality rule '" + rule.name() + "' twice");
      }
      for (String column : rule.columns()) {
        if (!seen.contains(column)) {
          throw new IllegalArgumentException(
              "quality rule '"
                  + rule.name()
                  + "' of contract '"
                  + table
                  + "' names column '"
                  + column
                  + "', which the contract does not declare");
        }
      }
    }
  }

  /**
   * Every rule of the table: the column {@code checks} as error rules named {@code
   * <column>_not_null}, {@code _min}, {@code _max}, {@code _accepted} and {@code _unique} (unique
   * is enforced by deduplication), then the {@code quality:} section.
   */
  public List<QualityRule> rules() {
    List<QualityRule> out = new java.util.ArrayList<>();
    for (ColumnContract c : columns) {
      ColumnChecks k = c.checks();
      List<String> on = List.of(c.name());
      if (k.notNull()) {
        out.add(
            new QualityRule(
                c.name() + "_not_null",
                "not_null",
                on,
                null,
                null,
                null,
                null,
                QualityRule.ERROR,
                COLUMN_CHECK));
      }
      if (k.min() != null) {
        out.add(
            new QualityRule(
                c.name() + "_min",
                "range",
                on,
                null,
                k.min(),
                null,
                null,
                QualityRule.ERROR,
                COLUMN_CHECK));
      }
      if (k.max() != null) {
        out.add(
            new QualityRule(
                c.name() + "_max",
                "range",
                on,
                null,
                null,
                k.max(),
                null,
                QualityRule.ERROR,
                COLUMN_CHECK));
      }
      if (!k.accepted().isEmpty()) {
        out.add(
            new QualityRule(
                c.name() + "_accepted",
                "accepted_values",
                on,
                k.accepted(),
                null,
                null,
                null,
                QualityRule.ERROR,
                COLUMN_CHECK));
      }
      if (k.unique()) {
        out.add(
            new QualityRule(
                c.name() + "_unique",
                "unique",
                on,
                null,
                null,
                null,
                null,
                QualityRule.WARN,
                DEDUPLICATED));
      }
    }
    out.addAll(quality);
    return out;
  }

  /** Description of the rules derived from a column's {@code checks}. */
  public static final String COLUMN_CHECK = "column check";

  /** Description of the unique rules that deduplication enforces (newest record kept). */
  public static final String DEDUPLICATED = "enforced by deduplication: the newest record is kept";

  /** Loads {@code contracts/<table>.yaml} from the classpath. */
  public static TableContract load(String table) {
    String resource = "contracts/" + table + ".yaml";
    try (InputStream in = TableContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no contract file " + resource + " on the classpath");
      }
      TableContract contract = YAML.readValue(in, TableContract.class);
      if (!table.equals(contract.table())) {
        throw new IllegalArgumentException(
            resource + " declares table '" + contract.table() + "', expected '" + table + "'");
      }
      return contract;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read contract " + resource + ": " + e.getMessage(), e);
    }
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnContract::name).collect(Collectors.toList());
  }

  public Optional<ColumnContract> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Names of columns that must never leave the job (names, emails, free text). */
  public Set<String> directlyIdentifyingColumns() {
    return columns.stream()
        .filter(ColumnContract::isDirectlyIdentifying)
        .map(ColumnContract::name)
        .collect(Collectors.toSet());
  }
}
