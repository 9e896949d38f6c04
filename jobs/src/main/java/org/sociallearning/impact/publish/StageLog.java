package org.sociallearning.impact.publish;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints one progress line per stage (stage, rows in/out, seconds) and keeps them for the manifest.
 */
public final class StageLog {

  /** One finished stage. Row counts are -1 where a stage has no rows to count. */
  public record Stage(String name, long rowsIn, long rowsOut, double seconds) {}

  private final PrintStream out;
  private final List<Stage> stages = new ArrayList<>();
  private RunLog structured = RunLog.none();

  public StageLog(PrintStream out) {
    this.out = out;
  }

  /** Also writes each finished stage as a JSON line to {@code log}. */
  public void alsoTo(RunLog log) {
    this.structured = log;
  }

  /** Starts timing a stage; the returned timer prints and records it when finished. */
  public Timer start() {
    return new Timer(System.nanoTime());
  }

  /** A running stage. */
  public final class Timer {
    private final long startedNanos;

    private Timer(long startedNanos) {
      this.startedNanos = startedNanos;
    }

    /** Ends the stage: one progress line and one manifest entry. */
    public void finish(String name, long rowsIn, long rowsOut) {
      record(name, startedNanos, rowsIn, rowsOut);
    }
  }

  private void record(String name, long startedNanos, long rowsIn, long rowsOut) {
    Stage stage = new Stage(name, rowsIn, rowsOut, (System.nanoTime() - startedNanos) / 1e9);
    stages.add(stage);
    out.println(
        String.format(
            Locale.ROOT,
            "stage %-28s in %9s  out %9s  %7.2f s",
            name,
            rowsIn < 0 ? "-" : Long.toString(rowsIn),
            rowsOut < 0 ? "-" : Long.toString(rowsOut),
            stage.seconds()));
    out.flush();
    structured.stage(stage);
  }

  /** A warning the person watching the run must see, on its own line. */
  public void warn(String message) {
    out.println("WARNING: " + message);
    out.flush();
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }
}
