import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers

@Suite("Streaming evidence scanner: byte-level reading and its fall-backs")
struct StreamingScannerTests {
  static let catalog = try! BundledCatalog.load()

  /// fixtures/evidence/sample.xml with one edit applied, written to a temporary file.
  static func sample(replacing old: String, with new: String) throws -> String {
    let text = try String(contentsOf: Golden.url("fixtures/evidence/sample.xml"), encoding: .utf8)
    #expect(text.contains(old), "the sample no longer contains \(old)")
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-\(UUID().uuidString).xml")
    try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  static func streamedDecoding(_ path: String) -> AppraisalDecoding {
    XMLAppraisalDecoder.decode(path: path, recordLocations: false, summarizingWith: catalog)
  }

  /// The byte scanner gives up on `path`, and the full and the streaming read both reject it with the same
  /// messages; `acceptance` is recorded when a read accepts it.
  static func expectScannerGivesUpAndBothReadsReportAlike(_ path: String, acceptance: Comment) {
    #expect(streamedDecoding(path).isIncomplete)
    var reports: [[String]] = []
    for streaming in [false, true] {
      do {
        _ = try AppraisalReader.read(path: path, catalog: catalog, streaming: streaming)
        Issue.record(acceptance)
      } catch {
        reports.append(error.problems.map(\.message))
      }
    }
    #expect(reports.count == 2 && reports[0] == reports[1] && !reports[0].isEmpty)
  }

  @Test("a plainly valid file is counted on bytes, with every item")
  func countsEverything() throws {
    let path = Golden.url("fixtures/evidence/sample.xml").path
    let streamed = Self.streamedDecoding(path)
    let full = try AppraisalReader.read(path: path, catalog: Self.catalog).appraisal
    #expect(!streamed.isIncomplete)
    #expect(streamed.appraisal?.evidenceTally?.itemCount == full.evidence.count)
    #expect(streamed.appraisal?.evidenceCount == full.evidenceCount)
  }

  @Test(
    "values the byte scanner leaves to the ordinary read: it gives up, and the file still reads as valid",
    arguments: [
      ("id=\"S-0001\"", "id=\" S-0001 \""),  // white space the ordinary read trims
      ("practice=\"IRP SP 2.2\" instantiation=\"desk\"", "practice=\"IRP SP 2.2 \" instantiation=\"desk\""),
      ("date=\"2026-10-31\"", "date=\"2026-10-31\u{A0}\""),  // non-ASCII white space
      ("id=\"S-0001\"", "id=\"S-\u{E9}1\""),  // a non-ASCII id
    ])
  func givesUpButValid(edit: (String, String)) throws {
    let path = try Self.sample(replacing: edit.0, with: edit.1)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(Self.streamedDecoding(path).isIncomplete)
    let streamed = try AppraisalReader.read(path: path, catalog: Self.catalog, streaming: true).appraisal
    let full = try AppraisalReader.read(path: path, catalog: Self.catalog).appraisal
    #expect(
      AppraisalRater.rate(streamed, catalog: Self.catalog).processAreas
        == AppraisalRater.rate(full, catalog: Self.catalog).processAreas)
  }

  @Test(
    "problems in the evidence: the scanner gives up and the streaming read reports what the full read reports",
    arguments: [
      ("id=\"S-0002\"", "id=\"S-0001\""),  // duplicate id, next to the first
      ("id=\"S-0006\"", "id=\"S-0001\""),  // duplicate id, further on
      (
        "practice=\"IRP SP 2.1\" instantiation=\"hosting\" indicator=\"indirect-artifact\"",
        "practice=\"SD SP 1.1\" instantiation=\"hosting\" indicator=\"indirect-artifact\""
      ),  // unit does not examine SD
      ("instantiation=\"desk\" indicator=\"direct-artifact\"", "instantiation=\"dsk\" indicator=\"direct-artifact\""),
      ("indicator=\"direct-artifact\"", "indicator=\"direct\""),
      ("indicator=\"direct-artifact\"", "indicator=\"direct-artifact\" reviewer=\"x\""),
      ("date=\"2026-10-31\"", "date=\"2026-02-30\""),
      ("<locator document=\"Service desk group interview\"/>", ""),
      ("<note>1,240 incidents, all with category</note>", "<note>1,240 <b>incidents</b></note>"),
      ("<note>1,240 incidents, all with category</note>", "stray text"),
      (
        "practice=\"IRP SP 2.1\" instantiation=\"desk\" indicator=\"affirmation\"",
        "practice=\"IRP SP 9.9\" instantiation=\"desk\" indicator=\"affirmation\""
      ),
    ])
  func problemsReportedAlike(edit: (String, String)) throws {
    let path = try Self.sample(replacing: edit.0, with: edit.1)
    defer { try? FileManager.default.removeItem(atPath: path) }
    Self.expectScannerGivesUpAndBothReadsReportAlike(path, acceptance: "the edited file was accepted")
  }

