import AppraisalModel

/// What `appraise validate` says about a valid file's readiness to be rated (``ReadinessCheck``): a few
/// summary lines after "valid", or with `--readiness` the whole to-do list in text, CSV or JSON.
///
/// Pure: the same file gives the same bytes. Cells follow the catalog and the file's sample order, goals the
/// catalog.
public struct ReadinessReport: Sendable {
  /// The evidence file as named on the command line.
  public var file: String
  public var header: Appraisal.Header
  public var readiness: Readiness
  /// How many goals the summary names before saying "and N more".
  public static let namedGoals = 3

  public init(file: String, header: Appraisal.Header, readiness: Readiness) {
    self.file = file
    self.header = header
    self.readiness = readiness
  }

  /// The report in `format`.
  public func render(_ format: ReadinessFormat) -> String {
    switch format {
    case .text: ReadinessTextRenderer().render(self)
    case .csv: ReadinessCSVRenderer().render(self)
    case .json: ReadinessJSONRenderer().render(self)
    }
  }

  /// The lines `validate` prints under "FILE: valid — …", each indented two spaces and ending in a line
  /// break: the cells per state, then the goals that would be Not Rated, naming at most ``namedGoals``.
  public var summary: String {
    var goals = "  would be Not Rated: "
    let notRated = readiness.notRatedGoals
    if notRated.isEmpty {
      goals += "none of \(readiness.ratedGoalCount) goals"
    } else {
      let named = notRated.prefix(Self.namedGoals).map { "\($0.processArea) \($0.goal) (\(Self.cause($0)))" }
      let more = notRated.count > Self.namedGoals ? " and \(notRated.count - Self.namedGoals) more" : ""
      goals +=
        "\(notRated.count) of \(readiness.ratedGoalCount) goals — " + named.joined(separator: ", ") + more
        + "; validate --readiness lists what is missing"
    }
    return "  readiness: " + Self.countsLine(readiness.counts) + "\n" + goals.reportLine + "\n"
  }

  /// `N practice × instantiation cells: A with artifacts and affirmations, …`.
  static func countsLine(_ counts: ReadinessCounts) -> String {
    var parts = [
      "\(counts.artifactsAndAffirmations) with artifacts and affirmations",
      "\(counts.artifactsOnly) artifacts only", "\(counts.affirmationsOnly) affirmations only",
      "\(counts.noEvidence) no evidence",
    ]
    if counts.teamTotal > 0 {
      let values = Characterization.allCases.compactMap { value in counts.team[value].map { "\($0) \(value.code)" } }
      parts.append("\(counts.teamTotal) characterized by the team (" + values.joined(separator: ", ") + ")")
    }
    return "\(counts.total) practice × instantiation cell\(counts.total == 1 ? "" : "s"): "
      + parts.joined(separator: ", ")
  }

  /// What keeps a goal Not Rated in a few words: `data coverage; 2 practices not characterized; 1 NY`.
  static func cause(_ goal: NotRatedGoal) -> String {
    var coverage = false
    var notCharacterized = 0
    var notYet = 0
    var other = 0
    for reason in goal.reasons {
      switch reason {
      case .coverage: coverage = true
      case .notCharacterized, .notExamined: notCharacterized += 1
      case .notYet: notYet += 1
      case .other: other += 1
      }
    }
    var parts: [String] = []
    if coverage { parts.append("data coverage") }
    if notCharacterized > 0 {
      parts.append("\(notCharacterized) practice\(notCharacterized == 1 ? "" : "s") not characterized")
    }
    if notYet > 0 { parts.append("\(notYet) NY") }
    if other > 0 || parts.isEmpty { parts.append("no practices to rate") }
    return parts.joined(separator: "; ")
  }

  /// A reason in words, the units named in full (a to-do list must say where).
  static func describe(_ reason: NotRatedGoal.Reason) -> String {
    switch reason {
    case .coverage(let count):
      // The v1.3 rules name their units already.
      count.rule == .share
        ? count.shortfall + "; not providing both: " + count.missing.joined(separator: ", ") : count.shortfall
    case .notCharacterized(let practice, let units):
      units.isEmpty
        ? "\(practice) is not characterized"
        : "\(practice) is not characterized in " + units.joined(separator: ", ")
    case .notExamined(let practice): "\(practice) is examined in no sampled unit"
    case .notYet(let practice): "\(practice) is NY (not yet) for the whole unit; only the team can change that"
    case .other(let text): text
    }
  }

  /// The kind of a reason, as CSV and JSON name it.
  static func kind(_ reason: NotRatedGoal.Reason) -> String {
    switch reason {
    case .coverage: "coverage"
    case .notCharacterized: "not-characterized"
    case .notExamined: "not-examined"
    case .notYet: "not-yet"
    case .other: "other"
    }
  }

  /// The state of a cell as CSV and JSON name it.
  static func stateName(_ state: ReadinessCell.State) -> String {
    switch state {
    case .noEvidence: "no-evidence"
    case .artifactsOnly: "artifacts-only"
    case .affirmationsOnly: "affirmations-only"
    case .artifactsAndAffirmations: "artifacts-and-affirmations"
    case .team: "team"
    }
  }

  /// What a cell still needs: `artifact`, `affirmation`, both, or nothing.
  static func needs(_ state: ReadinessCell.State) -> [String] {
    switch state {
    case .noEvidence: ["artifact", "affirmation"]
    case .artifactsOnly: ["affirmation"]
    case .affirmationsOnly: ["artifact"]
    case .artifactsAndAffirmations, .team: []
    }
  }

  /// A cell that lacks evidence in words: what is recorded, what the rules make of it, what it needs.
  static func describe(_ cell: ReadinessCell) -> String {
    let recorded: String
    switch (cell.state, cell.derived) {
    case (.noEvidence, nil): recorded = "nothing recorded: not characterized"
    case (.noEvidence, _): recorded = "no artifact or affirmation, only weaknesses: NI"
    case (.artifactsOnly, _): recorded = "artifacts only: PI"
    case (.affirmationsOnly, _): recorded = "affirmations only: PI"
    case (.artifactsAndAffirmations, _): recorded = "artifacts and affirmations"
    case (.team(let value), _): recorded = "characterized \(value.code) by the team"
    }
    let needs = Self.needs(cell.state)
    return needs.isEmpty ? recorded : recorded + "; needs " + needs.map { "an \($0)" }.joined(separator: " and ")
  }
}
