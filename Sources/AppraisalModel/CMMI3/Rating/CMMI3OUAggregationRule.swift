/// V3 rule — propose a practice's OU characterization from its project values. **Flagged default by
/// analogy** with SCAMPI's aggregation table: V3 leaves the OU value to the appraisal team, entered by
/// consensus once every project value exists; the tool proposes a value, gives the set the team may choose
/// from, and flags the practice. The allowed sets are an analogy, not a published rule; reports say so.
///
/// Out-of-scope projects are left out; every remaining project must be characterized (else the OU value is
/// undetermined). NY projects are left out unless all are NY. Then:
///
/// | project values | proposed | allowed | judgment needed |
/// |---|---|---|---|
/// | all NY | NY | NY | no |
/// | all the same value X | X | X | no |
/// | FM and LM mixed | LM | LM | no |
/// | any PM, no DM | PM | LM, PM | yes |
/// | any DM, not all DM | the lowest value present (DM) | DM, PM, LM | yes |
///
/// A team value inside the allowed set replaces the proposal; one outside it is an input error
/// (``CMMI3Validator``) and is ignored here, with the reason kept in the result.
public enum CMMI3OUAggregationRule {
  /// The proposal for a set of project values.
  public struct Proposal: Hashable, Sendable {
    /// `nil` when undetermined (no project, or a project not characterized).
    public var value: ProjectCharacterization?
    public var allowed: [ProjectCharacterization]
    public var judgmentNeeded: Bool
    public var reason: String
  }

  /// The proposal for `values` (project id and value; `nil` = not characterized; out-of-scope values are
  /// left out).
  public static func propose(_ values: [(project: String, value: ProjectCharacterization?)]) -> Proposal {
    let examined = values.filter { $0.value != .outOfScope }
    if examined.isEmpty { return Proposal(value: nil, allowed: [], judgmentNeeded: false, reason: Message.noProjects) }
    let missing = examined.filter { $0.value == nil }.map(\.project)
    if !missing.isEmpty {
      return Proposal(value: nil, allowed: [], judgmentNeeded: false, reason: Message.incomplete(missing))
    }
    let characterized = examined.compactMap(\.value).filter { $0 != .notYet }
    guard let first = characterized.first else {
      return Proposal(value: .notYet, allowed: [.notYet], judgmentNeeded: false, reason: Message.allNotYet)
    }
    if characterized.allSatisfy({ $0 == first }) {
      return Proposal(value: first, allowed: [first], judgmentNeeded: false, reason: Message.uniform(first))
    }
    if characterized.allSatisfy(\.supportsSatisfaction) {
      return Proposal(value: .largelyMeets, allowed: [.largelyMeets], judgmentNeeded: false, reason: Message.mixed)
    }
    if characterized.contains(.doesNotMeet) {
      return Proposal(
        value: ProjectCharacterization.lowest(characterized), allowed: [.doesNotMeet, .partiallyMeets, .largelyMeets],
        judgmentNeeded: true, reason: Message.someDoesNotMeet)
    }
    return Proposal(
      value: .partiallyMeets, allowed: [.largelyMeets, .partiallyMeets], judgmentNeeded: true,
      reason: Message.somePartially)
  }

  /// The OU value of `practice`: the proposal for its project values, replaced by the team's value when
  /// that is allowed.
  public static func aggregate(
    practice: String, projects: [CMMI3ProjectValue], team: CMMI3TeamOUValue? = nil
  ) -> CMMI3OUValue {
    let examined = projects.filter { $0.value != .outOfScope }
    let proposal = propose(examined.map { ($0.project, $0.value) })
    var result = CMMI3OUValue(
      practice: practice, value: proposal.value, proposed: proposal.value, allowed: proposal.allowed,
      judgmentNeeded: proposal.judgmentNeeded, reason: proposal.reason, projects: examined)
    guard let team else { return result }
    if let refusal = refusal(team.value, proposal) {
      result.rejectedTeamValue = refusal
    } else {
      result.value = team.value
      result.teamJustification = team.justification
    }
    return result
  }

  /// Why the team value `value` cannot apply to `proposal`, or `nil` when it can.
  public static func refusal(_ value: ProjectCharacterization, _ proposal: Proposal) -> String? {
    if proposal.value == nil { return Message.undetermined(value, proposal.reason) }
    if proposal.allowed.contains(value) { return nil }
    return Message.notAllowed(value, proposal.allowed)
  }

  enum Message {
    static let noProjects = "no sampled project examines the practice"
    static func incomplete(_ missing: [String]) -> String {
      let listed = missing.prefix(3).joined(separator: ", ") + (missing.count > 3 ? ", …" : "")
      return "not characterized in \(missing.count) project\(missing.count == 1 ? "" : "s") (\(listed))"
    }
    static let allNotYet = "every project is NY"
    static func uniform(_ value: ProjectCharacterization) -> String { "every project is \(value.code)" }
    static let mixed = "FM and LM mixed: LM"
    static let somePartially = "a project is PM and none is DM: the team chooses LM or PM (proposed PM)"
    static let someDoesNotMeet =
      "a project is DM, not all are: the team chooses DM, PM or LM (proposed: the lowest value present)"
    static func notAllowed(_ value: ProjectCharacterization, _ allowed: [ProjectCharacterization]) -> String {
      "team OU value \(value.code) is not allowed for these project values; expected "
        + (allowed.count == 1 ? allowed[0].code : "one of " + allowed.map(\.code).joined(separator: ", "))
    }
    static func undetermined(_ value: ProjectCharacterization, _ why: String) -> String {
      "team OU value \(value.code) cannot apply yet: \(why)"
    }
  }
}
