import Foundation
import TestSupport
import Testing

/// The scope's target profile, out-of-scope reasons and coverage policy, end to end on the built binary.
@Suite("rate: target profile, out-of-scope reasons, coverage policy")
struct ScopeProfileCommandTests {
  /// Company A after (JSON) with `change` applied to its scope, written to `folder`.
  static func variant(_ name: String, in folder: URL, _ change: (inout [String: Any]) -> Void) throws -> String {
    let source = AppraiseRunner.root.appendingPathComponent("fixtures/company-a/after.json")
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
    var scope = try #require(json["scope"] as? [String: Any])
    change(&scope)
    json["scope"] = scope
    let file = folder.appendingPathComponent("\(name).json")
    try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: file)
    return file.path
  }

  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-scope-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test("CL 2 sought for two areas, CL 1 for the rest: only those two rate GG 2, and the report says so")
  func targetProfile() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try Self.variant("profile", in: folder) { scope in
      scope["areaTargets"] = [["processArea": "SD", "level": 2], ["processArea": "CAM", "level": 2]]
      scope["outOfScope"] = [["processArea": "OT", "reason": "training is bought from the parent company"]]
    }
    let validate = try AppraiseRunner.run(["validate", file])
    #expect(validate.status == 0, "\(validate.stderr)")
    let rate = try AppraiseRunner.run(["rate", file, "--format", "json"])
    #expect(rate.status == 0, "\(rate.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(rate.stdout.utf8)) as? [String: Any])
    let areas = report["processAreas"] as? [[String: Any]] ?? []
    func goals(_ id: String) -> [String] {
      let area = areas.first { $0["id"] as? String == id }
      return (area?["goals"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
    #expect(goals("SD").contains("GG 2") && goals("CAM").contains("GG 2"))
    #expect(!goals("SCON").contains("GG 2") && !goals("IRP").contains("GG 2"))
    #expect(areas.first { $0["id"] as? String == "SD" }?["targetCapabilityLevel"] as? Int == 2)
    #expect(areas.first { $0["id"] as? String == "IRP" }?["targetCapabilityLevel"] as? Int == 1)
    let scope = report["scope"] as? [String: Any] ?? [:]
    #expect((scope["areaTargets"] as? [[String: Any]])?.count == 2)
    #expect((scope["coverage"] as? [String: Any])?["rule"] as? String == "scampi-1.3")

    let text = try AppraiseRunner.run(["rate", file])
    #expect(text.stdout.contains("target capability level 1 (target profile: SD CL 2, CAM CL 2)"))
    #expect(text.stdout.contains("Target capability levels (the target profile): reached by"))
    #expect(text.stdout.contains("OT (training is bought from the parent company)"), "\(text.stdout.prefix(3000))")
  }

  @Test("the per-area coverage policy is named in the report; a profile in a staged scope is refused at its place")
  func policyAndRefusal() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let perArea = try Self.variant("per-area", in: folder) { scope in
      scope["coverage"] = ["enabled": true, "minimumShare": "1/2", "rule": "per-area"]
    }
    let text = try AppraiseRunner.run(["rate", perArea])
    #expect(text.status == 0)
    #expect(text.stdout.contains("Data coverage:   per-area policy, share 1/2"))
    #expect(text.stdout.contains("Data coverage: policy per-area: in each subgroup at least 1/2 of the units"))

    let staged = try Self.variant("staged", in: folder) { scope in
      scope["representation"] = "staged"
      scope["targetLevel"] = 2
      scope["areaTargets"] = [["processArea": "SD", "level": 2]]
    }
    let validate = try AppraiseRunner.run(["validate", staged])
    #expect(validate.status == 65)
    #expect(
      validate.stderr.contains(
        "a target level for SD needs the continuous representation; a staged scope has one maturity level"),
      "\(validate.stderr)")
  }
}
