import AppraisalModel

/// The trend report as JSON (schema: docs/schemas/trend.schema.json): keys sorted and pretty-printed like
/// every JSON report, so the same inputs give the same bytes. Every series has one entry per appraisal, in
/// the order of `appraisals` (date order).
struct TrendJSONRenderer {
  struct Document: Encodable {
    struct Appraisal: Encodable {
      var id, name, organizationalUnit, date, methodClass, representation: String
      var targetLevel: Int
      var model: JSONRenderer.Model
      var instantiations: [String]
      var file: String
      /// 1-based position on the command line.
      var given: Int
    }
    struct Warning: Encodable {
      /// 0-based indices into `appraisals`.
      var from, to: Int
      var text: String
    }
    struct Goal: Encodable {
      var id, title: String
      var ratings: [String]
      var provisional: [Bool]
    }
    struct Area: Encodable {
      var processArea, name: String
      var ratings: [String]
      var capability: [Int?]
      var goals: [Goal]
    }
    struct Practice: Encodable {
      var practice, title: String
      var values: [String?]
    }
    struct Practices: Encodable {
      var changed: [Practice]
      var unchanged: Int
    }
    struct Occurrence: Encodable {
      var text, impact: String
      var instantiations, ids: [String]
      /// How it was matched to the occurrence before it: `id` or `text`; absent for the first.
      var matchedBy: String?
    }
    struct Finding: Encodable {
      var practice, status, text, impact: String
      var reworded: Bool
      var ids: [String]
      /// 0-based indices into `appraisals`.
      var appearances: [Int]
      /// One entry per appraisal; `null` where it was not recorded.
      var occurrences: [Occurrence?]
    }

    var reportFormat = JSONRenderer.reportFormat
    var kind = "trend"
    var tool = JSONRenderer.Tool()
    var method = RatingRules.methodStatement
    var reordered: Bool
    var appraisals: [Appraisal]
    var warnings: [Warning]
    var goalsTotal: Int
    var goalsSatisfied: [Int]
    var maturityLevel: [Int?]
    var equivalentStaging: [Int]
    var areas: [Area]
    var practices: Practices
    var findings: [Finding]
    var inputs: [JSONRenderer.Input]

    init(_ report: TrendReport) {
      let trend = report.trend
      reordered = trend.reordered
      appraisals = report.points.indices.map { index in
        let point = report.points[index]
        let header = point.appraisal.header
        return Appraisal(
          id: header.id, name: header.name, organizationalUnit: header.organizationalUnit, date: header.date,
          methodClass: header.methodClass, representation: point.appraisal.target.representation.name,
          targetLevel: point.appraisal.target.representation.level,
          model: .init(
            id: point.catalog.model.id, version: point.catalog.model.version, title: point.catalog.model.title),
          instantiations: point.appraisal.instantiations.map(\.id),
          file: point.inputs.first { $0.role != "catalog" }?.path ?? "", given: trend.inputOrder[index] + 1)
      }
      warnings = trend.warnings.map { Warning(from: $0.from, to: $0.to, text: $0.text) }
      goalsTotal = trend.goals.count
      goalsSatisfied = trend.satisfiedGoals
      maturityLevel = trend.maturityLevels
      equivalentStaging = trend.equivalentStaging
      areas = trend.areas.map { area in
        Area(
          processArea: area.processArea, name: area.name, ratings: area.ratings.map(\.rawValue),
          capability: area.capability.map { $0?.level },
          goals: area.goals.map {
            Goal(id: $0.goal, title: $0.title, ratings: $0.ratings.map(\.rawValue), provisional: $0.provisional)
          })
      }
      let latest = report.points[report.points.count - 1]
      practices = Practices(
        changed: trend.changedPractices.map {
          Practice(
            practice: $0.practice.description, title: latest.title(of: $0.practice), values: $0.values.map { $0?.code })
        }, unchanged: trend.unchangedPractices)
      findings = trend.findings.map { finding in
        Finding(
          practice: finding.practice.description, status: finding.status.rawValue, text: finding.text,
          impact: finding.impact.rawValue, reworded: finding.reworded, ids: finding.ids,
          appearances: finding.appearances,
          occurrences: finding.occurrences.indices.map { index in
            finding.occurrences[index].map {
              Occurrence(
                text: $0.text, impact: $0.impact.rawValue, instantiations: $0.instantiations, ids: $0.ids,
                matchedBy: finding.matches[index]?.rawValue)
            }
          })
      }
      inputs = report.inputs.map(JSONRenderer.Input.init)
    }
  }

  func render(_ report: TrendReport) -> String {
    // Encoding these plain structs cannot fail; a failure would be a programming error.
    try! ReportJSONEncoder().encode(Document(report))
  }
}
