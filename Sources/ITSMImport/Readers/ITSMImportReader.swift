import AppraisalModel
import EvidenceParsers

/// The ITSM tools whose exports `appraise import` reads (docs/itsm-import.md).
public enum ITSMTool: String, CaseIterable, Sendable {
  case servicenow
  case bmcHelix = "bmc-helix"
  case jiraSM = "jira-sm"
  case manageengine
  case freshservice

  /// The name used in evidence locators and messages.
  public var displayName: String {
    switch self {
    case .servicenow: "ServiceNow"
    case .bmcHelix: "BMC Helix ITSM"
    case .jiraSM: "Jira Service Management"
    case .manageengine: "ManageEngine ServiceDesk Plus"
    case .freshservice: "Freshservice"
    }
  }

  /// The file types its exports come in.
  public var syntaxes: [String] {
    switch self {
    case .servicenow, .jiraSM: ["xml", "json"]
    case .bmcHelix: ["csv", "json"]
    case .manageengine, .freshservice: ["json"]
    }
  }

  var profile: any ITSMProfile.Type {
    switch self {
    case .servicenow: ServiceNowProfile.self
    case .jiraSM: JiraProfile.self
    case .bmcHelix: BMCHelixProfile.self
    case .manageengine: ManageEngineProfile.self
    case .freshservice: FreshserviceProfile.self
    }
  }
}

/// Choices that change how records are normalized (docs/itsm-import.md).
public struct ITSMImportOptions: Sendable {
  /// The group field: the tool's alternative (`business_service`, `component`, `site`, `department`,
  /// `service`) or native field names, the first present wins; empty for the tool's default.
  public var groupBy: [String]
  /// Jira: the label that makes an issue a continuity test.
  public var continuityLabel: String
  /// Jira: custom field ids by normalized field name or Jira field name (`rootCause` or `Root cause` →
  /// `customfield_10040`), overriding the look-up by name.
  public var jiraFields: [String: String]
  /// ServiceNow Table API: the table of records without `sys_class_name` when the file does not tell.
  public var serviceNowTable: String?
  /// Jira: issue type names (lower-cased) read as a record kind (`support request` → service-request), from
  /// `--jira-type` and the mapping file's `jiraIssueTypes`; they come before the built-in type names.
  public var jiraTypes: [String: ITSMRecord.Kind]

  public init(
    groupBy: [String] = [], continuityLabel: String = "continuity-test", jiraFields: [String: String] = [:],
    serviceNowTable: String? = nil, jiraTypes: [String: ITSMRecord.Kind] = [:]
  ) {
    self.groupBy = groupBy
    self.continuityLabel = continuityLabel
    self.jiraFields = jiraFields
    self.serviceNowTable = serviceNowTable
    self.jiraTypes = Dictionary(
      jiraTypes.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
  }

  /// The record kinds a Jira issue type may be mapped to (`--jira-type`, `jiraIssueTypes`).
  public static let jiraTypeKinds: [ITSMRecord.Kind] = [.incident, .problem, .change, .serviceRequest]

  /// A ``jiraTypes`` entry written `NAME=KIND` (`Support Request=service-request`, as `--jira-type` takes it;
  /// the name may hold spaces, the kind is one of ``jiraTypeKinds``); `nil` otherwise.
  public static func jiraType(_ text: String) -> (String, ITSMRecord.Kind)? {
    guard let equals = text.lastIndex(of: "=") else { return nil }
    let name = String(text[..<equals]).trimmed
    let kind = ITSMRecord.Kind(rawValue: String(text[text.index(after: equals)...]).trimmed)
    guard !name.isEmpty, let kind, jiraTypeKinds.contains(kind) else { return nil }
    return (name, kind)
  }

  /// A ``jiraFields`` entry written `NAME=customfield_ID` (`rootCause=customfield_10040`, as `--jira-field`
  /// takes it); `nil` when `text` is not two parts around `=`.
  public static func jiraField(_ text: String) -> (String, String)? {
    let parts = text.split(separator: "=").map(String.init)
    return parts.count == 2 ? (parts[0], parts[1]) : nil
  }
}

/// What became of one file of an import.
public struct ITSMFileResult: Sendable {
  public var file: String
  /// Why the file was rejected as a whole (not well-formed, not the tool's envelope, not readable); none of
  /// its records were handed out.
  public var failure: ReadFailure?
  /// Located warnings and record errors, in the order of the records (empty when they were handed to a
  /// sink as they came).
  public var problems: [LocatedProblem]
  /// Normalized records handed out from this file.
  public var recordCount: Int
  /// How many records were skipped with errors.
  public var recordErrorCount = 0
  /// How many records were left out as duplicates (a kind and id read before in the import).
  public var duplicateCount = 0

