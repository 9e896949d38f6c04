package org.sociallearning.impact.effects;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The stable codes of the {@code estimate_notes} table, each with its severity, a plain sentence
 * for readers, and how it is recognised among an estimate's warnings (the short summary the {@code
 * warnings} column keeps). Codes are published and documented: rename none, add new ones at will. A
 * warning no code recognises is {@link #ESTIMATOR_NOTE}.
 */
public enum NoteCode {
  NOT_ESTIMATED(
      "not_estimated",
      Severity.ERROR,
      "No estimate: the data did not allow one.",
      w -> w.startsWith("not estimated")),
  SUPPRESSED(
      "suppressed",
      Severity.ERROR,
      "Not published: too few people in a group.",
      w -> w.startsWith("suppressed")),
  PRETREND_REJECTED(
      "pretrend_rejected",
      Severity.ERROR,
      "No finding: the groups were not moving in parallel before joining.",
      w -> w.startsWith("pre-trend test rejects")),
  DIP_BEFORE_JOINING(
      "dip_before_joining",
      Severity.ERROR,
      "No finding: participants' results moved unusually just before joining, so part of the"
          + " estimate may be a return to normal.",
      w -> w.startsWith("possible Ashenfelter's dip")),
  ROBUST_HEADLINE(
      "robust_headline",
      Severity.WARNING,
      "The headline is the robust analysis, which measures from further before joining: the main"
          + " analysis failed its check of the months before joining.",
      w -> w.equals(HeadlineChoice.ROBUST_NOTE)),
  TENURE_IMBALANCE(
      "tenure_imbalance",
      Severity.WARNING,
      "Participants had been with the company for a much shorter or longer time than the"
          + " comparison group; part of the difference may be people learning the job, so it is"
          + " graded at most weak.",
      w -> w.startsWith(TenureBalance.NOTE_START)),
  PARTIAL_COVERAGE(
      "partial_coverage",
      Severity.WARNING,
      "Most participants had no comparable colleagues (new hires, when nearly every new hire"
          + " joined), so the estimate speaks only for the rest; it is graded at most weak.",
      w -> w.startsWith(ParticipantCoverage.NOTE_START)),
  FEW_PARTICIPANTS(
      "few_participants",
      Severity.WARNING,
      "Few participants: the interval may be too narrow.",
      w -> w.startsWith("only ") && w.contains(" participants")),
  PRETREND_UNAVAILABLE(
      "pretrend_unavailable",
      Severity.WARNING,
      "Whether the groups moved in parallel before joining could not be checked.",
      w -> w.startsWith("pre-trend test not available") || w.startsWith("no pre-treatment")),
  VOLUME_CHANGED(
      "volume_changed",
      Severity.WARNING,
      "Joining changed how many items people handle, so the effect per item may partly be a change"
          + " in which items they handle.",
      w -> w.startsWith("joining changed how many")),
  UNDERPOWERED(
      "underpowered",
      Severity.INFO,
      "Too few participant-months to detect effects of a useful size.",
      w -> false),
  BREAKDOWN_UNKNOWN(
      "breakdown_unknown",
      Severity.INFO,
      "How large a departure from parallel trends the findings survive was not computed in this"
          + " run, so no estimate is graded strong.",
      w -> false),
  PRETREND_PARTIAL(
      "pretrend_partial",
      Severity.INFO,
      "The check of the months before joining covered only part of them.",
      w -> w.startsWith("pre-trend test")),
  SMALL_JOINING_MONTHS(
      "small_joining_months",
      Severity.INFO,
      "Some joining months have few people; their month-by-month effects are imprecise.",
      w -> w.contains("joining month(s) have fewer than")),
  CELLS_NOT_ESTIMATED(
      "cells_not_estimated",
      Severity.INFO,
      "Some month-by-month effects could not be estimated.",
      w -> w.contains("could not be estimated")),
  EVENT_STUDY_POINTS_DROPPED(
      "event_study_points_dropped",
      Severity.INFO,
      "Months relative to joining with too few participants are left out of the chart.",
      w -> w.contains("left out of the event study")),
  PEOPLE_LEFT_OUT(
      "people_left_out",
      Severity.INFO,
      "Some people were left out of the comparison; the technical text says who and why.",
      Pattern.compile("^\\d+ (unit\\(s\\)|participants) ").asPredicate()),
  ANALYTIC_STANDARD_ERRORS(
      "analytic_standard_errors",
      Severity.INFO,
      "The interval comes from a formula rather than from resampling.",
      w -> w.startsWith("weighted panel: standard errors are analytic")),
  ESTIMATOR_NOTE(
      "estimator_note",
      Severity.INFO,
      "A note from the estimator; see the technical text.",
      w -> true);

  /** How much a note matters to reading the estimate. */
  public enum Severity {
    /** The estimate is not a finding (or there is none). */
    ERROR,
    /** Read the estimate with this in mind. */
    WARNING,
    /** Background. */
    INFO;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final String code;
  private final Severity severity;
  private final String plain;
  private final Predicate<String> recognises;

  NoteCode(String code, Severity severity, String plain, Predicate<String> recognises) {
    this.code = code;
    this.severity = severity;
    this.plain = plain;
    this.recognises = recognises;
  }

  /** The code of a warning: the first (in declaration order) that recognises it. */
  public static NoteCode of(String warning) {
    for (NoteCode c : values()) {
      if (c.recognises.test(warning)) {
        return c;
      }
    }
    return ESTIMATOR_NOTE;
  }

  public String code() {
    return code;
  }

  public Severity severity() {
    return severity;
  }

  public String plain() {
    return plain;
  }
}
