/// The outcome of the data-coverage check for one process area.
public struct CoverageResult: Hashable, Sendable {
  /// One sampling subgroup's count.
  public struct Subgroup: Hashable, Sendable {
    public var name: String
    /// Units in the subgroup that examine the area.
    public var units: Int
    /// Of those, the units that provide both artifacts and affirmations for the area.
    public var providing: Int
    /// How many must provide them.
    public var required: Int
    public var isMet: Bool { providing >= required }

    public init(name: String, units: Int, providing: Int, required: Int) {
      self.name = name
      self.units = units
      self.providing = providing
      self.required = required
    }
  }

  public var processArea: String
  public var isEnabled: Bool
  public var subgroups: [Subgroup]

  public init(processArea: String, isEnabled: Bool, subgroups: [Subgroup]) {
    self.processArea = processArea
    self.isEnabled = isEnabled
    self.subgroups = subgroups
  }

  /// Met when the check is off or every subgroup meets its count.
  public var isMet: Bool { !isEnabled || subgroups.allSatisfy(\.isMet) }
}
