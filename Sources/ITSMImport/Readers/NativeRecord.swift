import AppraisalModel
import EvidenceParsers

/// A value of an export as the tool wrote it, before normalization: a JSON value, an XML element (its
/// text, attributes and child elements) or a CSV row (one member per column). Profiles navigate it by
/// name, e.g. `record["fields"]["status"]["name"].text`; a name that is not there gives a ``missing`` node,
/// so chains never fail.
struct NativeNode: Sendable {
  /// A named child: a JSON object member or an XML child element.
  struct Member: Sendable {
    var name: String
    var node: NativeNode

    init(_ name: String, _ node: NativeNode) {
      self.name = name
      self.node = node
    }
  }

  enum Kind { case missing, null, scalar, object, array }
  /// The JSON type of a scalar (XML text and CSV cells are strings).
  enum ScalarType { case string, number, bool }

  var kind: Kind
  var scalarType: ScalarType?
  /// A scalar's text (a JSON string, number literal or `true`/`false`, a CSV cell) or an XML element's
  /// text, untrimmed; `nil` for JSON objects and arrays.
  var rawText: String?
  /// An XML element's attributes.
  var attributes: [(name: String, value: String)] = []
  /// A JSON object's members or an XML element's child elements, in document order.
  var members: [Member] = []
  /// A JSON array's elements.
  var elements: [NativeNode] = []
  var line: Int
  var column: Int?

  static let missing = NativeNode(kind: .missing, line: 0)

  static func scalar(_ text: String, type: ScalarType = .string, line: Int, column: Int? = nil) -> NativeNode {
    NativeNode(kind: .scalar, scalarType: type, rawText: text, line: line, column: column)
  }

  /// The first member (child element) named `name`, else the attribute named `name` as a string scalar,
  /// else ``missing``.
  subscript(name: String) -> NativeNode {
    if let member = members.first(where: { $0.name == name }) { return member.node }
    if let attribute = attributes.first(where: { $0.name == name }) {
      return .scalar(attribute.value, line: line, column: column)
    }
    return .missing
  }

  /// Every member (child element) named `name`, in order.
  func all(_ name: String) -> [NativeNode] { members.filter { $0.name == name }.map(\.node) }

  /// Follows a dotted path of member names (`fields.status.name`).
  func path(_ dotted: String) -> NativeNode {
    var node = self
    for name in dotted.split(separator: ".") { node = node[String(name)] }
    return node
  }

  var exists: Bool { kind != .missing }
  var isNull: Bool { kind == .null }
  /// Absent, `null`, or a scalar or XML element without text and without members.
  var isEmpty: Bool {
    switch kind {
    case .missing, .null: true
    case .scalar: text == nil
    case .object: text == nil && members.isEmpty
    case .array: elements.isEmpty
    }
  }

  /// The trimmed text of a scalar or XML element; `nil` when absent, `null`, an object or array, or empty.
  var text: String? { ITSMText.clean(rawText) }

  /// A JSON `true`/`false` or the text `true`/`false` (any case).
  var bool: Bool? {
    switch text?.lowercased() {
    case "true": true
    case "false": false
    default: nil
    }
  }

  /// A JSON number that is an integer, or an XML element's text of digits; `nil` for a JSON string.
  var integer: Int? {
    guard kind == .object || scalarType == .number, let text else { return nil }
    return Int(text)
  }
}

/// The JSON type an id or key field of a tool's export has (docs/itsm-import.md, "Errors and warnings":
/// an id of the wrong type is a record error).
enum ITSMIDType {
  case string, number, stringOrNumber

  var expected: String {
    switch self {
    case .string: "a string"
    case .number: "a number"
    case .stringOrNumber: "a string or a number"
    }
  }

  func accepts(_ type: NativeNode.ScalarType?) -> Bool {
    switch (self, type) {
    case (.string, .string?), (.number, .number?), (.stringOrNumber, .string?), (.stringOrNumber, .number?): true
    default: false
    }
  }
}

extension NativeNode {
  /// The JSON value as a reader sees it, for messages: `the number 10001`, `the string "INC1"`, `an object`.
  var jsonDescription: String {
    switch kind {
    case .missing: return "absent"
    case .null: return "null"
    case .object: return "an object"
    case .array: return "an array"
    case .scalar:
      let raw = rawText ?? ""
      switch scalarType {
      case .number?: return "the number \(raw)"
      case .bool?: return "the boolean \(raw)"
      default:
        let shown = raw.count > 60 ? String(raw.prefix(60)) + "…" : raw
        return "the string \"\(shown)\""
      }
    }
  }

