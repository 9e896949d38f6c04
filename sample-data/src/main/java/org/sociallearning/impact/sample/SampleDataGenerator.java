package org.sociallearning.impact.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Generates a synthetic company's exports (HR roster, Slack, xAPI, ServiceNow, Salesforce) with a
 * planted causal effect of joining a community of practice, plus the pipeline.yaml that points the
 * nightly job at them.
 *
 * <p>Deterministic: the same settings give byte-identical files. {@link #generate} replaces the
 * folders roster/, slack/, xapi/, servicenow/, salesforce/ and the file pipeline.yaml under the
 * output folder and touches nothing else.
 */
public final class SampleDataGenerator {

  /** Folders owned (and replaced) by the generator. */
  public static final List<String> OUTPUT_FOLDERS =
      List.of("roster", "slack", "xapi", "servicenow", "salesforce");

  private SampleDataGenerator() {}

  public static GenerationSummary generate(Path outDir, GeneratorSettings s) {
    try {
      Files.createDirectories(outDir);
      for (String folder : OUTPUT_FOLDERS) {
        deleteRecursively(outDir.resolve(folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SplittableRandom master = new SplittableRandom(s.seed());
    SplittableRandom peopleRng = master.split();
    SplittableRandom participationRng = master.split();
    SplittableRandom slackRng = master.split();
    SplittableRandom xapiRng = master.split();
    SplittableRandom serviceNowRng = master.split();
    SplittableRandom salesforceRng = master.split();

    Timeline timeline = new Timeline(s);
    List<Person> people = Population.build(s, timeline, peopleRng);
    Participation participation = Participation.plan(people, timeline, participationRng);
    Build b = new Build(s, timeline, people, participation, outDir);

    RosterExport.write(b);
    new SlackExport(b, slackRng).write();
    new XapiExport(b, xapiRng).write();
    new ServiceNowExport(b, serviceNowRng).write();
    new SalesforceExport(b, salesforceRng).write();
    writePipelineYaml(b);
    return summarize(b);
  }

  static String pipelineYaml(GeneratorSettings s) {
    return "# Nightly impact job on the embedded sample data (written by SampleDataGenerator).\n"
        + "as_of: "
        + s.asOf()
        + "\n"
        + "output: ../out\n"
        + "sources:\n"
        + "  roster:\n"
        + "    format: hr-csv\n"
        + "    path: roster/workers.csv\n"
        + "    columns: {employee_id: Employee ID, name: Worker, email: Work Email, job_title: Business Title,\n"
        + "              department: Supervisory Organization, location: Location, hire_date: Hire Date,\n"
        + "              manager_id: Manager Employee ID}\n"
        + "    date_format: MM/dd/yyyy\n"
        + "  forum:        [{format: slack-export, path: slack/}]\n"
        + "  learning:     [{format: xapi-jsonl, path: xapi/statements.jsonl}]\n"
        + "  service_desk: [{format: servicenow-csv, path: servicenow/incident.csv, timezone: \"-06:00\"}]\n"
        + "  crm:          [{format: salesforce-csv, path: salesforce/Opportunity.csv, users: salesforce/User.csv}]\n"
        + "value: {loaded_hourly_cost: 55, gross_margin: 0.35, program_cost: 120000, currency: EUR,\n"
        + "        minutes_per_interaction: 10}\n"
        + "participation:\n"
        + "  communities: [\"ask-*\", \"cop-*\", \"guild-*\"]\n"
        + "  min_interactions: 3\n";
  }

  private static void writePipelineYaml(Build b) {
    try {
      Files.writeString(b.path("pipeline.yaml"), pipelineYaml(b.settings), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GenerationSummary summarize(Build b) {
    Timeline t = b.timeline;
    List<GenerationSummary.Employee> employees = new ArrayList<>();
    List<GenerationSummary.Joiner> joiners = new ArrayList<>();
    for (Person p : b.people) {
      YearMonth joinMonth = p.joiner ? t.yearMonth(p.joinMonth) : null;
      employees.add(
          new GenerationSummary.Employee(
              p.id,
              p.name,
              p.email,
              p.role.name(),
              p.department,
              p.title,
              p.location,
              p.hireDate,
              p.ability,
              p.joiner,
              joinMonth,
              p.slackId,
              p.salesforceUserId));
      if (!p.joiner) {
        continue;
      }
      List<Participation.Interaction> mine = new ArrayList<>();
      for (Participation.Interaction i : b.participation.interactions) {
        if (i.person() == p) {
          mine.add(i);
        }
      }
      mine.sort(Comparator.comparing(Participation.Interaction::at));
      int inJoinMonth = 0;
      for (Participation.Interaction i : mine) {
        if (t.monthIndex(i.at()) == p.joinMonth) {
          inJoinMonth++;
        }
      }
      joiners.add(
          new GenerationSummary.Joiner(
              p.id,
              p.email,
              joinMonth,
              p.joinMonth,
              mine.get(0).at(),
              p.medium == Person.Medium.XAPI ? "xapi" : "slack",
              inJoinMonth,
              mine.size()));
    }
    GenerationSummary.Counts counts =
        new GenerationSummary.Counts(
            b.people.size(),
            joiners.size(),
            b.slackUsers,
            b.slackChannels,
            b.slackDayFiles,
            b.slackMessages,
            b.slackCommunityInteractions,
            b.xapiLines,
            b.xapiSocialStatements,
            b.incidentRows,
            b.incidents,
            b.opportunityRows,
            b.opportunities,
            b.salesforceUsers);
    GenerationSummary.PlantedEffects effects =
        new GenerationSummary.PlantedEffects(
            b.settings.ticketEffect(),
            b.settings.salesCycleEffect(),
            b.settings.winRateEffect(),
            b.settings.selectionStrength());
    GenerationSummary.Quirks quirks =
        new GenerationSummary.Quirks(
            b.slackDuplicateFile,
            b.slackDuplicateTs,
            b.slackDuplicateUserId,
            b.slackBotUserId,
            b.slackDeactivatedUserId,
            b.xapiInvalidLineNumber,
            b.xapiUnknownActorEmail,
            b.incidentsExportedTwice,
            b.unassignedIncidents,
            b.badOpenedAtIncident,
            b.badOpenedAtValue,
            b.deletedOpportunityIds,
            b.duplicatedOpportunityIds,
            b.staleDuplicateOpportunityId,
            b.formerSalesUserId,
            b.integrationSalesforceUserId);
    b.records.put("pipeline.yaml", 1);
    return new GenerationSummary(
        b.out, b.settings, b.records, counts, employees, joiners, effects, quirks);
  }

  /** Deletes {@code dir} and everything below it; nothing happens when it does not exist. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = new ArrayList<>(walk.toList());
    }
    paths.sort(Comparator.reverseOrder());
    for (Path p : paths) {
      Files.delete(p);
    }
  }

  public static void main(String[] args) {
    Path out = Paths.get("sample-data");
    GeneratorSettings s = GeneratorSettings.sample();
    boolean noEffect = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed":
          s = s.withSeed(Long.parseLong(requireValue(args, ++i, "--seed")));
          break;
        case "--employees":
          s = s.withEmployees(Integer.parseInt(requireValue(args, ++i, "--employees")));
          break;
        case "--scale":
          s = GeneratorSettings.atScale(Double.parseDouble(requireValue(args, ++i, "--scale")));
          break;
        case "--no-effect":
          noEffect = true;
          break;
        case "--months":
          s = s.withMonths(Integer.parseInt(requireValue(args, ++i, "--months")));
          break;
        case "--work-volume":
          s = s.withWorkVolume(Integer.parseInt(requireValue(args, ++i, "--work-volume")));
          break;
        case "--unrelated-gains":
          s =
              s.withUnrelatedGains(
                  Double.parseDouble(requireValue(args, ++i, "--unrelated-gains")));
          break;
        case "--new-hires":
          s = withNewHires(s, requireValue(args, ++i, "--new-hires"));
          break;
        case "-h":
        case "--help":
          System.out.println(
              "usage: SampleDataGenerator [outDir] [--scale S] [--seed N] [--employees N]"
                  + " [--months N] [--work-volume N] [--no-effect] [--unrelated-gains SHIFT]"
                  + " [--new-hires SHARE[,CURVE[,TENURED_JOINING]]]");
          return;
        default:
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + args[i]);
          }
          out = Paths.get(args[i]);
      }
    }
    if (noEffect) {
      s = s.withoutEffects();
    }
    GenerationSummary summary = generate(out, s);
    System.out.print(summary.describe());
  }

  /** Learning curve of {@code --new-hires SHARE} without a curve: ln(duration) +0.4 at hiring. */
  static final double DEFAULT_LEARNING_CURVE = 0.4;

  /** {@code SHARE[,CURVE]}, e.g. {@code 0.33,0.5}. */
  static GeneratorSettings withNewHires(GeneratorSettings s, String value) {
    String[] parts = value.split(",", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException(
          "--new-hires takes SHARE[,CURVE[,TENURED_JOINING]], was " + value);
    }
    double curve = parts.length >= 2 ? Double.parseDouble(parts[1]) : DEFAULT_LEARNING_CURVE;
    double tenured =
        parts.length == 3 ? Double.parseDouble(parts[2]) : NewHires.TENURED_JOINER_SHARE;
    return s.withNewHires(Double.parseDouble(parts[0]), curve, tenured);
  }

  private static String requireValue(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
