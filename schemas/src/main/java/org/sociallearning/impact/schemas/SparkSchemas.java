package org.sociallearning.impact.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Turns contracts into Spark schemas and checks that a frame has the columns a contract names. */
public final class SparkSchemas {

  private SparkSchemas() {}

  /** The Spark schema of a contract, in contract column order; every column nullable. */
  public static StructType of(TableContract contract) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnContract c : contract.columns()) {
      // CSV-born columns are always nullable; "not_null" is enforced as a check, not a type.
      fields.add(DataTypes.createStructField(c.name(), sparkType(c.type()), true));
    }
    return DataTypes.createStructType(fields);
  }

  public static DataType sparkType(String contractType) {
    return switch (contractType) {
      case "string" -> DataTypes.StringType;
      case "long" -> DataTypes.LongType;
      case "int" -> DataTypes.IntegerType;
      case "double" -> DataTypes.DoubleType;
      case "boolean" -> DataTypes.BooleanType;
      case "date" -> DataTypes.DateType;
      case "timestamp" -> DataTypes.TimestampType;
      default -> throw new IllegalArgumentException("unknown contract type '" + contractType + "'");
    };
  }

  /**
   * Fails with a message listing every missing or mistyped column next to the actual schema. Extra
   * columns (lineage, work columns) are allowed.
   */
  public static void requireConforms(TableContract contract, StructType actual) {
    List<String> problems = new ArrayList<>();
    for (ColumnContract c : contract.columns()) {
      DataType expected = sparkType(c.type());
      StructField found = null;
      for (StructField f : actual.fields()) {
        if (f.name().equals(c.name())) {
          found = f;
        }
      }
      if (found == null) {
        problems.add("missing column '" + c.name() + "' (" + c.type() + ")");
      } else if (!found.dataType().equals(expected)) {
        problems.add(
            "column '"
                + c.name()
                + "' is "
                + found.dataType().simpleString()
                + ", expected "
                + expected.simpleString());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "table '"
              + contract.table()
              + "' does not match its contract: "
              + String.join("; ", problems)
              + ". Actual schema: "
              + actual.simpleString());
    }
  }
}
