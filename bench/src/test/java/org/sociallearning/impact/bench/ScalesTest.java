package org.sociallearning.impact.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalesTest {

  @Test
  void scalesAreSortedWithoutDuplicatesAndNamedWithoutTrailingZeros() {
    assertEquals(List.of(0.0, 0.1, 1.0, 20.0), Scales.parse("20, 1,0.1,0,1.0"));
    assertEquals("0.1", Scales.label(0.1));
    assertEquals("20", Scales.label(20.0));
    assertEquals("0", Scales.label(0));
  }

  @Test
  void badScalesAreRefusedWithTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Scales.parse("1,big"));
    assertTrue(e.getMessage().contains("'big'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Scales.parse("-1"));
  }

  @Test
  void unknownOptionsEndWithUsageAndExitCode2() throws Exception {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code =
        Benchmark.run(
            new String[] {"--scale", "1"},
            System.out,
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(
        err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("unknown option --scale"));
  }
}
