package org.sociallearning.impact.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.Fixtures;
import org.sociallearning.impact.TestSpark;

class SocialLearningParticipationTest {

  static final StructType FORUM =
      new StructType()
          .add("employee_id", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("occurred_at", DataTypes.TimestampType)
          .add("is_interaction", DataTypes.BooleanType);
  static final StructType LEARNING =
      new StructType()
          .add("employee_id", DataTypes.StringType)
          .add("occurred_at", DataTypes.TimestampType)
          .add("is_social", DataTypes.BooleanType);

  static Row forum(String who, String channel, String at, boolean interaction) {
    return RowFactory.create(who, channel, Timestamp.from(Instant.parse(at)), interaction);
  }

  static Row lms(String who, String at, boolean social) {
    return RowFactory.create(who, Timestamp.from(Instant.parse(at)), social);
  }

  @Test
  void onlyCommunityInteractionsAndSocialVerbsCountTowardsTheThreshold() {
    Dataset<Row> forum =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    // E1: 3 community interactions from March: a participant from March.
                    forum("E1", "ask-it", "2025-03-30T23:00:00Z", true),
                    forum("E1", "cop-data", "2025-04-02T10:00:00Z", true),
                    forum("E1", "ask-it", "2025-05-02T10:00:00Z", true),
                    // E2: lots of chat, but in general and as channel joins: not social learning.
                    forum("E2", "general", "2025-03-01T10:00:00Z", true),
                    forum("E2", "general", "2025-03-02T10:00:00Z", true),
                    forum("E2", "ask-it", "2025-03-03T10:00:00Z", false),
                    forum("E2", "ask-it", "2025-03-04T10:00:00Z", false),
                    forum("E2", "ask-it", "2025-03-05T10:00:00Z", true),
                    // E3: two in Slack, one social xAPI verb: a participant; a formal completion
                    // does not count.
                    forum("E3", "cop-data", "2025-06-10T10:00:00Z", true),
                    forum("E3", "cop-data", "2025-06-11T10:00:00Z", true),
                    // E4: the third interaction is after as_of.
                    forum("E4", "ask-it", "2025-06-10T10:00:00Z", true),
                    forum("E4", "ask-it", "2025-06-11T10:00:00Z", true),
                    forum("E4", "ask-it", "2026-11-02T00:00:00Z", true),
                    // Unmatched people never become participants.
                    forum(null, "ask-it", "2025-06-10T10:00:00Z", true)),
                FORUM);
    Dataset<Row> learning =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    lms("E3", "2025-05-20T10:00:00Z", true),
                    lms("E2", "2025-03-01T10:00:00Z", false),
                    lms("E2", "2025-03-01T11:00:00Z", false)),
                LEARNING);

    Dataset<Row> interactions =
        SocialLearningParticipation.interactions(
            forum, learning, List.of("ask-*", "cop-*"), LocalDate.of(2026, 11, 1));
    Dataset<Row> participants = SocialLearningParticipation.participants(interactions, 3, null);
    Map<String, Map<String, Object>> p =
        Fixtures.byKey(participants.collectAsList(), "employee_id");

    assertEquals(List.of("E1", "E3"), List.copyOf(p.keySet()));
    assertEquals(
        ts("2025-05-02T10:00:00Z"),
        p.get("E1").get("participated_at"),
        "a participant from the day the third interaction made them one");
    assertEquals(
        Date.valueOf("2025-05-01"),
        p.get("E1").get("cohort_month"),
        "the cohort is the month of the third interaction, not of the first");
    assertEquals(ts("2025-03-30T23:00:00Z"), p.get("E1").get("first_interaction_at"));
    assertEquals(
        Date.valueOf("2025-06-01"),
        p.get("E3").get("cohort_month"),
        "an LMS social verb counts towards the rule");
    Map<String, Map<String, Object>> tried =
        Fixtures.byKey(
            SocialLearningParticipation.triedIt(interactions, participants).collectAsList(),
            "employee_id");
    assertEquals(
        List.of("E2", "E4"),
        List.copyOf(tried.keySet()),
        "one or two interactions: tried it, in neither group by default");
    assertEquals(2L, tried.get("E4").get("interactions"), "the third is after as_of");
  }

  @Test
  void aWindowNeedsTheInteractionsCloseTogether() {
    Dataset<Row> interactions =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    // Spread over three months: never three within 30 days.
                    interaction("spread", "2025-01-05T10:00:00Z"),
                    interaction("spread", "2025-02-10T10:00:00Z"),
                    interaction("spread", "2025-03-20T10:00:00Z"),
                    // Two early ones too far apart, then three within 30 days from April 20 to May
                    // 15.
                    interaction("later", "2025-01-05T10:00:00Z"),
                    interaction("later", "2025-04-20T10:00:00Z"),
                    interaction("later", "2025-05-01T10:00:00Z"),
                    interaction("later", "2025-05-15T10:00:00Z"),
                    // Three at the same instant count at that instant.
                    interaction("burst", "2025-06-01T10:00:00Z"),
                    interaction("burst", "2025-06-01T10:00:00Z"),
                    interaction("burst", "2025-06-01T10:00:00Z")),
                INTERACTIONS);
    Map<String, Map<String, Object>> windowed =
        Fixtures.byKey(
            SocialLearningParticipation.participants(interactions, 3, 30).collectAsList(),
            "employee_id");
    assertEquals(List.of("burst", "later"), List.copyOf(windowed.keySet()));
    assertEquals(ts("2025-05-15T10:00:00Z"), windowed.get("later").get("participated_at"));
    assertEquals(ts("2025-06-01T10:00:00Z"), windowed.get("burst").get("participated_at"));
    Map<String, Map<String, Object>> unwindowed =
        Fixtures.byKey(
            SocialLearningParticipation.participants(interactions, 3, null).collectAsList(),
            "employee_id");
    assertEquals(ts("2025-03-20T10:00:00Z"), unwindowed.get("spread").get("participated_at"));
    assertEquals(
        ts("2025-05-01T10:00:00Z"),
        unwindowed.get("later").get("participated_at"),
        "without a window: the third interaction, however far from the first");
  }

  /**
   * The promise behind "participation is known when it happens": computed at a later as_of, with
   * months of further activity (or none), nobody who was a participant earlier changes cohort or
   * participation date, nobody stops being one, and nobody who becomes one later is dated back to
   * before the earlier as_of.
   */
  @Test
  void aLaterAsOfNeverMovesAnEarlierParticipantsCohort() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
    List<Row> rows = new java.util.ArrayList<>();
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    for (int person = 0; person < 300; person++) {
      // 0 to 7 interactions, bunched within four months somewhere in two years.
      int n = rng.nextInt(8);
      long base = rng.nextLong(600L * 86_400);
      for (int k = 0; k < n; k++) {
        rows.add(
            interaction(
                "E" + person, start.plusSeconds(base + rng.nextLong(120L * 86_400)).toString()));
      }
    }
    Dataset<Row> forum =
        TestSpark.session()
            .createDataFrame(
                rows.stream()
                    .map(r -> RowFactory.create(r.get(0), r.get(1), r.get(2), true))
                    .toList(),
                FORUM);
    Dataset<Row> noLearning = TestSpark.session().createDataFrame(List.<Row>of(), LEARNING);
    for (Integer window : java.util.Arrays.asList(null, 45)) {
      Map<String, Map<String, Object>> early =
          Fixtures.byKey(
              SocialLearningParticipation.participants(
                      SocialLearningParticipation.interactions(
                          forum, noLearning, List.of("ask-*"), LocalDate.of(2025, 9, 30)),
                      3,
                      window)
                  .collectAsList(),
              "employee_id");
      Map<String, Map<String, Object>> late =
          Fixtures.byKey(
              SocialLearningParticipation.participants(
                      SocialLearningParticipation.interactions(
                          forum, noLearning, List.of("ask-*"), LocalDate.of(2026, 11, 30)),
                      3,
                      window)
                  .collectAsList(),
              "employee_id");
      assertTrue(
          early.size() > 30 && late.size() > early.size(),
          "people keep joining: " + early.size() + " then " + late.size());
      for (Map.Entry<String, Map<String, Object>> e : early.entrySet()) {
        Map<String, Object> later = late.get(e.getKey());
        assertNotNull(later, e.getKey() + " stopped being a participant (window " + window + ")");
        assertEquals(e.getValue().get("cohort_month"), later.get("cohort_month"), e.getKey());
        assertEquals(e.getValue().get("participated_at"), later.get("participated_at"));
      }
      // Nor does anyone become a participant, later, as of a date that was already past.
      for (Map.Entry<String, Map<String, Object>> e : late.entrySet()) {
        if (!early.containsKey(e.getKey())) {
          Timestamp at = (Timestamp) e.getValue().get("participated_at");
          assertTrue(
              at.after(ts("2025-10-01T00:00:00Z")),
              e.getKey()
                  + " joined after 2025-09-30"
                  + " but is dated back to "
                  + at
                  + " (window "
                  + window
                  + ")");
        }
      }
    }
  }

  static final StructType INTERACTIONS =
      new StructType()
          .add("employee_id", DataTypes.StringType)
          .add("community", DataTypes.StringType)
          .add("occurred_at", DataTypes.TimestampType);

  static Row interaction(String who, String at) {
    return RowFactory.create(who, "ask-it", ts(at));
  }

  static Row interaction(String who, String community, String at) {
    return RowFactory.create(who, community, ts(at));
  }

  @Test
  void theProfileComesFromAFixedWindowAfterTheParticipationDate() {
    StructType participantSchema =
        new StructType()
            .add("employee_id", DataTypes.StringType)
            .add("participated_at", DataTypes.TimestampType);
    Dataset<Row> participants =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    RowFactory.create("light", ts("2025-03-01T00:00:00Z")),
                    RowFactory.create("heavy", ts("2025-03-01T00:00:00Z")),
                    RowFactory.create("recent", ts("2025-11-20T00:00:00Z"))),
                participantSchema);
    List<Row> rows = new java.util.ArrayList<>();
    // light: the three that made them a participant (the third on the day), then one a month.
    rows.add(interaction("light", "cop-data", "2025-02-20T00:00:00Z"));
    rows.add(interaction("light", "cop-data", "2025-02-25T00:00:00Z"));
    rows.add(interaction("light", "ask-it", "2025-03-01T00:00:00Z"));
    rows.add(interaction("light", "ask-it", "2025-04-01T00:00:00Z"));
    // ... and a burst in guild-java long after the window: it changes neither tier nor community.
    for (int d = 10; d < 30; d++) {
      rows.add(interaction("light", "guild-java", "2025-09-" + d + "T00:00:00Z"));
    }
    // heavy: 12 interactions in the three months from joining (4 a month).
    for (int m = 3; m <= 5; m++) {
      for (int d = 10; d < 14; d++) {
        rows.add(interaction("heavy", "guild-java", "2025-0" + m + "-" + d + "T00:00:00Z"));
      }
    }
    rows.add(interaction("recent", "ask-it", "2025-11-20T00:00:00Z"));
    Dataset<Row> interactions = TestSpark.session().createDataFrame(rows, INTERACTIONS);
    Map<String, Map<String, Object>> profile =
        Fixtures.byKey(
            ParticipantProfile.of(participants, interactions, 3, LocalDate.of(2025, 12, 31))
                .collectAsList(),
            "employee_id");
    assertEquals("light", profile.get("light").get("intensity"), "2 in 3 months");
    assertEquals(
        "ask-it",
        profile.get("light").get("community"),
        "two each up to the window's end, ties alphabetically first; the later burst does not"
            + " count");
    assertEquals("heavy", profile.get("heavy").get("intensity"));
    assertEquals("guild-java", profile.get("heavy").get("community"));
    assertNull(profile.get("recent").get("intensity"), "the window is still running at as_of");
    assertNull(profile.get("recent").get("community"));
    assertEquals(ts("2026-02-20T00:00:00Z"), profile.get("recent").get("profile_ends_at"));
    Map<String, Map<String, Object>> aYearLater =
        Fixtures.byKey(
            ParticipantProfile.of(participants, interactions, 3, LocalDate.of(2026, 12, 31))
                .collectAsList(),
            "employee_id");
    assertEquals(profile.get("light"), aYearLater.get("light"), "a known profile never changes");
    assertEquals("light", aYearLater.get("recent").get("intensity"));
  }

  @Test
  void blendedLearningComparesCourseCompletersWhoThenJoinedWithCompletersWhoDidNot() {
    StructType learningSchema =
        new StructType()
            .add("employee_id", DataTypes.StringType)
            .add("verb", DataTypes.StringType)
            .add("occurred_at", DataTypes.TimestampType);
    Dataset<Row> learning =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    RowFactory.create("then-joined", "completed", ts("2025-01-10T00:00:00Z")),
                    RowFactory.create("joined-first", "passed", ts("2025-06-10T00:00:00Z")),
                    RowFactory.create("never-joined", "completed", ts("2025-02-10T00:00:00Z")),
                    RowFactory.create("only-launched", "launched", ts("2025-02-10T00:00:00Z")),
                    RowFactory.create("after-as-of", "completed", ts("2027-01-01T00:00:00Z"))),
                learningSchema);
    StructType participantSchema =
        new StructType()
            .add("employee_id", DataTypes.StringType)
            .add("participated_at", DataTypes.TimestampType);
    Dataset<Row> participants =
        TestSpark.session()
            .createDataFrame(
                List.of(
                    RowFactory.create("then-joined", ts("2025-03-01T00:00:00Z")),
                    RowFactory.create("joined-first", ts("2025-03-01T00:00:00Z"))),
                participantSchema);
    Map<String, Map<String, Object>> blended =
        Fixtures.byKey(
            SocialLearningParticipation.courseThenCommunity(
                    learning, participants, LocalDate.of(2026, 11, 1))
                .collectAsList(),
            "employee_id");
    assertEquals(List.of("never-joined", "then-joined"), List.copyOf(blended.keySet()));
  }

  static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  @Test
  void communityGlobsMatchWholeNamesOnly() {
    String regex = CommunityPatterns.regex(List.of("ask-*", "cop-?x", "guild.java"));
    assertEquals(true, "ask-it".matches(regex));
    assertEquals(false, "team-ask-it".matches(regex));
    assertEquals(true, "cop-1x".matches(regex));
    assertEquals(false, "guild-java".matches(regex), "a dot is literal, not any character");
  }
}
