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
 * A data contract: the documented shape of one canonical or published table, loaded from
 * {@code schemas/contracts/<table>.yaml}. Code derives Spark schemas and checks from it, so the
 * documentation and the behaviour cannot drift apart.
 */
public record TableContract(
    @JsonProperty("table") String table,
    @JsonProperty("layer") String layer,
    @JsonProperty("description") String description,
    @JsonProperty("columns") List<ColumnContract> columns) {

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
  }

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
