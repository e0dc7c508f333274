import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers

@Suite("Streaming JSON and CSV evidence: items counted on bytes, the same result as a full read")
struct JSONCSVStreamingTests {
  static let catalog = try! BundledCatalog.load()

  /// fixtures/evidence/sample.EXT with `edits` applied in turn, written to a temporary file.
  static func sample(_ ext: String, _ edits: [(String, String)] = [], prefix: [UInt8] = []) throws -> String {
    // Line breaks as LF (sample.csv has CR LF), so that edits can change them.
    var text = try String(contentsOf: Golden.url("fixtures/evidence/sample.\(ext)"), encoding: .utf8)
      .replacingOccurrences(of: "\r\n", with: "\n")
    for (old, new) in edits {
      #expect(text.contains(old), "the sample no longer contains \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    return try write(prefix + Array(text.utf8), ext)
  }

  static func write(_ bytes: [UInt8], _ ext: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-\(UUID().uuidString).\(ext)")
    try Data(bytes).write(to: url)
    return url.path
  }

  /// The fast decode a streaming read starts with.
  static func streamedDecoding(_ path: String) throws -> AppraisalDecoding {
    let bytes = try InputFile.bytes(at: path)
    return path.hasSuffix(".json")
      ? JSONAppraisalDecoder.decode(bytes: bytes, file: path, recordLocations: false, summarizingWith: catalog)
      : CSVAppraisalDecoder.decode(bytes: bytes, file: path, recordLocations: false, summarizingWith: catalog)
  }

  /// Whether the streaming read counted every item without giving up.
  static func counted(_ path: String) throws -> Bool {
    let decoding = try streamedDecoding(path)
    return !decoding.isIncomplete && decoding.appraisal?.evidenceTally != nil
      && decoding.appraisal?.evidence.isEmpty == true
  }

  /// Reads `path` streaming and not: the same problems, or the same warnings, appraisal apart from its
  /// items, item count and rating. Returns the streaming read's messages (empty when it read fine).
  @discardableResult
  static func readAlike(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    let streamed = Result { () throws(ReadFailure) in
      try AppraisalReader.read(path: path, catalog: catalog, streaming: true)
    }
    let full = Result { () throws(ReadFailure) in try AppraisalReader.read(path: path, catalog: catalog) }
    switch (streamed, full) {
    case (.failure(let streamedError), .failure(let fullError)):
      #expect(streamedError == fullError, sourceLocation: sourceLocation)
      return (streamedError.errorDescription ?? "").split(separator: "\n").map(String.init)
    case (.success(let loaded), .success(let reference)):
      #expect(loaded.warnings == reference.warnings, sourceLocation: sourceLocation)
      #expect(loaded.appraisal.evidenceCount == reference.appraisal.evidenceCount, sourceLocation: sourceLocation)
      var (left, right) = (loaded.appraisal, reference.appraisal)
      (left.evidence, left.evidenceTally, right.evidence, right.evidenceTally) = ([], nil, [], nil)
      #expect(left == right, sourceLocation: sourceLocation)
      #expect(
        AppraisalRater.rate(loaded.appraisal, catalog: catalog).processAreas
          == AppraisalRater.rate(reference.appraisal, catalog: catalog).processAreas, sourceLocation: sourceLocation)
      return loaded.warnings.map(\.description)
    default:
      Issue.record("one read failed and the other did not: \(streamed), \(full)", sourceLocation: sourceLocation)
      return []
    }
  }

  @Test(
    "the fixtures are counted on bytes and read as a full read reads them",
    arguments: [
      "evidence/sample.json", "evidence/sample.csv", "evidence/semicolons-bom-crlf.csv", "company-a/before.json",
      "company-a/after.json", "company-a/later.json", "company-a/before.csv", "company-a/after.csv",
      "company-a/later.csv",
    ])
  func fixtures(name: String) throws {
    let path = Golden.url("fixtures/\(name)").path
    #expect(try Self.counted(path))
    Self.readAlike(path)
  }

