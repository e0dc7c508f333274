import AppraisalModel
import AppraiseKit
import ArgumentParser
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
        appraise import --from servicenow incident.xml --merge a.xml --map-group 'Service Desk=desk' --output a.xml
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

  @Option(
    help: ArgumentHelp(
      "Jira: an issue type read as a record kind, as NAME=KIND (repeatable), e.g. 'Support Request=service-request'.",
      discussion:
        "KIND is incident, problem, change or service-request. The mapping file's jiraIssueTypes does the same."))
  var jiraType: [String] = []

  @Option(help: "ServiceNow Table API: the table of records that do not name theirs (e.g. incident).")
  var table: String?

  @Option(
    help:
      "With --merge: count an ITSM group's records in an instantiation of the appraisal, as 'GROUP=UNIT' (UNIT its id or name; repeatable)."
  )
  var mapGroup: [String] = []

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
    for field in jiraField where ITSMImportOptions.jiraField(field) == nil {
      throw ValidationError("--jira-field \(field) is not NAME=customfield_ID")
    }
    for type in jiraType where ITSMImportOptions.jiraType(type) == nil {
      throw ValidationError(
        "--jira-type \(type) is not NAME=KIND; expected KIND to be one of "
          + ITSMImportOptions.jiraTypeKinds.map(\.rawValue).joined(separator: ", "))
    }
    for entry in mapGroup where ITSMImportRequest.groupMapping(entry) == nil {
      throw ValidationError("--map-group \(entry) is not GROUP=UNIT")
    }
    if !mapGroup.isEmpty && merge == nil {
      throw ValidationError(
        "--map-group maps groups onto the instantiations of the appraisal named by --merge; name one")
    }
    if let date, !AppraisalValidator.isCalendarDate(date) {
      throw ValidationError("--date \(date) is not a calendar date; expected YYYY-MM-DD")
    }
    // --merge may name the output: the appraisal is read whole before the new one replaces it.
    try OutputFile.refuse(output, ifOneOf: files + [mapping, catalog].compactMap { $0 })
  }

  func run() throws {
    try MethodCheck.requireSCAMPI([merge].compactMap { $0 }, for: "appraise import --merge")
    let loadedCatalog = try exitOnFailure { try AppraisalPipeline.loadCatalog(path: catalog).catalog }
    let options = ITSMImportOptions(
      groupBy: groupBy, continuityLabel: continuityLabel,
      jiraFields: Dictionary(jiraField.compactMap(ITSMImportOptions.jiraField), uniquingKeysWith: { _, last in last }),
      serviceNowTable: table,
      jiraTypes: Dictionary(jiraType.compactMap(ITSMImportOptions.jiraType), uniquingKeysWith: { _, last in last }))
    var request = ITSMImportRequest(
      tool: ITSMTool(rawValue: from)!, files: files, options: options, policy: skipBadRecords ? .skip : .refuse,
      kind: Instantiation.Kind(rawValue: instantiationKind)!, organizationalUnit: organizationalUnit, date: date)
    request.groupMap = Dictionary(
      mapGroup.compactMap(ITSMImportRequest.groupMapping), uniquingKeysWith: { _, last in last })
    let result: (read: ITSMImport, appraisal: Appraisal)
    do throws(ITSMImportFailure) {
      // Problems are printed as they are found.
      result = try ITSMImportPipeline.run(
        request, mappingPath: mapping, mergingPath: merge, catalog: loadedCatalog, today: today()
      ) { printError($0.description) }
    } catch {
      for line in error.messages(request, output: output) { printError(line) }
      throw error.isMissingInput ? ExitStatus.noInput : ExitStatus.dataError
    }
    try OutputFile.writeOrExit(ITSMImportPipeline.evidence(result.appraisal, for: output), to: output)
    try Console.output(result.read.summary(output: output) + "\n")
    // Imports carry artifacts only: say what the goals still need.
    if let hint = Appraisal.affirmationsHint(areas: result.appraisal.areasWithImportedArtifactsOnly) {
      printError("import: note: \(hint)")
    }
  }

  /// Today's date in UTC, `YYYY-MM-DD`: the new appraisal's date when no record has one.
  private func today() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date())
  }
}
