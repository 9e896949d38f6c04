package org.sociallearning.impact.report;

import static org.sociallearning.impact.report.PublishedCsv.count;
import static org.sociallearning.impact.report.PublishedCsv.date;
import static org.sociallearning.impact.report.PublishedCsv.map;
import static org.sociallearning.impact.report.PublishedCsv.number;

import java.util.List;
import org.sociallearning.impact.schemas.PublishedTableList;

/**
 * The published knowledge and learning tables as the report reads them: questions per community and
 * month, between departments, how concentrated answering is, and formal against social learning.
 * Each is empty in outputs written before its table existed.
 */
final class PublishedKnowledge {

  private final PublishedCsv csv;

  PublishedKnowledge(PublishedCsv csv) {
    this.csv = csv;
  }

  /** Questions answered between departments (absent in outputs written before the table). */
  List<DepartmentFlow> departmentFlow() {
    return map(
        csv.rows(PublishedTableList.csv("knowledge_flow_departments")),
        r ->
            new DepartmentFlow(
                r.get("from_department"),
                r.get("to_department"),
                r.get("questions_answered").isBlank() ? -1 : count(r, "questions_answered"),
                Boolean.parseBoolean(r.get("suppressed"))));
  }

  List<KnowledgeFlowMonth> flow() {
    return map(
        csv.rows(PublishedTableList.csv("knowledge_flow_monthly")),
        r ->
            new KnowledgeFlowMonth(
                r.get("community"),
                date(r.get("month")),
                count(r, "questions"),
                count(r, "answered"),
                number(r, "median_hours_to_first_answer"),
                number(r, "cross_department_share"),
                Boolean.parseBoolean(r.get("suppressed"))));
  }

  List<CommunityConcentration> concentration() {
    return map(
        csv.rows(PublishedTableList.csv("knowledge_concentration")),
        r ->
            new CommunityConcentration(
                r.get("community"),
                count(r, "helpers"),
                count(r, "answers"),
                number(r, "top_share"),
                number(r, "gini"),
                Boolean.parseBoolean(r.get("suppressed"))));
  }

  List<LearningMixMonth> learningMix() {
    return map(
        csv.rows(PublishedTableList.csv("learning_mix_monthly")),
        r ->
            new LearningMixMonth(
                date(r.get("month")), count(r, "formal_activities"),
                count(r, "social_activities"), count(r, "formal_learners"),
                count(r, "social_learners"), Boolean.parseBoolean(r.get("suppressed"))));
  }
}