  @Test("ids equal by canonical equivalence but spelled differently are one id to both reads")
  func canonicallyEquivalentIDs() throws {
    // "é" as one scalar, then as "e" and a combining acute accent: Swift strings are equal, bytes are not.
    let once = try Self.sample(replacing: "id=\"S-0001\"", with: "id=\"S-\u{E9}\"")
    defer { try? FileManager.default.removeItem(atPath: once) }
    let text = try String(contentsOfFile: once, encoding: .utf8)
    let path = once + ".twice.xml"
    try text.replacingOccurrences(of: "id=\"S-0002\"", with: "id=\"S-e\u{301}\"")
      .write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    Self.expectScannerGivesUpAndBothReadsReportAlike(
      path, acceptance: "two canonically equivalent ids were accepted")
  }

  @Test("HashLog finds a repeat anywhere among many hashes, and none where there is none")
  func hashLog() {
    var generator = SystemRandomNumberGenerator()
    let values = (0..<200_000).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
    let distinct = HashLog()
    for value in Set(values) { #expect(distinct.append(value)) }
    #expect(!distinct.hasRepeats())
    let repeated = HashLog()
    for value in values { _ = repeated.append(value) }
    _ = repeated.append(values[123_456])
    #expect(repeated.hasRepeats())
    // Many equal values (the sort's worst case for a naive quicksort) stay fast and are found.
    let equal = HashLog()
    for _ in 0..<100_000 { _ = equal.append(42) }
    #expect(equal.hasRepeats())
  }

  @Test("IDLog: a repeat is found however ids are spelled, and different spellings never meet")
  func idLog() {
    func insert(_ log: IDLog, _ id: String) -> Bool {
      Array(id.utf8).withUnsafeBufferPointer { log.insert(log.key($0)) }
    }
    let log = IDLog()
    // Numbered ids of several prefixes and widths, zero-padded or not, large numbers, and unnumbered ones.
    var ids: [String] = []
    for number in stride(from: 0, to: 300_000, by: 7) { ids += ["E\(number)", "S-\(String(format: "%06d", number))"] }
    ids += ["E01", "E001", "S-7", "x", "", "7", "07", "a1b2", "E99999999999", "E1234567890123456789012", "é9"]
    ids += (0..<40).map { "p\($0)-1" }  // more prefixes than bitmaps
    ids.append("E\(IDLog.numberLimit)")
    for id in ids { #expect(insert(log, id), "\(id) reported as a repeat") }
    #expect(!log.hasRepeats())
    for id in ["E0", "S-000007", "E01", "x", "p39-1", "E\(IDLog.numberLimit)", "E1234567890123456789012"] {
      let again = IDLog()
      for id in ids { _ = insert(again, id) }
      #expect(!insert(again, id) || again.hasRepeats(), "the repeat of \(id) was missed")
    }
  }

  @Test("ByteTable maps byte strings to numbers through growth")
  func byteTable() {
    let table = ByteTable(capacity: 2)
    for number in 0..<1000 { Array("key-\(number)".utf8).withUnsafeBufferPointer { table.set(number, for: $0) } }
    #expect(table.count == 1000)
    for number in [0, 1, 999] {
      #expect(Array("key-\(number)".utf8).withUnsafeBufferPointer { table.value(for: $0) } == number)
    }
    #expect(Array("key-1000".utf8).withUnsafeBufferPointer { table.value(for: $0) } == nil)
    #expect([UInt8]().withUnsafeBufferPointer { table.value(for: $0) } == nil)
  }

  @Test("calendar dates on bytes agree with the String check")
  func calendarDates() {
    for text in ["2024-02-29", "2023-02-29", "2026-13-01", "2026-04-31", "2026-04-30", "26-04-30", "2026/04/30", ""] {
      #expect(AppraisalValidator.isCalendarDate(utf8: Array(text.utf8)) == AppraisalValidator.isCalendarDate(text))
    }
    #expect(AppraisalValidator.isCalendarDate("2024-02-29"))
    #expect(!AppraisalValidator.isCalendarDate("1900-02-29"))
    #expect(AppraisalValidator.isCalendarDate("2000-02-29"))
  }
}
