package org.sociallearning.impact.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** The configured inputs, grouped by the role they play in the analysis. */
public record Sources(
    @JsonProperty("roster") SourceSpec roster,
    @JsonProperty("forum") List<SourceSpec> forum,
    @JsonProperty("learning") List<SourceSpec> learning,
    @JsonProperty("service_desk") List<SourceSpec> serviceDesk,
    @JsonProperty("crm") List<SourceSpec> crm) {

  public Sources {
    forum = forum == null ? List.of() : List.copyOf(forum);
    learning = learning == null ? List.of() : List.copyOf(learning);
    serviceDesk = serviceDesk == null ? List.of() : List.copyOf(serviceDesk);
    crm = crm == null ? List.of() : List.copyOf(crm);
  }

  /** Every configured source with its role name and config key, roster first. */
  public List<ConfiguredSource> all() {
    List<ConfiguredSource> out = new ArrayList<>();
    out.add(new ConfiguredSource("roster", "sources.roster", roster));
    addAll(out, "forum", forum);
    addAll(out, "learning", learning);
    addAll(out, "service_desk", serviceDesk);
    addAll(out, "crm", crm);
    return out;
  }

  private static void addAll(List<ConfiguredSource> out, String role, List<SourceSpec> specs) {
    for (int i = 0; i < specs.size(); i++) {
      out.add(new ConfiguredSource(role, "sources." + role + "[" + i + "]", specs.get(i)));
    }
  }

  /** A source with the role it plays and the config key that declared it (for messages). */
  public record ConfiguredSource(String role, String key, SourceSpec spec) {

    /**
     * The source's name: its {@code name} in the config, else its config key without {@code
     * sources.} (e.g. {@code service_desk[1]}). Message, ticket and deal ids are keyed by it, so
     * two sources of one format (two Jira sites, two Slack workspaces) never share an id.
     */
    public String name() {
      return spec.name() != null ? spec.name() : key.substring("sources.".length());
    }
  }
}
