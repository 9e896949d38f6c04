package org.sociallearning.impact.pipeline;

import java.sql.Timestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sociallearning.impact.knowledge.Expertise;
import org.sociallearning.impact.knowledge.KnowledgeFlowDepartments;
import org.sociallearning.impact.knowledge.KnowledgeFlowMonthly;
import org.sociallearning.impact.knowledge.QuestionThreads;
import org.sociallearning.impact.outcomes.OutcomeWindow;
import org.sociallearning.impact.participation.CommunityPatterns;
import org.sociallearning.impact.publish.StageLog;

/** Knowledge flow in the communities: answers, speed, silo bridging, who the helpers are. */
final class KnowledgeTables {

  static final int TOP_HELPERS = 5;

  private KnowledgeTables() {}

  static void add(StageContext ctx, Resolved resolved, PublishedTables tables) {
    StageLog.Timer t = ctx.log().start();
    int minGroup = ctx.config().estimation().minGroupSize();
    Timestamp cutoff = new OutcomeWindow(ctx.config().asOf(), 1).cutoff();
    Dataset<Row> threads =
        QuestionThreads.of(
            resolved.table("forum_interactions"),
            resolved.table("roster"),
            CommunityPatterns.regex(ctx.config().participation().communities()),
            cutoff);
    threads = ctx.cache().keep(threads);
    Dataset<Row> answers =
        QuestionThreads.answers(resolved.table("forum_interactions"), threads, cutoff);
    tables.add("knowledge_flow_monthly", KnowledgeFlowMonthly.of(threads, minGroup));
    tables.add("knowledge_flow_departments", KnowledgeFlowDepartments.of(threads, minGroup));
    // Who answers most identifies people: published only with privacy.name_top_helpers.
    if (ctx.config().privacy().nameTopHelpers()) {
      tables.add(
          "top_helpers",
          // Pseudonyms of its own: the table cannot be joined to dim_employee on them.
          Expertise.topHelpers(
              answers,
              ctx.pseudonymKey().pseudonyms().forTable("top_helpers"),
              TOP_HELPERS,
              minGroup));
    }
    tables.add("knowledge_concentration", Expertise.concentration(answers, minGroup));
    t.finish("knowledge flow", threads.count(), answers.count());
  }
}
