/// A process area the target needs that the appraisal does not rate: the scope must change before any
/// practice of it can count. The plan's check makes the change and plans the area's practices like any other.
public struct ScopeChange: Hashable, Sendable {
  public enum Reason: Hashable, Sendable {
    /// The area is not in the appraisal's scope.
    case notInScope
    /// The scope declares the area not applicable, for this reason.
    case notApplicable(String)
    /// The area is an addition the organization did not select.
    case additionNotSelected
    /// The area is in scope, but no sampled unit examines it: units must be sampled for it.
    case notExamined
  }

  public var processArea: String
  public var name: String
  public var reason: Reason
  /// What needs it: `SCON CL 1` or `ML 2`.
  public var level: String

  public init(processArea: String, name: String, reason: Reason, level: String) {
    self.processArea = processArea
    self.name = name
    self.reason = reason
    self.level = level
  }
}
