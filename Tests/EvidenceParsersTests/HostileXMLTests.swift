import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

/// Hostile XML (fixtures/hostile/README.md), read in-process the way `appraise` reads it: nothing outside the
/// file is ever read or fetched, no entity is expanded, and every case ends within seconds, either read or
/// with located problems. The same cases through the built binary, with peak memory, are in
/// Tests/AppraiseTests/HostileInputCommandTests.swift.
@Suite("Hostile XML input")
struct HostileXMLTests {
  static let catalog = try! BundledCatalog.load()

  /// The limit for every case; the slowest takes well under a second in a debug build.
  static let timeLimit = Duration.seconds(5)

  /// The path the committed fixtures point their entities, DTD and XInclude at; replaced by a real secret file.
  static let placeholderPath = "/tmp/appraise-hostile/secret.txt"

  /// A scratch folder holding a secret file with a unique marker, and the hostile inputs pointing at it.
  final class Sandbox {
    let folder: URL
    let marker = "APPRAISE-SECRET-\(UUID().uuidString)"
    let secretPath: String

    init() throws {
      folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-hostile-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      secretPath = folder.appendingPathComponent("secret.txt").path
      try Data((marker + "\n").utf8).write(to: URL(fileURLWithPath: secretPath))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Copies fixtures/hostile/`name` here, its file:// references pointing at the secret file.
    func fixture(_ name: String) throws -> String {
      var bytes = try Golden.bytes("fixtures/hostile/\(name)")
      let placeholder = Array(HostileXMLTests.placeholderPath.utf8)
      let secret = Array(secretPath.utf8)
      var index = 0
      while index + placeholder.count <= bytes.count {
        if bytes[index..<index + placeholder.count].elementsEqual(placeholder) {
          bytes.replaceSubrange(index..<index + placeholder.count, with: secret)
          index += secret.count
        } else {
          index += 1
        }
      }
      return try write(bytes, to: name)
    }

    func write(_ bytes: [UInt8], to name: String) throws -> String {
      let path = folder.appendingPathComponent(name).path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      return path
    }
  }

  /// The evidence document the fixtures are built on, with `note` as the evidence item's note and `extra`
  /// inserted after the item (the same document as fixtures/hostile/*.xml without their hostile part).
  static func document(note: String = "what the item shows", extra: String = "", declaration: Bool = true) -> String {
    (declaration ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "") + """
      <appraisal formatVersion="1">
        <header id="hostile" name="Hostile input" organizationalUnit="Ünit Ops, Zürich" date="2026-01-01" \
      model="CMMI-SVC" modelVersion="1.3"/>
        <scope representation="continuous" targetLevel="1" processAreas="IRP"/>
        <instantiations>
          <instantiation id="desk" name="Service desk" kind="team"/>
        </instantiations>
        <evidence>
          <item id="E-1" practice="IRP SP 2.1" instantiation="desk" indicator="direct-artifact">
            <locator document="Incident records export"/>
            <note>\(note)</note>
          </item>\(extra)
        </evidence>
      </appraisal>

      """
  }

  /// What reading a file gave: the appraisal or the problems, and how long it took.
  struct Outcome {
    var loaded: AppraisalReader.Loaded?
    var problems: [LocatedProblem]
    var elapsed: Duration
    var text: String { problems.map(\.description).joined(separator: "\n") }
  }

