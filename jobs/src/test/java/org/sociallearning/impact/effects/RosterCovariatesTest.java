package org.sociallearning.impact.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sociallearning.impact.estimation.Covariates;

class RosterCovariatesTest {

  @Test
  void rosterAttributesAreCategoricalAndTenureIsMonthsSinceTheHireMonth() {
    Covariates covariates =
        RosterCovariates.of(
            List.of("department", "tenure_months"),
            Map.of(
                "department", Map.of("e1", "Support", "e2", "Sales"),
                "tenure_months", Map.of("e1", "2024-03-17", "e2", "not a date")));
    assertEquals(List.of("department", "tenure_months"), covariates.names());
    Covariates.Categorical department =
        assertInstanceOf(Covariates.Categorical.class, covariates.columns().get(0));
    assertEquals("Support", department.levelByUnit().get("e1"));
    Covariates.ContinuousByPeriod tenure =
        assertInstanceOf(Covariates.ContinuousByPeriod.class, covariates.columns().get(1));
    int june2025 = PanelAssembler.monthIndex(LocalDate.of(2025, 6, 1));
    assertEquals(15.0, tenure.value().at("e1", june2025));
    assertEquals(0.0, tenure.value().at("e1", PanelAssembler.monthIndex(LocalDate.of(2024, 3, 1))));
    assertTrue(
        Double.isNaN(tenure.value().at("e1", PanelAssembler.monthIndex(LocalDate.of(2024, 2, 1)))));
    assertTrue(Double.isNaN(tenure.value().at("e2", june2025)), "unreadable hire date");
    assertTrue(Double.isNaN(tenure.value().at("e3", june2025)), "no hire date");
  }
}
