/// The table of a ServiceNow JSON record that does not name its own (docs/itsm-import.md, "Which table a
/// JSON record is from"). Table API results fetched with `sysparm_fields` and JSONv2 exports often carry
/// no `sys_class_name`; the table is then taken, in this order, from
///
/// 1. the record number's prefix (`INC` incident, `CHG` change_request, `PRB` problem, `RITM` sc_req_item,
///    `TASK` task, `KB` kb_knowledge), with one warning per file counting the records so read;
/// 2. the file name, for group exports only: records of `sys_user_group.json` are groups;
/// 3. the other records of the file, when they all name one table (a warning per record);
/// 4. the `--table` option.
///
/// A file with a record none of these names is rejected in the first pass with one message naming
/// `--table`, located at the first such record; none of its records is read.
extension ServiceNowProfile {
  /// ServiceNow's default number prefixes of the tables, by prefix.
  static let numberPrefixes: [String: String] = [
    "INC": "incident", "CHG": "change_request", "PRB": "problem", "RITM": "sc_req_item", "TASK": "task",
    "KB": "kb_knowledge",
  ]

  /// The prefixes in the order messages list them.
  static let prefixOrder = ["INC", "CHG", "PRB", "RITM", "TASK", "KB"]

  /// The table named by a record number's prefix: its leading letters, followed by digits only
  /// (`INC0010001` → incident; `SCTASK0001` names none).
  static func prefixTable(_ number: String?) -> (prefix: String, table: String)? {
    guard let number else { return nil }
    let letters = String(number.prefix { $0.isLetter }).uppercased()
    let rest = number.dropFirst(letters.count)
    guard !letters.isEmpty, !rest.isEmpty, rest.allSatisfy(\.isNumber), let table = numberPrefixes[letters] else {
      return nil
    }
    return (letters, table)
  }

  /// Whether `file` is a group export by its name (`sys_user_group.json`, `sys_user_group-2026.json`).
  static func isGroupFile(_ file: String) -> Bool {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    return name.lowercased().hasPrefix("sys_user_group")
  }

  /// How a JSON record's table is known before the other records of its file are considered.
  enum TableSource: Equatable {
    case own
    case prefix(String)
    case fileName
  }

  /// The table a JSON record names itself, by its number's prefix, or by its file's name.
  static func inferredTable(_ record: NativeRecord, file: String, syntax: ITSMSyntax) -> (String, TableSource)? {
    if let own = ownTable(record, syntax: syntax) { return (own, .own) }
    if let (prefix, table) = prefixTable(field(record, "number").text) { return (table, .prefix(prefix)) }
    if isGroupFile(file) { return ("sys_user_group", .fileName) }
    return nil
  }

  // MARK: - First pass

  static func prefixKey(_ file: String, _ prefix: String) -> String { "servicenow.prefix\t\(file)\t\(prefix)" }
  static func unknownKey(_ file: String) -> String { "servicenow.no-table\t\(file)" }

  /// Notes how the table of a JSON record is known: the tables of the file, the records read by their
  /// number's prefix, the records with no table and the first of them.
  static func noteTable(_ record: NativeRecord, context: ITSMContext, into lookups: inout ITSMLookups) -> String? {
    let file = context.file
    guard let (table, source) = inferredTable(record, file: file, syntax: context.syntax) else {
      lookups.tallies[unknownKey(file), default: 0] += 1
      if lookups.firstRecord[unknownKey(file)] == nil {
        lookups.firstRecord[unknownKey(file)] = .init(file: file, line: record.line, column: record.column)
      }
      return nil
    }
    switch source {
    case .own, .prefix: lookups.tablesOfFile[file, default: []].insert(table)
    case .fileName: break
    }
    if case .prefix(let prefix) = source { lookups.tallies[prefixKey(file, prefix), default: 0] += 1 }
    return table
  }

  /// Rejects a JSON file with records whose table nothing tells: one message for the file, naming
  /// `--table`.
  static func fileProblem(file: String, lookups: ITSMLookups, options: ITSMImportOptions)
    -> NativeRecordReader.FileProblem?
  {
    guard let count = lookups.tallies[unknownKey(file)], count > 0,
      let first = lookups.firstRecord[unknownKey(file)]
    else { return nil }
    if lookups.tablesOfFile[file]?.count == 1 || options.serviceNowTable != nil { return nil }
    let prefixes = prefixOrder.map { "\($0) \(numberPrefixes[$0]!)" }.joined(separator: ", ")
    let records = count == 1 ? "1 record has" : "\(count) records have"
    return .init(
      message:
        "\(records) no sys_class_name and no number whose prefix names a table (\(prefixes)); "
        + "name the table with --table TABLE (e.g. --table incident), or export with sys_class_name "
        + "in sysparm_fields",
      line: first.line, column: first.column)
  }

  /// The file's one warning about records read by their number's prefix, with the count per prefix.
  static func prefixWarning(file: String, lookups: ITSMLookups) -> String {
    var total = 0
    var parts: [String] = []
    for prefix in prefixOrder {
      guard let count = lookups.tallies[prefixKey(file, prefix)], count > 0 else { continue }
      total += count
      parts.append("\(prefix) → \(numberPrefixes[prefix]!) \(count)")
    }
    let records = total == 1 ? "1 record" : "\(total) records"
    return "no sys_class_name in \(records): table taken from the number prefix (\(parts.joined(separator: ", ")))"
  }
}
