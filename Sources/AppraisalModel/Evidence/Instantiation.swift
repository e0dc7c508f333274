/// A sampled basic unit or support function of the organizational unit (a project, team or service) in
/// which practices are examined.
public struct Instantiation: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    case project, team, service
    case supportFunction = "support-function"
  }

  public var id: String
  public var name: String
  public var kind: Kind
  /// The sampling subgroup the unit belongs to; data-coverage rules are checked per subgroup.
  public var subgroup: String?
  /// The process areas examined in this unit; `nil` means every area in scope.
  public var processAreas: [String]?

  public init(id: String, name: String, kind: Kind, subgroup: String? = nil, processAreas: [String]? = nil) {
    self.id = id
    self.name = name
    self.kind = kind
    self.subgroup = subgroup
    self.processAreas = processAreas
  }

  /// Whether practices of `processArea` are examined in this unit.
  public func examines(_ processArea: String) -> Bool { processAreas?.contains(processArea) ?? true }
}
