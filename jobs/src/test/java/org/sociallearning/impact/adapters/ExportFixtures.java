package org.sociallearning.impact.adapters;

import static org.sociallearning.impact.adapters.ExportFixture.file;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One small valid export per format the adapters read, built from the adapter tests' rows and row
 * builders, for the bad-input corpus to break.
 */
final class ExportFixtures {

  /** The spring-forward gap in New York in 2025: 02:00 to 03:00 on 9 March never happened. */
  static final String GAP_ZONE = "America/New_York";

  private static final Pattern ISO_ZONED =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})");
  private static final List<String> ISO_ODD =
      List.of(
          "0000-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "-0001-12-31T23:59:59Z",
          "2025-02-29T10:00:00Z",
          "2025-04-31T10:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "1969-12-31T23:59:59Z",
          "2025-03-04T24:00:00Z",
          "2025-03-04T10:00:00+25:00");
  private static final List<String> ISO_WITHOUT_ZONE =
      List.of("2025-03-09T02:30:00", "2025-03-30T02:30:00.000", "2025-03-09 02:30:00");

  private ExportFixtures() {}

  static List<ExportFixture> all() {
    return List.of(
        hrCsv(),
        slackExport(),
        vivaEngageExport(),
        stackExchangeDump(),
        discourseExport(),
        xapiJsonLines(),
        xapiJson(),
        lmsCompletionsCsv(),
        serviceNowCsv(),
        salesforceCsv(),
        serviceNowAuditCsv(),
        zendeskJson(),
        jiraSmCsv(),
        salesforceCaseCsv(),
        hubSpotDealsCsv());
  }

  static ExportFixture byFormat(String format) {
    return all().stream().filter(f -> f.format().equals(format)).findFirst().orElseThrow();
  }

  static ExportFixture hrCsv() {
    return new ExportFixture(
        "hr-csv",
        "roster",
        """
          roster:
            format: hr-csv
            path: workers.csv
            columns: {employee_id: Employee ID, name: Worker, email: Work Email, job_title: Business Title,
                      department: Supervisory Organization, location: Location, hire_date: Hire Date,
                      manager_id: Manager Employee ID}
            date_format: MM/dd/yyyy
        """,
        List.of(
            file(
                "workers.csv",
                true,
                "\r\n",
                "Employee ID,Worker,Work Email,Business Title,Supervisory Organization,Location,"
                    + "Hire Date,Manager Employee ID",
                "E10001,\"Silva, Ana\", Ana.Silva@Example.com ,Service Desk Analyst,IT Service Desk,"
                    + "Austin,03/15/2021,E10009",
                "E10002,José Müller,jose.muller@example.com,Account Executive,Sales EMEA,Berlin,"
                    + "01/01/2024,",
                "E10003,Bo Chen,bo.chen@example.com,Data Analyst,Finance,Dublin,01/02/2020,E10009")),
        Pattern.compile("\\d{2}/\\d{2}/\\d{4}"),
        List.of("02/30/2021", "13/01/2021", "00/00/0000", "12/31/99999", "01/01/0000"),
        List.of("03/09/2025"));
  }

  static ExportFixture slackExport() {
    return new ExportFixture(
        "slack-export",
        "forum",
        "  forum: [{format: slack-export, path: slack/}]\n",
        List.of(
            file(
                "slack/users.json",
                false,
                "\n",
                "[{\"id\":\"U01\",\"team_id\":\"T1\",\"name\":\"ana\",\"deleted\":false,"
                    + "\"real_name\":\"Ana Silva\",\"is_bot\":false,"
                    + "\"profile\":{\"real_name\":\"Ana Silva\",\"email\":\"Ana.Silva@Example.com\"}},",
                " {\"id\":\"U02\",\"name\":\"bo\",\"deleted\":true,\"is_bot\":false,"
                    + "\"profile\":{\"email\":\"bo.chen@example.com\"}}]"),
            file(
                "slack/channels.json",
                false,
                "\n",
                "[{\"id\":\"C1\",\"name\":\"ask-it\",\"created\":1700000000,\"creator\":\"U01\"}]"),
            file(
                "slack/ask-it/2025-03-04.json",
                false,
                "\n",
                "[",
                "  {\"client_msg_id\": \"a1\", \"type\": \"message\", \"user\": \"U01\",",
                "   \"text\": \"How do I \\\"reset\\\" a token?\\nThanks\",",
                "   \"ts\": \"1741082400.000200\", \"thread_ts\": \"1741082400.000200\","
                    + " \"reply_count\": 1},",
                "  {\"type\": \"message\", \"user\": \"U02\", \"text\": \"Use the portal\",",
                "   \"ts\": \"1741086000.000100\", \"thread_ts\": \"1741082400.000200\","
                    + " \"parent_user_id\": \"U01\"},",
                "  {\"type\": \"message\", \"subtype\": \"channel_join\", \"user\": \"U02\","
                    + " \"text\": \"<@U02> has joined the channel\", \"ts\": \"1741086100.000000\"}",
                "]")),
        Pattern.compile("\\d{10}\\.\\d{6}"),
        List.of(
            "0000000000.000000",
            "99999999999999.000000",
            "-1741082400.000200",
            "1741082400.99999999999",
            "1e309",
            "NaN"),
        List.of("1741505400.000000"));
  }

  static ExportFixture vivaEngageExport() {
    String folder = "viva/export-2025-03-04/";
    return new ExportFixture(
        "viva-engage-export",
        "forum",
        "  forum: [{format: viva-engage-export, path: viva/}]\n",
        List.of(
            file(
                folder + "Users.csv",
                true,
                "\r\n",
                "id,name,email,job_title,location,department,api_url,deleted_by_id,"
                    + "deleted_by_type,joined_at,deleted_at,suspended_by_id,suspended_by_type,"
                    + "suspended_at,guid,state",
                "1501,\"Silva, Ana\",Ana.Silva@Example.com,Engineer,Lisbon,IT,"
                    + "https://www.yammer.com/api/v1/users/1501,,,2023-01-10T08:00:00Z,,,,,ab12,"
                    + "active",
                "1502,Bo Chen,bo.chen@example.com,Agent,Berlin,Support,"
                    + "https://www.yammer.com/api/v1/users/1502,,,2023-02-01T08:00:00Z,,,,,cd34,"
                    + "active"),
            file(
                folder + "Groups.csv",
                true,
                "\r\n",
                "id,name,description,private,deleted,creator_type,creator_id,created_at,"
                    + "updated_at,api_url",
                "301,ask-it,\"Questions about IT, answered by peers\",false,false,user,1501,"
                    + "2023-01-10T08:00:00Z,2023-01-10T08:00:00Z,"
                    + "https://www.yammer.com/api/v1/groups/301"),
            file(
                folder + "Messages.csv",
                true,
                "\r\n",
                VivaEngageExportAdapterTest.MESSAGES_HEADER,
                VivaEngageExportAdapterTest.message(
                    "9001",
                    "",
                    "9001",
                    "301",
                    "false",
                    "1501",
                    "user",
                    "\"How do I reset a token?\r\nTried \"\"the portal\"\", no luck\"",
                    "2025-03-04T10:00:00.000Z",
                    ""),
                VivaEngageExportAdapterTest.message(
                    "9002",
                    "9001",
                    "9001",
                    "301",
                    "false",
                    "1502",
                    "user",
                    "\"Use the portal, then sync\"",
                    "2025-03-04T11:00:00Z",
                    ""),
                VivaEngageExportAdapterTest.message(
                    "9003",
                    "9001",
                    "9001",
                    "301",
                    "false",
                    "1502",
                    "user",
                    "oops",
                    "2025-03-04T11:05:00Z",
                    "2025-03-04T11:06:00Z"))),
        ISO_ZONED,
        ISO_ODD,
        ISO_WITHOUT_ZONE);
  }

  static ExportFixture stackExchangeDump() {
    return new ExportFixture(
        "stackexchange-dump",
        "forum",
        "  forum: [{format: stackexchange-dump, path: se/, user_emails: se/user_emails.csv}]\n",
        List.of(
            file(
                "se/Posts.xml",
                true,
                "\r\n",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
                "<!DOCTYPE posts SYSTEM 'posts.dtd'>",
                "<posts>",
                StackExchangeDumpAdapterTest.post(
                    "1",
                    "1",
                    "CreationDate=\"2024-03-04T10:00:00.123\""
                        + " OwnerUserId=\"7\" AcceptedAnswerId=\"3\" Tags=\"&lt;kafka&gt;\""
                        + " Title=\"Offsets?\""),
                StackExchangeDumpAdapterTest.post(
                    "2",
                    "2",
                    "ParentId=\"1\""
                        + " CreationDate=\"2024-03-04T10:30:00.000\" OwnerUserId=\"8\""),
                StackExchangeDumpAdapterTest.post(
                    "3",
                    "2",
                    "ParentId=\"1\"" + " CreationDate=\"2024-03-04T11:00:00.5\" OwnerUserId=\"7\""),
                "</posts>"),
            file(
                "se/Comments.xml",
                true,
                "\r\n",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
                "<comments>",
                "  <row Id=\"10\" PostId=\"3\" Score=\"0\" Text=\"thanks, that works\""
                    + " CreationDate=\"2024-03-04T12:00:00.000\" UserId=\"7\" />",
                "</comments>"),
            file(
                "se/user_emails.csv",
                true,
                "\r\n",
                "user_id,email",
                "7,Ana.Silva@Example.com",
                "8,bo.chen@example.com")),
        Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?"),
        List.of(
            "0000-01-01T00:00:00",
            "99999-01-01T00:00:00.000",
            "2024-02-30T00:00:00",
            "-0001-12-31T23:59:59",
            "2024-03-04T25:00:00"),
        List.of("2024-03-10T02:30:00.000", "2024-03-31T02:30:00"));
  }

  static ExportFixture discourseExport() {
    return new ExportFixture(
        "discourse-export",
        "forum",
        "  forum: [{format: discourse-export, path: discourse/posts.csv,"
            + " users: discourse/users.csv, user_emails: discourse/user_emails.csv}]\n",
        List.of(
            file(
                "discourse/posts.csv",
                false,
                "\n",
                "id,topic_id,post_number,reply_to_post_number,user_id,created_at,category,"
                    + "accepted_answer,post_type,deleted_at",
                "501,77,1,,12,2025-03-04T10:00:00.000Z,ask-data,false,1,",
                "502,77,2,1,13,2025-03-04T10:20:00.000Z,ask-data,true,1,",
                "503,77,3,2,12,2025-03-04T10:25:00.000Z,ask-data,false,4,",
                "505,77,5,,13,2025-03-04T10:40:00.000Z,ask-data,false,1,"
                    + "2025-03-04T11:00:00.000Z"),
            file(
                "discourse/users.csv",
                false,
                "\n",
                "id,name,username,email,title,created_at,last_seen_at,trust_level,active,admin,"
                    + "moderator",
                "12,Ana Silva,ana,Ana.Silva@Example.com,,2024-01-01T00:00:00Z,"
                    + "2025-03-04T00:00:00Z,2,true,false,false",
                "13,Bo Chen,bo,bo.private@gmail.com,,2024-01-01T00:00:00Z,,1,true,false,false"),
            file(
                "discourse/user_emails.csv",
                false,
                "\n",
                "user_id,email",
                "13,bo.chen@example.com")),
        ISO_ZONED,
        ISO_ODD,
        ISO_WITHOUT_ZONE);
  }

  static ExportFixture xapiJsonLines() {
    return new ExportFixture(
        "xapi-jsonl",
        "learning",
        "  learning: [{format: xapi-jsonl, path: xapi/statements.jsonl}]\n",
        List.of(
            file(
                "xapi/statements.jsonl",
                false,
                "\n",
                XapiStatementAdapterTest.statement(
                    "s1",
                    "mailto:Ana.Silva@Example.com",
                    "http://adlnet.gov/expapi/verbs/commented",
                    "https://lms.example.com/community/cop-data/thread/1",
                    "2025-03-04T10:15:00.000Z"),
                XapiStatementAdapterTest.statement(
                    "s2",
                    "mailto:ana.silva@example.com",
                    "http://adlnet.gov/expapi/verbs/completed",
                    "https://lms.example.com/course/SEC101",
                    "2025-03-04T11:15:00+01:00"),
                XapiStatementAdapterTest.statement(
                    "s4",
                    "mailto:bo@example.com",
                    "http://activitystrea.ms/schema/1.0/join",
                    "https://lms.example.com/community/ask-it",
                    "2025-03-05T10:15:00Z"))),
        ISO_ZONED,
        ISO_ODD,
        ISO_WITHOUT_ZONE);
  }

  static ExportFixture xapiJson() {
    return new ExportFixture(
        "xapi-json",
        "learning",
        """
          roster: {format: hr-csv, path: roster.csv, columns: {employee_id: Employee ID, email: Work Email}}
          learning: [{format: xapi-json, path: lrs/, account_emails: account_emails.csv}]
        """,
        List.of(
            file(
                "roster.csv",
                true,
                "\r\n",
                "Employee ID,Work Email",
                "E1,Ana.Silva@Example.com",
                "E2,bo@example.com"),
            file(
                "lrs/page-001.json",
                false,
                "\n",
                "{",
                "  \"statements\": [",
                "    "
                    + XapiStatementAdapterTest.accountStatement(
                        "a1",
                        "https://lms.example.com",
                        "ana.s",
                        "commented",
                        "2025-03-04T10:15:00.000Z")
                    + ",",
                "    "
                    + XapiStatementAdapterTest.accountStatement(
                        "a2",
                        "https://lms.example.com",
                        "ghost",
                        "commented",
                        "2025-03-04T10:16:00Z"),
                "  ],",
                "  \"more\": \"/xapi/statements?more=abc\"",
                "}"),
            file(
                "lrs/extra/array.json",
                false,
                "\n",
                "["
                    + XapiStatementAdapterTest.accountStatement(
                        "a1",
                        "https://lms.example.com",
                        "ana.s",
                        "commented",
                        "2025-03-04T10:15:00.000Z")
                    + ",",
                " {\"id\":\"a5\",\"actor\":{\"mbox\":\"mailto:BO@example.com\"},\"verb\":{\"id\":"
                    + "\"http://adlnet.gov/expapi/verbs/shared\"},"
                    + "\"timestamp\":\"2025-03-04T10:15:00-05:00\"}]"),
            file(
                "account_emails.csv",
                false,
                "\n",
                "home_page,account_name,email",
                "https://lms.example.com,ana.s,ana.silva@example.com")),
        ISO_ZONED,
        ISO_ODD,
        ISO_WITHOUT_ZONE);
  }

  static ExportFixture lmsCompletionsCsv() {
    return new ExportFixture(
        "lms-completions-csv",
        "learning",
        "  learning: [{format: lms-completions-csv, path: lms/transcript.csv,"
            + " user_emails: lms/user_emails.csv, timezone: "
            + GAP_ZONE
            + ","
            + " timestamp_format: 'MM/dd/yyyy HH:mm',"
            + " columns: {user_id: User ID, course_id: Course Code, completed_at: Completion Date}}]\n",
        List.of(
            file(
                "lms/transcript.csv",
                true,
                "\r\n",
                "User ID,Course Code,Course Title,Completion Date,Status",
                "u-17,SEC101,\"Security, the basics\",03/04/2025 17:30,Completed",
                "u-18,SEC101,\"Security, the basics\",03/04/2025 09:00,Completed",
                "u-18,DATA200,Data literacy,2025-03-05,Completed"),
            file(
                "lms/user_emails.csv",
                false,
                "\n",
                "user_id,email",
                "u-17,Ana.Silva@Example.com",
                "u-18,bo@example.com")),
        Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"),
        List.of(
            "02/29/2025 10:00",
            "00/00/0000 00:00",
            "12/31/99999 23:59",
            "13/01/2025 10:00",
            "03/04/2025 24:00"),
        List.of("03/09/2025 02:30", "03/09/2025 02:00", "03/09/2025 02:59"));
  }

  static ExportFixture serviceNowCsv() {
    return new ExportFixture(
        "servicenow-csv",
        "service_desk",
        "  service_desk: [{format: servicenow-csv, path: incident.csv, timezone: "
            + GAP_ZONE
            + "}]\n",
        List.of(
            file(
                "incident.csv",
                true,
                "\r\n",
                ServiceNowIncidentAdapterTest.HEADER + ",time_worked",
                "INC0010001,2025-03-01 08:00:00,VPN down,\"User says \"\"it, broke\"\"\r\nafter update\","
                    + "2 - High,Resolved,Network,Service Desk,Ana Silva,Ana.Silva@Example.com,"
                    + "2025-03-01 10:30:00,2025-03-03 09:00:00,1,0,true,2025-03-03 09:00:00,"
                    + "2 Hours 30 Minutes",
                "INC0010002,2025-03-02 09:00:00,Printer,Jam,3 - Moderate,In Progress,Hardware,"
                    + "Service Desk,Bo Chen,bo.chen@example.com,,,0,0,true,2025-03-02 10:00:00,",
                "INC0010002,2025-03-02 09:00:00,Printer,Jam,3 - Moderate,Resolved,Hardware,"
                    + "Service Desk,Bo Chen,bo.chen@example.com,2025-03-04 09:00:00,,0,1,false,"
                    + "2025-03-04 09:00:00,1 Day 2 Hours")),
        Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"),
        List.of(
            "0000-01-01 00:00:00",
            "9999-12-31 23:59:59",
            "2025-02-29 12:00:00",
            "2025-01-01 24:00:00",
            "99999-01-01 00:00:00",
            "1582-10-10 00:00:00"),
        List.of("2025-03-09 02:30:00", "2025-03-09 02:00:00", "2025-11-02 01:30:00"));
  }

  static ExportFixture salesforceCsv() {
    return new ExportFixture(
        "salesforce-csv",
        "crm",
        "  crm: [{format: salesforce-csv, path: sf/Opportunity.csv, users: sf/User.csv,"
            + " history: sf/OpportunityHistory.csv}]\n",
        List.of(
            file(
                "sf/Opportunity.csv",
                true,
                "\r\n",
                SalesforceOpportunityAdapterTest.HEADER,
                "006000000000001AAA,false,001000000000001AAA,Deal A,,Closed Won,1000.50,100,"
                    + "2025-02-01,,,,true,true,,,,,,005000000000001AAA,2025-01-05T10:00:00Z,,,,"
                    + "2025-02-01T10:00:00Z",
                "006000000000003AAA,0,001000000000001AAA,Deal C,,Prospecting,10,10,2026-12-01,,,,"
                    + "0,0,,,,,,005000000000002AAA,2025-01-06T10:00:00.000+0000,,,,"
                    + "2025-01-06T10:00:00Z",
                "006000000000003AAA,0,001000000000001AAA,Deal C,,Closed Lost,10,0,2025-03-01,,,,"
                    + "1,0,,,,,,005000000000002AAA,2025-01-06T10:00:00.000+0000,,,,"
                    + "2025-03-01T10:00:00Z"),
            file(
                "sf/User.csv",
                true,
                "\r\n",
                "Id,Username,Name,Email,IsActive",
                "005000000000001,ana@org,Ana,Ana.Silva@Example.com,true",
                "005000000000002AAA,bo@org,Bo,bo.chen@example.com,false"),
            file(
                "sf/OpportunityHistory.csv",
                true,
                "\r\n",
                "Id,OpportunityId,CreatedById,CreatedDate,StageName,Amount,ExpectedRevenue,"
                    + "CloseDate,Probability,ForecastCategory,SystemModstamp,IsDeleted,"
                    + "PrevAmount,PrevCloseDate",
                "008Ec00000H1aaaIAA,006000000000003,005000000000001AAA,"
                    + "2025-01-06T10:00:00.000+0000,Prospecting,10,1,2026-12-01,10,Pipeline,"
                    + "2025-01-06T10:00:00.000+0000,,,",
                "008Ec00000H1aabIAA,006000000000003AAA,005000000000001AAA,"
                    + "2025-03-01T10:00:00.000+0000,Closed Lost,10,0,2025-03-01,0,Omitted,"
                    + "2025-03-01T10:00:00.000+0000,,10,2026-12-01")),
        Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?(Z|[+-]\\d{4}))?"),
        List.of(
            "0000-01-01",
            "2025-02-29T00:00:00Z",
            "99999-01-01T00:00:00.000+0000",
            "1900-01-01T00:00:00.000+0000",
            "2025-02-30",
            "-2025-01-01"),
        List.of("2025-03-09T02:30:00", "2025-03-09T02:30:00.000"));
  }

  static ExportFixture serviceNowAuditCsv() {
    return new ExportFixture(
        "servicenow-audit-csv",
        "service_desk",
        "  service_desk: [{format: servicenow-audit-csv, path: log.csv, timezone: "
            + GAP_ZONE
            + ", user_emails: people.csv}]\n",
        List.of(
            file(
                "log.csv",
                true,
                "\r\n",
                ServiceNowAuditLogAdapterTest.HEADER + ",time_worked",
                "INC1,New,TRUE,0,0,0,TRUE,Caller 1,01-03-2025 08:00,Updated by 1,01-03-2025 08:05,"
                    + "3 - Moderate,Group 1,?,\"Symptom\r\nwith a line break\",?,?,?,?",
                "INC1,Active,TRUE,1,0,1,TRUE,Caller 1,01-03-2025 08:00,Updated by 2,"
                    + "01-03-2025 09:00,3 - Moderate,Group 2,Resolver 7,Symptom,?,?,?,"
                    + "1 Hour 15 Minutes",
                "INC1,Resolved,TRUE,1,0,2,FALSE,Caller 1,01-03-2025 08:00,Updated by 2,"
                    + "02-03-2025 10:00,3 - Moderate,Group 2,?,Symptom,Resolved by 7,"
                    + "02-03-2025 10:00,?,3 Hours 45 Minutes",
                "INC2,New,TRUE,0,0,0,TRUE,Caller 2,03-03-2025 08:00,Updated by 1,03-03-2025 08:00,"
                    + "4 - Low,Group 1,Resolver 8,Symptom,?,?,?,?"),
            file("people.csv", false, "\n", "user_id,email", "resolver 7,Ana.Silva@Example.com")),
        Pattern.compile("\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}"),
        List.of(
            "29-02-2025 10:00",
            "00-00-0000 00:00",
            "31-12-99999 23:59",
            "01-13-2025 10:00",
            "01-03-0000 08:00"),
        List.of("09-03-2025 02:30", "09-03-2025 02:00"));
  }

  static ExportFixture zendeskJson() {
    return new ExportFixture(
        "zendesk-json",
        "service_desk",
        "  service_desk: [{format: zendesk-json, path: tickets/, ticket_metrics: metrics.json,"
            + " users: users.json, effort_field: 360001234567}]\n",
        List.of(
            file(
                "tickets/page-001.json",
                false,
                "\n",
                "{",
                "  \"tickets\": [",
                "    "
                    + ZendeskTicketAdapterTest.ticket(
                        101,
                        "2025-03-01T08:00:00Z",
                        "2025-03-01T08:05:00Z",
                        "open",
                        7001L,
                        ZendeskTicketAdapterTest.timeTracking("\"300\""))
                    + ",",
                "    "
                    + ZendeskTicketAdapterTest.ticket(
                        103, "2025-03-03T09:00:00Z", "2025-03-04T10:00:00Z", "solved", 7002L),
                "  ],",
                "  \"after_cursor\": \"MTU3NjYxMzUzOS4wfHw0Njd8\",",
                "  \"end_of_stream\": false",
                "}"),
            file(
                "tickets/export.jsonl",
                false,
                "\n",
                ZendeskTicketAdapterTest.ticket(
                    104, "2025-03-07T09:00:00Z", "2025-03-07T10:00:00Z", "pending", 7001L),
                ZendeskTicketAdapterTest.ticket(
                    101,
                    "2025-03-01T08:00:00Z",
                    "2025-03-05T12:00:00Z",
                    "closed",
                    7001L,
                    ZendeskTicketAdapterTest.timeTracking("5400"))),
            file(
                "metrics.json",
                false,
                "\n",
                "{\"ticket_metrics\":[",
                "{\"id\":1,\"ticket_id\":101,\"created_at\":\"2025-03-01T08:00:00Z\","
                    + "\"updated_at\":\"2025-03-05T12:00:00Z\",\"group_stations\":2,"
                    + "\"assignee_stations\":3,\"reopens\":1,\"replies\":4,\"solved_at\":null,"
                    + "\"full_resolution_time_in_minutes\":{\"calendar\":2790,\"business\":737},"
                    + "\"status_updated_at\":\"2025-03-05T12:00:00Z\"}",
                "],\"next_page\":null,\"previous_page\":null,\"count\":1}"),
            file(
                "users.json",
                false,
                "\n",
                "{\"users\":[{\"id\":7001,\"name\":\"Ana Silva\","
                    + "\"email\":\"Ana.Silva@Example.com\",\"role\":\"agent\"},{\"id\":7002,"
                    + "\"name\":\"Bo Chen\",\"email\":\"bo@example.com\",\"role\":\"admin\"}],"
                    + "\"next_page\":null,\"count\":2}")),
        ISO_ZONED,
        ISO_ODD,
        ISO_WITHOUT_ZONE);
  }

  static ExportFixture jiraSmCsv() {
    return new ExportFixture(
        "jira-sm-csv",
        "service_desk",
        "  service_desk: [{format: jira-sm-csv, path: jira.csv, timezone: "
            + GAP_ZONE
            + ", user_emails: people.csv}]\n",
        List.of(
            file(
                "jira.csv",
                true,
                "\r\n",
                JiraServiceManagementAdapterTest.HEADER + ",Time Spent,\u03a3 Time Spent",
                "VPN down,SD-1,10001,Incident,Done,SD,High,Done,Ana Silva,5b10ac8d82e05b22cc7d4ef5,"
                    + "Max Muster,28/Feb/25 4:45 PM,03/Mar/25 9:05 AM,03/Mar/25 9:05 AM,vpn,remote,"
                    + "\"Does not work,\r\nsince yesterday\",Ana Silva,Max Muster,"
                    + "\"28/Feb/25 5:00 PM;5b10ac8d82e05b22cc7d4ef5;Looking\",,"
                    + "Get IT help,Done,5400,9000",
                "Printer,SD-2,10002,Service Request,Open,SD,Medium,,,,Max Muster,"
                    + "14/Oct/24 11:30 AM,14/Oct/24 11:30 AM,,,,,,,,,Request a new device,To Do,,",
                "Mail,SD-3,10003,Incident,Done,SD,Low,Done,Bo Chen,,Max Muster,29/Nov/24 8:00 AM,"
                    + "01/Dec/24 12:00 PM,01/Dec/24 12:00 PM,mail,,,,,,,Get IT help,Done,900,900"),
            file(
                "people.csv",
                false,
                "\n",
                "user_id,email",
                "5b10ac8d82e05b22cc7d4ef5,Ana.Silva@example.com",
                "Bo Chen,bo.chen@example.com")),
        Pattern.compile("\\d{2}/[A-Z][a-z]{2}/\\d{2} \\d{1,2}:\\d{2} [AP]M"),
        List.of(
            "29/Feb/25 1:00 PM",
            "31/Foo/25 1:00 PM",
            "00/Jan/00 0:00 AM",
            "31/Apr/25 13:00 PM",
            "01/Jan/99999 1:00 AM"),
        List.of("09/Mar/25 2:30 AM", "09/Mar/25 2:00 AM"));
  }

  static ExportFixture salesforceCaseCsv() {
    return new ExportFixture(
        "salesforce-case-csv",
        "service_desk",
        "  service_desk: [{format: salesforce-case-csv, path: sf/Case.csv, users: sf/User.csv}]\n",
        List.of(
            file(
                "sf/Case.csv",
                true,
                "\r\n",
                SalesforceCaseAdapterTest.HEADER,
                "500Ec000009YUY8,false,00001014,,,a@b.com,Problem,New,,Phone,VPN,High,,false,,"
                    + "false,005Ec000004oBPNIA2,2025-03-01T08:00:00.000+0000,,,"
                    + "2025-03-01T08:00:00.000+0000",
                "500Ec000009YUY8IAO,false,00001014,,,a@b.com,Problem,Closed,,Phone,VPN,High,"
                    + "\"Long text,\r\nwith a break\",true,2025-03-02T10:00:00Z,true,"
                    + "005Ec000004oBPN,2025-03-01T08:00:00.000+0000,,,2025-03-02T10:00:00Z",
                "500Ec000009YUYAIA4,false,00001016,,,,Question,New,,Web,x,Low,,false,,false,"
                    + "00GEc000001aBcDEAQ,2025-03-03T08:00:00Z,,,2025-03-03T08:00:00Z"),
            file(
                "sf/User.csv",
                true,
                "\r\n",
                "Id,Username,Name,Email,IsActive",
                "005Ec000004oBPNIA2,ana@org,Ana,Ana.Silva@Example.com,true")),
        ISO_ZONED,
        ISO_ODD,
        ISO_WITHOUT_ZONE);
  }

  static ExportFixture hubSpotDealsCsv() {
    return new ExportFixture(
        "hubspot-deals-csv",
        "crm",
        "  crm: [{format: hubspot-deals-csv, path: hubspot/, timezone: "
            + GAP_ZONE
            + ", user_emails: owners.csv, won_stages: [Closed won, Signed]}]\n",
        List.of(
            file(
                "hubspot/all-deals.csv",
                true,
                "\r\n",
                HubSpotDealAdapterTest.HEADER,
                "1001,\"Acme, Inc. - renewal\",Closed won,2025-03-31,"
                    + "Ana Silva (Ana.Silva@example.com),12000,2025-01-15 10:23,Sales Pipeline,"
                    + "2025-03-31 17:00,existingbusiness,\"5001;5002\"",
                "1002,\"Globex\r\nexpansion\",Signed,2025-04-02,Bo Chen,5000.50,2025-02-01 09:00,"
                    + "Sales Pipeline,2025-04-02 09:00,newbusiness,5003",
                "1003,Initech,Closed lost,2025-02-20,Cy Doe,800,2025-01-20 12:00,Sales Pipeline,"
                    + "2025-02-20 12:00,newbusiness,"),
            file("owners.csv", false, "\n", "user_id,email", "bo chen,bo.chen@example.com")),
        Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2})?"),
        List.of(
            "0000-01-01",
            "2025-02-29 10:00",
            "99999-12-31 23:59",
            "2025-13-01",
            "2025-03-04 24:00"),
        List.of("2025-03-09 02:30", "2025-03-09 02:00"));
  }
}
