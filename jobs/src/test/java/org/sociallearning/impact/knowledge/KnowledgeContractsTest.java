package org.sociallearning.impact.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sociallearning.impact.knowledge.ForumFixture.person;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.privacy.Pseudonyms;
import org.sociallearning.impact.schemas.SparkSchemas;
import org.sociallearning.impact.schemas.TableContract;

/** The published knowledge tables have exactly the columns and types their contracts declare. */
class KnowledgeContractsTest {

  private static ForumFixture smallForum() {
    ForumFixture f = new ForumFixture().employee("E1", "Sales").employee("E2", "Support");
    String q = f.question("ask-java", person("U1", "E1"), "2026-03-02T09:00:00Z");
    f.reply(q, person("U2", "E2"), "2026-03-02T10:00:00Z");
    return f;
  }

  private static void assertMatchesContract(String table, Dataset<Row> frame) {
    TableContract contract = TableContract.load(table);
    SparkSchemas.requireConforms(contract, frame.schema());
    assertEquals(
        contract.columnNames(),
        Arrays.asList(frame.columns()),
        table + ": same columns in contract order, nothing extra");
    assertTrue(contract.directlyIdentifyingColumns().isEmpty(), table + " publishes no direct PII");
  }

  @Test
  void publishedKnowledgeTablesMatchTheirContracts() {
    ForumFixture f = smallForum();
    Pseudonyms pseudonyms =
        new Pseudonyms("contract-test-key-0123".getBytes(StandardCharsets.UTF_8));
    assertMatchesContract("knowledge_flow_monthly", KnowledgeFlowMonthly.of(f.threads(), 1));
    assertMatchesContract("top_helpers", Expertise.topHelpers(f.answers(), pseudonyms, 10, 1));
    assertMatchesContract("knowledge_concentration", Expertise.concentration(f.answers(), 1));
    assertMatchesContract(
        "knowledge_flow_departments", KnowledgeFlowDepartments.of(f.threads(), 1));
    assertEquals(
        List.of("indirect"),
        List.of(TableContract.load("top_helpers").column("helper_key").orElseThrow().pii()));
  }
}
