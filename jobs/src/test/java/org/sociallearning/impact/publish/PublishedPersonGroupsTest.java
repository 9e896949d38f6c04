package org.sociallearning.impact.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smallest group of people across published tables, joined on the pseudonym. */
class PublishedPersonGroupsTest {

  @TempDir Path run;

  @Test
  void aSecondTableWithThePseudonymSplitsTheGroupsOfTheFirst() throws Exception {
    Files.writeString(
        run.resolve("dim_employee.csv"),
        "employee_key,department,participant\n"
            + "p_1,Support,true\np_2,Support,true\np_3,Support,true\np_4,Sales,false\n"
            + "p_5,Sales,false\n");
    Files.writeString(run.resolve("data_quality.csv"), "source,rows\nforum,10\n");
    assertEquals(List.of("dim_employee"), PublishedPersonGroups.tablesWithPersonKeys(run));
    assertEquals(2, PublishedPersonGroups.smallestGroup(run).getAsLong());

    // Another table says one more thing about p_1: joined on the key, p_1 stands alone.
    Files.writeString(run.resolve("badges.csv"), "employee_key,badge\np_1,gold\n");
    assertEquals(1, PublishedPersonGroups.smallestGroup(run).getAsLong());
  }

  @Test
  void topHelpersIdentifiesByDesignAndIsNotMeasured() throws Exception {
    Files.writeString(
        run.resolve("top_helpers.csv"), "community,rank,helper_key,answers\nhelp,1,p_9,40\n");
    assertEquals(List.of("top_helpers"), PublishedPersonGroups.tablesWithPersonKeys(run));
    assertTrue(PublishedPersonGroups.smallestGroup(run).isEmpty());
  }
}
