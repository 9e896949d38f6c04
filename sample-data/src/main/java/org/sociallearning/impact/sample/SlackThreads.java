package org.sociallearning.impact.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Arranges one channel's drawn messages as Slack shows them: in time order with unique {@code ts},
 * some messages replies in the thread of a recent message by someone else (more often in community
 * channels), and every message's text.
 */
final class SlackThreads {

  private SlackThreads() {}

  /** Orders a channel, makes ts unique, decides thread structure and writes the texts. */
  static void arrange(String channel, List<SlackMessage> list, SplittableRandom rng) {
    list.sort(Comparator.comparingLong(m -> m.micros));
    long prev = Long.MIN_VALUE;
    for (SlackMessage m : list) {
      if (m.micros <= prev) {
        m.micros = prev + 1;
      }
      prev = m.micros;
    }
    boolean community = SlackExport.isCommunity(channel);
    double pReply = community ? 0.45 : 0.2;
    List<SlackMessage> topLevel = new ArrayList<>();
    for (SlackMessage m : list) {
      if (m.kind != SlackMessage.Kind.USER) {
        if (m.kind == SlackMessage.Kind.JOIN) {
          m.text = "<@" + m.user.id + "> has joined the channel";
        }
        continue;
      }
      m.clientMsgId = Ids.uuid(rng).toString();
      SlackMessage parent = rng.nextDouble() < pReply ? pickParent(m, topLevel, rng) : null;
      if (parent != null) {
        m.parent = parent;
        parent.replies.add(m);
        String reply = Texts.pick(rng, Texts.REPLIES);
        m.text = rng.nextDouble() < 0.3 ? "<@" + parent.user.id + "> " + reply : reply;
      } else {
        topLevel.add(m);
        m.text =
            community
                ? Texts.pick(rng, Texts.COMMUNITY_POSTS.get(channel))
                : Texts.pick(rng, Texts.CHATTER);
      }
    }
  }

  /**
   * One of the latest (at most five) top-level messages by someone else in the past ten days, or
   * null if none.
   */
  private static SlackMessage pickParent(
      SlackMessage m, List<SlackMessage> topLevel, SplittableRandom rng) {
    List<SlackMessage> candidates = new ArrayList<>();
    for (int k = topLevel.size() - 1; k >= 0 && candidates.size() < 5; k--) {
      SlackMessage c = topLevel.get(k);
      if (m.micros - c.micros > 10L * 86_400_000_000L) {
        break;
      }
      if (c.user != m.user) {
        candidates.add(c);
      }
    }
    return candidates.isEmpty() ? null : candidates.get(rng.nextInt(candidates.size()));
  }
}
