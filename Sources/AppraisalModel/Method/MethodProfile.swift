/// The rating method an appraisal is rated by, selected by the appraisal file (`method`, default
/// `scampi-1.3`) and the catalog it names: the characterization scale, the instantiation rule, the
/// organizational-unit aggregation, the goal or practice-group rule and the level rules.
///
/// Each profile's reports state its rules and whether each is applied *as published* or is a *default the
/// tool proposes* where the method leaves the decision to the team (``RatingRules`` for SCAMPI V1.3; the V3
/// report's rule statements for CMMI V3.0).
public enum MethodProfile: String, Hashable, Sendable, CaseIterable {
  /// SCAMPI V1.3 against CMMI-SVC V1.3 (``AppraisalRater``).
  case scampi13 = "scampi-1.3"
  /// Today's CMMI (V2.0/V3.0) appraisal method against the V3.0 structure catalog (``CMMI3Rater``).
  case cmmi30 = "cmmi-3.0"

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
}
