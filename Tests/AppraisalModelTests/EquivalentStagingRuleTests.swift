import AppraisalModel
import Testing

/// Rule 8 (SCAMPI V1.3 §6, equivalent staging): the maturity level a capability profile is worth. ML 2
/// needs CL 2 in every ML 2 area; ML 3, 4 and 5 need CL 3 in every area at or below that level. Excluded
/// areas are left out; an area without a capability level blocks.
@Suite("Rule 8: equivalent staging")
struct EquivalentStagingRuleTests {
  /// The test model with an ML 5 area added, so every level has areas: AA, BB at ML 2; CC, DD at ML 3;
  /// EE at ML 4; FF at ML 5.
  static let catalog: Catalog = {
    var catalog = TestModel.catalog
    catalog.processAreas.append(TestModel.area("FF", level: 5, goals: [("SG 1", ["SP 1.1"])]))
    return catalog
  }()

  static let allAreas = ["AA", "BB", "CC", "DD", "EE", "FF"]

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// Capability level per area; an area left out has no capability level.
    var profile: [String: Int]
    var excluded: Set<String> = []
    var target = 5
    var expected: MaturityLevelResult

    var testDescription: String { name }
  }

  static func profile(_ level: Int, except changes: [String: Int?] = [:]) -> [String: Int] {
    var profile = Dictionary(uniqueKeysWithValues: allAreas.map { ($0, level) })
    for (area, value) in changes { profile[area] = value }
    return profile
  }

  static func result(_ level: Int, target: Int = 5, _ blockers: [(String, String)] = []) -> MaturityLevelResult {
    MaturityLevelResult(
      level: level, target: target, blockers: blockers.map { .init(processArea: $0.0, reason: $0.1) })
  }

  static let noProfile = "no capability level: out of scope or not rated"

  static let cases: [Case] = [
    Case(name: "CL 3 everywhere: ML 5", profile: profile(3), expected: result(5)),
    Case(
      name: "CL 2 everywhere: ML 2, every area at ML 3 or below blocks ML 3", profile: profile(2),
      expected: result(
        2,
        [
          ("AA", "CL 2; CL 3 needed"), ("BB", "CL 2; CL 3 needed"), ("CC", "CL 2; CL 3 needed"),
          ("DD", "CL 2; CL 3 needed"),
        ])),
    Case(
      name: "CL 2 in the ML 2 areas is enough for ML 2, whatever the others have",
      profile: ["AA": 2, "BB": 2, "CC": 0, "DD": 1],
      expected: result(
        2,
        [
          ("AA", "CL 2; CL 3 needed"), ("BB", "CL 2; CL 3 needed"), ("CC", "CL 0; CL 3 needed"),
          ("DD", "CL 1; CL 3 needed"),
        ])),
    Case(
      name: "one ML 2 area at CL 1: ML 1", profile: profile(3, except: ["BB": 1]),
      expected: result(1, [("BB", "CL 1; CL 2 needed")])),
    Case(
      name: "one ML 2 area at CL 0: ML 1", profile: profile(3, except: ["AA": 0]),
      expected: result(1, [("AA", "CL 0; CL 2 needed")])),
    Case(
      name: "an ML 2 area without a capability level blocks ML 2", profile: profile(3, except: ["BB": nil]),
      expected: result(1, [("BB", noProfile)])),
    Case(
      name: "an excluded ML 2 area without a capability level blocks nothing", profile: profile(3, except: ["BB": nil]),
      excluded: ["BB"], expected: result(5)),
    Case(
      name: "an excluded area at CL 0 blocks nothing", profile: profile(3, except: ["DD": 0]), excluded: ["DD"],
      expected: result(5)),
    Case(
      name: "one ML 3 area at CL 2: ML 2", profile: profile(3, except: ["DD": 2]),
      expected: result(2, [("DD", "CL 2; CL 3 needed")])),
    Case(
      name: "the ML 4 area at CL 2: ML 3", profile: profile(3, except: ["EE": 2]),
      expected: result(3, [("EE", "CL 2; CL 3 needed")])),
    Case(
      name: "the ML 4 area without a level: ML 3", profile: profile(3, except: ["EE": nil]),
      expected: result(3, [("EE", noProfile)])),
    Case(
      name: "the ML 5 area at CL 1: ML 4", profile: profile(3, except: ["FF": 1]),
      expected: result(4, [("FF", "CL 1; CL 3 needed")])),
    Case(
      name: "areas above the target are not looked at", profile: ["AA": 3, "BB": 3, "CC": 3, "DD": 3], target: 3,
      expected: result(3, target: 3)),
    Case(
      name: "a target of ML 2 stops at ML 2", profile: profile(3), target: 2, expected: result(2, target: 2)),
    Case(name: "a target above 5 is ML 5", profile: profile(3), target: 9, expected: result(5)),
    Case(name: "a target below 1 is ML 1", profile: profile(3), target: 0, expected: result(1, target: 1)),
    Case(
      name: "no profile at all: ML 1, the ML 2 areas block", profile: [:],
      expected: result(1, [("AA", noProfile), ("BB", noProfile)])),
  ]

  @Test("the level, and the areas that block the next one", arguments: cases)
  func level(_ example: Case) {
    let profile = example.profile.mapValues { CapabilityLevel(level: $0) }
    let result = EquivalentStagingRule.level(
      catalog: Self.catalog, profile: profile, excluded: example.excluded, target: example.target)
    #expect(result == example.expected)
  }

  /// The CMMI-SVC V1.3 process areas by maturity level (SCAMPI rules §5), each with one goal: only the
  /// levels matter to equivalent staging.
  static let cmmiSVCLevels: [Int: [String]] = [
    2: ["CM", "MA", "PPQA", "REQM", "SAM", "SD", "WMC", "WP"],
    3: ["CAM", "DAR", "IRP", "IWM", "OPD", "OPF", "OT", "RSKM", "SCON", "SSD", "SST", "STSM"],
    4: ["OPP", "QWM"],
    5: ["CAR", "OPM"],
  ]

  static let cmmiSVC: Catalog = {
    var catalog = TestModel.catalog
    catalog.processAreas = cmmiSVCLevels.keys.sorted().flatMap { level in
      cmmiSVCLevels[level]!.map { TestModel.area($0, level: level, goals: [("SG 1", ["SP 1.1"])]) }
    }
    return catalog
  }()

  static let cmmiSVCAreas = cmmiSVCLevels.values.flatMap { $0 }.sorted()

  @Test("CMMI-SVC: CL 2 in the ML 2 areas and CL 3 up to level N give ML N", arguments: 2...5)
  func cmmiSVCTable(level: Int) {
    var profile: [String: CapabilityLevel] = [:]
    for (areaLevel, areas) in Self.cmmiSVCLevels where areaLevel <= level {
      for area in areas { profile[area] = CapabilityLevel(level: level == 2 ? 2 : 3) }
    }
    let result = EquivalentStagingRule.level(catalog: Self.cmmiSVC, profile: profile, excluded: [])
    #expect(result.level == level)
    // The next level's areas block it, having no capability level; for ML 3 the ML 2 areas too, at CL 2.
    let blocking = level == 5 ? [] : (level == 2 ? Self.cmmiSVCLevels[2]! : []) + Self.cmmiSVCLevels[level + 1]!
    #expect(Set(result.blockers.map(\.processArea)) == Set(blocking))
  }

  @Test(
    "CMMI-SVC: one area below CL 3 caps the level just under its own (ML 2 areas need only CL 2)",
    arguments: cmmiSVCAreas)
  func cmmiSVCOneAreaAtTwo(area: String) {
    var profile = Dictionary(uniqueKeysWithValues: Self.cmmiSVCAreas.map { ($0, CapabilityLevel(level: 3)) })
    profile[area] = CapabilityLevel(level: 2)
    let areaLevel = Self.cmmiSVC.processArea(area)!.maturityLevel
    let result = EquivalentStagingRule.level(catalog: Self.cmmiSVC, profile: profile, excluded: [])
    #expect(result.level == max(areaLevel - 1, 2))
    #expect(result.blockers == [.init(processArea: area, reason: "CL 2; CL 3 needed")])
    // Left out (SSD, an addition the organization did not select, or SAM declared not applicable), it blocks
    // nothing.
    #expect(EquivalentStagingRule.level(catalog: Self.cmmiSVC, profile: profile, excluded: [area]).level == 5)
  }
}
