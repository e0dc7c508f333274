/// The rating method an appraisal is rated by, selected by the appraisal file (`method`, default
/// `scampi-1.3`) and the catalog it names: the characterization scale, the instantiation rule, the
/// organizational-unit aggregation, the goal or practice-group rule and the level rules.
///
/// Each rule says whether it is applied *as published* or is a *default the tool proposes* where the method
/// leaves the decision to the team (reports label those defaults wherever they appear).
public enum MethodProfile: String, Hashable, Sendable, CaseIterable {
  /// SCAMPI V1.3 against CMMI-SVC V1.3 (``AppraisalRater``).
  case scampi13 = "scampi-1.3"
  /// Today's CMMI (V2.0/V3.0) appraisal method against the V3.0 structure catalog (``CMMI3Rater``).
  case cmmi30 = "cmmi-3.0"

  /// How a rule is grounded.
  public enum Basis: String, Hashable, Sendable {
    /// Applied as the method publishes it.
    case published = "as published"
    /// The method leaves the decision to the team; the tool proposes this and flags it.
    case flaggedDefault = "flagged default (the team decides)"
  }

  /// One rule of a profile.
  public struct Rule: Hashable, Sendable {
    public var name: String
    public var statement: String
    public var basis: Basis
  }

  /// The method's name as reports give it.
  public var title: String {
    switch self {
    case .scampi13: "SCAMPI V1.3 (CMMI-SVC V1.3)"
    case .cmmi30: "CMMI V2.0/V3.0 appraisal method (CMMI V3.0)"
    }
  }

  /// The practice characterization scale, highest first, then "not yet".
  public var scale: [String] {
    switch self {
    case .scampi13: Characterization.allCases.map(\.code)
    case .cmmi30: ["FM", "LM", "PM", "DM", "NY"]
    }
  }

  /// The profile's rules, in the order the engine applies them.
  public var rules: [Rule] {
    switch self {
    case .scampi13:
      [
        Rule(
          name: "Practice characterization per instantiation",
          statement: "the team's value; else from the indicators (FI, LI, PI, NI; NY only from the team)",
          basis: .published),
        Rule(
          name: "Aggregation to the organizational unit",
          statement: "SCAMPI's table; a mix with PI or NI is the team's decision within the allowed values, PI "
            + "proposed until it is made", basis: .flaggedDefault),
        Rule(
          name: "Data coverage", statement: "the v1.3 rules per subgroup (or the per-area policy the scope selects)",
          basis: .published),
        Rule(
          name: "Goal rating",
          statement: "Not Rated, Satisfied (provisional until the team judges the weaknesses' significance), "
            + "Unsatisfied", basis: .published),
        Rule(
          name: "Process area, capability and maturity levels",
          statement: "from the goals; equivalent staging from the capability profile", basis: .published),
      ]
    case .cmmi30:
      [
        Rule(
          name: "Practice characterization per project",
          statement: "the workbook formula over sufficient artifact (1/0/NY), affirmation (1/0/NY) and weaknesses: "
            + "FM, LM, PM, DM, NY; Evaluation appraisals give the weakness-risk value (L, M, H) instead",
          basis: .published),
        Rule(
          name: "GOV and II", statement: "characterized per organizational process, NY refused; a project's value "
            + "proposed as the lowest over the processes it uses", basis: .flaggedDefault),
        Rule(
          name: "Aggregation to the organizational unit",
          statement: "the team's consensus; a default proposed by analogy with SCAMPI's table, flagged "
            + "\"judgment needed\" with the allowed values", basis: .flaggedDefault),
        Rule(
          name: "Practice-group rating",
          statement: "per practice area per level; a default proposed by analogy with SCAMPI's goal rule",
          basis: .flaggedDefault),
        Rule(
          name: "Capability and maturity levels",
          statement: "capability: the highest level whose group and every lower group are Satisfied (at most 3); "
            + "maturity: every area of the view satisfied at the level (areas without practices at a level "
            + "rated through their highest group, flagged)", basis: .published),
      ]
    }
  }
}
