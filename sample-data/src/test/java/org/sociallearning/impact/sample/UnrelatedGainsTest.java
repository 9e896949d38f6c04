package org.sociallearning.impact.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The company where the community changes nothing, yet people whose work got better for another
 * reason are the ones who keep posting: what it plants is what its settings promise.
 */
class UnrelatedGainsTest {

  static final GeneratorSettings GAINS =
      DeterminismTest.SMALL.withEmployees(400).withUnrelatedGains(-0.3);

  @Test
  void gainsFollowedByAFirstPostKeepPeoplePostingAndNothingIsCausedByTheCommunity() {
    Timeline t = new Timeline(GAINS);
    List<Person> people = Population.build(GAINS, t, new SplittableRandom(GAINS.seed()));
    Participation plan = Participation.plan(people, t, new SplittableRandom(5));
    Map<Person, Integer> interactions = new HashMap<>();
    plan.interactions.forEach(i -> interactions.merge(i.person(), 1, Integer::sum));
    int gained = 0;
    int kept = 0;
    int drifted = 0;
    for (Person p : people) {
      assertFalse(p.joiner, "no planted joiners: nothing is caused by the community");
      if (p.gainMonth >= 0) {
        gained++;
      }
      if (p.plannedPosts.isEmpty()) {
        continue;
      }
      int first = p.plannedPosts.get(0);
      boolean gainFollows =
          p.gainMonth > first && p.gainMonth <= first + Population.GAIN_KEEPS_POSTING_WITHIN;
      if (gainFollows) {
        kept++;
        assertTrue(
            p.plannedPosts.size() - 1 >= t.lastMonth - p.gainMonth,
            p.id + " posts every month after the gain");
        assertTrue(
            p.plannedPosts.subList(1, p.plannedPosts.size()).stream()
                .allMatch(m -> m > p.gainMonth),
            "back only after the gain");
      } else {
        drifted++;
        assertTrue(p.plannedPosts.size() <= 2, p.id + " drifted away");
      }
    }
    assertTrue(gained > 0.7 * people.size() && gained < 0.9 * people.size(), "gains " + gained);
    assertTrue(kept > 30 && drifted > 3 * kept, kept + " kept posting, " + drifted + " drifted");
    // Durations shift from the gain month on, for posters and everyone else alike.
    Person someone = people.stream().filter(p -> p.gainMonth > 0).findFirst().orElseThrow();
    assertEquals(0.0, DurationShift.of(GAINS, someone, someone.gainMonth - 1), 0.0);
    assertEquals(-0.3, DurationShift.of(GAINS, someone, someone.gainMonth), 1e-12);
    assertEquals(0.0, DurationShift.of(DeterminismTest.SMALL, someone, someone.gainMonth), 0.0);
  }
}
