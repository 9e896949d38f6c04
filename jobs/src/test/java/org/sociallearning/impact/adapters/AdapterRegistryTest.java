package org.sociallearning.impact.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.config.ConfigLoader;
import org.sociallearning.impact.schemas.ColumnContract;
import org.sociallearning.impact.schemas.TableContract;

/**
 * The registry is the one list of formats: the config accepts exactly its formats in each section,
 * and each canonical table's contract accepts exactly the source names of the formats that fill it.
 * Adding an adapter without the other two fails here.
 */
class AdapterRegistryTest {

  @Test
  void theConfigAcceptsExactlyTheRegisteredFormatsInEachSection() {
    Map<String, Set<String>> config = new TreeMap<>();
    ConfigLoader.FORMATS.forEach((role, formats) -> config.put(role, new TreeSet<>(formats)));
    assertEquals(config, AdapterRegistry.formatsByRole());
  }

  @Test
  void everyContractAcceptsTheSourceNamesOfTheFormatsThatFillIt() {
    Map<String, Set<String>> sourcesByTable = new TreeMap<>();
    for (ExportFormat f : AdapterRegistry.FORMATS) {
      if (f.source() != null) {
        sourcesByTable.computeIfAbsent(f.table(), t -> new TreeSet<>()).add(f.source());
      }
    }
    for (Map.Entry<String, Set<String>> e : sourcesByTable.entrySet()) {
      ColumnContract source = TableContract.load(e.getKey()).column("source").orElseThrow();
      assertEquals(
          e.getValue(),
          new TreeSet<>(source.checks().accepted()),
          e.getKey() + ".source accepts the registered sources");
    }
  }

  @Test
  void everyFormatHasItsOwnNameAndAnAdapter() {
    assertEquals(
        AdapterRegistry.FORMATS.size(),
        AdapterRegistry.FORMATS.stream().map(ExportFormat::name).distinct().count());
    for (ExportFormat f : AdapterRegistry.FORMATS) {
      assertTrue(AdapterRegistry.forFormat(f.name()) == f.adapter(), f.name());
    }
  }
}
