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
    var firstID: String?
    var count = 0
    var ids: [String] = []
    var lines: [Int] = []
  }

  private var order: [Key] = []
  private var entries: [Key: Entry] = [:]

  /// Whether nothing was added.
  var isEmpty: Bool { order.isEmpty }

  /// Adds one problem of the record `id` (if it has one) at `location`; `text` is its wording without the id.
  mutating func add(_ severity: ModelProblem.Severity, _ text: String, record id: String?, at location: SourceLocation?)
  {
    let key = Key(severity: severity, text: text)
    var entry = entries[key] ?? Entry(location: location, firstID: id)
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
    guard entry.count > 1 else { return entry.firstID.map { "\($0): \(text)" } ?? text }
    let more = entry.count > shownRecords ? ", …" : ""
    if !entry.ids.isEmpty {
      return "\(text) (\(entry.count) records: \(entry.ids.joined(separator: ", "))\(more))"
    }
    if !entry.lines.isEmpty {
      return "\(text) (\(entry.count) records, at lines \(entry.lines.map(String.init).joined(separator: ", "))\(more))"
    }
    return "\(text) (\(entry.count) records)"
  }
}
