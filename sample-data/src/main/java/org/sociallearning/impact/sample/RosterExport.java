package org.sociallearning.impact.sample;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes roster/workers.csv, a Workday-style worker report (BOM, CRLF, MM/dd/yyyy). */
final class RosterExport {

  static final List<String> HEADER =
      List.of(
          "Employee ID",
          "Worker",
          "Work Email",
          "Business Title",
          "Supervisory Organization",
          "Location",
          "Hire Date",
          "Manager Employee ID");
  static final DateTimeFormatter HIRE_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private RosterExport() {}

  static void write(Build b) {
    try (Csv csv = new Csv(b.path("roster/workers.csv"), true)) {
      csv.header(HEADER);
      for (Person p : b.people) { // already in Employee ID order
        csv.row(
            List.of(
                p.id,
                p.name,
                p.email,
                p.title,
                p.department,
                p.location,
                HIRE_DATE.format(p.hireDate),
                p.managerId));
      }
      b.record("roster/workers.csv", csv.records());
    }
  }
}