  /// Reads `path` as `appraise` does (streaming, as `validate` and `rate` do, and not streaming) and from
  /// memory; checks the three agree and each stays within the time limit.
  static func read(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Outcome {
    var outcomes: [Outcome] = []
    let clock = ContinuousClock()
    for mode in 0..<3 {
      var loaded: AppraisalReader.Loaded?
      var problems: [LocatedProblem] = []
      let elapsed = try clock.measure {
        do {
          switch mode {
          case 0: loaded = try AppraisalReader.read(path: path, catalog: catalog, streaming: true)
          case 1: loaded = try AppraisalReader.read(path: path, catalog: catalog, streaming: false)
          default:
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            loaded = try AppraisalReader.read(bytes: bytes, syntax: .xml, file: path, catalog: catalog)
          }
        } catch let failure as ReadFailure {
          problems = failure.problems
        }
      }
      #expect(elapsed < timeLimit, "mode \(mode) took \(elapsed)", sourceLocation: sourceLocation)
      outcomes.append(Outcome(loaded: loaded, problems: problems, elapsed: elapsed))
    }
    #expect(outcomes[0].problems == outcomes[1].problems, sourceLocation: sourceLocation)
    #expect(outcomes[1].problems == outcomes[2].problems, sourceLocation: sourceLocation)
    #expect((outcomes[0].loaded == nil) == (outcomes[2].loaded == nil), sourceLocation: sourceLocation)
    return outcomes[1]
  }

  // MARK: - Nothing outside the file is read

  @Test(
    "DTDs and entities are refused before anything is fetched or expanded",
    arguments: [
      "xxe-file.xml", "xxe-http.xml", "external-dtd.xml", "parameter-entities.xml", "billion-laughs.xml",
      "doctype-internal-subset.xml",
    ])
  func doctypeRefused(name: String) throws {
    let sandbox = try Sandbox()
    let path = try sandbox.fixture(name)
    if ["xxe-file.xml", "external-dtd.xml", "parameter-entities.xml"].contains(name) {
      #expect(try String(contentsOfFile: path, encoding: .utf8).contains("file://\(sandbox.secretPath)"))
    }
    let outcome = try Self.read(path)
    #expect(outcome.loaded == nil)
    #expect(outcome.problems.map(\.message) == [XMLReadError.doctypeMessage])
    #expect(outcome.problems.first?.description.hasPrefix("\(path):2:1: error: ") == true)
    #expect(!outcome.text.contains(sandbox.marker))
  }

  @Test("quadratic blowup: a 100 kB entity referenced 20,000 times is refused, not expanded")
  func quadraticBlowup() throws {
    let sandbox = try Sandbox()
    let entity = String(repeating: "A", count: 100_000)
    let text = Self.document(note: String(repeating: "&a;", count: 20_000), declaration: false)
    let path = try sandbox.write(
      Array(("<?xml version=\"1.0\"?>\n<!DOCTYPE appraisal [\n  <!ENTITY a \"\(entity)\">\n]>\n" + text).utf8),
      to: "quadratic-blowup.xml")
    let outcome = try Self.read(path)
    #expect(outcome.problems.map(\.message) == [XMLReadError.doctypeMessage])
    #expect(outcome.problems.first?.location?.line == 2)
  }

  @Test("XInclude is not processed: <xi:include> is a foreign element and the file it names is not read")
  func xincludeIsAnUnknownElement() throws {
    let sandbox = try Sandbox()
    let path = try sandbox.fixture("xinclude.xml")
    let outcome = try Self.read(path)
    #expect(outcome.loaded == nil)
    #expect(
      outcome.text
        == "\(path):13: error: element <include> is in namespace \"http://www.w3.org/2001/XInclude\"; expected no "
        + "namespace or urn:appraise:evidence:1 (see docs/evidence-format.md)")
    #expect(!outcome.text.contains(sandbox.marker))
  }

  // MARK: - Compressed, deep and huge input

  @Test("gzip-compressed input is not decompressed: a located error at 1:1")
  func gzipIsNotDecompressed() throws {
    let path = Golden.url("fixtures/hostile/gzip-compressed.xml").path
    #expect(try Golden.bytes("fixtures/hostile/gzip-compressed.xml").prefix(2) == [0x1F, 0x8B])
    let outcome = try Self.read(path)
    #expect(outcome.loaded == nil)
    #expect(outcome.problems.count == 1)
    #expect(outcome.problems.first?.location?.line == 1)
    #expect(outcome.problems.first?.location?.column == 1)
    #expect(
      outcome.problems.first?.message
        == "the file is gzip-compressed; expected an uncompressed XML document (gunzip it first)")
  }