  /// Whether records were skipped with errors.
  public var hasRecordErrors: Bool { recordErrorCount > 0 }
}

/// Reads ITSM exports into normalized records (``ITSMRecord``), one at a time, with a located warning for
/// every record it cannot use fully (unknown state, no group, a type it does not read) and a located
/// error for every record it cannot use at all (no id).
///
/// All files of one import are read together. A tool with cross-file references has small look-up tables
/// collected from every file (ServiceNow record number → group for `task_sla`, Freshservice group id →
/// name from `groups.json`) before a record that needs them is normalized. XML is read in one pass that
/// checks the syntax, collects the look-ups and normalizes every record until the first that needs
/// look-ups; from that record on (and for JSON and CSV, always) a second pass normalizes, once every file
/// has been checked and its look-ups collected. XML is streamed in both passes, so memory stays flat in
/// the number of records apart from those tables. A file that is rejected (syntax, envelope) hands out
/// none of its records.
public enum ITSMImportReader {
  /// Reads `paths` as one import from `tool`, calling `body` with each record and the file it came from.
  /// With `sink`, warnings and record errors go to it as each file is done instead of being collected.
  /// A problem that hits many records of a file is reported once with a count and the first few record
  /// ids (``ITSMProblemDigest``); a record whose kind and id were read before in the import is left out,
  /// and all such records are reported in one warning at the end (``ITSMDuplicates``).
  ///
  /// A record that cannot be used (no id, a broken row) is reported by `policy`: with ``BadRecordPolicy/refuse``
  /// as an error ("…: skipped"; the import as a whole then fails), with ``BadRecordPolicy/skip`` as a
  /// warning ("record skipped: …"). Either way it is counted in ``ITSMFileResult/recordErrorCount``.
  public static func read(
    paths: [String], tool: ITSMTool, options: ITSMImportOptions = ITSMImportOptions(),
    policy: BadRecordPolicy = .refuse, problems sink: ((LocatedProblem) -> Void)? = nil,
    _ body: (ITSMRecord, _ file: String) -> Void
  ) -> [ITSMFileResult] {
    read(paths: paths, tool: tool, options: options, policy: policy, problems: sink, provisional: false, body)
  }

