/// A practice area of a CMMI V2.0/V3.0 structure catalog: its acronym, its domain and its practice groups.
public struct PracticeArea: Hashable, Sendable {
  /// The acronym, e.g. `IRP` — the only name shipped.
  public var id: String
  /// `Core` for the core model, otherwise the domain (`Data`, `Development`, `People`, `Safety`, `Security`,
  /// `Services`, `Suppliers`, `Virtual`).
  public var domain: String
  /// Loaded only from a licensed user's local copy.
  public var title: String?
  /// The practice groups in ascending level; a level without practices has no group.
  public var practiceGroups: [PracticeGroup]

  public init(id: String, domain: String, title: String? = nil, practiceGroups: [PracticeGroup]) {
    self.id = id
    self.domain = domain
    self.title = title
    self.practiceGroups = practiceGroups
  }

  /// The group at `level`, or `nil` when the area has no practices at that level.
  public func group(level: Int) -> PracticeGroup? { practiceGroups.first { $0.level == level } }

  /// The highest level at which the area has practices (0 for an area with no groups).
  public var highestLevel: Int { practiceGroups.map(\.level).max() ?? 0 }

  /// Every practice id of the area, level by level.
  public var practiceIDs: [String] { practiceGroups.flatMap { $0.practices.map(\.id) } }

  /// The number of practices of the area.
  public var practiceCount: Int { practiceGroups.reduce(0) { $0 + $1.practices.count } }
}