  @Test("a gzip file named .xml.gz is refused by its extension", arguments: [false, true])
  func gzipExtension(streaming: Bool) throws {
    let sandbox = try Sandbox()
    let path = try sandbox.write(try Golden.bytes("fixtures/hostile/gzip-compressed.xml"), to: "evidence.xml.gz")
    #expect(
      throws: ReadFailure.invalid(
        file: path,
        problems: [
          LocatedProblem(
            severity: .error, location: nil, file: path,
            message: "unknown file type; expected an evidence file ending in .xml, .json, .csv or .xlsx")
        ])
    ) { try AppraisalReader.read(path: path, catalog: Self.catalog, streaming: streaming) }
  }

  @Test("100,000 nested unknown elements stop at libxml2's depth limit of 256, fast")
  func deepNesting() throws {
    let sandbox = try Sandbox()
    let depth = 100_000
    let nested = String(repeating: "<deep>", count: depth) + String(repeating: "</deep>", count: depth)
    let path = try sandbox.write(Array(Self.document(extra: "\n    " + nested).utf8), to: "deep-nesting.xml")
    let outcome = try Self.read(path)
    #expect(outcome.loaded == nil)
    #expect(outcome.problems.count == 2)
    #expect(
      outcome.problems.first?.description
        == "\(path):13: error: unexpected element <deep> in <evidence>; see docs/evidence-format.md for what it may "
        + "contain")
    let depthProblem = try #require(outcome.problems.last)
    #expect(depthProblem.location?.line == 13)
    #expect(depthProblem.message == "elements nested deeper than 256 levels; an evidence file needs at most 5")
  }

  @Test("a 5 MB text node is read")
  func fiveMegabyteText() throws {
    let sandbox = try Sandbox()
    let note = String(repeating: "x", count: 5 * 1024 * 1024)
    let path = try sandbox.write(Array(Self.document(note: note).utf8), to: "text-5mb.xml")
    let outcome = try Self.read(path)
    #expect(outcome.problems.isEmpty)
    #expect(outcome.loaded?.appraisal.evidence.first?.note?.utf8.count == note.utf8.count)
  }

  @Test("a 20 MB text node exceeds libxml2's 10 MB text limit: a located error, fast")
  func twentyMegabyteText() throws {
    let sandbox = try Sandbox()
    let path = try sandbox.write(
      Array(Self.document(note: String(repeating: "x", count: 20 * 1024 * 1024)).utf8), to: "text-20mb.xml")
    let outcome = try Self.read(path)
    #expect(outcome.loaded == nil)
    #expect(outcome.problems.count == 1)
    let problem = try #require(outcome.problems.first)
    #expect(problem.location?.line == 11)
    #expect(problem.message == "a text value longer than 10,000,000 bytes; expected shorter text (libxml2's limit)")
  }

  // MARK: - Encodings

  @Test("invalid UTF-8 is a located error naming the bytes")
  func invalidUTF8() throws {
    let path = Golden.url("fixtures/hostile/invalid-utf8.xml").path
    let outcome = try Self.read(path)
    #expect(
      outcome.text
        == "\(path):11:16: error: invalid UTF-8 byte 0xE9; expected UTF-8 text, or an encoding declaration such as "
        + "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>")
  }

  @Test("UTF-16 with a byte order mark reads like the UTF-8 document")
  func utf16WithBOM() throws {
    let utf16 = try Self.read(Golden.url("fixtures/hostile/utf16-bom.xml").path)
    #expect(utf16.problems.isEmpty)
    let sandbox = try Sandbox()
    let utf8 = try Self.read(try sandbox.write(Array(Self.document().utf8), to: "utf8.xml"))
    #expect(utf16.loaded?.appraisal.header.organizationalUnit == "Ünit Ops, Zürich")
    #expect(utf16.loaded?.appraisal == utf8.loaded?.appraisal)
  }

  @Test("encoding=\"UTF-16\" on UTF-8 bytes is refused at the declaration")
  func declaredUTF16OnUTF8() throws {
    let path = Golden.url("fixtures/hostile/encoding-lie-utf16.xml").path
    let outcome = try Self.read(path)
    #expect(outcome.text == "\(path):1:38: error: document labelled utf-16 but has utf-8 content")
  }

  /// Every byte sequence is valid ISO-8859-1, so the lie cannot be detected: the file is read, and its
  /// non-ASCII text comes out as mojibake (each UTF-8 byte becomes one character). Safe, but wrong text.
  @Test("encoding=\"ISO-8859-1\" on UTF-8 bytes is read, with mojibake")
  func declaredLatin1OnUTF8() throws {
    let outcome = try Self.read(Golden.url("fixtures/hostile/encoding-lie-latin1.xml").path)
    #expect(outcome.problems.isEmpty)
    #expect(outcome.loaded?.appraisal.header.organizationalUnit == "Ã\u{9C}nit Ops, ZÃ¼rich")
  }
}