  /// The problem with this JSON node as the id or key field `field`, which must be of `type`: `nil` when it
  /// is absent, `null` or of that type, else `<field> is <value>; expected <type>`. Only for JSON nodes
  /// (XML text and CSV cells are always strings).
  func idTypeProblem(_ field: String, _ type: ITSMIDType) -> String? {
    switch kind {
    case .missing, .null: return nil
    case .scalar where type.accepts(scalarType): return nil
    default: return "\(field) is \(jsonDescription); expected \(type.expected)"
    }
  }
}

/// One record of an export: the node and where it starts.
struct NativeRecord {
  /// The table, element or array the record came from (`incident`, `item`, `tickets`, …; empty for CSV).
  var container: String
  var line: Int
  var column: Int?
  /// A syntax problem of the record itself found by the reader (a CSV row with the wrong number of cells):
  /// the record is skipped with this error, without reaching the profile.
  var readError: String?
  private var storage: Storage

  /// A tree of nodes, or an XML record of text-only fields kept flat (its nodes made when asked for).
  private enum Storage {
    case tree(NativeNode)
    case flat(FlatElement)
  }

  init(container: String, node: NativeNode, line: Int, column: Int?, readError: String? = nil) {
    self.container = container
    self.storage = .tree(node)
    self.line = line
    self.column = column
    self.readError = readError
  }

  init(container: String, flat: FlatElement) {
    self.container = container
    self.storage = .flat(flat)
    self.line = flat.line
    self.column = flat.column
  }

  /// Sets the column the record starts at (a reader may know it only after reading on).
  mutating func locate(column: Int?) {
    self.column = column
    switch storage {
    case .tree(var node):
      node.column = column
      storage = .tree(node)
    case .flat(var flat):
      flat.column = column
      storage = .flat(flat)
    }
  }

  var node: NativeNode {
    switch storage {
    case .tree(let node): node
    case .flat(let flat): flat.tree
    }
  }

  subscript(name: String) -> NativeNode {
    switch storage {
    case .tree(let node): node[name]
    case .flat(let flat): flat[name]
    }
  }

  /// For a flat XML record, what `self[name]` holds, read without building its node; `nil` otherwise.
  func flatField(_ name: String) -> FlatElement.Found? {
    guard case .flat(let flat) = storage else { return nil }
    return flat.find(name)
  }
}

/// What a profile makes of one native record: records (an issue and its SLA records, say), or a reason
/// it was not used.
enum ITSMOutcome {
  /// A normalized record and the warnings about it (the reader prefixes them with the record's id).
  case record(ITSMRecord, warnings: [String])
  /// Not a record the import uses (e.g. a Jira `Bug`): a warning, the record is not counted. With `once`,
  /// only the first of the warnings with that key in a file is reported — which is also how a profile
  /// reports a note about the file once, beside the record it normalizes.
  case skipped(String, once: String? = nil)
  /// The record cannot be used (no id): an error, the record is skipped and not counted.
  case error(String)
}

/// The syntax a file is read in.
enum ITSMSyntax: String { case xml, json, csv }

/// What a profile knows while normalizing the records of one file.
struct ITSMContext {
  var options: ITSMImportOptions
  var lookups: ITSMLookups
  var file: String
  var syntax: ITSMSyntax
  /// The JSON envelope's other members (e.g. Jira's `names`), the CSV header as members without text,
  /// or the XML root element.
  var envelope: NativeNode
}

/// Tables collected from all files of a run before any record is normalized, for cross-file references
/// (a ServiceNow `task_sla` naming its incident, Freshservice group ids named in `groups.json`). They grow
/// with the referenced records only — a 64-bit hash of a record's number or sys_id and a group index each,
/// never the records' contents — so a million incidents take some tens of megabytes; and the records' groups
/// are kept only once a record that looks them up was seen (``keepRecords()``), so a run without one keeps no
/// table that grows with its records.
struct ITSMLookups {
  /// The groups named so far, interned.
  private(set) var groupNames: [String] = []
  private var groupIndex: [String: Int32] = [:]
  /// Hash of a record number or sys_id → index into ``groupNames``. (Within one run Swift's hashes are
  /// stable; two of a million keys colliding has a chance of about 1 in 10^7.)
  private var recordGroups: [Int: Int32] = [:]
  /// Named lookup tables (`groups`, `departments`): id → name.
  private(set) var names: [String: [String: String]] = [:]
  /// ServiceNow Table API: the tables named by the records of each file.
  var tablesOfFile: [String: Set<String>] = [:]
  /// Counts a profile keeps in the first pass, under keys of its own (records whose table was inferred,
  /// records read under an id seen before).
  var tallies: [String: Int] = [:]
  /// Where the first record with a profile's key was read (to keep the first of repeated ids, to locate
  /// a file's problem at its first record).
  var firstRecord: [String: RecordPoint] = [:]
  /// Short lists a profile keeps in the first pass for its messages (the first few repeated ids).
  var notes: [String: [String]] = [:]

