import Foundation
import TestSupport
import Testing

/// XML namespaces and schema locations through the built binary (docs/evidence-format.md, "XML syntax"):
/// `validate` and `rate`, which both read evidence streaming, accept what the XSD accepts and refuse a
/// root of another vocabulary.
@Suite("XML namespaces, end to end")
struct XMLNamespaceCommandTests {
  /// fixtures/evidence/sample.xml with its root start tag replaced by `root`, in a temporary file.
  static func sample(root: String) throws -> String {
    let sample = AppraiseRunner.root.appendingPathComponent("fixtures/evidence/sample.xml")
    let text = try String(contentsOf: sample, encoding: .utf8)
      .replacingOccurrences(of: #"<appraisal formatVersion="1">"#, with: root)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("ns-\(UUID().uuidString).xml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test(
    "xsi:noNamespaceSchemaLocation, xsi:schemaLocation and the evidence namespace are accepted by validate and rate",
    arguments: [
      #"<appraisal formatVersion="1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="../docs/schemas/evidence.xsd">"#,
      #"<appraisal xmlns="urn:appraise:evidence:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:appraise:evidence:1 evidence.xsd" formatVersion="1">"#,
    ])
  func accepted(root: String) throws {
    let path = try Self.sample(root: root)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let validate = try AppraiseRunner.run(["validate", path])
    #expect(validate.status == 0, "\(validate.stderr)")
    #expect(validate.stdout.contains("valid"), "\(validate.stdout)")
    let rate = try AppraiseRunner.run(["rate", path, "--format", "json"])
    #expect(rate.status == 0, "\(rate.stderr)")
  }

  @Test("a root in a foreign namespace: validate and rate exit 65 naming the namespace found and expected")
  func foreignRoot() throws {
    let path = try Self.sample(root: #"<appraisal xmlns="http://example.com/x" formatVersion="1">"#)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let message =
      "\(path):2: error: the root element <appraisal> is in namespace \"http://example.com/x\"; expected no "
      + "namespace or urn:appraise:evidence:1 (see docs/evidence-format.md)"
    for command in ["validate", "rate"] {
      let result = try AppraiseRunner.run([command, path])
      #expect(result.status == 65, "\(command): \(result.stderr)")
      #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
      #expect(result.stdout.isEmpty)
    }
  }
}