  /// ``read(paths:tool:options:policy:problems:_:)``; with `provisional`, the records a file's first pass
  /// normalizes go to `body` as they are read, before the file is known to be well-formed to its end (for a
  /// caller that drops everything when any file is rejected), instead of being held until the file ends.
  static func read(
    paths: [String], tool: ITSMTool, options: ITSMImportOptions, policy: BadRecordPolicy,
    problems sink: ((LocatedProblem) -> Void)?, provisional: Bool, _ body: (ITSMRecord, _ file: String) -> Void
  ) -> [ITSMFileResult] {
    let profile = tool.profile
    var results = paths.map { ITSMFileResult(file: $0, failure: nil, problems: [], recordCount: 0) }
    var lookups = ITSMLookups()
    var duplicates = ITSMDuplicates()
    /// Where the second pass starts: the file and the number of its records the first pass normalized.
    var resume: (file: Int, record: Int)?
    /// What the first pass left of the file the second pass starts in.
    var resumed: (file: FileState, held: [ITSMRecord])?
    /// The file in which the look-ups began to keep records' groups (``ITSMLookups/keepRecords()``).
    var keepingSince: Int?

    /// The results of a file all of whose records are normalized.
    func finish(_ state: FileState, file index: Int) {
      let problems = state.digest.problems(file: paths[index])
      if let sink { problems.forEach(sink) } else { results[index].problems = problems }
      results[index].recordCount = state.count
      results[index].recordErrorCount = state.errors
      results[index].duplicateCount = state.duplicateCount
    }

    // First pass: syntax of every file (so a rejected file hands out nothing), the look-ups, and the records
    // of XML files up to the first that needs look-ups. JSON is parsed whole before any record is handed
    // out, so it needs no first pass without look-ups.
    for (index, path) in paths.enumerated() {
      // Kept only if the whole file reads: a rejected file contributes nothing.
      let kept = duplicates
      do throws(ReadFailure) {
        let syntax = try syntax(of: path, tool: tool)
        var collected = lookups
        let normalizing = resume == nil && syntax == .xml
        if !normalizing {
          guard profile.needsLookups || syntax != .json else {
            if resume == nil { resume = (index, 0) }
            continue
          }
          let only = profile.needsLookups ? profile.lookupFields(options) : []
          try records(of: path, syntax: syntax, profile: profile, only: only) { record, envelope in
            guard profile.needsLookups, record.readError == nil else { return }
            // The context holds no look-ups here, so adding to them never copies them.
            let context = ITSMContext(
              options: options, lookups: ITSMLookups(), file: path, syntax: syntax, envelope: envelope)
            profile.collect(record, context: context, into: &collected)
          }
          if profile.needsLookups, let problem = profile.fileProblem(file: path, lookups: collected, options: options) {
            throw NativeRecordReader.located(path, problem.line, problem.column ?? 0, problem.message)
          }
          if keepingSince == nil && collected.keepsRecords { keepingSince = index }
          lookups = collected
          if resume == nil { resume = (index, 0) }
          continue
        }
        var state = FileState()
        var held: [ITSMRecord] = []
        /// The number of records normalized before the first that needs look-ups, once it is found.
        var stopped: Int?
        var count = 0
        try records(of: path, syntax: syntax, profile: profile) { record, envelope in
          defer { count += 1 }
          let context = ITSMContext(
            options: options, lookups: ITSMLookups(), file: path, syntax: syntax, envelope: envelope)
          if profile.needsLookups, record.readError == nil {
            profile.collect(record, context: context, into: &collected)
          }
          guard stopped == nil else { return }
          if profile.needsLookups && profile.recordNeedsLookups(record, context: context) {
            stopped = count
            return
          }
          normalize(record, context: context, profile: profile, policy: policy, into: &state, duplicates: &duplicates) {
            if provisional { body($0, path) } else { held.append($0) }
          }
        }
        if profile.needsLookups, let problem = profile.fileProblem(file: path, lookups: collected, options: options) {
          throw NativeRecordReader.located(path, problem.line, problem.column ?? 0, problem.message)
        }
        if keepingSince == nil && collected.keepsRecords { keepingSince = index }
        lookups = collected
        if let stopped {
          resume = (index, stopped)
          resumed = (state, held)
        } else {
          for record in held { body(record, path) }
          finish(state, file: index)
        }
      } catch {
        results[index].failure = error
        duplicates = kept
      }
    }
    // The groups of the records read before the look-ups kept any: collected again from the files up to the
    // one where keeping began (the later records' groups, already kept, are not replaced).
    if let keepingSince {
      var earlier = ITSMLookups()
      earlier.keepRecords()
      for (index, path) in paths.enumerated() where index <= keepingSince && results[index].failure == nil {
        do throws(ReadFailure) {
          let syntax = try syntax(of: path, tool: tool)
          try records(of: path, syntax: syntax, profile: profile, only: profile.lookupFields(options)) {
            record, envelope in
            guard record.readError == nil else { return }
            let context = ITSMContext(
              options: options, lookups: ITSMLookups(), file: path, syntax: syntax, envelope: envelope)
            profile.collect(record, context: context, into: &earlier)
          }
        } catch {
          // A file that changed between the passes.
          results[index].failure = error
        }
      }
      lookups.addEarlier(earlier)
    }
    // Second pass: normalize what the first left.
    if let resume {
      for (index, path) in paths.enumerated() where index >= resume.file && results[index].failure == nil {
        var state = FileState()
        var skip = 0
        if index == resume.file, let resumed {
          state = resumed.file
          skip = resume.record
          for record in resumed.held { body(record, path) }
        }
        do throws(ReadFailure) {
          let syntax = try syntax(of: path, tool: tool)
          var count = 0
          try records(of: path, syntax: syntax, profile: profile) { record, envelope in
            defer { count += 1 }
            guard count >= skip else { return }
            let context = ITSMContext(
              options: options, lookups: lookups, file: path, syntax: syntax, envelope: envelope)
            normalize(record, context: context, profile: profile, policy: policy, into: &state, duplicates: &duplicates)
            {
              body($0, path)
            }
          }
          finish(state, file: index)
        } catch {
          // JSON read here for the first time (it hands out nothing before it is parsed whole), or a file
          // that changed between the passes.
          results[index].failure = error
        }
      }
    }
    if let warning = duplicates.warning() {
      if let sink {
        sink(warning)
      } else if let index = results.firstIndex(where: { $0.file == warning.file }) {
        results[index].problems.append(warning)
      }
    }
    return results
  }

  /// What the reading of one file has gathered so far.
  private struct FileState {
    var digest = ITSMProblemDigest()
    var count = 0
    var errors = 0
    var duplicateCount = 0
    var once: Set<String> = []
  }

