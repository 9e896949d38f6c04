/**
 * Knowledge flow and knowledge risk from the forum, after identity resolution and beside the
 * participation step: {@link org.sociallearning.impact.knowledge.QuestionThreads} (questions and
 * answers in communities) feeds {@link org.sociallearning.impact.knowledge.KnowledgeFlowMonthly}
 * (answered rate, Kaplan-Meier time to first answer, silo bridging) and {@link
 * org.sociallearning.impact.knowledge.Expertise} (pseudonymised top helpers, concentration). All
 * steps are pure: the job reads, validates and writes.
 */
package org.sociallearning.impact.knowledge;
