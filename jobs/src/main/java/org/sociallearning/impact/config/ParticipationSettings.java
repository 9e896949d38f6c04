package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What counts as taking part in social learning, and from when.
 *
 * @param communities glob patterns of channel/group names that are communities of practice
 * @param minInteractions interactions needed to count as a participant
 * @param windowDays the interactions must fall within this many days (null: no window, so the date
 *     of the {@code minInteractions}-th interaction)
 * @param socialVerbs xAPI verbs (last segment of the verb IRI) that are social learning
 * @param triedIt what to do with people who interacted, but fewer times than the rule asks: {@code
 *     exclude} (in neither group) or {@code compare} (in the comparison group)
 * @param profileMonths months after the participation date that describe a participant (intensity
 *     tier, primary community)
 */
public record ParticipationSettings(
    @JsonProperty("communities") List<String> communities,
    @JsonProperty("min_interactions") Integer minInteractions,
    @JsonProperty("window_days") Integer windowDays,
    @JsonProperty("social_verbs") List<String> socialVerbs,
    @JsonProperty("tried_it") String triedIt,
    @JsonProperty("profile_months") Integer profileMonths) {

  public static final List<String> DEFAULT_SOCIAL_VERBS =
      List.of("commented", "shared", "posted", "replied", "join", "joined", "asked", "responded");

  /** People below the threshold are in neither group. */
  public static final String TRIED_IT_EXCLUDE = "exclude";

  /** People below the threshold are compared with, as never-participants. */
  public static final String TRIED_IT_COMPARE = "compare";

  public ParticipationSettings {
    communities = communities == null ? List.of() : List.copyOf(communities);
    minInteractions = minInteractions == null ? 3 : minInteractions;
    socialVerbs = socialVerbs == null ? DEFAULT_SOCIAL_VERBS : List.copyOf(socialVerbs);
    triedIt = triedIt == null ? TRIED_IT_EXCLUDE : triedIt;
    profileMonths = profileMonths == null ? 3 : profileMonths;
  }

  /** The earlier constructor's keys, everything new at its default. */
  public ParticipationSettings(
      List<String> communities, Integer minInteractions, List<String> socialVerbs) {
    this(communities, minInteractions, null, socialVerbs, null, null);
  }

  public static ParticipationSettings defaults() {
    return new ParticipationSettings(null, null, null, null, null, null);
  }

  /** Whether people who tried it sit in the comparison group. */
  public boolean comparesTriedIt() {
    return TRIED_IT_COMPARE.equals(triedIt);
  }
}
