package org.sociallearning.impact.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class EventStudyChartTest {

  @Test
  void svgIsWellFormedXmlWithLabelledAxes() throws Exception {
    Document doc = parse(EventStudyChart.svg(ReportFixture.faster()));
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
    List<String> texts = texts(doc);
    assertTrue(texts.contains("Months relative to joining"), texts.toString());
    assertTrue(texts.contains("Effect on time to resolve a ticket (%)"), texts.toString());
    // Pre-joining months are on the axis, so readers can judge parallel trends.
    assertTrue(texts.contains("-3"), texts.toString());
  }

  @Test
  void theChartAndItsTableSayWhichIntervalIsShaded() {
    MetricResult pointwise = ReportFixture.faster();
    assertTrue(EventStudyChart.bandWords(pointwise).startsWith("pointwise"));
    List<EventTimePoint> banded = new ArrayList<>();
    for (EventTimePoint p : pointwise.eventStudy()) {
      banded.add(
          new EventTimePoint(
              p.eventTime(),
              p.estimate(),
              p.ciLow(),
              p.ciHigh(),
              p.ciLow() - 0.05,
              p.ciHigh() + 0.05));
    }
    MetricResult withBand = TrendSensitivityWordsTest.result("strong", 2.0);
    withBand =
        new MetricResult(
            withBand.metric(),
            withBand.label(),
            withBand.unit(),
            withBand.scale(),
            withBand.direction(),
            withBand.subjectPhrase(),
            withBand.outcomePhrase(),
            withBand.estimate(),
            withBand.ciLow(),
            withBand.ciHigh(),
            withBand.relativeEffect(),
            withBand.relativeCiLow(),
            withBand.relativeCiHigh(),
            withBand.nTreated(),
            withBand.nComparison(),
            withBand.warnings(),
            banded,
            false,
            withBand.preTrendPValue(),
            withBand.preTrendTests(),
            List.of(),
            withBand.evidence(),
            withBand.breakdownMbar(),
            DetectablePower.NONE);
    assertTrue(EventStudyChart.bandWords(withBand).startsWith("95% simultaneous band"));
    ReportPage.DataTable table = OutcomeFigures.eventStudyTable(withBand);
    assertEquals("Simultaneous 95% band (%)", table.columns().get(4), table.columns().toString());
    assertTrue(table.columns().get(3).startsWith("Pointwise"));
    assertEquals(4, OutcomeFigures.eventStudyTable(pointwise).columns().size());
  }

  @Test
  void levelMetricIsInPercentagePoints() throws Exception {
    List<String> texts =
        texts(parse(EventStudyChart.svg(ReportFixture.winRate(0.041, 0.012, 0.070))));
    assertTrue(texts.contains("Effect on win rate (percentage points)"), texts.toString());
  }

  @Test
  void hostileLabelStaysTextInTheSvg() throws Exception {
    String svg = EventStudyChart.svg(ReportFixture.hostile());
    assertFalse(svg.contains("<script"));
    assertTrue(texts(parse(svg)).contains(ReportFixture.HOSTILE));
  }

  @Test
  void svgReferencesNothingExternal() {
    String svg = EventStudyChart.svg(ReportFixture.faster());
    assertFalse(svg.contains("href='http") || svg.contains("href=\"http"));
    assertFalse(svg.contains("url(http"));
  }

  @Test
  void emptyEventStudyStillDraws() throws Exception {
    MetricResult m =
        ReportFixture.duration("Service agents", "resolved tickets", -0.1, -0.2, -0.05);
    MetricResult empty =
        new MetricResult(
            m.metric(),
            m.label(),
            m.unit(),
            m.scale(),
            m.direction(),
            m.subjectPhrase(),
            m.outcomePhrase(),
            m.estimate(),
            m.ciLow(),
            m.ciHigh(),
            m.relativeEffect(),
            m.relativeCiLow(),
            m.relativeCiHigh(),
            m.nTreated(),
            m.nComparison(),
            List.of(),
            List.of(),
            false);
    parse(EventStudyChart.svg(empty));
  }

  @Test
  void pngStartsWithSignature() {
    byte[] png = EventStudyChart.png(ReportFixture.faster());
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    assertTrue(png.length > 1000);
    assertArrayEquals(signature, Arrays.copyOf(png, 8));
  }

  /** Parser with DTDs and external entities off: the SVG must not need them. */
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder builder = f.newDocumentBuilder();
    return builder.parse(new InputSource(new StringReader(xml)));
  }

  private static List<String> texts(Document doc) {
    NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }
}
