import AppraisalModel

/// The names of the CMMI V3.0 evidence format, declared once for its three syntaxes
/// (docs/cmmi-3-evidence-format.md): JSON members, XML attributes and elements, and CSV settings rows and
/// columns all use them.
///
/// XML and CSV are read into the JSON syntax's tree (``CMMI3XMLTree``, ``CMMI3CSVTree``), which
/// ``CMMI3TreeDecoder`` turns into a ``CMMI3Appraisal``; so every syntax gets the same checks and messages.
package enum CMMI3EvidenceFormat {
  /// The value of `method` that marks a V3 file.
  package static let method = EvidenceMethod.cmmi30.rawValue
  package static let supportedFormatVersions = 1...1

  /// The members of each record, by record name.
  package static let members: [String: [String]] = [
    "appraisal": [
      "formatVersion", "method", "header", "scope", "organizationalProcesses", "projects", "practiceInputs",
      "organizationalProcessValues", "teamOUValues", "practiceGroupDecisions", "teamProjectValues",
    ],
    "header": ["id", "name", "organizationalUnit", "date", "model", "modelVersion"],
    "scope": [
      "appraisalType", "representation", "view", "optionalAreas", "selectedAreas", "targetLevel", "areaTargets",
    ],
    "areaTarget": ["practiceArea", "level"],
    "organizationalProcess": ["id", "name"],
    "project": ["id", "name", "outOfScope", "organizationalProcesses"],
    "practiceInput": ["practice", "project", "artifact", "affirmation", "weaknesses"],
    "weakness": ["text", "id"],
    "organizationalProcessValue": ["practice", "process", "value", "weaknesses"],
    "teamOUValue": ["practice", "value", "justification"],
    "practiceGroupDecision": ["practiceArea", "level", "value", "justification"],
    "teamProjectValue": ["practice", "project", "value", "justification"],
  ]

  /// The top-level lists of records and the record each holds (XML: a wrapper element of that name with
  /// one child element per record; CSV: one settings row per record, practice inputs as the table).
  package static let lists: [(list: String, record: String)] = [
    ("organizationalProcesses", "organizationalProcess"), ("projects", "project"),
    ("practiceInputs", "practiceInput"), ("organizationalProcessValues", "organizationalProcessValue"),
    ("teamOUValues", "teamOUValue"), ("practiceGroupDecisions", "practiceGroupDecision"),
    ("teamProjectValues", "teamProjectValue"),
  ]

  /// Members holding a list of ids: JSON arrays of strings, XML attributes and CSV cells of space-separated ids.
  package static let idLists: Set<String> = ["optionalAreas", "selectedAreas", "outOfScope", "organizationalProcesses"]
  /// Members holding an integer.
  package static let integers: Set<String> = ["formatVersion", "targetLevel", "level"]

  /// The codes of a practice group decision.
  package static let decisionCodes: [String: PracticeGroupRating.Value] = [
    "satisfied": .satisfied, "unsatisfied": .unsatisfied, "not-rated": .notRated,
  ]

  /// The columns of the CSV practice-input table.
  package static let inputColumns = ["practice", "project", "artifact", "affirmation", "weakness", "weaknessId"]

  /// Where each model path the validator names is written in a file: scope settings sit under `scope`, the
  /// target is `scope.targetLevel` and `scope.areaTargets`; everything else is written as it is named.
  package static func filePath(of path: ModelPath) -> ModelPath {
    var components = path.components
    guard case .key(let first)? = components.first else { return path }
    switch first {
    case "view", "optionalAreas", "selectedAreas":
      components.insert(.key("scope"), at: 0)
    case "type":
      components = [.key("scope"), .key("appraisalType")] + components.dropFirst()
    case "target":
      if components.count >= 2, case .key("level") = components[1] {
        components = [.key("scope"), .key("targetLevel")] + components.dropFirst(2)
      } else if components.count >= 2, case .key("practiceAreas") = components[1] {
        components = [.key("scope"), .key("areaTargets")] + components.dropFirst(2)
      } else {
        components = [.key("scope")] + components.dropFirst()
      }
    default:
      return path
    }
    return ModelPath(components)
  }
}
