/**
 * Estimation layer: turns an outcome panel (unit x period, with each unit's first treated period)
 * into causal effects of social learning on business outcomes.
 *
 * <p>Pipeline place: participation and outcomes -&gt; <b>estimation</b> -&gt; publish. The entry
 * point is {@link org.sociallearning.impact.estimation.StaggeredDid}, a pure-Java implementation of
 * Callaway &amp; Sant'Anna (2021) staggered difference-in-differences that reproduces the R {@code
 * did} package ({@code att_gt} + {@code aggte}) for panel data without covariates, with never- or
 * not-yet-treated controls, anticipation and a varying or universal base period, optionally under
 * parallel trends within strata only (exact stratification, {@code StratumMatching}) and optionally
 * on item-weighted means (a weighted {@link org.sociallearning.impact.estimation.Panel}), plus the
 * checks an analyst asks for: a pre-trend verdict (the joint pre-trend test and a test of the
 * average pre-joining level, combined), an Ashenfelter's-dip warning, p-values and {@link
 * org.sociallearning.impact.estimation.BenjaminiHochberg} adjustment, and the sensitivity to
 * parallel-trends violations ({@link org.sociallearning.impact.estimation.RelativeMagnitudes}, R
 * HonestDiD's relative magnitudes). {@link org.sociallearning.impact.estimation.PanelCsv} and
 * {@link org.sociallearning.impact.estimation.DidCommand} wrap it for files and the command line.
 * Nothing here uses Spark: the panel is small enough once aggregated to units x periods.
 */
package org.sociallearning.impact.estimation;
