import AppraisalModel
import EvidenceParsers
import Testing

@Suite("Model crosswalk: the bundled V1.3 → V3.0 links load and check against both catalogs")
struct ModelCrosswalkReaderTests {
  static let v13 = try! BundledCatalog.load()
  static let v3 = try! PracticeAreaCatalogReader.loadBundled()

  @Test("every V1.3 id is a process area or generic goal of the bundled CMMI-SVC catalog, every V3 id a practice area")
  func idsExist() throws {
    let crosswalk = try ModelCrosswalkReader.loadBundled()
    #expect(crosswalk.links.count == 33)
    for link in crosswalk.links {
      let known = link.isGenericGoal ? Self.v13.genericGoal(link.from) != nil : Self.v13.processArea(link.from) != nil
      #expect(known, "\(link.from) is not in CMMI-SVC 1.3")
      #expect(Self.v3.practiceArea(link.to) != nil, "\(link.to) is not in CMMI 3.0")
    }
    // Every V1.3 process area has a counterpart.
    #expect(Self.v13.processAreas.filter { crosswalk.links(from: $0.id).isEmpty }.map(\.id) == [])
  }

  @Test("every link is derived (unverified), so the crosswalk is not verified")
  func derived() throws {
    let crosswalk = try ModelCrosswalkReader.loadBundled()
    #expect(crosswalk.links.allSatisfy { $0.basis == .derived })
    #expect(!crosswalk.isVerified)
  }

  @Test("GG 2 and GG 3 map to GOV and II; IWM to PLAN and MC at level 3; SD, CAM and SST to SDM")
  func links() throws {
    let crosswalk = try ModelCrosswalkReader.loadBundled()
    #expect(crosswalk.links(from: "GG 2").map(\.target) == ["GOV", "II"])
    #expect(crosswalk.links(from: "GG 3").map(\.target) == ["GOV", "II"])
    #expect(crosswalk.links(from: "IWM").map(\.target) == ["PLAN level 3", "MC level 3"])
    #expect(crosswalk.links(to: "SDM").map(\.from) == ["SD", "CAM", "SST"])
    #expect(crosswalk.links(to: "GOV").map(\.from) == ["GG 2", "GG 3"])
  }

  @Test("unknown ids, a level the area lacks, a duplicate, another model: each located")
  func problems() throws {
    let text = """
      {
        "formatVersion": 1,
        "from": { "model": "CMMI-SVC", "version": "1.2" },
        "to": { "model": "CMMI", "version": "3.0" },
        "title": "t",
        "links": [
          { "from": "XX", "to": "PLAN", "basis": "derived" },
          { "from": "WP", "to": "ZZ", "basis": "derived" },
          { "from": "CM", "to": "CM", "level": 3, "basis": "derived" },
          { "from": "WP", "to": "PLAN", "basis": "guessed" },
          { "from": "WP", "to": "PLAN", "basis": "derived" }
        ]
      }
      """
    do {
      _ = try ModelCrosswalkReader.read(bytes: Array(text.utf8), file: "x.json", from: Self.v13, to: Self.v3)
      Issue.record("expected a failure")
    } catch {
      #expect(
        error.problems.map(\.description) == [
          "x.json:3:11: error: the crosswalk starts from CMMI-SVC 1.2 but the catalog is CMMI-SVC 1.3",
          "x.json:7:15: error: \"XX\": no process area or generic goal XX in CMMI-SVC 1.2; expected an acronym (WP) "
            + "or a generic goal (GG 2)",
          "x.json:8:27: error: \"ZZ\": no practice area ZZ in CMMI 3.0; expected an acronym (PLAN)",
          "x.json:9:42: error: CM has no practices at level 3 in CMMI 3.0; expected one of 1, 2",
          "x.json:10:44: error: \"basis\" is \"guessed\"; expected one of \"derived\", \"published\"",
          "x.json:11:5: error: the link WP → PLAN appears twice",
        ])
    }
  }
}
