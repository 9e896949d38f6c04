package org.sociallearning.impact.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The shape every raw reader returns: lineage columns, a parse error (null when the record was
 * read), and the requested fields as untyped strings. Adapters rename and cast from here.
 */
public final class RawRecords {

  public static final String FILE = "source_file";
  public static final String LINE = "source_line";
  public static final String PARSE_ERROR = "parse_error";

  private RawRecords() {}

  public static StructType schema(List<String> fields) {
    List<StructField> out = new ArrayList<>();
    out.add(DataTypes.createStructField(FILE, DataTypes.StringType, false));
    out.add(DataTypes.createStructField(LINE, DataTypes.LongType, true));
    out.add(DataTypes.createStructField(PARSE_ERROR, DataTypes.StringType, true));
    for (String f : fields) {
      out.add(DataTypes.createStructField(f, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(out);
  }
}
