package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sociallearning.impact.estimation.Panel;

/**
 * Segments of one metric's panel, for effects by department, by community and by intensity of
 * participation (dose-response). A department segment keeps participants and comparison people of
 * that department (like compared with like); a community or intensity segment keeps the
 * participants of that community or tier and the whole comparison group. The blended-learning
 * segment keeps only people who completed a formal course: those who then joined a community
 * against those who did not.
 */
public final class SegmentPanels {

  /** What is known about each person for segmenting; keys are employee ids. */
  public record PersonSegments(
      Map<String, String> department,
      Map<String, String> community,
      Map<String, String> intensity,
      Map<String, String> blended) {}

  private SegmentPanels() {}

  /** Segment name ({@code department=Sales EMEA}) to its panel, in a stable order. */
  public static Map<String, Panel> of(Panel panel, PersonSegments people) {
    Map<String, Panel> out = new LinkedHashMap<>();
    for (String dept : values(panel, people.department())) {
      out.put(
          "department=" + dept,
          subset(panel, u -> dept.equals(people.department().get(panel.unitIds()[u]))));
    }
    for (String community : values(panel, people.community())) {
      out.put(
          "community=" + community,
          subset(
              panel,
              u ->
                  panel.unitGroup()[u] == 0
                      || community.equals(people.community().get(panel.unitIds()[u]))));
    }
    for (String blend : values(panel, people.blended())) {
      out.put(
          "blended=" + blend,
          subset(panel, u -> blend.equals(people.blended().get(panel.unitIds()[u]))));
    }
    for (String tier : values(panel, people.intensity())) {
      out.put(
          "intensity=" + tier,
          subset(
              panel,
              u ->
                  panel.unitGroup()[u] == 0
                      || tier.equals(people.intensity().get(panel.unitIds()[u]))));
    }
    return out;
  }

  private static TreeSet<String> values(Panel panel, Map<String, String> attribute) {
    TreeSet<String> out = new TreeSet<>();
    for (String id : panel.unitIds()) {
      String v = attribute.get(id);
      if (v != null && !v.isBlank()) {
        out.add(v);
      }
    }
    return out;
  }

  private static Panel subset(Panel panel, java.util.function.IntPredicate keep) {
    List<Integer> units = new ArrayList<>();
    for (int u = 0; u < panel.unitCount(); u++) {
      if (keep.test(u)) {
        units.add(u);
      }
    }
    int[] group = new int[units.size()];
    double[][] outcome = new double[units.size()][];
    String[] ids = new String[units.size()];
    for (int i = 0; i < units.size(); i++) {
      int u = units.get(i);
      group[i] = panel.unitGroup()[u];
      outcome[i] = panel.outcome()[u];
      ids[i] = panel.unitIds()[u];
    }
    return new Panel(panel.periods(), group, outcome, ids);
  }
}
