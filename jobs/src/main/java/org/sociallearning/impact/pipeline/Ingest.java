package org.sociallearning.impact.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sociallearning.impact.adapters.AdapterRegistry;
import org.sociallearning.impact.config.PipelineConfig;
import org.sociallearning.impact.config.Sources;
import org.sociallearning.impact.ingest.InputException;
import org.sociallearning.impact.ingest.InputFiles;
import org.sociallearning.impact.ingest.Intake;
import org.sociallearning.impact.ingest.SourceIds;
import org.sociallearning.impact.ingest.UnreadableExportException;
import org.sociallearning.impact.publish.StageLog;
import org.sociallearning.impact.quality.TableRules;

/**
 * Stage 1: reads every configured export through its adapter, then checks the table rules
 * (uniqueness, relationships) across sources. An export that cannot be read becomes an input error
 * naming the source; bad rows become quarantine rows.
 */
public final class Ingest {

  private Ingest() {}

  public static Ingested run(StageContext ctx) {
    List<Ingested.SourceIntake> read = new ArrayList<>();
    for (Sources.ConfiguredSource source : ctx.config().sources().all()) {
      StageLog.Timer t = ctx.log().start();
      List<Intake> intakes =
          readSource(ctx, source).stream().map(i -> SourceIds.keyed(i, source.name())).toList();
      intakes.forEach(i -> read.add(new Ingested.SourceIntake(source.key(), i)));
      t.finish(
          "ingest " + source.role() + " (" + source.spec().format() + ")",
          intakes.stream().mapToLong(Intake::read).sum(),
          intakes.stream().mapToLong(Intake::acceptedCount).sum());
    }
    StageLog.Timer t = ctx.log().start();
    List<Intake> before = read.stream().map(Ingested.SourceIntake::intake).toList();
    List<Intake> checked = TableRules.apply(before);
    List<Ingested.SourceIntake> out = new ArrayList<>();
    for (int k = 0; k < read.size(); k++) {
      out.add(new Ingested.SourceIntake(read.get(k).key(), checked.get(k)));
    }
    t.finish(
        "quality rules",
        before.stream().mapToLong(Intake::acceptedCount).sum(),
        checked.stream().mapToLong(Intake::acceptedCount).sum());
    return new Ingested(out);
  }

  private static List<Intake> readSource(StageContext ctx, Sources.ConfiguredSource source) {
    try {
      return AdapterRegistry.forFormat(source.spec().format())
          .readAll(ctx.spark(), ctx.config(), source);
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw new InputException(source.key() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      Throwable unreadable = unreadable(e);
      if (unreadable != null) {
        throw new InputException(source.key() + ": " + unreadable.getMessage(), e);
      }
      throw e;
    }
  }

  private static Throwable unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnreadableExportException) {
        return t;
      }
    }
    return null;
  }

  /** Every file the configured sources name (paths, folders and patterns expanded, companions). */
  public static List<Path> inputFiles(PipelineConfig config) {
    List<Path> files = new ArrayList<>();
    for (Sources.ConfiguredSource source : config.sources().all()) {
      List<String> paths = new ArrayList<>(source.spec().companionFiles().values());
      paths.add(0, source.spec().path());
      for (String path : paths) {
        files.addAll(InputFiles.list(config.resolve(path), "**"));
      }
    }
    return files;
  }
}
