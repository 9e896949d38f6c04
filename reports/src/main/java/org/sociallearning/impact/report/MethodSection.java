package org.sociallearning.impact.report;

/**
 * Writes the "Method" section of the publish step (results -> report): the job's own plain-words
 * description, the suppression rule, and a short glossary so readers without a statistics
 * background can follow the headline sentences.
 */
final class MethodSection {

    private static final String[][] GLOSSARY = {
        {"ATT (average effect on those who joined)",
            "The average difference that joining a community made for the people who joined,"
                + " compared with what we estimate would have happened to them otherwise."},
        {"95% confidence interval (CI)",
            "The range of effects that fit the data well. If it includes zero, the data cannot"
                + " tell a real effect apart from no effect."},
        {"Comparison group",
            "Colleagues who had not (yet) joined a community at the time, used to estimate what"
                + " would have happened without joining."},
        {"Parallel trends",
            "The assumption that, before joining, both groups were moving in the same way. The"
                + " months before joining in each chart let you check it: they should stay close"
                + " to zero."},
        {"Staggered difference-in-differences",
            "People joined in different months; each group of joiners is compared with"
                + " colleagues not yet treated at the same time, and the results are averaged."},
    };

    private MethodSection() {
    }

    static void write(HtmlBuilder html, ReportModel model) {
        html.open("section", "id", "method", "aria-labelledby", "method-title");
        html.element("h2", "Method", "id", "method-title");
        if (model.method() != null && !model.method().isBlank()) {
            html.element("p", model.method());
        }
        if (model.minGroupSize() > 0) {
            html.element("p", "To protect individuals and avoid reading noise as a result,"
                    + " outcomes where either group has fewer than " + model.minGroupSize()
                    + " people are not reported.");
        }
        html.element("h3", "Glossary");
        html.open("dl");
        for (String[] entry : GLOSSARY) {
            html.element("dt", entry[0]);
            html.element("dd", entry[1]);
        }
        html.close("dl");
        html.close("section");
    }
}