  /// Normalizes one record: its records go to `body` (a duplicate of one read before is counted instead),
  /// its warnings and errors to the file's digest.
  private static func normalize(
    _ record: NativeRecord, context: ITSMContext, profile: any ITSMProfile.Type, policy: BadRecordPolicy,
    into state: inout FileState, duplicates: inout ITSMDuplicates, _ body: (ITSMRecord) -> Void
  ) {
    let location = SourceLocation(file: context.file, line: record.line, column: record.column)
    /// A problem whose message may name the record (summarised with the others like it).
    func report(_ severity: ModelProblem.Severity, _ message: String, prefix: String = "", suffix: String = "") {
      let found = ITSMProblemDigest.recordID(in: message)
      state.digest.add(
        severity, prefix + (found?.text ?? message) + suffix, record: found?.id, at: location,
        single: prefix + message + suffix)
    }
    /// A record that cannot be used, worded by the policy.
    func reject(_ reason: String) {
      state.errors += 1
      switch policy {
      case .refuse: report(.error, reason, suffix: ": skipped")
      case .skip: report(.warning, reason, prefix: "record skipped: ")
      }
    }
    if let error = record.readError {
      reject(error)
      return
    }
    for outcome in profile.normalize(record, context: context) {
      switch outcome {
      case .record(let normalized, let warnings):
        // A record seen before in this import is counted once, the first kept.
        guard duplicates.admit(normalized, at: location) else {
          state.duplicateCount += 1
          continue
        }
        for warning in warnings {
          state.digest.add(
            .warning, warning, record: normalized.id, at: location, single: "\(normalized.id): \(warning)")
        }
        state.count += 1
        body(normalized)
      case .skipped(let reason, let key):
        if let key, !state.once.insert(key).inserted { continue }
        report(.warning, reason)
      case .error(let reason):
        reject(reason)
      }
    }
  }

  private static func syntax(of path: String, tool: ITSMTool) throws(ReadFailure) -> ITSMSyntax {
    let ending = path.split(separator: "/").last?.split(separator: ".").dropFirst().last.map { $0.lowercased() } ?? ""
    guard tool.syntaxes.contains(ending), let syntax = ITSMSyntax(rawValue: ending) else {
      try InputFile.requireReadable(path)
      throw .invalid(
        file: path,
        problems: [
          LocatedProblem(
            severity: .error, location: nil, file: path,
            message: "\(tool.displayName) exports are read from "
              + tool.syntaxes.map { ".\($0)" }.joined(separator: " or ")
              + (ending.isEmpty ? " files; this file has no extension" : " files; this file ends in .\(ending)"))
        ])
    }
    // Exports are read in two passes (look-ups, then records): a pipe or device could give only one.
    try InputFile.requireReadable(path)
    if !InputFile.isRegular(path) {
      throw .cannotOpen(
        file: path,
        reason: "not a regular file (a pipe or device); import reads an export twice, save it to a file first")
    }
    return syntax
  }

  /// The native records of one file, with the file's envelope.
  private static func records(
    of path: String, syntax: ITSMSyntax, profile: any ITSMProfile.Type, only: Set<String>? = nil,
    _ body: (NativeRecord, NativeNode) -> Void
  ) throws(ReadFailure) {
    let tool = profile.tool
    switch syntax {
    case .xml:
      guard let shape = profile.xmlShape else { preconditionFailure("\(tool) has no XML shape") }
      var root = NativeNode.missing
      try NativeRecordReader.readXML(
        path: path, shape: shape, only: only,
        envelope: { node in
          root = node
          return profile.fileProblem(container: shape.root, envelope: node, syntax: .xml)
        },
        { body($0, root) })
    case .json:
      var outer = NativeNode.missing
      try NativeRecordReader.readJSON(
        bytes: try InputFile.bytes(at: path), file: path, arrays: profile.jsonArrays,
        description: "a \(tool.displayName) export with "
          + profile.jsonArrays.map { "\"\($0)\"" }.joined(separator: ", "),
        envelope: { container, node in
          outer = node
          return profile.fileProblem(container: container, envelope: node, syntax: .json)
        },
        { body($0, outer) })
    case .csv:
      var header = NativeNode.missing
      try NativeRecordReader.readCSV(
        bytes: try InputFile.bytes(at: path), file: path,
        envelope: { node in
          header = node
          return profile.fileProblem(container: "", envelope: node, syntax: .csv)
        },
        { body($0, header) })
    }
  }
}
