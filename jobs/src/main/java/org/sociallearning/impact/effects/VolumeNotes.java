package org.sociallearning.impact.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Estimation step: turns the volume diagnostics into notes on the outcomes they concern. A per-item
 * outcome (time to resolve, win rate) averages over the items people handle; when joining changed
 * how many items people take on, it may have changed which items too, so the per-item effect may
 * partly be a change in the mix. Each overall estimate of a per-item metric on the same source then
 * carries a note saying so, with the volume effect.
 */
public final class VolumeNotes {

  private VolumeNotes() {}

  /** The estimates, with the notes added to the overall rows the volume findings concern. */
  public static List<MetricEstimate> attach(List<MetricEstimate> estimates) {
    List<MetricEstimate> out = new ArrayList<>(estimates);
    for (MetricEstimate volume : estimates) {
      if (!volume.metric().isVolume() || !changed(volume)) {
        continue;
      }
      String note = note(volume);
      for (int i = 0; i < out.size(); i++) {
        MetricEstimate e = out.get(i);
        if (!e.metric().isVolume()
            && "all".equals(e.segment())
            && !e.suppressed()
            && e.metric().sourceTable().equals(volume.metric().sourceTable())) {
          out.set(i, e.withWarning(note));
        }
      }
    }
    return out;
  }

  /** Whether the interval of the volume effect leaves out no change. */
  static boolean changed(MetricEstimate volume) {
    return !volume.suppressed() && (volume.ciLow() > 0 || volume.ciHigh() < 0);
  }

  static String note(MetricEstimate volume) {
    boolean tickets = "service_tickets".equals(volume.metric().sourceTable());
    String items = tickets ? "tickets" : "opportunities";
    return String.format(
        Locale.ROOT,
        "joining changed how many %s people take on (%+.2g per"
            + " month, 95%% CI %+.2g to %+.2g): the effect per %s may partly be a change in which"
            + " %s people handle, not only in how they handle them",
        items,
        volume.estimate(),
        volume.ciLow(),
        volume.ciHigh(),
        tickets ? "ticket" : "opportunity",
        items);
  }
}
