package org.sociallearning.impact.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

  /** The size other modules' tests use. */
  static final GeneratorSettings SMALL =
      new GeneratorSettings(
          7L,
          250,
          LocalDate.of(2024, 11, 1),
          18,
          LocalDate.of(2026, 5, 1),
          -0.20,
          -0.10,
          0.06,
          1.0,
          1,
          0.0,
          1.0);

  @TempDir Path tmp;

  @Test
  void sameSettingsGiveByteIdenticalFiles() {
    GenerationSummary a = SampleDataGenerator.generate(tmp.resolve("a"), SMALL);
    GenerationSummary b = SampleDataGenerator.generate(tmp.resolve("b"), SMALL);
    Map<String, Path> ta = SampleFiles.tree(tmp.resolve("a"));
    Map<String, Path> tb = SampleFiles.tree(tmp.resolve("b"));
    assertEquals(ta.keySet(), tb.keySet());
    for (String rel : ta.keySet()) {
      assertArrayEquals(SampleFiles.bytes(ta.get(rel)), SampleFiles.bytes(tb.get(rel)), rel);
    }
    assertEquals(a.counts(), b.counts());
    assertEquals(a.joiners(), b.joiners());
    assertEquals(a.quirks(), b.quirks());
    assertEquals(a.recordsPerFile(), b.recordsPerFile());
  }

  @Test
  void differentSeedGivesDifferentFiles() {
    SampleDataGenerator.generate(tmp.resolve("a"), SMALL);
    SampleDataGenerator.generate(tmp.resolve("b"), SMALL.withSeed(8L));
    for (String rel :
        new String[] {
          "roster/workers.csv",
          "servicenow/incident.csv",
          "salesforce/Opportunity.csv",
          "xapi/statements.jsonl",
          "slack/users.json"
        }) {
      assertFalse(
          Arrays.equals(
              SampleFiles.bytes(tmp.resolve("a").resolve(rel)),
              SampleFiles.bytes(tmp.resolve("b").resolve(rel))),
          rel);
    }
  }

  @Test
  void regeneratingOverAnOlderSampleLeavesNoStaleFiles() throws Exception {
    Path dir = tmp.resolve("x");
    SampleDataGenerator.generate(dir, SMALL.withSeed(1L));
    Files.writeString(dir.resolve("README.md"), "not ours");
    SampleDataGenerator.generate(dir, SMALL);
    SampleDataGenerator.generate(tmp.resolve("fresh"), SMALL);
    Map<String, Path> reused = SampleFiles.tree(dir);
    reused.remove("README.md");
    Map<String, Path> fresh = SampleFiles.tree(tmp.resolve("fresh"));
    assertEquals(fresh.keySet(), reused.keySet());
    for (String rel : fresh.keySet()) {
      assertArrayEquals(SampleFiles.bytes(fresh.get(rel)), SampleFiles.bytes(reused.get(rel)), rel);
    }
    assertEquals(
        "not ours",
        Files.readString(dir.resolve("README.md")),
        "files outside the five folders stay");
  }

  @Test
  void effectsChangeOnlyTheOutcomesOfTreatedRecords() {
    GenerationSummary with = SampleDataGenerator.generate(tmp.resolve("with"), SMALL);
    GenerationSummary without =
        SampleDataGenerator.generate(tmp.resolve("without"), SMALL.withoutEffects());
    for (String rel :
        new String[] {
          "roster/workers.csv",
          "xapi/statements.jsonl",
          "slack/users.json",
          "slack/channels.json",
          "salesforce/User.csv"
        }) {
      assertArrayEquals(
          SampleFiles.bytes(tmp.resolve("with").resolve(rel)),
          SampleFiles.bytes(tmp.resolve("without").resolve(rel)),
          rel);
    }
    assertEquals(with.joiners(), without.joiners());
    assertEquals(0.0, without.effects().ticketLogHours());
    assertEquals(-0.20, with.effects().ticketLogHours());
  }

  @Test
  void rejectsSettingsTheModelCannotHonour() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> SMALL.withMonths(6));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> SMALL.withEmployees(10));
  }
}
