package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The YAML document exactly as written; {@link ConfigLoader} validates it into a PipelineConfig.
 */
record RawConfig(
    @JsonProperty("as_of") String asOf,
    @JsonProperty("output") OutputSettings output,
    @JsonProperty("sources") Sources sources,
    @JsonProperty("participation") ParticipationSettings participation,
    @JsonProperty("estimation") EstimationSettings estimation,
    @JsonProperty("value") org.sociallearning.impact.config.ValueSettings value,
    @JsonProperty("privacy") PrivacySettings privacy,
    @JsonProperty("input_roots") java.util.List<String> inputRoots,
    @JsonProperty("identity") IdentitySettings identity,
    @JsonProperty("quality") QualitySettings quality,
    @JsonProperty("report") ReportSettings report) {}