  /// A record's place in a run: its file and where it starts.
  struct RecordPoint: Equatable {
    var file: String
    var line: Int
    var column: Int?
  }

  /// Whether ``addRecord(_:sysID:group:)`` keeps what it is told: from the first record that looks records
  /// up on. The reader collects the groups of the records read before it afterwards (``addEarlier(_:)``).
  private(set) var keepsRecords = false

  /// Keeps the groups of the records added from now on.
  mutating func keepRecords() { keepsRecords = true }

  /// Notes that the record with `number` and `sysID` belongs to `group` (once ``keepsRecords``).
  mutating func addRecord(_ number: String?, sysID: String?, group: String) {
    guard keepsRecords else { return }
    let index = groupNumber(group)
    if let number { recordGroups[number.hashValue] = index }
    if let sysID { recordGroups[sysID.hashValue] = index }
  }

  /// Adds the record groups `earlier` collected from records read before these were kept, except where a
  /// record read later set one: the last record with a number or sys_id still gives its group.
  mutating func addEarlier(_ earlier: ITSMLookups) {
    for (key, index) in earlier.recordGroups where recordGroups[key] == nil {
      recordGroups[key] = groupNumber(earlier.groupNames[Int(index)])
    }
  }

  /// The index of `group` in ``groupNames``, added if new.
  private mutating func groupNumber(_ group: String) -> Int32 {
    if let known = groupIndex[group] { return known }
    let index = Int32(groupNames.count)
    groupNames.append(group)
    groupIndex[group] = index
    return index
  }

  /// The group of the record with this number or sys_id, if it is among the run's records.
  func group(ofRecord key: String) -> String? { recordGroups[key.hashValue].map { groupNames[Int($0)] } }

  mutating func addName(_ name: String, id: String, table: String) { names[table, default: [:]][id] = name }
  /// Notes that a lookup file for `table` was read (even if empty).
  mutating func loaded(_ table: String) { if names[table] == nil { names[table] = [:] } }
  func hasTable(_ table: String) -> Bool { names[table] != nil }
  func name(_ id: String, in table: String) -> String? { names[table]?[id] }
}

/// A tool's knowledge: where its records sit in its files and how they become ``ITSMRecord``s.
protocol ITSMProfile {
  /// The tool, for messages.
  static var tool: ITSMTool { get }
  /// Where the records sit in an XML export; `nil` when the tool has no XML shape.
  static var xmlShape: NativeRecordReader.XMLShape? { get }
  /// The JSON envelope's record arrays, in the order they are looked for.
  static var jsonArrays: [String] { get }
  /// Whether records need tables collected from every file of the run first (``collect(_:context:into:)``).
  static var needsLookups: Bool { get }
  /// A problem with a file as a whole, found from its envelope before any record is read (a ManageEngine
  /// `response_status` that is not a success, a BMC CSV without an id column): the file is rejected.
  static func fileProblem(container: String, envelope: NativeNode, syntax: ITSMSyntax)
    -> NativeRecordReader.FileProblem?
  /// A problem with a file as a whole found from what the first pass collected (records that name no
  /// table the reader can tell): the file is rejected. Only for tools with ``needsLookups``.
  static func fileProblem(file: String, lookups: ITSMLookups, options: ITSMImportOptions)
    -> NativeRecordReader.FileProblem?
  /// Whether normalizing `record` needs the look-ups of the whole run (a task_sla's task, a group named by
  /// sys_id only); `context.lookups` is empty. Records that do not are normalized in the first pass.
  static func recordNeedsLookups(_ record: NativeRecord, context: ITSMContext) -> Bool
  /// The XML child elements ``collect(_:context:into:)`` looks at (`nil`: all).
  static func lookupFields(_ options: ITSMImportOptions) -> Set<String>?
  /// Notes what other records may need of `record` (first pass; no warnings; `context.lookups` is empty).
  static func collect(_ record: NativeRecord, context: ITSMContext, into lookups: inout ITSMLookups)
  static func normalize(_ record: NativeRecord, context: ITSMContext) -> [ITSMOutcome]
}

