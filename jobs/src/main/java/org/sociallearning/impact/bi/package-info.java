/**
 * BI tables: dimensions and monthly facts for dashboards, as pure {@code Dataset<Row> ->
 * Dataset<Row>} steps. Facts are aggregates (month, department, community, participation status),
 * never one person's results: a cell resting on fewer than {@code min_group_size} people keeps its
 * keys and the flag {@code suppressed} with every figure null. {@code dim_employee} is one row per
 * person under a keyed pseudonym with attribute values held by fewer than {@code min_group_size}
 * people generalised, so it can be joined to nothing that names anyone.
 */
package org.sociallearning.impact.bi;
