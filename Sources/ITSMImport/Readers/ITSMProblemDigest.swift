import AppraisalModel
import EvidenceParsers

/// The problems of one file of an import, each distinct problem once: a problem that hits many records
/// (the same warning, the same record error) is reported at its first record with a count and the first
/// few record ids, `unknown incident state '5' (39 records: INC0001, INC0002, INC0003, …)`, or the first
/// few lines when the records have no id. A problem of one record keeps its usual form, `INC0001: …`.
///
/// Problems are keyed by severity and wording (without the record id), kept in order of first
/// appearance, and handed out when the file is done; memory grows with the number of distinct problems,
/// not with the number of records they hit.
struct ITSMProblemDigest {
  /// How many record ids (or lines) a repeated problem lists.
  static let shownRecords = 3

  private struct Key: Hashable {
    var severity: ModelProblem.Severity
    var text: String
  }

  private struct Entry {
    var location: SourceLocation?
    /// The message as printed when the problem hits one record only.
    var single: String
    var count = 0
    var ids: [String] = []
    var lines: [Int] = []
  }

  private var order: [Key] = []
  private var entries: [Key: Entry] = [:]

  /// Whether nothing was added.
  var isEmpty: Bool { order.isEmpty }

  /// Adds one problem of the record `id` (if known) at `location`: `text` is its wording without the id,
  /// `single` the message printed when no other record has the same problem.
  mutating func add(
    _ severity: ModelProblem.Severity, _ text: String, record id: String?, at location: SourceLocation?,
    single: String
  ) {
    let key = Key(severity: severity, text: text)
    var entry = entries[key] ?? Entry(location: location, single: single)
    if entry.count == 0 { order.append(key) }
    entry.count += 1
    if let id {
      if entry.ids.count < Self.shownRecords { entry.ids.append(id) }
    } else if let line = location?.line, entry.lines.count < Self.shownRecords {
      entry.lines.append(line)
    }
    entries[key] = entry
  }

  /// The problems of `file`, each distinct one once, in order of first appearance.
  func problems(file: String) -> [LocatedProblem] {
    order.compactMap { key in
      guard let entry = entries[key] else { return nil }
      return LocatedProblem(
        severity: key.severity, location: entry.location, file: file, message: Self.message(key.text, entry))
    }
  }

  private static func message(_ text: String, _ entry: Entry) -> String {
    guard entry.count > 1 else { return entry.single }
    let more = entry.count > shownRecords ? ", …" : ""
    if !entry.ids.isEmpty {
      return "\(text) (\(entry.count) records: \(entry.ids.joined(separator: ", "))\(more))"
    }
    if !entry.lines.isEmpty {
      return "\(text) (\(entry.count) records, at lines \(entry.lines.map(String.init).joined(separator: ", "))\(more))"
    }
    return "\(text) (\(entry.count) records)"
  }

  /// The record id a profile wrote into a message of a record it skipped or could not use, and the
  /// message without it, so that the same problem of many records reads as one: the first word when it
  /// holds a digit and ends in a colon (`NETZ-10: issue type 'Bug' …` → `issue type 'Bug' …`), or the
  /// second when the first is a plain word (`ticket 50: type 'Alert' …` → `ticket …: type 'Alert' …`,
  /// `record INC0010001 has no sys_class_name …` → `record … has no sys_class_name …`). Quoted values and
  /// later words (counts, values) are never taken for ids; `nil` when no word qualifies.
  static func recordID(in message: String) -> (text: String, id: String)? {
    let words = message.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    func isID(_ word: String) -> Bool {
      word.contains { $0.isNumber } && !word.hasPrefix("'") && !word.hasPrefix("\"") && !word.hasPrefix("(")
    }
    if let first = words.first, first.count > 1, first.hasSuffix(":"), isID(first) {
      return (words.dropFirst().joined(separator: " "), String(first.dropLast()))
    }
    if words.count > 2, words[0].allSatisfy(\.isLetter), isID(words[1]) {
      let colon = words[1].hasSuffix(":")
      let id = colon ? String(words[1].dropLast()) : words[1]
      var rest = words
      rest[1] = colon ? "…:" : "…"
      return (rest.joined(separator: " "), id)
    }
    return nil
  }
}
