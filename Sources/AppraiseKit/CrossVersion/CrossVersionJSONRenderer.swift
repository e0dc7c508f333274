import AppraisalModel

/// The cross-version report as JSON (schema: docs/schemas/cross-version.schema.json): keys sorted and
/// pretty-printed like every JSON report, so `$comment` — the approximate-comparison notice — comes first.
struct CrossVersionJSONRenderer {
  struct Document: Encodable {
    struct Appraisal: Encodable {
      var id, name, organizationalUnit, date, model, scope: String
    }
    struct Crosswalk: Encodable {
      var title: String
      var note: String?
      var verified: Bool
    }
    struct Level: Encodable {
      var level: Int
      var nextLevelNotRated: Bool
      var ratedUpTo: Int
    }
    struct Capability: Encodable {
      var level, target: Int
      var nextLevelNotRated: Bool
    }
    struct Group: Encodable {
      var level: Int
      var value: String
    }
    struct Source: Encodable {
      var id, name, rating, basis: String
      var linkLevel: Int?
      var capabilityLevel: Int?
      var rated: Bool
    }
    struct Verdict: Encodable {
      var kind: String
      var level: Int
      var comparedUpTo: Int?
      var text: String
    }
    struct PracticeArea: Encodable {
      var id, label: String
      var rated: Bool
      var capabilityLevel: Capability?
      var practiceGroups: [Group]
      var v3Level, v13Level: Level?
      var sources: [Source]
      var verdict: Verdict
    }
    struct Target: Encodable {
      var practiceArea: String
      var linkLevel: Int?
      var rated: Bool
      var level: Int?
    }
    struct ProcessArea: Encodable {
      var id, name, rating, label: String
      var capabilityLevel: Int?
      var targets: [Target]
    }
    struct Unmapped: Encodable {
      var v13, v3: [String]
    }

    var comment = CrossVersionReport.notice
    var reportFormat = JSONRenderer.reportFormat
    var kind = "cross-version"
    var tool = JSONRenderer.Tool()
    var approximate = true
    var label: String
    var appraisals: [String: Appraisal]
    var crosswalk: Crosswalk
    var practiceAreas: [PracticeArea]
    var processAreas: [ProcessArea]
    var unmapped: Unmapped
    var rules = CrossVersionReport.rules

    enum CodingKeys: String, CodingKey {
      case comment = "$comment"
      case reportFormat, kind, tool, approximate, label, appraisals, crosswalk, practiceAreas, processAreas, unmapped
      case rules
    }

    init(_ report: CrossVersionReport) {
      let comparison = report.comparison
      func appraisal(_ identification: CrossVersionComparison.Identification) -> Appraisal {
        Appraisal(
          id: identification.id, name: identification.name, organizationalUnit: identification.organizationalUnit,
          date: identification.date, model: identification.model, scope: identification.scope)
      }
      func level(_ level: CrossVersionLevel?) -> Level? {
        level.map { Level(level: $0.level, nextLevelNotRated: $0.nextLevelNotRated, ratedUpTo: $0.ratedUpTo) }
      }
      label = comparison.label
      appraisals = ["v13": appraisal(comparison.v13Appraisal), "v3": appraisal(comparison.v3Appraisal)]
      crosswalk = Crosswalk(
        title: comparison.crosswalkTitle, note: comparison.crosswalkNote, verified: comparison.isVerified)
      practiceAreas = comparison.v3Rows.map { row in
        PracticeArea(
          id: row.practiceArea, label: row.label, rated: row.isRated,
          capabilityLevel: row.capabilityLevel.map {
            Capability(level: $0.level, target: $0.target, nextLevelNotRated: $0.nextLevelNotRated)
          },
          practiceGroups: row.practiceGroups.map { Group(level: $0.level, value: $0.value.rawValue) },
          v3Level: level(row.v3Level), v13Level: level(row.v13Level),
          sources: row.sources.map {
            Source(
              id: $0.id, name: $0.name, rating: $0.rating, basis: $0.basis.rawValue, linkLevel: $0.linkLevel,
              capabilityLevel: $0.capabilityLevel, rated: $0.isRated)
          },
          verdict: Verdict(
            kind: row.verdict.kind.rawValue, level: row.verdict.level, comparedUpTo: row.verdict.comparedUpTo,
            text: row.verdict.text))
      }
      processAreas = comparison.v13Rows.map { row in
        ProcessArea(
          id: row.id, name: row.name, rating: row.rating, label: row.label, capabilityLevel: row.capabilityLevel,
          targets: row.targets.map {
            Target(practiceArea: $0.practiceArea, linkLevel: $0.linkLevel, rated: $0.isRated, level: $0.level)
          })
      }
      unmapped = Unmapped(v13: comparison.unmappedV13, v3: comparison.unmappedV3)
    }
  }

  func render(_ report: CrossVersionReport) -> String {
    // Encoding these plain structs cannot fail; a failure would be a programming error.
    try! ReportJSONEncoder().encode(Document(report))
  }
}
