import Foundation
import TestSupport
import Testing

/// SCAMPI v1.3 expects only SAM to be declared not applicable; any other area gets a warning from
/// `validate` and a note in the rate report, and the rating itself is unchanged.
@Suite("Not applicable areas other than SAM")
struct NotApplicableWarningTests {
  /// Company A after with `area` declared not applicable instead of rated (its records dropped).
  static func declaring(_ area: String, in folder: URL) throws -> String {
    let source = AppraiseRunner.root.appendingPathComponent("fixtures/company-a/after.json")
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
    var scope = try #require(json["scope"] as? [String: Any])
    scope["processAreas"] = (scope["processAreas"] as? [String] ?? []).filter { $0 != area }
    scope["notApplicable"] = [["processArea": area, "reason": "handled by the hosting provider"]]
    json["scope"] = scope
    for key in ["evidence", "observations", "characterizations", "aggregationDecisions"] {
      json[key] = (json[key] as? [[String: Any]] ?? []).filter {
        !(($0["practice"] as? String)?.hasPrefix(area + " ") ?? false)
      }
    }
    let file = folder.appendingPathComponent("\(area.lowercased())-not-applicable.json")
    try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: file)
    return file.path
  }

  @Test("CAM declared not applicable: validate warns (exit 0), rate notes it; the rest rates as before")
  func warning() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-na-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.declaring("CAM", in: folder)
    let validate = try AppraiseRunner.run(["validate", file])
    #expect(validate.status == 0, "\(validate.stderr)")
    let message =
      "process area CAM is declared not applicable; the method expects only SAM to be (no supplier agreements): "
      + "check that the reason holds, or rate CAM"
    #expect(validate.stderr.contains("warning: \(message)"), "\(validate.stderr)")
    let rate = try AppraiseRunner.run(["rate", file, "--format", "json"])
    #expect(rate.status == 0)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(rate.stdout.utf8)) as? [String: Any])
    let notes = report["notes"] as? [String] ?? []
    #expect(notes.contains { $0.contains(message) }, "\(notes)")
    let areas = (report["processAreas"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(!areas.contains("CAM") && areas.contains("SCON"))
  }
}