extension ITSMProfile {
  static var xmlShape: NativeRecordReader.XMLShape? { nil }
  static var needsLookups: Bool { false }
  static func fileProblem(container: String, envelope: NativeNode, syntax: ITSMSyntax)
    -> NativeRecordReader.FileProblem?
  { nil }
  static func fileProblem(file: String, lookups: ITSMLookups, options: ITSMImportOptions)
    -> NativeRecordReader.FileProblem?
  { nil }
  static func lookupFields(_ options: ITSMImportOptions) -> Set<String>? { nil }
  static func recordNeedsLookups(_ record: NativeRecord, context: ITSMContext) -> Bool { needsLookups }
  static func collect(_ record: NativeRecord, context: ITSMContext, into lookups: inout ITSMLookups) {}
}

/// A record being normalized: its optional fields and the warnings about it.
struct RecordDraft {
  /// Sized for the fields a record usually has, so that filling it never rehashes.
  var fields: [String: String] = .init(minimumCapacity: 12)
  var warnings: [String] = []

  mutating func warn(_ message: String) { warnings.append(message) }

  subscript(name: String) -> String? {
    get { fields[name] }
    set { fields[name] = newValue.flatMap(ITSMText.clean) }
  }

  /// Translates `value` through `table` (names compared case-insensitively after trimming); a value
  /// not in the table, or none, gives `unknown` and the warning `unknown <what> '<value>'` or
  /// `no <field>` / `<field> is null`.
  mutating func state(
    _ node: NativeNode, _ table: [String: ITSMRecord.State], what: String, field: String
  ) -> ITSMRecord.State {
    guard let value = node.text else {
      warn(node.isNull ? "\(field) is null: state 'unknown'" : "no \(field): state 'unknown'")
      return .unknown
    }
    return state(value, table, what: what)
  }

  mutating func state(_ value: String, _ table: [String: ITSMRecord.State], what: String) -> ITSMRecord.State {
    if let state = table[value.trimmed.lowercased()] { return state }
    warn("unknown \(what) '\(value)'")
    return .unknown
  }

  /// Sets the date field `name` from `value`; a value in no accepted form is left out with a warning.
  mutating func date(_ name: String, _ value: String?, field: String) {
    guard let value = ITSMText.clean(value) else { return }
    if let day = ITSMText.day(value) {
      fields[name] = day
    } else {
      warn("unrecognised date '\(value)' in \(field): left out")
    }
  }

  /// Sets `name` from an enumerated code through `table`; an unknown code is left out with a warning.
  mutating func code(_ name: String, _ value: String?, _ table: [String: String], field: String) {
    guard let value = ITSMText.clean(value) else { return }
    if let label = table[value.lowercased()] {
      fields[name] = label
    } else {
      warn("unknown \(field) '\(value)': \(name) left out")
    }
  }

  /// The group from a display name: the name, or `unassigned` with the warning `no <field>` (or
  /// `<field> is null`) when there is none.
  mutating func group(_ node: NativeNode, field: String) -> String {
    if let name = ITSMText.groupName(node.text) { return name }
    return unassigned(node.isNull ? "\(field) is null" : "no \(field)")
  }

  mutating func unassigned(_ reason: String) -> String {
    warn("\(reason): group 'unassigned'")
    return "unassigned"
  }

  /// The record; its id and group, which the import writes into the evidence file, hold only characters
  /// an XML evidence file can (``ITSMText/xmlSafe(_:)``), so the file reads back as what was imported.
  func record(_ kind: ITSMRecord.Kind, id: String, group: String, state: ITSMRecord.State) -> ITSMOutcome {
    .record(
      ITSMRecord(
        kind: kind, id: ITSMText.xmlSafe(id), group: ITSMText.xmlSafe(group), state: state, fields: fields),
      warnings: warnings)
  }
}

/// A Gregorian date from seconds since 1970 (UTC), and back, without Foundation.
struct CivilDate {
  var year: Int
  var month: Int
  var day: Int

  init(epochSeconds: Int) {
    // Howard Hinnant's civil-from-days.
    let days = epochSeconds / 86_400 - (epochSeconds % 86_400 < 0 ? 1 : 0)
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  /// Days since 1970-01-01 of a valid date, `nil` for an invalid one (month 13, 30 February, …).
  static func days(year: Int, month: Int, day: Int) -> Int? {
    guard (1...12).contains(month), day >= 1 else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day <= lengths[month - 1] else { return nil }
    // Howard Hinnant's days-from-civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  var text: String {
    func padded(_ number: Int, _ width: Int) -> String {
      String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }
}
