/// A sampling subgroup whose data coverage fails for a process area the target needs: which units lack
/// artifacts or affirmations, and which of them the plan's cells already cover.
public struct CoverageShortfall: Hashable, Sendable {
  /// The rule whose count falls short.
  public var rule: CoverageResult.Rule
  public var processArea: String
  public var subgroup: String
  public var units: Int
  public var providing: Int
  public var required: Int
  /// The units of the subgroup that do not provide both kinds of evidence for the area, in sample order.
  public var missing: [String]
  /// Of those, the units where a planned cell adds the evidence.
  public var coveredByPlan: [String]

  public init(
    processArea: String, subgroup: String, units: Int, providing: Int, required: Int, missing: [String],
    coveredByPlan: [String], rule: CoverageResult.Rule = .share
  ) {
    self.rule = rule
    self.processArea = processArea
    self.subgroup = subgroup
    self.units = units
    self.providing = providing
    self.required = required
    self.missing = missing
    self.coveredByPlan = coveredByPlan
  }

  /// The count as the rating rule gave it.
  public var count: CoverageResult.Subgroup {
    .init(name: subgroup, units: units, providing: providing, required: required, rule: rule, missing: missing)
  }
}
