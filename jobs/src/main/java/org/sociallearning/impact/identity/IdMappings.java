package org.sociallearning.impact.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured id mappings ({@code identity.id_mappings}: {@code source,source_user_id,
 * employee_id}): explicit matches for people whose email does not match the roster. An id mapped to
 * two employees, or to an employee not on the roster, maps nobody; {@link #problems()} says which,
 * for the manifest.
 */
public final class IdMappings {

  /** One row of the mapping file, trimmed. */
  public record Mapping(String source, String sourceUserId, String employeeId) {}

  private final Map<String, String> byKey = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  public IdMappings(List<Mapping> rows, Set<String> rosterIds) {
    Map<String, String> seen = new HashMap<>();
    Set<String> conflicting = new java.util.TreeSet<>();
    int offRoster = 0;
    for (Mapping m : rows) {
      if (m.source() == null || m.sourceUserId() == null || m.employeeId() == null) {
        continue;
      }
      if (!rosterIds.contains(m.employeeId())) {
        offRoster++;
        continue;
      }
      String key = key(m.source(), m.sourceUserId());
      String before = seen.putIfAbsent(key, m.employeeId());
      if (before != null && !before.equals(m.employeeId())) {
        conflicting.add(key);
      }
    }
    seen.forEach(
        (k, v) -> {
          if (!conflicting.contains(k)) {
            byKey.put(k, v);
          }
        });
    if (offRoster > 0) {
      problems.add(offRoster + " id mapping(s) name employees not on the roster and were ignored");
    }
    if (!conflicting.isEmpty()) {
      problems.add(
          conflicting.size()
              + " source id(s) are mapped to two different employees and"
              + " map nobody");
    }
  }

  public static IdMappings none() {
    return new IdMappings(List.of(), Set.of());
  }

  private static String key(String source, String id) {
    return source.strip().toLowerCase(java.util.Locale.ROOT) + "\u0000" + id.strip();
  }

  /** The mapped employee of a source's user id, else of its email as exported; null if none. */
  public String employeeFor(String source, String userId, String email) {
    if (source == null) {
      return null;
    }
    String byId = userId == null ? null : byKey.get(key(source, userId));
    if (byId != null) {
      return byId;
    }
    return email == null ? null : byKey.get(key(source, email));
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  public int size() {
    return byKey.size();
  }
}
