import AppraisalModel
import EvidenceParsers

/// `appraise import` as a library call: ITSM exports → records → imported evidence → an appraisal that
/// reads back as valid evidence. Whole, as the command runs it
/// (``run(_:mappingPath:mergingPath:catalog:today:problems:)``), or in two steps, so a caller can report what
/// was read before it reads an appraisal to merge into: ``read(_:mapping:problems:)`` then
/// ``appraisal(from:_:catalog:merging:today:)``.
///
/// ```swift
/// let request = ITSMImportRequest(tool: .servicenow, files: ["incident.xml"], policy: .skip)
/// let importer = try ITSMImportPipeline.read(request, mapping: rules) { print($0.description) }
/// let appraisal = try ITSMImportPipeline.appraisal(from: importer, request, catalog: catalog, today: "2026-12-06")
/// let xml = ITSMImportPipeline.evidence(appraisal, for: "evidence.xml")
/// ```
public enum ITSMImportPipeline {
  /// The bundled ITSM → CMMI-SVC mapping rules, relative to the bundled catalogs' folder.
  public static let bundledMapping = "mappings/itsm-cmmi-svc-1.3.json"

  /// The mapping rules at `path`, or the bundled ITSM → CMMI-SVC rules when `path` is `nil`, checked against
  /// `catalog`.
  public static func loadMapping(path: String? = nil, catalog: Catalog) throws(ReadFailure) -> ImportMapping {
    // (`??` would rethrow untyped.)
    let file: String
    if let path { file = path } else { file = try BundledCatalog.locate(bundledMapping) }
    return try ImportMappingReader.read(path: file, catalog: catalog)
  }

  /// The whole import: the mapping rules at `mappingPath` (else the bundled ones), the exports
  /// (``read(_:mapping:problems:)``, each problem handed to `problems` as it is found), then the appraisal at
  /// `mergingPath` if there is one — read whole, so it may be the file the caller writes next — and the
  /// appraisal the import makes (``appraisal(from:_:catalog:merging:today:)``). `request.merging` follows
  /// `mergingPath`. A mapping or an appraisal to merge into that cannot be read or is not valid fails with
  /// ``ITSMImportFailure/unreadable(_:)``.
  public static func run(
    _ request: ITSMImportRequest, mappingPath: String? = nil, mergingPath: String? = nil, catalog: Catalog,
    today: String, problems: @escaping (LocatedProblem) -> Void
  ) throws(ITSMImportFailure) -> (read: ITSMImport, appraisal: Appraisal) {
    var request = request
    request.merging = mergingPath != nil
    let mapping: ImportMapping
    do throws(ReadFailure) {
      mapping = try loadMapping(path: mappingPath, catalog: catalog)
    } catch {
      throw .unreadable(error)
    }
    let imported = try read(request, mapping: mapping, problems: problems)
    var existing: Appraisal?
    if let mergingPath {
      do throws(ReadFailure) {
        // Not streaming: a streamed XML file's evidence items are counted, not kept, and would be lost.
        existing = try AppraisalReader.read(path: mergingPath, catalog: catalog).appraisal
      } catch {
        throw .unreadable(error)
      }
    }
    let made = try appraisal(from: imported, request, catalog: catalog, merging: existing, today: today) { warning in
      problems(LocatedProblem(severity: .warning, location: nil, file: mergingPath ?? "import", message: warning))
    }
    return (imported, made)
  }

  /// `appraisal` as the evidence file `path` names: JSON when it ends in `.json`, else XML.
  public static func evidence(_ appraisal: Appraisal, for path: String) -> String {
    path.hasSuffix(".json") ? EvidenceWriter.json(appraisal) : EvidenceWriter.xml(appraisal)
  }

