import AppraisalModel
import ArgumentParser
import EvidenceParsers
import Foundation
import ITSMImport

/// `appraise import --from TOOL FILE… --output evidence.xml`: turns ITSM exports into evidence.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Turn ITSM tool exports into an evidence file (imported artifacts, never characterizations).",
    discussion: """
      Each record (incident, problem, change, request, SLA, configuration item, knowledge article) is matched \
      against the mapping rules (default: the bundled practice-catalogs/mappings/itsm-cmmi-svc-1.3.json); every \
      rule met by records of one group becomes one imported evidence item of the rule's practice in that \
      group's instantiation, its locator naming the files and sample record numbers. Records that cannot be \
      used fully are reported as warnings with their place. Formats and fields: docs/itsm-import.md.

      Examples:
        appraise import --from servicenow fixtures/itsm/servicenow/incident.xml --output evidence.xml
        appraise import --from jira-sm search.json --merge appraisal.xml --output appraisal.xml
      """)

  @Option(help: "The tool the exports come from: \(ITSMTool.allCases.map(\.rawValue).joined(separator: ", ")).")
  var from: String

  @Argument(help: "Export files.")
  var files: [String]

  @Option(help: "The evidence file to write (.xml or .json).")
  var output: String

  @Option(
    help: "An evidence file to add the import to (instantiations kept, imported items with the same id replaced).")
  var merge: String?

  @Option(help: "A native field that groups records into instantiations (repeatable; the first present wins).")
  var groupBy: [String] = []

  @Option(help: "The kind of instantiation each group is: project, team, service or support-function.")
  var instantiationKind: String = "service"

  @Option(help: "A mapping rules file (default: the bundled ITSM → CMMI-SVC rules).")
  var mapping: String?

  @Option(help: "A catalog file (default: the bundled CMMI-SVC V1.3).")
  var catalog: String?

  @Option(help: "The new appraisal's organizational unit (without --merge).")
  var organizationalUnit: String = "imported organizational unit"

  @Option(help: "The new appraisal's date, YYYY-MM-DD (default: the latest record date).")
  var date: String?

  @Flag(help: "Import the other records when some cannot be used (no id, a broken row); they are reported as skipped.")
  var skipBadRecords = false

  @Option(help: "Jira: the label that marks an issue as a continuity test.")
  var continuityLabel: String = "continuity-test"

  @Option(
    help:
      "Jira: a custom field for a normalized field, as NAME=customfield_ID (repeatable), e.g. rootCause=customfield_10040."
  )
  var jiraField: [String] = []

  @Option(help: "ServiceNow Table API: the table of records that do not name theirs (e.g. incident).")
  var table: String?

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one export file") }
    if ITSMTool(rawValue: from) == nil {
      throw ValidationError(
        "--from \(from) is not a known tool; expected one of \(ITSMTool.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    if Instantiation.Kind(rawValue: instantiationKind) == nil {
      throw ValidationError(
        "--instantiation-kind \(instantiationKind) is not a kind; expected one of "
          + Instantiation.Kind.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if !output.hasSuffix(".xml") && !output.hasSuffix(".json") {
      throw ValidationError("--output \(output) must end in .xml or .json (the evidence syntaxes import writes)")
    }
    for field in jiraField where field.split(separator: "=").count != 2 {
      throw ValidationError("--jira-field \(field) is not NAME=customfield_ID")
    }
    if let date, !AppraisalValidator.isCalendarDate(date) {
      throw ValidationError("--date \(date) is not a calendar date; expected YYYY-MM-DD")
    }
    // --merge may name the output: the appraisal is read whole before the new one replaces it.
    try OutputFile.refuse(output, ifOneOf: files + [mapping, catalog].compactMap { $0 })
  }

  func run() throws {
    let tool = ITSMTool(rawValue: from)!
    let kind = Instantiation.Kind(rawValue: instantiationKind)!
    let loadedCatalog = try readCatalog(catalog)
    let rules: ImportMapping
    do throws(ReadFailure) {
      rules = try ImportMappingReader.read(
        path: mapping ?? BundledCatalog.path("mappings/itsm-cmmi-svc-1.3.json") ?? "mappings/itsm-cmmi-svc-1.3.json",
        catalog: loadedCatalog)
    } catch {
      throw fail(error)
    }
    var importer = EvidenceImporter(mapping: rules, tool: tool.displayName)
    var failure: ExitCode?
    // All files are read as one import (cross-file references such as a task_sla's incident or
    // Freshservice's groups.json are resolved across them). A rejected file fails the run and nothing is
    // written; records skipped with errors are reported and the others imported.
    let names = Dictionary(files.map { ($0, ($0 as NSString).lastPathComponent) }, uniquingKeysWith: { a, _ in a })
    let options = ITSMImportOptions(
      groupBy: groupBy, continuityLabel: continuityLabel,
      jiraFields: Dictionary(
        jiraField.map { field in
          let parts = field.split(separator: "=").map(String.init)
          return (parts[0], parts[1])
        }, uniquingKeysWith: { _, last in last }), serviceNowTable: table)
    var skipped = 0
    // Problems are printed as they are found: a large export's warnings are never all held in memory.
    let report: (LocatedProblem) -> Void = { found in
      var problem = found
      if problem.severity == .error {
        skipped += 1
        if skipBadRecords {
          // Asked for: the record is left out, which is worth a warning, not an error.
          let reason = problem.message.hasSuffix(": skipped") ? String(problem.message.dropLast(9)) : problem.message
          problem.severity = .warning
          problem.message = "record skipped: " + reason
        }
      }
      printError(problem.description)
    }
    let results = ITSMImportReader.read(paths: files, tool: tool, options: options, problems: report) { record, file in
      importer.add(record, from: names[file] ?? file)
    }
    for result in results {
      if let error = result.failure {
        printError(error.errorDescription ?? "\(error)")
        if case .cannotOpen = error {
          failure = ExitStatus.noInput
        } else if failure == nil {
          failure = ExitStatus.dataError
        }
      }
    }
    if skipped > 0 && !skipBadRecords {
      printError(
        "import: \(skipped) record\(skipped == 1 ? "" : "s") could not be used and nothing was written; "
          + "correct the export, or pass --skip-bad-records to import the other records")
      if failure == nil { failure = ExitStatus.dataError }
    }
    if let failure { throw failure }
    // A new appraisal needs at least one record to make an instantiation of (found by fuzzing: an export
    // with no records, e.g. Freshservice's groups.json alone, used to fail only on the written file's validation).
    if importer.recordCount == 0 && merge == nil {
      printError(
        "import: no record was read from \(files.joined(separator: ", ")); expected at least one "
          + "\(tool.displayName) record (incident, problem, change, ...); nothing was written")
      throw ExitStatus.dataError
    }
    let appraisal: Appraisal
    if let merge {
      appraisal = importer.merged(into: try loadAppraisal(merge, catalog: loadedCatalog).appraisal, kind: kind)
    } else {
      let header = Appraisal.Header(
        id: "import-\(tool.rawValue)", name: "\(tool.displayName) import", organizationalUnit: organizationalUnit,
        date: date ?? importer.latestDate ?? today(), model: loadedCatalog.model.id,
        modelVersion: loadedCatalog.model.version)
      appraisal = importer.appraisal(header: header, kind: kind, catalog: loadedCatalog)
    }
    // What import writes must read back as valid evidence.
    let problems = AppraisalValidator.problems(in: appraisal, catalog: loadedCatalog).filter { $0.severity == .error }
    if !problems.isEmpty {
      for problem in problems { printError("\(output): error: \(problem.message)") }
      throw ExitStatus.dataError
    }
    let text = output.hasSuffix(".json") ? EvidenceWriter.json(appraisal) : EvidenceWriter.xml(appraisal)
    do {
      try OutputFile.write(text, to: output)
    } catch {
      printError("cannot write \(output): \(error.localizedDescription)")
      throw ExitStatus.cannotCreate
    }
    let counts = ITSMRecord.Kind.allCases.compactMap { kind in
      importer.recordsByKind[kind].map { "\($0) \(kind.rawValue)" }
    }
    try Console.output(
      "\(output): \(importer.recordCount) records (\(counts.joined(separator: ", "))) → "
        + "\(importer.evidence(kind: kind).count) imported evidence items in \(importer.instantiations(kind: kind).count) "
        + "instantiations; \(importer.unmatchedCount) records matched no rule"
        + (skipped > 0 ? "; \(skipped) records skipped" : "") + "\n")
  }

  private func today() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date())
  }
}
