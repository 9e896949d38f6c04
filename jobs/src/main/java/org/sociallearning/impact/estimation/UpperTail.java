package org.sociallearning.impact.estimation;

/**
 * The largest values of a simulation's draws, where a critical value at a level near 1 needs only
 * those: the type-7 quantile and the draws in decreasing order, each without sorting all of them,
 * and each exactly as the sort would give them.
 */
final class UpperTail {

  private UpperTail() {}

  /**
   * {@link LeastFavorableCriticalValue#quantileType7} for a level near 1, where the two order
   * statistics it needs are among the few largest values: those are kept as the values pass,
   * instead of sorting them all. The same values in the same formula, so the same result.
   */
  static double quantileType7(double[] values, double p) {
    int n = values.length;
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    int k = n - lo; // sorted[lo] is the k-th largest value
    if (k > 32 || lo < 0) {
      return LeastFavorableCriticalValue.quantileType7(values, p);
    }
    double[] largest = new double[k]; // the k largest so far, ascending as Arrays.sort orders
    int size = 0;
    for (double v : values) {
      if (size == k && Double.compare(v, largest[0]) <= 0) {
        continue;
      }
      int at;
      if (size < k) {
        at = size++; // a free place at the top: move larger values up past it
        while (at > 0 && Double.compare(largest[at - 1], v) > 0) {
          largest[at] = largest[at - 1];
          at--;
        }
      } else {
        at = 0; // the smallest kept value goes: move smaller values down over it
        while (at + 1 < k && Double.compare(largest[at + 1], v) < 0) {
          largest[at] = largest[at + 1];
          at++;
        }
      }
      largest[at] = v;
    }
    double atLo = largest[0];
    double atHi = lo + 1 <= n - 1 ? largest[1] : atLo;
    return atLo + (h - lo) * (atHi - atLo);
  }

  /**
   * Draw indices in decreasing order of their upper bound, ties by index, as a stable sort would
   * give them, but one at a time from a heap: the critical value usually needs only the first few.
   */
  static final class Descending {
    private final double[] upper;
    private final int[] heap;
    private int size;

    Descending(double[] upper) {
      this.upper = upper;
      size = upper.length;
      heap = new int[size];
      for (int r = 0; r < size; r++) {
        heap[r] = r;
      }
      for (int i = size / 2 - 1; i >= 0; i--) {
        siftDown(i);
      }
    }

    boolean hasNext() {
      return size > 0;
    }

    int next() {
      int first = heap[0];
      heap[0] = heap[--size];
      siftDown(0);
      return first;
    }

    /** Whether draw a comes before draw b. */
    private boolean before(int a, int b) {
      int c = Double.compare(upper[a], upper[b]);
      return c > 0 || (c == 0 && a < b);
    }

    private void siftDown(int i) {
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          return;
        }
        if (child + 1 < size && before(heap[child + 1], heap[child])) {
          child++;
        }
        if (!before(heap[child], heap[i])) {
          return;
        }
        int swap = heap[i];
        heap[i] = heap[child];
        heap[child] = swap;
        i = child;
      }
    }
  }
}
