package org.sociallearning.impact.sample;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link SampleDataGenerator#generate} wrote, and the ground truth behind it.
 *
 * @param outDir folder the sample was written to
 * @param settings settings used
 * @param recordsPerFile data records per written file, keyed by path relative to outDir with '/'
 *     separators (CSV: rows without header; JSONL: lines; Slack day files: array elements)
 * @param counts headline counts
 * @param employees every roster employee with latent ability and joining truth, in Employee ID
 *     order
 * @param joiners employees who became participants (>= 3 community interactions), in Employee ID
 *     order
 * @param effects the planted causal effects
 * @param quirks where the deliberately broken / tricky records are
 */
public record GenerationSummary(
    Path outDir,
    GeneratorSettings settings,
    SortedMap<String, Integer> recordsPerFile,
    Counts counts,
    List<Employee> employees,
    List<Joiner> joiners,
    PlantedEffects effects,
    Quirks quirks) {

  public GenerationSummary {
    recordsPerFile = Collections.unmodifiableSortedMap(new TreeMap<>(recordsPerFile));
    employees = List.copyOf(employees);
    joiners = List.copyOf(joiners);
  }

  /**
   * Headline counts.
   *
   * @param slackMessages every element of every day file (user, system and bot messages, incl. the
   *     planted duplicate)
   * @param slackCommunityInteractions user messages (posts and thread replies) in community
   *     channels, counted once
   * @param xapiLines lines in statements.jsonl, including the invalid one
   * @param xapiSocialStatements social-verb statements on community activities (incl. "joined")
   * @param incidentRows data rows in incident.csv (incl. duplicates and the bad row)
   * @param incidents distinct incident numbers
   * @param opportunityRows data rows in Opportunity.csv (incl. duplicates and soft-deleted rows)
   * @param opportunities distinct, not deleted opportunity ids
   */
  public record Counts(
      int employees,
      int joiners,
      int slackUsers,
      int slackChannels,
      int slackDayFiles,
      int slackMessages,
      int slackCommunityInteractions,
      int xapiLines,
      int xapiSocialStatements,
      int incidentRows,
      int incidents,
      int opportunityRows,
      int opportunities,
      int salesforceUsers) {}

  /**
   * One roster employee.
   *
   * @param role SERVICE_DESK (handles tickets), SALES (owns opportunities), MANAGER or OTHER
   * @param ability latent ability a_i ~ N(0,1), drives both joining and outcomes
   * @param joinMonth month of the first community interaction, null for non-joiners
   * @param slackUserId null when the employee has no Slack account
   * @param salesforceUserId null unless in sales
   */
  public record Employee(
      String employeeId,
      String name,
      String email,
      String role,
      String department,
      String title,
      String location,
      LocalDate hireDate,
      double ability,
      boolean joined,
      YearMonth joinMonth,
      String slackUserId,
      String salesforceUserId) {}

  /**
   * A participant.
   *
   * @param firstInteractionMonth UTC month of the first community interaction (= treatment start)
   * @param monthIndex the same month as 0-based index into the window
   * @param firstInteraction instant of the first community interaction
   * @param medium "slack" or "xapi" (where the join-month interactions happened)
   * @param interactionsInJoinMonth community interactions in the join month (>= 3)
   * @param interactionsTotal community interactions over the whole window
   */
  public record Joiner(
      String employeeId,
      String email,
      YearMonth firstInteractionMonth,
      int monthIndex,
      Instant firstInteraction,
      String medium,
      int interactionsInJoinMonth,
      int interactionsTotal) {}

  /**
   * The planted effects: a ticket/opportunity is treated when its owner's join month is on or
   * before the month it was opened/created.
   */
  public record PlantedEffects(
      double ticketLogHours, double salesCycleLogDays, double winRate, double selectionStrength) {}

  /**
   * Planted quirks, so adapter tests can look for them.
   *
   * @param slackDuplicateFile day file (relative path) holding an exact duplicate message
   * @param slackDuplicateTs ts of the duplicated message
   * @param slackDuplicateUserId its author; a non-joiner whose second (and last) community
   *     interaction it is, so a missing de-duplication makes a false participant
   * @param slackBotUserId the bot user in users.json (is_bot, no e-mail)
   * @param slackDeactivatedUserId deleted:true user, not on the roster, with 3 posts in ask-it
   * @param xapiInvalidLineNumber 1-based line number of the truncated JSON line
   * @param xapiUnknownActorEmail mbox (without mailto:) of the contractor not on the roster
   * @param incidentsExportedTwice numbers that appear twice (an older, unresolved row and the newer
   *     one)
   * @param unassignedIncidents numbers with empty assigned_to
   * @param badOpenedAtIncident number of the row with an unparseable opened_at
   * @param badOpenedAtValue the unparseable value
   * @param deletedOpportunityIds ids with IsDeleted=1
   * @param duplicatedOpportunityIds ids with two identical rows
   * @param staleDuplicateOpportunityId id with two different rows (older SystemModstamp, still
   *     open; newer closed)
   * @param formerSalesUserId inactive Salesforce user not on the roster who owns opportunities
   * @param integrationSalesforceUserId Salesforce user without a person behind it (CreatedById of
   *     some rows)
   */
  public record Quirks(
      String slackDuplicateFile,
      String slackDuplicateTs,
      String slackDuplicateUserId,
      String slackBotUserId,
      String slackDeactivatedUserId,
      int xapiInvalidLineNumber,
      String xapiUnknownActorEmail,
      List<String> incidentsExportedTwice,
      List<String> unassignedIncidents,
      String badOpenedAtIncident,
      String badOpenedAtValue,
      List<String> deletedOpportunityIds,
      List<String> duplicatedOpportunityIds,
      String staleDuplicateOpportunityId,
      String formerSalesUserId,
      String integrationSalesforceUserId) {
    public Quirks {
      incidentsExportedTwice = List.copyOf(incidentsExportedTwice);
      unassignedIncidents = List.copyOf(unassignedIncidents);
      deletedOpportunityIds = List.copyOf(deletedOpportunityIds);
      duplicatedOpportunityIds = List.copyOf(duplicatedOpportunityIds);
    }
  }

  /** Employee ID -> join month, for the joiners only (ordered by Employee ID). */
  public Map<String, YearMonth> joinMonths() {
    Map<String, YearMonth> m = new LinkedHashMap<>();
    for (Joiner j : joiners) {
      m.put(j.employeeId(), j.firstInteractionMonth());
    }
    return m;
  }

  /** Human-readable report (what main prints). */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append("Sample data written to ").append(outDir.toAbsolutePath().normalize()).append('\n');
    b.append(
        String.format(
            "  seed %d, %d employees, %s .. %d months, as of %s%n",
            settings.seed(),
            settings.employees(),
            settings.start(),
            settings.months(),
            settings.asOf()));
    b.append(
        String.format(
            "  planted effects: ln(hours) %+.2f, ln(days) %+.2f, win rate %+.2f, selection %.2f%n",
            effects.ticketLogHours(),
            effects.salesCycleLogDays(),
            effects.winRate(),
            effects.selectionStrength()));
    b.append(String.format("  employees %d, joiners %d%n", counts.employees(), counts.joiners()));
    b.append(
        String.format(
            "  slack: %d users, %d channels, %d day files, %d messages (%d community interactions)%n",
            counts.slackUsers(),
            counts.slackChannels(),
            counts.slackDayFiles(),
            counts.slackMessages(),
            counts.slackCommunityInteractions()));
    b.append(
        String.format(
            "  xapi: %d lines (%d social statements)%n",
            counts.xapiLines(), counts.xapiSocialStatements()));
    b.append(
        String.format(
            "  servicenow: %d rows, %d incidents%n", counts.incidentRows(), counts.incidents()));
    b.append(
        String.format(
            "  salesforce: %d opportunity rows, %d live opportunities, %d users%n",
            counts.opportunityRows(), counts.opportunities(), counts.salesforceUsers()));
    b.append("  files:\n");
    Map<String, Integer> shown = new TreeMap<>();
    int dayFiles = 0;
    int dayRecords = 0;
    for (Map.Entry<String, Integer> e : recordsPerFile.entrySet()) {
      String k = e.getKey();
      if (k.startsWith("slack/") && k.chars().filter(c -> c == '/').count() == 2) {
        dayFiles++;
        dayRecords += e.getValue();
      } else {
        shown.put(k, e.getValue());
      }
    }
    shown.forEach((k, v) -> b.append(String.format("    %-32s %7d records%n", k, v)));
    b.append(
        String.format(
            "    %-32s %7d records in %d files%n",
            "slack/<channel>/<day>.json", dayRecords, dayFiles));
    b.append("  planted quirks:\n");
    b.append("    slack duplicate message      ")
        .append(quirks.slackDuplicateFile())
        .append(" ts ")
        .append(quirks.slackDuplicateTs())
        .append(" by ")
        .append(quirks.slackDuplicateUserId())
        .append('\n');
    b.append("    slack bot / deleted user     ")
        .append(quirks.slackBotUserId())
        .append(" / ")
        .append(quirks.slackDeactivatedUserId())
        .append('\n');
    b.append("    xapi truncated line          ")
        .append(quirks.xapiInvalidLineNumber())
        .append('\n');
    b.append("    xapi unknown actor           ")
        .append(quirks.xapiUnknownActorEmail())
        .append('\n');
    b.append("    incidents exported twice     ")
        .append(abbreviate(quirks.incidentsExportedTwice()))
        .append('\n');
    b.append("    unassigned incidents         ")
        .append(abbreviate(quirks.unassignedIncidents()))
        .append('\n');
    b.append("    unparseable opened_at        ")
        .append(quirks.badOpenedAtIncident())
        .append(" = \"")
        .append(quirks.badOpenedAtValue())
        .append("\"\n");
    b.append("    soft-deleted opportunities   ")
        .append(abbreviate(quirks.deletedOpportunityIds()))
        .append('\n');
    b.append("    opportunities exported twice ")
        .append(quirks.duplicatedOpportunityIds())
        .append(" (identical), ")
        .append(quirks.staleDuplicateOpportunityId())
        .append(" (older open version)\n");
    b.append("    salesforce users w/o person  ")
        .append(quirks.formerSalesUserId())
        .append(" (inactive former rep), ")
        .append(quirks.integrationSalesforceUserId())
        .append(" (integration)\n");
    return b.toString();
  }

  private static String abbreviate(List<String> values) {
    if (values.size() <= 6) {
      return values.toString();
    }
    return values.subList(0, 5) + " ... (" + values.size() + " in all)";
  }
}