  /// Reads every file of `request` as one import (cross-file references such as a ServiceNow task_sla's
  /// incident or Freshservice's groups.json are resolved across them), handing each warning and record
  /// problem to `problems` as it is found: a large export's problems are never all held in memory.
  ///
  /// Fails with ``ITSMImportFailure/rejected(files:badRecords:)`` when a file could not be read or was
  /// rejected whole, or when records could not be used under ``BadRecordPolicy/refuse``; with
  /// ``ITSMImportFailure/noRecords`` when nothing was read and there is no appraisal to merge into.
  public static func read(
    _ request: ITSMImportRequest, mapping: ImportMapping, problems: @escaping (LocatedProblem) -> Void
  ) throws(ITSMImportFailure) -> ITSMImport {
    var importer = EvidenceImporter(mapping: mapping, tool: request.tool.displayName)
    // Locators name files by their last path component.
    var names: [String: String] = [:]
    for file in request.files where names[file] == nil {
      names[file] = file.split(separator: "/").last.map(String.init) ?? file
    }
    // The mapping file's Jira issue types, under those of the request (`--jira-type`).
    var options = request.options
    for (name, kind) in mapping.jiraIssueTypes where options.jiraTypes[name.lowercased()] == nil {
      options.jiraTypes[name.lowercased()] = kind
    }
    // Provisional: when a file is rejected the import fails as a whole, so records handed out before the
    // file's error are never used.
    let results = ITSMImportReader.read(
      paths: request.files, tool: request.tool, options: options, policy: request.policy, problems: problems,
      provisional: true
    ) { record, file in
      importer.add(record, from: names[file] ?? file)
    }
    let failures = results.compactMap(\.failure)
    let badRecords = results.reduce(0) { $0 + $1.recordErrorCount }
    if !failures.isEmpty || (badRecords > 0 && request.policy == .refuse) {
      throw .rejected(files: failures, badRecords: request.policy == .refuse ? badRecords : 0)
    }
    // A new appraisal needs at least one record to make an instantiation of.
    if importer.recordCount == 0 && !request.merging { throw .noRecords }
    return ITSMImport(
      importer: importer, kind: request.kind, skippedCount: badRecords,
      duplicateCount: results.reduce(0) { $0 + $1.duplicateCount })
  }

  /// The appraisal the import makes: `merging` with its imported items replaced, or a new one with the
  /// request's unit and date (else the latest record date, else `today`). It is validated against
  /// `catalog` as any evidence file would be (``ITSMImportFailure/invalidAppraisal(_:)``).
  ///
  /// Merged, each ITSM group's records go to the instantiation the group map names (the mapping file's
  /// `groupMap`, then the request's, which wins), else to the one of the group's id or name; a group
  /// matching none becomes a new instantiation and `warnings` is told so, naming `--map-group`. A map
  /// naming an instantiation the appraisal lacks fails with ``ITSMImportFailure/unknownUnit(_:)``.
  public static func appraisal(
    from read: ITSMImport, _ request: ITSMImportRequest, catalog: Catalog, merging: Appraisal? = nil,
    today: String, warnings: (String) -> Void = { _ in }
  ) throws(ITSMImportFailure) -> Appraisal {
    let appraisal: Appraisal
    if let merging {
      let groupMap = read.importer.mapping.groupMap.merging(request.groupMap) { _, given in given }
      do throws(EvidenceImporter.UnknownUnit) {
        let result = try read.importer.merge(into: merging, kind: request.kind, groupMap: groupMap)
        for unit in result.added { warnings(Message.unmatchedGroup(unit)) }
        appraisal = result.appraisal
      } catch {
        throw .unknownUnit(error)
      }
    } else {
      let header = Appraisal.Header(
        id: "import-\(request.tool.rawValue)", name: "\(request.tool.displayName) import",
        organizationalUnit: request.organizationalUnit, date: request.date ?? read.importer.latestDate ?? today,
        model: catalog.model.id, modelVersion: catalog.model.version)
      appraisal = read.importer.appraisal(header: header, kind: request.kind, catalog: catalog)
    }
    let errors = AppraisalValidator.problems(in: appraisal, catalog: catalog).filter { $0.severity == .error }
    if !errors.isEmpty { throw .invalidAppraisal(errors) }
    return appraisal
  }
}

/// What to import and how.
public struct ITSMImportRequest: Sendable {
  public var tool: ITSMTool
  public var files: [String]
  public var options: ITSMImportOptions
  public var policy: BadRecordPolicy
  /// The kind of instantiation each group of records becomes.
  public var kind: Instantiation.Kind
  /// The new appraisal's organizational unit and date (`YYYY-MM-DD`; `nil`: the latest record date).
  public var organizationalUnit: String
  public var date: String?
  /// Whether the import will be merged into an existing appraisal (then no record at all is no error).
  public var merging: Bool
  /// ITSM group → instantiation id or name of the appraisal merged into (`--map-group GROUP=UNIT`); wins
  /// over the mapping file's `groupMap`.
  public var groupMap: [String: String] = [:]

  /// A ``groupMap`` entry written `GROUP=UNIT` (as `--map-group` takes it, split at the last `=` so a
  /// group name may hold one); `nil` when either side is empty.
  public static func groupMapping(_ text: String) -> (String, String)? {
    guard let equals = text.lastIndex(of: "=") else { return nil }
    let group = String(text[..<equals])
    let unit = String(text[text.index(after: equals)...])
    return group.isEmpty || unit.isEmpty ? nil : (group, unit)
  }

