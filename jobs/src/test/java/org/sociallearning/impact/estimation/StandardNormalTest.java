package org.sociallearning.impact.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StandardNormalTest {

    @Test
    void quantileMatchesReferenceValues() {
        assertEquals(1.959963984540054, StandardNormal.quantile(0.975), 1e-13);
        assertEquals(-1.959963984540054, StandardNormal.quantile(0.025), 1e-13);
        assertEquals(0.6744897501960817, StandardNormal.quantile(0.75), 1e-13);
        assertEquals(2.5758293035489004, StandardNormal.quantile(0.995), 1e-12);
        assertEquals(1.6448536269514722, StandardNormal.quantile(0.95), 1e-13);
        assertEquals(0.0, StandardNormal.quantile(0.5), 1e-15);
        assertEquals(-4.264890793922825, StandardNormal.quantile(1e-5), 1e-10);
        // Deep tail: Acklam alone, relative error ~1e-9.
        assertEquals(-6.361340902404056, StandardNormal.quantile(1e-10), 1e-8);
    }

    @Test
    void cdfMatchesReferenceValues() {
        assertEquals(0.5, StandardNormal.cdf(0), 1e-16);
        assertEquals(0.9750021048517795, StandardNormal.cdf(1.96), 1e-15);
        assertEquals(0.15865525393145707, StandardNormal.cdf(-1), 1e-15);
        assertEquals(0.0013498980316301, StandardNormal.cdf(-3), 1e-15);
    }
}
