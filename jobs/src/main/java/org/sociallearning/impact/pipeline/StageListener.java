package org.sociallearning.impact.pipeline;

/**
 * Told as each stage of a run starts. The job's own listener does nothing; tests use one to make a
 * named stage fail, as a real fault would, without staging the fault itself.
 */
@FunctionalInterface
public interface StageListener {

  StageListener NONE = stage -> {};

  /** Called with the stage's name ({@code ingest}, {@code identity}, ...) before it runs. */
  void starting(String stage);
}
