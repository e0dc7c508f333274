import AppraisalModel
import EvidenceParsers
import Testing

@testable import ITSMImport

@Suite("ITSM mapping rules: the bundled rules load and check against the catalog")
struct ImportMappingReaderTests {
  static let catalog = try! BundledCatalog.load()

  @Test("the bundled ITSM → CMMI-SVC rules are valid, artifacts only, with a rationale each")
  func itsmRules() throws {
    let mapping = try ImportMappingReader.read(
      path: BundledCatalog.path("mappings/itsm-cmmi-svc-1.3.json")!, catalog: Self.catalog)
    #expect(mapping.rules.count >= 30)
    #expect(mapping.rules.allSatisfy { $0.indicator.isArtifact && !$0.rationale.isEmpty })
    #expect(Set(mapping.rules.map(\.kind)) == Set(ITSMRecord.Kind.allCases))
  }

  @Test("a broken rules file reports every problem located")
  func brokenRules() {
    let text = """
      {"formatVersion": 2, "model": "CMMI-SVC", "modelVersion": "1.3", "title": "t",
       "rules": [
         {"id": "a", "kind": "incident", "when": [{"field": "colour", "present": true}], "practice": "IRP SP 9.9",
          "indicator": "affirmation", "rationale": "r"},
         {"id": "a", "kind": "gadget", "practice": "IRP", "indicator": "direct-artifact", "rationale": "r", "extra": 1}
       ]}
      """
    do {
      _ = try ImportMappingReader.read(bytes: Array(text.utf8), file: "rules.json", catalog: Self.catalog)
      Issue.record("accepted")
    } catch {
      let lines = error.problems.map(\.description)
      #expect(lines.count >= 7, "\(lines)")
      #expect(lines.allSatisfy { $0.hasPrefix("rules.json:") })
      #expect(lines.contains { $0.contains("format version 2") })
      #expect(lines.contains { $0.contains("colour") })
      #expect(lines.contains { $0.contains("gadget") })
    }
  }

  @Test("groupMap: ITSM group → instantiation id or name; anything but a non-empty string is located")
  func groupMap() throws {
    let good = """
      {"formatVersion": 1, "model": "CMMI-SVC", "modelVersion": "1.3", "title": "t", "rules": [],
       "groupMap": {"Service Desk EU": "desk", "Rechenzentrum München": "Hosting service"}}
      """
    let mapping = try ImportMappingReader.read(bytes: Array(good.utf8), file: "rules.json", catalog: Self.catalog)
    #expect(mapping.groupMap == ["Service Desk EU": "desk", "Rechenzentrum München": "Hosting service"])
    let bad = """
      {"formatVersion": 1, "model": "CMMI-SVC", "modelVersion": "1.3", "title": "t", "rules": [],
       "groupMap": {"Service Desk EU": 3, "Ops": ""}}
      """
    do {
      _ = try ImportMappingReader.read(bytes: Array(bad.utf8), file: "rules.json", catalog: Self.catalog)
      Issue.record("accepted")
    } catch {
      let lines = error.problems.map(\.description)
      #expect(lines.count == 2, "\(lines)")
      #expect(lines.contains { $0.contains("group \"Service Desk EU\" maps to the number 3") }, "\(lines)")
      #expect(lines.contains { $0.contains("group \"Ops\" maps to an empty string") }, "\(lines)")
    }
  }
}
