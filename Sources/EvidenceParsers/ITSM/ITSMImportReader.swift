import AppraisalModel

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
}

/// Reads ITSM exports into normalized records (``ITSMRecord``), one at a time, with a located warning for
/// every record it cannot use fully (unknown state, no group, a type it does not read).
public enum ITSMImportReader {
  /// Reads `path` as an export of `tool`, calling `body` for each record; returns the warnings.
  /// `groupBy` names the native fields that choose a record's instantiation (the tool's default when empty).
  public static func read(
    path: String, tool: ITSMTool, groupBy: [String] = [], _ body: (ITSMRecord) -> Void
  ) throws(ReadFailure) -> [LocatedProblem] {
    let syntax = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
    guard tool.syntaxes.contains(syntax) else {
      throw .invalid(
        file: path,
        problems: [
          LocatedProblem(
            severity: .error, location: nil, file: path,
            message: "\(tool.displayName) exports are read from "
              + tool.syntaxes.map { ".\($0)" }.joined(separator: " or ") + " files; this file ends in .\(syntax)")
        ])
    }
    guard let profile = profile(tool) else {
      throw .invalid(
        file: path,
        problems: [
          LocatedProblem(
            severity: .error, location: nil, file: path,
            message: "the \(tool.displayName) importer is not available in this version; see docs/itsm-import.md")
        ])
    }
    var warnings: [LocatedProblem] = []
    let handle = { (native: NativeRecord) in
      func warn(_ message: String) {
        warnings.append(
          LocatedProblem(
            severity: .warning, location: SourceLocation(file: path, line: native.line, column: native.column),
            file: path, message: message))
      }
      switch profile.normalize(native, groupBy: groupBy) {
      case .record(let record, let notes):
        for note in notes { warn("\(record.id): \(note)") }
        body(record)
      case .skipped(let reason):
        warn(reason)
      }
    }
    switch syntax {
    case "xml":
      try NativeRecordReader.readXML(path: path, shape: profile.xmlShape!, handle)
    case "json":
      try NativeRecordReader.readJSON(
        bytes: try InputFile.bytes(at: path), file: path, arrays: profile.jsonArrays,
        description: "a \(tool.displayName) export with "
          + profile.jsonArrays.map { "\"\($0)\"" }.joined(separator: " or "),
        handle)
    default:
      try NativeRecordReader.readCSV(bytes: try InputFile.bytes(at: path), file: path, container: "", handle)
    }
    return warnings
  }

  private static func profile(_ tool: ITSMTool) -> (any ITSMShapedProfile.Type)? {
    switch tool {
    case .servicenow: ServiceNowProfile.self
    case .jiraSM: JiraProfile.self
    case .bmcHelix, .manageengine, .freshservice: nil
    }
  }
}

/// A profile together with the shapes of its files.
protocol ITSMShapedProfile: ITSMProfile {
  static var xmlShape: NativeRecordReader.XMLShape? { get }
  static var jsonArrays: [String] { get }
}

extension ServiceNowProfile: ITSMShapedProfile {
  static var xmlShape: NativeRecordReader.XMLShape? { shape }
}
extension JiraProfile: ITSMShapedProfile {
  static var xmlShape: NativeRecordReader.XMLShape? { shape }
}
