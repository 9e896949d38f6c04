package org.sociallearning.impact.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Sums what Spark's tasks did: jobs, tasks, spills to memory and disk, shuffle and input bytes. */
final class SparkWorkListener extends SparkListener {

  final AtomicLong jobs = new AtomicLong();
  final AtomicLong tasks = new AtomicLong();
  final AtomicLong memorySpilled = new AtomicLong();
  final AtomicLong diskSpilled = new AtomicLong();
  final AtomicLong shuffleWritten = new AtomicLong();
  final AtomicLong inputBytes = new AtomicLong();
  final AtomicLong peakExecutionMemory = new AtomicLong();

  /** When each job started (epoch milliseconds), to tell which stage of the job ran it. */
  final java.util.List<Long> jobStarts =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
    jobStarts.add(jobStart.time());
  }

  /** Jobs started in the window ({@code fromMillis}, {@code toMillis}]. */
  long jobsStartedBetween(long fromMillis, long toMillis) {
    synchronized (jobStarts) {
      return jobStarts.stream().filter(t -> t > fromMillis && t <= toMillis).count();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    tasks.incrementAndGet();
    TaskMetrics m = taskEnd.taskMetrics();
    if (m == null) {
      return;
    }
    memorySpilled.addAndGet(m.memoryBytesSpilled());
    diskSpilled.addAndGet(m.diskBytesSpilled());
    shuffleWritten.addAndGet(m.shuffleWriteMetrics().bytesWritten());
    inputBytes.addAndGet(m.inputMetrics().bytesRead());
    peakExecutionMemory.accumulateAndGet(m.peakExecutionMemory(), Math::max);
  }
}
