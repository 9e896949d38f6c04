package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The upper tail of the least-favorable critical value's draws gives the numbers sorting gives, to
 * the last bit.
 */
class UpperTailTest {

  @Test
  void theUpperQuantileEqualsTheQuantileOfTheSortedValues() {
    SplittableRandom random = new SplittableRandom(3L);
    for (int trial = 0; trial < 400; trial++) {
      int n = 1 + random.nextInt(trial % 2 == 0 ? 12 : 1500);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        // Rounded to a coarse grid half the time, so that ties are common, and signed zeros.
        double v = random.nextGaussian();
        values[i] = trial % 4 < 2 ? Math.round(v * 4) / 4.0 : v;
        if (trial % 7 == 0 && i % 5 == 0) {
          values[i] = i % 2 == 0 ? -0.0 : 0.0;
        }
        values[i] = trial % 11 == 0 ? special(values[i], random) : values[i];
      }
      for (double p : new double[] {0.5, 0.9, 0.95, 0.99, 0.995, 0.999, 1.0}) {
        double sorted = LeastFavorableCriticalValue.quantileType7(values, p);
        double kept = UpperTail.quantileType7(values, p);
        assertEquals(
            Double.doubleToLongBits(sorted),
            Double.doubleToLongBits(kept),
            "n " + n + ", p " + p + ": " + sorted + " vs " + kept);
      }
    }
  }

  @Test
  void drawsComeInTheOrderOfAStableSortByDecreasingValue() {
    SplittableRandom random = new SplittableRandom(5L);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(300);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = Math.round(random.nextGaussian() * (trial % 2 == 0 ? 2 : 50)) / 2.0;
        values[i] = trial % 3 == 0 ? special(values[i], random) : values[i];
      }
      Integer[] sorted = new Integer[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = i;
      }
      java.util.Arrays.sort(sorted, (a, b) -> Double.compare(values[b], values[a]));
      UpperTail.Descending order = new UpperTail.Descending(values);
      for (int i = 0; i < n; i++) {
        assertEquals(sorted[i], order.next(), "trial " + trial + ", place " + i);
      }
      assertEquals(false, order.hasNext());
    }
  }

  /**
   * Now and then a value a simulation can give where a variance is 0 or a program has no end: NaN,
   * an infinity or a signed zero.
   */
  private static double special(double value, SplittableRandom random) {
    return switch (random.nextInt(12)) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> Double.NEGATIVE_INFINITY;
      case 3 -> -0.0;
      case 4 -> 0.0;
      default -> value;
    };
  }
}
