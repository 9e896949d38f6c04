package org.sociallearning.impact.sample;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Shared state of one generator run: inputs, the planted truth, and what the writers report back.
 */
final class Build {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Slack's export style: 4-space indentation, {@code "key": value}, LF line ends. */
  static final ObjectWriter PRETTY =
      JSON.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("    ", "\n"))
              .withArrayIndenter(new DefaultIndenter("    ", "\n")));

  final GeneratorSettings settings;
  final Timeline timeline;
  final List<Person> people;
  final Participation participation;
  final Path out;
  final SortedMap<String, Integer> records = new TreeMap<>();

  // counts reported by the writers
  int slackUsers;
  int slackChannels;
  int slackDayFiles;
  int slackMessages;
  int slackCommunityInteractions;
  int xapiLines;
  int xapiSocialStatements;
  int incidentRows;
  int incidents;
  int opportunityRows;
  int opportunities;
  int salesforceUsers;

  // quirks reported by the writers
  String slackDuplicateFile;
  String slackDuplicateTs;
  String slackDuplicateUserId;
  String slackBotUserId;
  String slackDeactivatedUserId;
  int xapiInvalidLineNumber;
  String xapiUnknownActorEmail;
  final List<String> incidentsExportedTwice = new ArrayList<>();
  final List<String> unassignedIncidents = new ArrayList<>();
  String badOpenedAtIncident;
  String badOpenedAtValue;
  final List<String> deletedOpportunityIds = new ArrayList<>();
  final List<String> duplicatedOpportunityIds = new ArrayList<>();
  String staleDuplicateOpportunityId;
  String formerSalesUserId;
  String integrationSalesforceUserId;

  Build(
      GeneratorSettings settings,
      Timeline timeline,
      List<Person> people,
      Participation participation,
      Path out) {
    this.settings = settings;
    this.timeline = timeline;
    this.people = people;
    this.participation = participation;
    this.out = out;
  }

  ObjectNode object() {
    return JSON.createObjectNode();
  }

  void record(String relativePath, int count) {
    records.put(relativePath, count);
  }

  void writePretty(String relativePath, JsonNode node) {
    try {
      Path file = out.resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.write(file, PRETTY.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path(String relativePath) {
    return out.resolve(relativePath);
  }

  /** Poisson draw (Knuth), fine for the small means used here. */
  static int poisson(SplittableRandom rng, double mean) {
    double limit = StrictMath.exp(-mean);
    double prod = rng.nextDouble();
    int n = 0;
    while (prod > limit) {
      prod *= rng.nextDouble();
      n++;
    }
    return n;
  }
}
