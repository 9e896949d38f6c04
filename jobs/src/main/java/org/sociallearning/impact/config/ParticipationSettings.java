package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What counts as taking part in social learning.
 *
 * @param communities glob patterns of channel/group names that are communities of practice
 * @param minInteractions interactions needed to count as a participant
 * @param socialVerbs xAPI verbs (last segment of the verb IRI) that are social learning
 */
public record ParticipationSettings(
    @JsonProperty("communities") List<String> communities,
    @JsonProperty("min_interactions") Integer minInteractions,
    @JsonProperty("social_verbs") List<String> socialVerbs) {

  public static final List<String> DEFAULT_SOCIAL_VERBS =
      List.of("commented", "shared", "posted", "replied", "join", "joined", "asked", "responded");

  public ParticipationSettings {
    communities = communities == null ? List.of() : List.copyOf(communities);
    minInteractions = minInteractions == null ? 3 : minInteractions;
    socialVerbs = socialVerbs == null ? DEFAULT_SOCIAL_VERBS : List.copyOf(socialVerbs);
  }

  public static ParticipationSettings defaults() {
    return new ParticipationSettings(null, null, null);
  }
}
