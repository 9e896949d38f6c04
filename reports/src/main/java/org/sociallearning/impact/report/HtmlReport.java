package org.sociallearning.impact.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the impact report as one self-contained HTML5 page; the centre of the publish step
 * (results -> report). No scripts, no external fetches: styles are inline and charts are data URIs,
 * so the file can be mailed, archived or opened offline and will look the same. The markup is a jte
 * template ({@code src/main/jte/report.jte}) compiled at build time, which escapes every value by
 * default; the page is well-formed XHTML as well, so the PDF renderer reads the very same markup.
 */
public final class HtmlReport {

  /** Package the jte Maven plugin compiles the templates into (see the module's pom). */
  static final String TEMPLATE_PACKAGE = "org.sociallearning.impact.report.templates";

  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, HtmlReport.class.getClassLoader(), TEMPLATE_PACKAGE);

  private HtmlReport() {}

  /** The page for browsers: charts as SVG. */
  public static String render(ReportModel model) {
    return render(ReportPages.of(model, false));
  }

  static String render(ReportPage page) {
    StringOutput out = new StringOutput();
    TEMPLATES.render("report.jte", page, out);
    return out.toString();
  }
}
