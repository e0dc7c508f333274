import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

/// Issue 15: inputs are read once; the digest comes from the bytes the reader consumed; warnings never force
/// a second read.
@Suite("Each input is read and decoded once")
struct ReadOnceTests {
  static let catalog = try! BundledCatalog.load()
  typealias Counter = AppraisalReader.ReadCounter

  /// fixtures/evidence/sample.<syntax> with each `(old, new)` replacement made, written to a temporary file.
  static func sample(_ syntax: String, _ replacements: [(String, String)]) throws -> String {
    var text = try String(contentsOf: Golden.url("fixtures/evidence/sample.\(syntax)"), encoding: .utf8)
    for (old, new) in replacements {
      #expect(text.contains(old), "the sample has no \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("once-\(UUID().uuidString).\(syntax)")
      .path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Two warnings and nothing wrong: a team value of LI with no weakness (`characterizations[0].value`)
  /// and a weakness on a generic practice the target (CL 1) does not rate (`observations[0].practice`).
  static let warningsXML = [
    (
      #"<characterization practice="IRP SP 2.2" instantiation="hosting" value="PI">"#,
      #"<characterization practice="IRP SP 2.1" instantiation="desk" value="LI">"#
    ),
    (
      #"<weakness practice="IRP SP 2.1" instantiation="hosting">"#,
      #"<weakness practice="IRP GP 2.1" instantiation="hosting">"#
    ),
  ]

  /// Reads `path` counting reads and decodes; the problems when it is refused.
  static func counted(_ path: String, streaming: Bool) -> (Counter, Result<AppraisalReader.Loaded, ReadFailure>) {
    let counter = Counter()
    let result = Counter.$current.withValue(counter) {
      Result { () throws(ReadFailure) in
        try AppraisalReader.read(path: path, catalog: Self.catalog, streaming: streaming)
      }
    }
    return (counter, result)
  }

  static func size(_ path: String) throws -> Int {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
  }

  /// The 1-based line of the first line of `path` containing `text`.
  static func line(of text: String, in path: String) throws -> Int {
    // `isNewline`: a CRLF is one Character.
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    return try #require(lines.firstIndex { $0.contains(text) }) + 1
  }

  @Test("a valid JSON or CSV file is read once and decoded once", arguments: ["json", "csv"])
  func validInMemoryOnce(syntax: String) throws {
    let path = try Self.sample(syntax, [])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (counter, result) = Self.counted(path, streaming: true)
    #expect(try result.get().warnings.isEmpty)
    #expect(counter.reads == 1)
    #expect(counter.decodes == 1)
  }

  @Test("an XML file with warnings only is read once and streams like a valid one")
  func warningsStream() throws {
    let path = try Self.sample("xml", Self.warningsXML)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (counter, result) = Self.counted(path, streaming: true)
    let loaded = try result.get()
    #expect(counter.reads == 1)
    #expect(counter.decodes == 1)
    #expect(counter.bytes == (try Self.size(path)))
    #expect(loaded.appraisal.evidence.isEmpty)
    #expect(loaded.appraisal.evidenceTally?.itemCount == 8)
    #expect(loaded.sha256 == InputDigester.sha256(of: Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
    // Each warning at its attribute, as the full read locates it.
    let characterization = try Self.line(of: #"value="LI""#, in: path)
    let weakness = try Self.line(of: "IRP GP 2.1", in: path)
    #expect(loaded.warnings.count == 2)
    #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
    #expect(Set(loaded.warnings.compactMap(\.location?.line)) == [characterization, weakness])
    let (fullCounter, full) = Self.counted(path, streaming: false)
    #expect(try full.get().warnings == loaded.warnings)
    #expect(fullCounter.reads == 1)
    #expect(try full.get().appraisal.evidence.count == 8)
  }

  @Test("an invalid XML file is read once, streamed or not, with its problems located")
  func invalidOnce() throws {
    // An error outside <evidence> (an undeclared instantiation) and, for the full read, one inside it too.
    let path = try Self.sample(
      "xml",
      Self.warningsXML + [
        (
          #"<strength practice="IRP SP 2.1" instantiation="desk">"#,
          #"<strength practice="IRP SP 2.1" instantiation="nowhere">"#
        )
      ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    var problems: [[LocatedProblem]] = []
    for streaming in [true, false] {
      let (counter, result) = Self.counted(path, streaming: streaming)
      guard case .failure(let failure) = result else {
        Issue.record("accepted")
        continue
      }
      #expect(counter.reads == 1, "streaming: \(streaming)")
      #expect(counter.decodes == 1, "streaming: \(streaming)")
      #expect(counter.bytes == (try Self.size(path)))
      problems.append(failure.problems)
    }
    #expect(problems.count == 2)
    #expect(problems.first == problems.last)
    let error = try #require(problems.first?.first { $0.severity == .error })
    #expect(error.message.contains("nowhere"))
    #expect(error.location?.line == (try Self.line(of: "nowhere", in: path)))
    #expect(problems.first?.filter { $0.severity == .warning }.count == 2)
  }

  @Test("an XML file with an error in an item is read once when not streaming")
  func itemErrorOnce() throws {
    let path = try Self.sample("xml", [(#"indicator="affirmation""#, #"indicator="rumour""#)])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (counter, result) = Self.counted(path, streaming: false)
    guard case .failure(let failure) = result else {
      Issue.record("accepted")
      return
    }
    #expect(counter.reads == 1)
    #expect(counter.decodes == 1)
    #expect(failure.problems.contains { $0.message.contains("rumour") && $0.location?.line ?? 0 > 1 })
  }

  /// Per syntax, the sample's change that gives one warning (a team value of LI with no weakness, for
  /// IRP SP 2.2 in desk) and the text on the line the warning points at.
  static let warned: [String: (change: (String, String), line: String)] = [
    "json": (
      (
        "\"instantiation\": \"hosting\",\n      \"value\": \"PI\"",
        "\"instantiation\": \"desk\",\n      \"value\": \"LI\""
      ),
      "\"value\": \"LI\""
    ),
    "csv": (
      (
        "IRP SP 2.2,desk,S-0005,artifact,Incident analysis checklist,,1.2,,,,,,,,,",
        "IRP SP 2.2,desk,S-0005,artifact,Incident analysis checklist,,1.2,,,,,LI,,,,"
      ),
      "S-0005"
    ),
  ]

  @Test(
    "JSON and CSV are read once; with warnings or errors decoded again from the same bytes, located",
    arguments: ["json", "csv"])
  func inMemoryOnce(syntax: String) throws {
    let (change, marker) = try #require(Self.warned[syntax])
    let path = try Self.sample(syntax, [change])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (counter, result) = Self.counted(path, streaming: true)
    let loaded = try result.get()
    #expect(counter.reads == 1)
    #expect(counter.decodes == 2)
    #expect(loaded.warnings.count == 1)
    #expect(loaded.warnings.first?.location?.line == (try Self.line(of: marker, in: path)))
    #expect(loaded.warnings.first?.location?.column != nil)
    // The same file with errors on other lines as well: refused after one decode, the warning unchanged.
    let bad = try Self.sample(syntax, [change, ("affirmation", "rumour")])
    defer { try? FileManager.default.removeItem(atPath: bad) }
    let (badCounter, badResult) = Self.counted(bad, streaming: true)
    guard case .failure(let failure) = badResult else {
      Issue.record("accepted")
      return
    }
    #expect(badCounter.reads == 1)
    #expect(badCounter.decodes == 2)
    #expect(failure.problems.contains { $0.severity == .error && $0.location != nil })
    let place = { (problem: LocatedProblem) in
      "\(problem.location?.line ?? 0):\(problem.location?.column ?? 0) \(problem.message)"
    }
    #expect(failure.problems.filter { $0.severity == .warning }.map(place) == loaded.warnings.map(place))
  }
}
