import Foundation
import TestSupport
import Testing

/// A coverage share such as `1/9223372036854775807` once passed `validate` and made `rate` trap on an
/// integer overflow (exit 132). Now every command refuses it as bad data, with its place and the range.
@Suite("Integers from input never trap, end to end")
struct IntegerRangeCommandTests {
  /// The sample appraisal in `syntax` with the share `1/9223372036854775807`, in a scratch folder.
  static func hostileSample(_ syntax: String) throws -> (folder: URL, file: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-int-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let source = AppraiseRunner.root.appendingPathComponent("fixtures/evidence/sample.\(syntax)")
    let text = try String(contentsOf: source, encoding: .utf8)
      .replacingOccurrences(of: "1/2", with: "1/9223372036854775807")
    let file = folder.appendingPathComponent("share.\(syntax)").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return (folder, file)
  }

  static let message =
    "error: minimum share 1/9223372036854775807 is out of range; expected whole numbers n/d with 0 ≤ n ≤ d and "
    + "1 ≤ d ≤ 1000, e.g. 1/2"
  static let lines = ["xml": 6, "json": 28, "csv": 14]

  @Test("validate: exit 65 and a located message naming the value and the range", arguments: ["xml", "json", "csv"])
  func validate(syntax: String) throws {
    let (folder, file) = try Self.hostileSample(syntax)
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try AppraiseRunner.run(["validate", file])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(file):\(Self.lines[syntax]!)"))
    #expect(result.stderr.contains(Self.message))
  }

  @Test(
    "rate and compare: exit 65 with the same message, no trap",
    arguments: [("xml", "text"), ("json", "json"), ("csv", "markdown")] as [(String, String)])
  func rate(syntax: String, format: String) throws {
    let (folder, file) = try Self.hostileSample(syntax)
    defer { try? FileManager.default.removeItem(at: folder) }
    let rate = try AppraiseRunner.run(["rate", file, "--format", format])
    #expect(rate.status == 65)
    #expect(rate.stdout.isEmpty)
    #expect(rate.stderr.contains(Self.message))
    let compare = try AppraiseRunner.run(["compare", "fixtures/evidence/sample.\(syntax)", file])
    #expect(compare.status == 65)
    #expect(compare.stderr.contains(Self.message))
  }
}
