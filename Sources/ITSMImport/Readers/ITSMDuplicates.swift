import AppraisalModel
import EvidenceParsers

/// Records read twice in one import (the same kind and id, in one file or across files, as when two
/// overlapping exports are imported together): the first is kept, the others are not counted, and one
/// warning at the end names how many there were and their ids.
///
/// SLA records are never duplicates: their id is the task and the SLA's name, which a restarted or
/// repaired SLA repeats. Memory grows with the number of records (one id each).
struct ITSMDuplicates {
  /// How many ids the warning lists.
  static let shownIDs = 5

  private struct Key: Hashable {
    var kind: ITSMRecord.Kind
    var id: String
  }

  private var seen: Set<Key> = []
  private var count = 0
  private var ids: [String] = []
  private var first: SourceLocation?
  /// Whether an id was left out of ``ids``.
  private var truncated = false

  /// Whether `record` is new to the import (it is then remembered); `false` for a duplicate, which is counted.
  mutating func admit(_ record: ITSMRecord, at location: SourceLocation) -> Bool {
    guard record.kind != .sla, !seen.insert(Key(kind: record.kind, id: record.id)).inserted else { return true }
    count += 1
    if first == nil { first = location }
    if !ids.contains(record.id) {
      if ids.count < Self.shownIDs { ids.append(record.id) } else { truncated = true }
    }
    return false
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
