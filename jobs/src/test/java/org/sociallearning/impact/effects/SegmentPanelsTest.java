package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.Panel;

class SegmentPanelsTest {

  @Test
  void departmentsCompareLikeWithLikeWhileTiersKeepTheWholeComparisonGroup() {
    double[] y = {1, 2};
    Panel panel =
        new Panel(
            new int[] {1, 2},
            new int[] {2, 2, 0, 0},
            new double[][] {y, y, y, y},
            new String[] {"P1", "P2", "C1", "C2"});
    SegmentPanels.PersonSegments people =
        new SegmentPanels.PersonSegments(
            Map.of("P1", "Sales", "P2", "Support", "C1", "Sales", "C2", "Support"),
            Map.of("P1", "ask-it", "P2", "cop-data"),
            Map.of("P1", "heavy", "P2", "light"),
            Map.of("P2", "course_then_community", "C2", "course_then_community"));

    Map<String, Panel> segments = SegmentPanels.of(panel, people);

    assertEquals(
        List.of(
            "department=Sales",
            "department=Support",
            "community=ask-it",
            "community=cop-data",
            "blended=course_then_community",
            "intensity=heavy",
            "intensity=light"),
        List.copyOf(segments.keySet()));
    assertArrayEquals(new String[] {"P1", "C1"}, segments.get("department=Sales").unitIds());
    assertArrayEquals(new String[] {"P2", "C1", "C2"}, segments.get("intensity=light").unitIds());
    assertArrayEquals(new int[] {2, 0, 0}, segments.get("community=cop-data").unitGroup());
    assertArrayEquals(
        new String[] {"P2", "C2"},
        segments.get("blended=course_then_community").unitIds(),
        "only people who completed a course, on both sides");
  }
}
