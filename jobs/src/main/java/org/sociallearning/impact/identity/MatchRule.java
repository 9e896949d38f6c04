package org.sociallearning.impact.identity;

import java.util.Locale;

/** How an identity in an export was resolved to a roster row, strongest first. */
public enum MatchRule {
  /** The email, trimmed and lower-cased, is one roster row's email. */
  EMAIL,
  /** The email matches after removing plus-addressing and applying configured domain aliases. */
  EMAIL_ALIAS,
  /** A configured id mapping names the employee. */
  ID_MAPPING,
  /** The normalised name is unique on the roster and among the source's identities. */
  UNIQUE_NAME,
  /** Two or more roster rows fit: never guessed. */
  AMBIGUOUS,
  /** No roster row fits. */
  UNMATCHED,
  /** The row carries no email, id or name (e.g. an unassigned ticket). */
  NO_IDENTITY;

  /** The name used in tables and the manifest, e.g. {@code email_alias}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean matched() {
    return ordinal() <= UNIQUE_NAME.ordinal();
  }
}
