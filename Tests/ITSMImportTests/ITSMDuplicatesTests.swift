import AppraisalModel
import Testing

@testable import ITSMImport

/// The duplicate check keeps numbered ASCII ids as bits and every other id in a set: either way a record's
/// kind and id are new exactly once, and ids that differ are never taken for one another.
@Suite("ITSM duplicates: numbered ids as bits, others in a set")
struct ITSMDuplicatesTests {
  private static func admitted(_ records: [(ITSMRecord.Kind, String)]) -> [Bool] {
    var duplicates = ITSMDuplicates()
    let location = SourceLocation(file: "export.xml", line: 1)
    return records.map { kind, id in
      duplicates.admit(ITSMRecord(kind: kind, id: id, group: "desk", state: .closed), at: location)
    }
  }

  @Test("numbered ids: a repeat is found, and spellings that differ only in digits or prefix are different ids")
  func numbered() {
    #expect(
      Self.admitted([
        (.incident, "INC0012345"), (.incident, "INC0012346"), (.incident, "INC012345"), (.incident, "INC12345"),
        (.incident, "PRB0012345"), (.problem, "INC0012345"), (.incident, "INC0012345"), (.incident, "INC012345"),
      ]) == [true, true, true, true, true, true, false, false])
  }

  @Test("ids past the bitmaps' range, without digits or not ASCII: found through the set")
  func others() {
    let large = "INC\(1 << 40)"
    #expect(
      Self.admitted([
        (.incident, large), (.incident, "a1b2-c3d4"), (.incident, "ticket"), (.incident, "Caf\u{E9}1"),
        (.incident, large), (.incident, "ticket"), (.incident, "Cafe\u{301}1"), (.incident, "a1b2-c3d4"),
      ]) == [true, true, true, true, false, false, false, false])
  }

  @Test("SLA records are never duplicates, and the warning counts each repeat once with its id")
  func slaAndWarning() {
    var duplicates = ITSMDuplicates()
    let location = SourceLocation(file: "export.xml", line: 3)
    for id in ["INC1", "INC1", "INC1", "SLA1", "X-9", "X-9"] {
      let kind: ITSMRecord.Kind = id.hasPrefix("SLA") ? .sla : .incident
      _ = duplicates.admit(ITSMRecord(kind: kind, id: id, group: "desk", state: .closed), at: location)
    }
    _ = duplicates.admit(ITSMRecord(kind: .sla, id: "SLA1", group: "desk", state: .closed), at: location)
    #expect(
      duplicates.warning()?.message
        == "3 duplicate records (an id read before in this import) counted once, the first kept: INC1, X-9")
  }
}
