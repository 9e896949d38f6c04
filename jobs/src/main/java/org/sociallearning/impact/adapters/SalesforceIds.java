package org.sociallearning.impact.adapters;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Salesforce record ids come in two forms: 15 case-sensitive characters (reports, the UI) and 18
 * characters (the API, Data Loader), which add a 3-character checksum of the first 15 characters'
 * letter case. Turning every id into its 18-character form lets the two forms deduplicate and join
 * as one record.
 */
final class SalesforceIds {

  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {}

  /** The 18-character form of a trimmed id; ids of other lengths are returned as they are. */
  static Column eighteen(Column id) {
    return udf((UDF1<String, String>) SalesforceIds::eighteen, DataTypes.StringType).apply(id);
  }

  static String eighteen(String id) {
    if (id == null) {
      return null;
    }
    String trimmed = id.strip();
    if (trimmed.length() != 15) {
      return trimmed;
    }
    StringBuilder out = new StringBuilder(trimmed);
    for (int chunk = 0; chunk < 3; chunk++) {
      int flags = 0;
      for (int i = 0; i < 5; i++) {
        char c = trimmed.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          flags |= 1 << i;
        }
      }
      out.append(SUFFIX_ALPHABET.charAt(flags));
    }
    return out.toString();
  }
}