  public init(
    tool: ITSMTool, files: [String], options: ITSMImportOptions = ITSMImportOptions(),
    policy: BadRecordPolicy = .refuse, kind: Instantiation.Kind = .service,
    organizationalUnit: String = "imported organizational unit", date: String? = nil, merging: Bool = false
  ) {
    self.tool = tool
    self.files = files
    self.options = options
    self.policy = policy
    self.kind = kind
    self.organizationalUnit = organizationalUnit
    self.date = date
    self.merging = merging
  }
}

/// The records an import read, ready to become an appraisal.
public struct ITSMImport: Sendable {
  public var importer: EvidenceImporter
  public var kind: Instantiation.Kind
  /// Records left out under ``BadRecordPolicy/skip``.
  public var skippedCount: Int
  /// Records left out because their kind and id were read before in the import (the first is counted).
  public var duplicateCount: Int

  public init(importer: EvidenceImporter, kind: Instantiation.Kind, skippedCount: Int, duplicateCount: Int = 0) {
    self.importer = importer
    self.kind = kind
    self.skippedCount = skippedCount
    self.duplicateCount = duplicateCount
  }

  /// `OUTPUT: N records (…) → M imported evidence items in K instantiations; U records matched no rule`,
  /// then the records skipped and the duplicates counted once, if any.
  public func summary(output: String) -> String {
    let counts = ITSMRecord.Kind.allCases.compactMap { kind in
      importer.recordsByKind[kind].map { "\($0) \(kind.rawValue)" }
    }
    return "\(output): \(importer.recordCount) records (\(counts.joined(separator: ", "))) → "
      + "\(importer.evidence(kind: kind).count) imported evidence items in \(importer.instantiations(kind: kind).count) "
      + "instantiations; \(importer.unmatchedCount) records matched no rule"
      + (skippedCount > 0 ? "; \(skippedCount) records skipped" : "")
      + (duplicateCount > 0
        ? "; \(duplicateCount) duplicate record\(duplicateCount == 1 ? "" : "s") counted once" : "")
  }
}

/// Why an import wrote nothing.
public enum ITSMImportFailure: Error, Sendable {
  /// Files that could not be read (``ReadFailure/cannotOpen(file:reason:)``) or were rejected whole, and
  /// the number of records that could not be used under ``BadRecordPolicy/refuse``.
  case rejected(files: [ReadFailure], badRecords: Int)
  /// No record was read and there is nothing to merge into.
  case noRecords
  /// The appraisal the import made is not valid evidence.
  case invalidAppraisal([ModelProblem])
  /// The mapping rules or the appraisal to merge into could not be read or are not valid.
  case unreadable(ReadFailure)
  /// The group map names an instantiation the appraisal merged into does not have.
  case unknownUnit(EvidenceImporter.UnknownUnit)

  /// Whether an input could not be opened (`appraise import` exits 66) rather than holding something
  /// unusable (65).
  public var isMissingInput: Bool {
    switch self {
    case .rejected(let files, _): files.contains { if case .cannotOpen = $0 { true } else { false } }
    case .unreadable(.cannotOpen): true
    case .noRecords, .invalidAppraisal, .unreadable(.invalid), .unknownUnit: false
    }
  }

  /// Why nothing was written for `request`, one message per line; `output` names the file the appraisal
  /// was meant for. The advice on records that could not be used names the command's `--skip-bad-records`.
  public func messages(_ request: ITSMImportRequest, output: String) -> [String] {
    switch self {
    case .rejected(let files, let badRecords):
      files.map { $0.errorDescription ?? "\($0)" }
        + (badRecords == 0
          ? []
          : [
            "import: \(badRecords) record\(badRecords == 1 ? "" : "s") could not be used and nothing was written; "
              + "correct the export, or pass --skip-bad-records to import the other records"
          ])
    case .noRecords:
      [
        "import: no record was read from \(request.files.joined(separator: ", ")); expected at least one "
          + "\(request.tool.displayName) record (incident, problem, change, ...); nothing was written"
      ]
    case .invalidAppraisal(let problems): problems.map { "\(output): error: \($0.message)" }
    case .unreadable(let failure): [failure.errorDescription ?? "\(failure)"]
    case .unknownUnit(let unknown): ["import: \(unknown.message); nothing was written"]
    }
  }
}

extension ITSMImportPipeline {
  /// The pipeline's messages.
  enum Message {
    static func unmatchedGroup(_ unit: Instantiation) -> String {
      "ITSM group \"\(unit.name)\" matches no instantiation of the appraisal (by id or name): added as the new "
        + "unit \"\(unit.id)\"; to count its records in one of the appraisal's units, pass "
        + "--map-group '\(unit.name)=UNIT' or add it to the mapping file's groupMap"
    }
  }
}
