package org.sociallearning.impact.privacy;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.TestSpark;

class PseudonymsTest {

  static final byte[] KEY = "pseudonym-test-key-0001".getBytes(StandardCharsets.UTF_8);
  static final byte[] OTHER_KEY = "pseudonym-test-key-0002".getBytes(StandardCharsets.UTF_8);

  @Test
  void sameKeyGivesTheSamePseudonymAnotherKeyADifferentOne() {
    Pseudonyms first = new Pseudonyms(KEY);
    Pseudonyms again = new Pseudonyms(KEY.clone());
    Pseudonyms other = new Pseudonyms(OTHER_KEY);
    assertEquals(first.of("E1001"), again.of("E1001"));
    assertNotEquals(first.of("E1001"), other.of("E1001"));
    assertNotEquals(first.of("E1001"), first.of("E1002"));
  }

  @Test
  void aTableOfItsOwnGetsOtherPseudonymsStableUnderTheSameKey() {
    Pseudonyms main = new Pseudonyms(KEY);
    String helper = main.forTable("top_helpers").of("E1001");
    assertTrue(helper.matches("p_[0-9a-f]{16}"), helper);
    assertNotEquals(main.of("E1001"), helper, "not joinable to the other tables");
    assertEquals(helper, new Pseudonyms(KEY.clone()).forTable("top_helpers").of("E1001"));
    assertNotEquals(helper, new Pseudonyms(OTHER_KEY).forTable("top_helpers").of("E1001"));
    assertNotEquals(helper, main.forTable("another_table").of("E1001"));
  }

  @Test
  void pseudonymIsP_And16HexCharactersAndNeverContainsTheId() {
    String p = new Pseudonyms(KEY).of("E1001");
    assertTrue(p.matches("p_[0-9a-f]{16}"), p);
    assertFalse(p.contains("1001"), p);
    assertNull(new Pseudonyms(KEY).of(null));
  }

  /** RFC 4231 test case 1: key 20 x 0x0b, "Hi There" -> b0344c61d8db3853 5ca8afce... */
  @Test
  void isKeyedHmacSha256TruncatedTo64Bits() {
    byte[] key = new byte[20];
    Arrays.fill(key, (byte) 0x0b);
    assertEquals("p_b0344c61d8db3853", new Pseudonyms(key).of("Hi There"));
  }

  @Test
  void shortKeysAreRefusedWithTheirLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Pseudonyms("short".getBytes(StandardCharsets.UTF_8)));
    assertEquals("pseudonym key has 5 bytes; expected at least 16", e.getMessage());
    assertFalse(new Pseudonyms(KEY).toString().contains("pseudonym-test-key"));
  }

  @Test
  void sparkColumnGivesTheSamePseudonymsAsJava() {
    Pseudonyms pseudonyms = new Pseudonyms(KEY);
    StructType schema = new StructType().add("employee_id", DataTypes.StringType);
    List<Row> rows =
        TestSpark.session()
            .createDataFrame(
                List.of(RowFactory.create("E1001"), RowFactory.create((Object) null)), schema)
            .select(pseudonyms.column(col("employee_id")).as("key"))
            .collectAsList();
    assertEquals(pseudonyms.of("E1001"), rows.get(0).getString(0));
    assertTrue(rows.get(1).isNullAt(0));
  }
}
