/// A generic goal (`GG 2`): applies to every process area; its practices are instantiated per process area.
public struct GenericGoal: Hashable, Sendable, Codable {
  public var id: String
  public var title: String
  /// The capability level this goal establishes in the continuous representation (GG 1 → CL 1, …).
  public var capabilityLevel: Int
  public var practices: [Practice]

  public init(id: String, title: String, capabilityLevel: Int, practices: [Practice]) {
    self.id = id
    self.title = title
    self.capabilityLevel = capabilityLevel
    self.practices = practices
  }
}
