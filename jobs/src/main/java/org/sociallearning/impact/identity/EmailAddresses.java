package org.sociallearning.impact.identity;

import java.util.Locale;
import java.util.Map;

/** Email forms identity resolution compares: as exported, and the mailbox behind aliases. */
public final class EmailAddresses {

  private EmailAddresses() {}

  /**
   * Trimmed and lower-cased (a {@code mailto:} prefix removed); null when blank or not an email.
   */
  public static String exact(String email) {
    if (email == null) {
      return null;
    }
    String e = email.strip().toLowerCase(Locale.ROOT);
    if (e.startsWith("mailto:")) {
      e = e.substring("mailto:".length());
    }
    int at = e.lastIndexOf('@');
    return at <= 0 || at == e.length() - 1 ? null : e;
  }

  /**
   * The mailbox: the exact form without plus-addressing ({@code first.last+tag@x.com} is {@code
   * first.last@x.com}) and with the domain replaced by its configured alias target.
   */
  public static String canonical(String email, Map<String, String> domainAliases) {
    String e = exact(email);
    if (e == null) {
      return null;
    }
    int at = e.lastIndexOf('@');
    String local = e.substring(0, at);
    String domain = e.substring(at + 1);
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    return local + "@" + domainAliases.getOrDefault(domain, domain);
  }
}
