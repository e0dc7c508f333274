import CLibXML2
import Foundation
import TestSupport
import Testing

/// The evidence XSD (docs/schemas/evidence.xsd) checked against every XML fixture with libxml2's schema
/// validator, so this check runs on any machine that builds the project (no Python packages needed):
/// valid fixtures and the files `appraise import` writes are accepted; invalid fixtures whose problem is
/// structural are rejected; `semantic-*` fixtures (problems only a catalog can reveal) are accepted.
@Suite("evidence XSD through libxml2")
struct EvidenceXSDTests {
  static let schemaPath = Golden.url("docs/schemas/evidence.xsd").path

  /// The XML fixtures and whether the XSD must accept each.
  static var cases: [(path: String, accepted: Bool)] {
    func xml(_ folder: String, prefix: String = "") -> [String] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: Golden.url(folder).path)) ?? []
      return names.filter { $0.hasSuffix(".xml") && $0.hasPrefix(prefix) }.sorted().map { "\(folder)/\($0)" }
    }
    let valid =
      xml("fixtures/evidence") + xml("fixtures/company-a") + xml("Tests/AppraiseTests/Golden", prefix: "import-")
    let invalid = xml("fixtures/invalid/evidence")
    return valid.map { ($0, true) }
      + invalid.map { ($0, ($0 as NSString).lastPathComponent.hasPrefix("semantic-")) }
  }

  @Test("the fixture sets are there")
  func fixturesFound() {
    #expect(Self.cases.filter(\.accepted).count >= 10)
    #expect(Self.cases.filter { !$0.accepted }.count >= 5)
  }

  @Test("every valid fixture is accepted and every structurally invalid one rejected", arguments: cases.map(\.path))
  func fixture(_ path: String) throws {
    let accepted = try #require(Self.cases.first { $0.path == path }).accepted
    let problems = try XSDValidator.problems(in: Golden.url(path).path, schema: Self.schemaPath)
    if accepted {
      #expect(problems.isEmpty, "\(path) should be accepted: \(problems.joined(separator: "; "))")
    } else {
      #expect(!problems.isEmpty, "\(path) should be rejected by the XSD")
    }
  }

  @Test("a coverage share that would overflow is rejected by the XSD as by the reader")
  func overflowingShare() throws {
    let sample = try String(contentsOf: Golden.url("fixtures/evidence/sample.xml"), encoding: .utf8)
    try #require(sample.contains("minimumShare=\"1/2\""))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xsd-\(getpid())-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (share, accepted) in [("1/9223372036854775807", false), ("10000/10000", false), ("001/1000", true)] {
      let file = folder.appendingPathComponent("share.xml")
      try Data(sample.replacingOccurrences(of: "minimumShare=\"1/2\"", with: "minimumShare=\"\(share)\"").utf8)
        .write(to: file)
      #expect(try XSDValidator.problems(in: file.path, schema: Self.schemaPath).isEmpty == accepted, "\(share)")
    }
  }

  @Test("the validator does reject: an unknown root element")
  func rejectsUnknownRoot() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xsd-\(getpid())-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("x.xml")
    try Data("<nothing/>".utf8).write(to: file)
    #expect(!(try XSDValidator.problems(in: file.path, schema: Self.schemaPath)).isEmpty)
  }
}

/// libxml2's XSD validator for tests: parses without DTD loading, entities or network, and returns the
/// messages instead of printing them.
enum XSDValidator {
  struct SchemaError: Error, CustomStringConvertible {
    var description: String
  }

  final class Messages {
    var lines: [String] = []
  }

  static func problems(in path: String, schema schemaPath: String) throws -> [String] {
    let messages = Messages()
    let context = Unmanaged.passUnretained(messages).toOpaque()
    let collect: xmlStructuredErrorFunc = { context, error in
      guard let context, let error else { return }
      let messages = Unmanaged<Messages>.fromOpaque(context).takeUnretainedValue()
      let text = error.pointee.message.map { String(cString: $0) } ?? "error"
      messages.lines.append("line \(error.pointee.line): " + text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    // From memory: the project's reader replaces libxml2's entity loader process-wide with one that refuses
    // every file, so libxml2 is given bytes, never a path.
    let schemaBytes = try [CChar](Data(contentsOf: URL(fileURLWithPath: schemaPath)).map { CChar(bitPattern: $0) })
    let documentBytes = try [CChar](Data(contentsOf: URL(fileURLWithPath: path)).map { CChar(bitPattern: $0) })
    guard let parser = xmlSchemaNewMemParserCtxt(schemaBytes, Int32(schemaBytes.count)) else {
      throw SchemaError(description: "no schema parser")
    }
    defer { xmlSchemaFreeParserCtxt(parser) }
    xmlSchemaSetParserStructuredErrors(parser, collect, context)
    guard let schema = xmlSchemaParse(parser) else {
      throw SchemaError(description: "\(schemaPath) is not a valid XSD: " + messages.lines.joined(separator: "; "))
    }
    defer { xmlSchemaFree(schema) }
    guard let validator = xmlSchemaNewValidCtxt(schema) else { throw SchemaError(description: "no validator") }
    defer { xmlSchemaFreeValidCtxt(validator) }
    xmlSchemaSetValidStructuredErrors(validator, collect, context)
    messages.lines = []
    // Malformed documents (and those with a DTD, which the fixtures use to attack readers) are rejected
    // by the parser: no DTD is loaded, no entity substituted, nothing fetched.
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    guard let document = xmlReadMemory(documentBytes, Int32(documentBytes.count), path, nil, options) else {
      return ["not well-formed XML"]
    }
    defer { xmlFreeDoc(document) }
    let status = xmlSchemaValidateDoc(validator, document)
    if status != 0 && messages.lines.isEmpty { return ["rejected (status \(status))"] }
    return status == 0 ? [] : messages.lines
  }
}
