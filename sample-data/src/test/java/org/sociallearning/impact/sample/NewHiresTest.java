package org.sociallearning.impact.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The company where new hires get faster anyway and join a community in their first weeks: what it
 * plants is what its settings promise, and the usual company is untouched.
 */
class NewHiresTest {

  static final GeneratorSettings HIRES =
      DeterminismTest.SMALL.withEmployees(600).withoutEffects().withNewHires(1.0 / 3, 0.5);

  @Test
  void aThirdIsHiredDuringTheWindowAndMostNewHiresJoinEarlyFewTenuredPeopleDo() {
    Timeline t = new Timeline(HIRES);
    List<Person> people = Population.build(HIRES, t, new SplittableRandom(HIRES.seed()));
    int hires = 0;
    int earlyJoiners = 0;
    int tenured = 0;
    int tenuredJoiners = 0;
    for (Person p : people) {
      boolean inWindow = !p.hireDate.isBefore(HIRES.start());
      assertEquals(p.newHire, inWindow, p.id + " hired " + p.hireDate);
      if (p.newHire) {
        hires++;
        assertTrue(p.hireMonth >= 1 && p.hireMonth < t.lastFullMonth, p.id + " " + p.hireMonth);
        if (p.joiner) {
          assertTrue(
              p.joinMonth == p.hireMonth + 1 || p.joinMonth == p.hireMonth + 2,
              p.id + " joins in month " + p.joinMonth + ", hired in " + p.hireMonth);
          earlyJoiners++;
        }
      } else {
        tenured++;
        tenuredJoiners += p.joiner ? 1 : 0;
      }
    }
    double share = hires / (double) people.size();
    assertTrue(share > 0.28 && share < 0.38, "share hired in the window " + share);
    double early = earlyJoiners / (double) hires;
    assertTrue(early > 0.7 && early < 0.9, "new hires joining early " + early);
    double tenuredShare = tenuredJoiners / (double) tenured;
    assertTrue(tenuredShare < 0.08, "tenured joiners " + tenuredShare);
    // Every joiner meets the participation rule in the planned month.
    Participation.plan(people, t, new SplittableRandom(5));
  }

  @Test
  void theLearningCurveStartsAtTheHireMonthAndWearsOffOverSixMonths() {
    Timeline t = new Timeline(HIRES);
    List<Person> people = Population.build(HIRES, t, new SplittableRandom(HIRES.seed()));
    Person hire = people.stream().filter(p -> p.newHire).findFirst().orElseThrow();
    int h = hire.hireMonth;
    assertEquals(0.5, DurationShift.of(HIRES, hire, h), 1e-12);
    assertEquals(0.25, DurationShift.of(HIRES, hire, h + 3), 1e-12);
    assertEquals(0.0, DurationShift.of(HIRES, hire, h + 6), 0.0);
    Person old = people.stream().filter(p -> !p.newHire).findFirst().orElseThrow();
    assertEquals(0.0, DurationShift.of(HIRES, old, 2), 0.0);
    assertEquals(0.0, DurationShift.of(DeterminismTest.SMALL, hire, h), 0.0);
  }

  @Test
  void theCommandLineTakesAShareAndAnOptionalCurve() {
    GeneratorSettings s = SampleDataGenerator.withNewHires(DeterminismTest.SMALL, "0.3,0.6");
    assertEquals(new NewHires(0.3, 0.6, NewHires.TENURED_JOINER_SHARE), s.newHires());
    assertEquals(
        SampleDataGenerator.DEFAULT_LEARNING_CURVE,
        SampleDataGenerator.withNewHires(DeterminismTest.SMALL, "0.3").newHires().learningCurve());
    assertEquals(NewHires.NONE, DeterminismTest.SMALL.newHires());
  }
}
