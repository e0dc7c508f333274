import AppraisalModel
import EvidenceParsers

/// Records read twice in one import (the same kind and id, in one file or across files, as when two
/// overlapping exports are imported together): the first is kept, the others are not counted, and one
/// warning at the end names how many there were and their ids.
///
/// SLA records are never duplicates: their id is the task and the SLA's name, which a restarted or
/// repaired SLA repeats.
///
/// A numbered ASCII id (`INC0012345`: a prefix and its digits, the way tools number records) costs one
/// bit, in an ``IDLog`` bitmap per kind, so a million incidents take about 128 KB instead of a set entry
/// each; any other id is kept in a set.
struct ITSMDuplicates {
  /// How many ids the warning lists.
  static let shownIDs = 5

  private struct Key: Hashable {
    var kind: ITSMRecord.Kind
    var id: String
  }

  private var seen: Set<Key> = []
  /// The numbered ids of each kind, made on first sight.
  private var numbered: [ITSMRecord.Kind: IDLog] = [:]
  private var count = 0
  private var ids: [String] = []
  private var first: SourceLocation?
  /// Whether an id was left out of ``ids``.
  private var truncated = false

  /// Whether `record` is new to the import (it is then remembered); `false` for a duplicate, which is counted.
  mutating func admit(_ record: ITSMRecord, at location: SourceLocation) -> Bool {
    guard record.kind != .sla, !isNew(record) else { return true }
    count += 1
    if first == nil { first = location }
    if !ids.contains(record.id) {
      if ids.count < Self.shownIDs { ids.append(record.id) } else { truncated = true }
    }
    return false
  }

  /// Whether the kind and id of `record` are seen for the first time (they are then remembered).
  private mutating func isNew(_ record: ITSMRecord) -> Bool {
    var id = record.id
    let found: Bool? = id.withUTF8 { bytes in
      // Only ASCII ids go to the bits: a set compares ids as strings, by canonical equivalence.
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      let log = numbered[record.kind] ?? IDLog()
      numbered[record.kind] = log
      guard case .numbered(let table, let number) = log.key(bytes) else { return nil }
      return log.insertNumbered(table: table, number: number)
    }
    return found ?? seen.insert(Key(kind: record.kind, id: record.id)).inserted
  }

  /// The one warning, located at the first duplicate, or `nil` when there was none.
  func warning() -> LocatedProblem? {
    guard let first, count > 0 else { return nil }
    let more = truncated ? ", …" : ""
    return LocatedProblem(
      severity: .warning, location: first, file: first.file,
      message: "\(count) duplicate record\(count == 1 ? "" : "s") (an id read before in this import) "
        + "counted once, the first kept: \(ids.joined(separator: ", "))\(more)")
  }
}
