package org.sociallearning.impact.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

  static final StructType FORUM = new StructType()
      .add("employee_id", DataTypes.StringType).add("channel", DataTypes.StringType)
      .add("occurred_at", DataTypes.TimestampType).add("is_interaction", DataTypes.BooleanType);
  static final StructType LEARNING = new StructType()
      .add("employee_id", DataTypes.StringType).add("occurred_at", DataTypes.TimestampType)
      .add("is_social", DataTypes.BooleanType);

  static Row forum(String who, String channel, String at, boolean interaction) {
    return RowFactory.create(who, channel, Timestamp.from(Instant.parse(at)), interaction);
  }

  static Row lms(String who, String at, boolean social) {
    return RowFactory.create(who, Timestamp.from(Instant.parse(at)), social);
  }

  @Test
  void onlyCommunityInteractionsAndSocialVerbsCountTowardsTheThreshold() {
    Dataset<Row> forum = TestSpark.session().createDataFrame(List.of(
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
        // E3: two in Slack, one social xAPI verb: a participant; a formal completion does not count.
        forum("E3", "cop-data", "2025-06-10T10:00:00Z", true),
        forum("E3", "cop-data", "2025-06-11T10:00:00Z", true),
        // E4: the third interaction is after as_of.
        forum("E4", "ask-it", "2025-06-10T10:00:00Z", true),
        forum("E4", "ask-it", "2025-06-11T10:00:00Z", true),
        forum("E4", "ask-it", "2026-11-02T00:00:00Z", true),
        // Unmatched people never become participants.
        forum(null, "ask-it", "2025-06-10T10:00:00Z", true)), FORUM);
    Dataset<Row> learning = TestSpark.session().createDataFrame(List.of(
        lms("E3", "2025-05-20T10:00:00Z", true),
        lms("E2", "2025-03-01T10:00:00Z", false),
        lms("E2", "2025-03-01T11:00:00Z", false)), LEARNING);

    Dataset<Row> interactions = SocialLearningParticipation.interactions(forum, learning,
        List.of("ask-*", "cop-*"), LocalDate.of(2026, 11, 1));
    Map<String, Map<String, Object>> p = Fixtures.byKey(
        SocialLearningParticipation.participants(interactions, 3).collectAsList(), "employee_id");

    assertEquals(List.of("E1", "E3"), List.copyOf(p.keySet()));
    assertEquals(Date.valueOf("2025-03-01"), p.get("E1").get("cohort_month"),
        "the cohort is the month of the first interaction, not of the third");
    assertEquals(Date.valueOf("2025-05-01"), p.get("E3").get("cohort_month"),
        "an LMS social verb can be the first interaction");
    assertEquals(3L, p.get("E3").get("interactions"));
  }

  @Test
  void intensityIsInteractionsPerMonthSinceJoiningAndPrimaryCommunityTheMostUsed() {
    StructType schema = new StructType().add("employee_id", DataTypes.StringType)
        .add("first_interaction_at", DataTypes.TimestampType)
        .add("interactions", DataTypes.LongType);
    Timestamp march = Timestamp.from(Instant.parse("2025-03-01T00:00:00Z"));
    // as_of 2025-12-31: ten months since joining.
    Dataset<Row> participants = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("light", march, 5L),
        RowFactory.create("regular", march, 25L),
        RowFactory.create("heavy", march, 45L),
        RowFactory.create("new-and-busy", Timestamp.from(Instant.parse("2025-12-20T00:00:00Z")),
            3L)), schema);
    Map<String, Map<String, Object>> tiers = Fixtures.byKey(SocialLearningParticipation
        .withIntensity(participants, LocalDate.of(2025, 12, 31)).collectAsList(), "employee_id");
    assertEquals("light", tiers.get("light").get("intensity"));
    assertEquals("regular", tiers.get("regular").get("intensity"));
    assertEquals("heavy", tiers.get("heavy").get("intensity"));
    assertEquals("regular", tiers.get("new-and-busy").get("intensity"),
        "under a month counts as one month");

    StructType interactionSchema = new StructType().add("employee_id", DataTypes.StringType)
        .add("community", DataTypes.StringType);
    Dataset<Row> interactions = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("E1", "cop-data"), RowFactory.create("E1", "ask-it"),
        RowFactory.create("E1", "cop-data"), RowFactory.create("E2", "lms"),
        RowFactory.create("E2", "ask-it")), interactionSchema);
    Map<String, Map<String, Object>> primary = Fixtures.byKey(
        SocialLearningParticipation.primaryCommunity(interactions).collectAsList(), "employee_id");
    assertEquals("cop-data", primary.get("E1").get("community"));
    assertEquals("ask-it", primary.get("E2").get("community"), "ties: alphabetically first");
  }

  @Test
  void blendedLearningComparesCourseCompletersWhoThenJoinedWithCompletersWhoDidNot() {
    StructType learningSchema = new StructType().add("employee_id", DataTypes.StringType)
        .add("verb", DataTypes.StringType).add("occurred_at", DataTypes.TimestampType);
    Dataset<Row> learning = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("then-joined", "completed", ts("2025-01-10T00:00:00Z")),
        RowFactory.create("joined-first", "passed", ts("2025-06-10T00:00:00Z")),
        RowFactory.create("never-joined", "completed", ts("2025-02-10T00:00:00Z")),
        RowFactory.create("only-launched", "launched", ts("2025-02-10T00:00:00Z")),
        RowFactory.create("after-as-of", "completed", ts("2027-01-01T00:00:00Z"))), learningSchema);
    StructType participantSchema = new StructType().add("employee_id", DataTypes.StringType)
        .add("first_interaction_at", DataTypes.TimestampType);
    Dataset<Row> participants = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("then-joined", ts("2025-03-01T00:00:00Z")),
        RowFactory.create("joined-first", ts("2025-03-01T00:00:00Z"))), participantSchema);
    Map<String, Map<String, Object>> blended = Fixtures.byKey(SocialLearningParticipation
        .courseThenCommunity(learning, participants, LocalDate.of(2026, 11, 1)).collectAsList(),
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
