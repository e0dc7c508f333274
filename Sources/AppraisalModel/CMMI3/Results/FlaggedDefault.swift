/// A value the tool proposed where V3 leaves the decision to the team, or an inference the published
/// facts do not settle. Reports list every one with its reason, so the team can confirm or replace it.
public struct FlaggedDefault: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// An OU characterization proposed by analogy with SCAMPI's aggregation table.
    case ouCharacterization = "ou-characterization"
    /// An OU characterization where the team must choose among several values.
    case judgmentNeeded = "judgment-needed"
    /// A practice group rating proposed by analogy with SCAMPI's goal rating.
    case practiceGroupRating = "practice-group-rating"
    /// A GOV or II project value defaulted to the lowest over the organizational processes it uses.
    case organizationalProcess = "organizational-process"
    /// An area counted for a maturity level through its highest practice group.
    case maturityInference = "maturity-inference"
    /// An area's capability level not raised above its highest practice group.
    case capabilityHighestGroup = "capability-highest-group"
  }

  public var kind: Kind
  /// What the default is about: `IRP 2.3`, `IRP level 2`, `GOV 2.1 in P1`, `CM`.
  public var subject: String
  /// Why it is a default, and what the team decides.
  public var reason: String

  public init(_ kind: Kind, _ subject: String, _ reason: String) {
    self.kind = kind
    self.subject = subject
    self.reason = reason
  }
}
