package org.sociallearning.impact.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark scales: scale 1 is 5,000 people, 1M forum messages, 200k tickets, 50k opportunities.
 */
class BenchmarkScaleTest {

  @TempDir Path tmp;

  @Test
  void volumesAreThoseOfScaleOneTimesTheScale() {
    double scale = 0.05;
    GenerationSummary s = SampleDataGenerator.generate(tmp, GeneratorSettings.atScale(scale));
    GenerationSummary.Counts c = s.counts();
    assertEquals(250, c.employees());
    assertWithin(1_000_000 * scale, c.slackMessages(), 0.15, "forum messages");
    assertWithin(200_000 * scale, c.incidents(), 0.15, "tickets");
    assertWithin(50_000 * scale, c.opportunities(), 0.15, "opportunities");
  }

  @Test
  void scaleZeroIsTheSmallestCompanyAndChatterAtBaseRateKeepsTheSample() {
    assertEquals(50, GeneratorSettings.atScale(0).employees());
    assertEquals(
        GeneratorSettings.sample(),
        GeneratorSettings.sample().withChatterVolume(1).withTicketVolume(2));
    assertEquals(4, GeneratorSettings.sample().withTicketVolume(4).ticketVolume());
    assertEquals(2, GeneratorSettings.sample().withTicketVolume(4).workVolume());
    assertEquals(
        3, GeneratorSettings.sample().withTicketVolume(4).withWorkVolume(3).ticketVolume());
    assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.atScale(-1));
    assertThrows(
        IllegalArgumentException.class, () -> GeneratorSettings.sample().withChatterVolume(0));
  }

  private static void assertWithin(double expected, long actual, double share, String what) {
    assertTrue(
        Math.abs(actual - expected) <= share * expected,
        what + ": " + actual + " is not within " + (int) (share * 100) + "% of " + expected);
  }
}
