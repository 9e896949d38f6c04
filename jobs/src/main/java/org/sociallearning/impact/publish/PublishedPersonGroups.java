package org.sociallearning.impact.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.sociallearning.impact.bi.PersonAnonymity;

/**
 * Publish step (a measure, read back from the files readers get): how many people share the
 * combination of everything the published tables say about a person. Every published table with a
 * person's keyed pseudonym ({@link #PERSON_KEYS}) is joined on it: a person's combination is every
 * row that carries their pseudonym, in every such table, without the pseudonym. The smallest number
 * of people sharing one combination must be at least {@code min_group_size}.
 *
 * <p>{@code top_helpers} is left out: a list of each community's most active helpers names people
 * by design, so it is published only with {@code privacy.name_top_helpers}, under pseudonyms of its
 * own that join to no other table.
 */
public final class PublishedPersonGroups {

  /** Columns that carry a person's keyed pseudonym in published tables. */
  public static final List<String> PERSON_KEYS =
      List.of("employee_key", "helper_key", "identity_pseudonym");

  /** Tables that identify people by design (their own switch says so), left out of the measure. */
  public static final List<String> IDENTIFYING_BY_DESIGN = List.of("top_helpers");

  private PublishedPersonGroups() {}

  /** The published tables (top-level CSV files of a run folder) with a person pseudonym. */
  public static List<String> tablesWithPersonKeys(Path runDir) {
    List<String> out = new ArrayList<>();
    for (Path csv : csvFiles(runDir)) {
      if (personKey(header(csv)) != null) {
        out.add(table(csv));
      }
    }
    return out;
  }

  /**
   * The smallest number of people sharing one combination of published person attributes, joined on
   * the pseudonym across tables; empty when no table measured has a person pseudonym.
   */
  public static OptionalLong smallestGroup(Path runDir) {
    Map<String, List<String>> byPerson = new TreeMap<>();
    for (Path csv : csvFiles(runDir)) {
      String table = table(csv);
      if (IDENTIFYING_BY_DESIGN.contains(table)) {
        continue;
      }
      List<String> header = header(csv);
      String key = personKey(header);
      if (key == null) {
        continue;
      }
      for (CSVRecord row : rows(csv)) {
        if (row.get(key).isBlank()) {
          continue;
        }
        StringBuilder said = new StringBuilder(table);
        for (String column : header) {
          if (!column.equals(key)) {
            said.append('\u001f').append(column).append('=').append(row.get(column));
          }
        }
        byPerson.computeIfAbsent(row.get(key), k -> new ArrayList<>()).add(said.toString());
      }
    }
    if (byPerson.isEmpty()) {
      return OptionalLong.empty();
    }
    List<Map<String, String>> people = new ArrayList<>();
    for (List<String> said : byPerson.values()) {
      said.sort(null);
      people.add(Map.of("combination", String.join("\u001e", said)));
    }
    return OptionalLong.of(PersonAnonymity.smallestGroup(people, List.of("combination")));
  }

  private static String personKey(List<String> header) {
    return header.stream().filter(PERSON_KEYS::contains).findFirst().orElse(null);
  }

  private static String table(Path csv) {
    return csv.getFileName().toString().replaceAll("\\.csv$", "");
  }

  private static List<Path> csvFiles(Path runDir) {
    try (Stream<Path> files = Files.list(runDir)) {
      return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runDir + ": " + e.getMessage(), e);
    }
  }

  private static List<String> header(Path csv) {
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().get().parse(r).getHeaderNames();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
  }

  private static List<CSVRecord> rows(Path csv) {
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
  }
}