  @Test("few instantiations: the items are kept (keepingItemsUpTo), in the same pass", arguments: ["json", "csv"])
  func keepsFewItems(ext: String) throws {
    let path = Golden.url("fixtures/evidence/sample.\(ext)").path
    let kept = try AppraisalReader.read(path: path, catalog: Self.catalog, streaming: true, keepingItemsUpTo: 2)
    #expect(kept.appraisal.evidenceTally == nil)
    #expect(kept.appraisal.evidence.count == 8)
    let counted = try AppraisalReader.read(path: path, catalog: Self.catalog, streaming: true, keepingItemsUpTo: 1)
    #expect(counted.appraisal.evidenceTally?.itemCount == 8)
    #expect(counted.appraisal.evidence.isEmpty)
  }

  // MARK: JSON

  @Test(
    "JSON the byte scanner reads: other spacing, line ends, member order, escapes in free text, null and flags",
    arguments: [
      [("\n", "\r\n")], [("\n", "\r")], [("\n", " \t\n  ")], [("\n", "")],
      [
        (
          #""id": "S-0001",\#n      "practice": "IRP SP 2.1","#,
          #""practice": "IRP SP 2.1",\#n      "id": "S-0001","#
        )
      ],
      [
        (
          #""note": "1,240 incidents, all with category""#,
          #""note": "1,240 \"incidents\" \u00e9\\ \/ \n\t caf\#u{E9}""#
        )
      ],
      [(#""note": "describes logging on first contact""#, #""note": null, "imported": true"#)],
      [(#""date": "2026-10-31""#, #""date": null"#)],
      [(#""section": "all priorities""#, #""section": """#)],
    ])
  func jsonCounted(edits: [(String, String)]) throws {
    let path = try Self.sample("json", edits)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try Self.counted(path))
    Self.readAlike(path)
  }

  @Test("a JSON file with a byte order mark is counted")
  func jsonBOM() throws {
    let path = try Self.sample("json", prefix: [0xEF, 0xBB, 0xBF])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try Self.counted(path))
    Self.readAlike(path)
  }

  @Test(
    "valid JSON the byte scanner leaves to the token reader: the same appraisal, items kept",
    arguments: [
      [(#""id": "S-0001""#, #""id": "S-\u00301""#)],  // an escape in an id
      [(#""id": "S-0001""#, #""id": " S-0001""#)],  // white space around an id
      [(#""id": "S-0001""#, #""id": "S-\#u{E9}1""#)],  // a non-ASCII id
      [(#""document": "Incident records export""#, #""document": "Incident \"records\"""#)],
    ])
  func jsonLeftToReader(edits: [(String, String)]) throws {
    let path = try Self.sample("json", edits)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let decoding = try Self.streamedDecoding(path)
    #expect(decoding.appraisal?.evidenceTally == nil)
    #expect(decoding.appraisal?.evidence.count == 8)
    #expect(Self.readAlike(path).isEmpty)
  }

  @Test(
    "JSON problems in and around the evidence: streaming reports what a full read reports",
    arguments: [
      [(#""id": "S-0002""#, #""id": "S-0001""#)],  // duplicate id
      [(#""id": "S-0008""#, #""id": "S-0001""#)],  // duplicate id, further on
      [(#""note": "describes logging on first contact""#, #""note": "x", "reviewer": "y""#)],
      [(#""indicator": "affirmation","#, #""indicator": "affirmation", "indicator": "affirmation","#)],
      [(#""id": "S-0001""#, #""id": 1"#)],
      [(#""id": "S-0001""#, #""id": """#)],
      [(#""id": "S-0001""#, #""id": "  ""#)],
      [(#""date": "2026-10-31""#, #""date": "2026-02-30""#)],
      [(#""date": "2026-10-31""#, #""date": """#)],
      [(#""indicator": "direct-artifact""#, #""indicator": "direct""#)],
      [(#""instantiation": "desk""#, #""instantiation": "dsk""#)],
      [(#""practice": "IRP SP 2.1""#, #""practice": "IRP SP 9.9""#)],
      [(#""practice": "IRP SP 2.1""#, #""practice": "SD SP 1.1""#)],
      [(#""note": "describes logging on first contact""#, #""note": "x", "imported": "yes""#)],
      [(#""note": "describes logging on first contact""#, #""note": "x", "imported": True"#)],
      [(#""note": "describes logging on first contact""#, #""note": 3"#)],
      [(#""document": "Service desk group interview""#, #""section": "x""#)],
      [(#""id": "S-0003","#, #""id": "S-0003",,"#)],
      [(#""id": "S-0003","#, #""id": "S-0003""#)],
      [(#""note": "describes logging on first contact""#, #""note": "a\uD800b""#)],
      [(#""note": "describes logging on first contact""#, #""note": "a\qb""#)],
      [(#""note": "describes logging on first contact""#, "\"note\": \"a\tb\"")],
      [(#""note": "describes logging on first contact""#, #""note": "a\u12""#)],
      [(#""document": "Service desk group interview""#, #""document": "x", "date": "2026-1-1""#)],
      [(#""instantiations""#, #""units""#)],  // the scope of the items is unknown
      [("\n", "\r\n"), (#""type": "weakness""#, #""type": "weak""#)],  // after the evidence, lines counted
      [(#""note": "describes logging on first contact""#, #""note": "x"}, 5, {"a": 1"#)],
    ])
  func jsonProblems(edits: [(String, String)]) throws {
    let path = try Self.sample("json", edits)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(!Self.readAlike(path).isEmpty)
  }

  @Test("JSON cut off or with bad bytes inside the evidence: the reader's own syntax error, streamed or not")
  func jsonSyntaxInEvidence() throws {
    let bytes = try Array(Data(contentsOf: Golden.url("fixtures/evidence/sample.json")))
    let note = Array(#""describes logging on first contact""#.utf8)
    let at = try #require(bytes.indices.first { bytes[$0...].starts(with: note) })
    var variants: [[UInt8]] = [Array(bytes[..<(at + 10)]), Array(bytes[..<(at - 1)])]
    var invalid = bytes
    invalid[at + 3] = 0xFF
    variants.append(invalid)
    var overlong = bytes
    overlong.replaceSubrange((at + 3)..<(at + 5), with: [0xC0, 0xAF])
    variants.append(overlong)
    for variant in variants {
      let path = try Self.write(variant, "json")
      defer { try? FileManager.default.removeItem(atPath: path) }
      let messages = Self.readAlike(path)
      #expect(messages.contains { $0.contains("error:") })
    }
  }

  // MARK: CSV

  @Test(
    "CSV rows counted on bytes or, when not plain, from their trimmed cells",
    arguments: [
      [], [("\n", "\r\n")], [("\n", "\r")],
      [("IRP SP 2.1,desk,S-0002,", "IRP SP 2.1 , desk ,\"S-0002\",")],
      [("IRP SP 2.1,desk,S-0002,affirmation,", "IRP SP 2.1,desk,S-0002,affirmation  ,")],
      [(",,,,,\n", ",,,,,,,,,\n")],  // padding beyond the header
      [("IRP SP 2.2,desk,S-0005,", "\n,,,\nIRP SP 2.2,desk,S-0005,")],  // empty rows among the PIID rows
      [("Operations questionnaire,question 4,,,,,", "Operations questionnaire,question 4,,,,,TRUE")],
      [("Service desk group interview,,,,,,", "Service desk group interview,,,,,,false")],
      [("Incident analysis checklist,,1.2,,", "Incident analysis checklist,caf\u{E9},1.2,,")],
    ])
  func csvCounted(edits: [(String, String)]) throws {
    let path = try Self.sample("csv", edits)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try Self.counted(path))
    Self.readAlike(path)
  }

  @Test("a CSV file with a byte order mark and no line break at its end is counted")
  func csvBOM() throws {
    var text = try String(contentsOf: Golden.url("fixtures/evidence/sample.csv"), encoding: .utf8)
    while let last = text.last, last.isNewline { text.removeLast() }
    let path = try Self.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), "csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try Self.counted(path))
    Self.readAlike(path)
  }

  @Test(
    "valid CSV the counting gives up on: the same appraisal, read again with its items",
    arguments: [
      [("IRP SP 2.1,desk,S-0002,", "IRP SP 2.1,desk,S-\u{E9}2,")]  // a non-ASCII id
    ])
  func csvGivesUp(edits: [(String, String)]) throws {
    let path = try Self.sample("csv", edits)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try Self.streamedDecoding(path).isIncomplete)
    #expect(Self.readAlike(path).isEmpty)
  }

  @Test(
    "CSV problems in the PIID rows: streaming reports what a full read reports",
    arguments: [
      [("desk,S-0002,", "desk,S-0001,")],
      [("hosting,S-0008,", "hosting,S-0001,")],
      [("S-0002,affirmation,", "S-0002,direct,")],
      [("IRP SP 2.1,desk,S-0002,", "IRP SP 2.1,dsk,S-0002,")],
      [("IRP SP 2.1,desk,S-0002,", "IRP SP 9.9,desk,S-0002,")],
      [("IRP SP 2.1,desk,S-0002,", "SD SP 1.1,desk,S-0002,")],
      [("IRP SP 2.1,desk,S-0002,", ",desk,S-0002,")],
      [("S-0002,affirmation,Service desk group interview,", "S-0002,affirmation,,")],
      [("S-0002,affirmation,Service desk group interview,", "S-0002,affirmation,  ,")],
      [("S-0002,affirmation,", "S-0002,,")],
      [("Operations questionnaire,question 4,,,,,", "Operations questionnaire,question 4,,31/10/2026,,,")],
      [("Operations questionnaire,question 4,,,,,", "Operations questionnaire,question 4,,2026-02-30,,,")],
      [("Operations questionnaire,question 4,,,,,", "Operations questionnaire,question 4,,,,,yes")],
      [("Service desk group interview,,,,,,,,,,,\n", "Service desk group interview,,,,,,,,,,,,x\n")],
      [("IRP SP 2.1,desk,S-0002,", "IRP SP 2.1,desk,,")],
      [("IRP SP 2.1,desk,S-0002,", "IRP SP 2.1,desk,S\"0002,")],
      [("IRP SP 2.1,desk,S-0002,", "IRP SP 2.1,desk,\"S-0002,")],
      [("Incident analysis checklist,,1.2,,,,,PI,", "Incident analysis checklist,,1.2,,,,,XX,")],
    ])
  func csvProblems(edits: [(String, String)]) throws {
    let path = try Self.sample("csv", edits)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(!Self.readAlike(path).isEmpty)
  }

  @Test("CSV with a bad byte or a NUL in a PIID row: the tokenizer's own error, streamed or not")
  func csvBadBytes() throws {
    let bytes = try Array(Data(contentsOf: Golden.url("fixtures/evidence/sample.csv")))
    let id = Array("S-0004".utf8)
    let at = try #require(bytes.indices.first { bytes[$0...].starts(with: id) })
    for bad: UInt8 in [0xFF, 0x00, 0xC3] {
      var variant = bytes
      variant[at + 2] = bad
      let path = try Self.write(variant, "csv")
      defer { try? FileManager.default.removeItem(atPath: path) }
      #expect(Self.readAlike(path).contains { $0.contains("error:") })
    }
  }

  @Test("the plain-row reader offers plain rows only and leaves the others to nextRow()")
  func plainRows() throws {
    let bytes = Array("a,b\r\nc,\"d\"\n\u{E9},,\ne".utf8)
    var tokenizer = CSVTokenizer(bytes: bytes)
    var offered: [[String]] = []
    func offer(_ take: Bool) -> Bool {
      tokenizer.nextPlainRow { p, cells in
        offered.append(cells.map { String(decoding: UnsafeBufferPointer(rebasing: p[$0]), as: UTF8.self) })
        return take
      }
    }
    #expect(offer(true))
    #expect(!offer(true))  // a quoted cell: not offered
    #expect(try tokenizer.nextRow()?.cells.map(\.value) == ["c", "d"])
    #expect(!offer(false))  // declined: read again by nextRow()
    #expect(try tokenizer.nextRow()?.cells.map(\.value) == ["\u{E9}", "", ""])
    #expect(offer(true))
    #expect(!offer(true))  // the end
    #expect(try tokenizer.nextRow() == nil)
    #expect(offered == [["a", "b"], ["\u{E9}", "", ""], ["e"]])
  }
}
