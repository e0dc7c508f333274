/// A process area: its place in the staged representation, its category, and its specific goals.
public struct ProcessArea: Hashable, Sendable, Codable {
  /// Which CMMI constellations share the process area (CMMI V1.3 terms).
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Common to all CMMI V1.3 models.
    case core
    /// Shared by some constellations (SAM: DEV and SVC).
    case shared
    /// Only in this constellation (the seven CMMI-SVC service PAs).
    case serviceSpecific = "service-specific"
    /// An organization's own process area in an in-house model.
    case custom
  }

  /// The acronym, e.g. `SCON`.
  public var id: String
  public var name: String
  public var category: String
  /// The maturity level the area belongs to in the staged representation (2–5).
  public var maturityLevel: Int
  public var kind: Kind
  /// An "addition" (CMMI-SVC's SSD): the organization may leave it out of scope as a whole.
  public var isAddition: Bool
  public var goals: [Goal]
  public var note: String?

  public init(
    id: String, name: String, category: String, maturityLevel: Int, kind: Kind, isAddition: Bool = false,
    goals: [Goal], note: String? = nil
  ) {
    self.id = id
    self.name = name
    self.category = category
    self.maturityLevel = maturityLevel
    self.kind = kind
    self.isAddition = isAddition
    self.goals = goals
    self.note = note
  }

  /// The specific goal with `id`, if any.
  public func goal(_ id: String) -> Goal? { goals.first { $0.id == id } }
}
