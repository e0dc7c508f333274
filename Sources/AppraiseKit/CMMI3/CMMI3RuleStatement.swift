import AppraisalModel

/// One rule a CMMI V3.0 report states it applied, and whether it is ISACA's as published or a default the
/// tool proposes by analogy with SCAMPI where the method leaves the decision to the team (docs/cmmi-3.md,
/// "The rules").
public struct CMMI3RuleStatement: Hashable, Sendable {
  /// Where a rule comes from.
  public enum Status: String, Hashable, Sendable {
    /// ISACA's: the appraisal workbook's formula or a stated method fact.
    case asPublished = "as-published"
    /// The tool's proposal by analogy, flagged for the team to confirm or replace.
    case flaggedDefault = "flagged-default"

    /// The words reports use.
    public var title: String {
      switch self {
      case .asPublished: "as published"
      case .flaggedDefault: "flagged default by analogy"
      }
    }
  }

  /// The rule's name (`OU characterization`).
  public var rule: String
  /// As published or a flagged default.
  public var status: Status
  /// What the rule decides, from what, in a sentence.
  public var statement: String

  public init(rule: String, status: Status, statement: String) {
    self.rule = rule
    self.status = status
    self.statement = statement
  }

  /// The rules that apply to `result`, in the order the rater applies them: an Evaluation stops at the
  /// project values and their risk values; a rating goes on to OU values, practice groups and the
  /// capability or maturity level.
  public static func applying(to result: CMMI3Result) -> [CMMI3RuleStatement] {
    var rules = [characterization, organizationalProcessRefusal, organizationalProcessDefault]
    guard result.producesRatings else { return rules + [evaluation] }
    rules += [ouAggregation, practiceGroupRating]
    switch result.representation {
    case .capability: rules.append(capabilityLevel)
    case .maturity: rules += [maturityLevel, maturityInference]
    }
    return rules
  }

  static let characterization = CMMI3RuleStatement(
    rule: "Characterization", status: .asPublished,
    statement: "the workbook formula per practice and project: sufficient artifact and affirmation (1, 0 or NY) and "
      + "whether a weakness is recorded give FM, LM, PM, DM or NY; an area out of scope for a project is OOS")
  static let evaluation = CMMI3RuleStatement(
    rule: "Evaluation mapping", status: .asPublished,
    statement: "an Evaluation gives weakness-risk values: FM → L, LM → M, PM → H, DM → H, NY → NY; no ratings")
  static let organizationalProcessRefusal = CMMI3RuleStatement(
    rule: "GOV and II: NY refused", status: .asPublished,
    statement: "GOV and II are characterized per organizational process as FM, LM, PM or DM; NY is refused")
  static let organizationalProcessDefault = CMMI3RuleStatement(
    rule: "GOV and II project value", status: .flaggedDefault,
    statement: "a project's GOV or II value is the lowest over the organizational processes it uses; the team "
      + "adjusts it")
  static let ouAggregation = CMMI3RuleStatement(
    rule: "OU characterization", status: .flaggedDefault,
    statement: "proposed from the project values by analogy with SCAMPI's aggregation table (FM and LM mixed → LM; "
      + "any PM → PM, with LM or PM allowed; any DM → DM, with DM, PM or LM allowed); the team enters the OU value by "
      + "consensus. The allowed sets are an analogy, not a published rule")
  static let practiceGroupRating = CMMI3RuleStatement(
    rule: "Practice group rating", status: .flaggedDefault,
    statement: "by analogy with SCAMPI goal rating: Not Rated if a practice is NY or not characterized, Satisfied "
      + "if all are FM or LM, otherwise Unsatisfied; the team rates practice groups by consensus and never lifts one")
  static let capabilityLevel = CMMI3RuleStatement(
    rule: "Capability level", status: .asPublished,
    statement: "the highest level up to the area's target (at most 3) whose practice group and every lower group "
      + "are Satisfied; a Not Rated group leaves the next level unknown; a level without practices is not given "
      + "(flagged)")
  static let maturityLevel = CMMI3RuleStatement(
    rule: "Maturity level", status: .asPublished,
    statement: "the highest level up to the target at which every area rated has all its groups up to that level "
      + "Satisfied; the areas blocking the next level are listed")
  static let maturityInference = CMMI3RuleStatement(
    rule: "Maturity inference", status: .flaggedDefault,
    statement: "an area with no practices at a level is counted for it through its highest practice group: an "
      + "inference, not a published rule")
}
