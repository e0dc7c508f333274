/// The practices of one practice area at one level (1–5); V3 rates it Satisfied, Unsatisfied or Not Rated.
public struct PracticeGroup: Hashable, Sendable {
  /// One practice: its id and, only in a licensed user's local copy, its title and statement.
  public struct Practice: Hashable, Sendable {
    /// `<PA> <level>.<n>`, e.g. `IRP 2.3` (see ``CMMI3PracticeID``).
    public var id: String
    public var title: String?
    public var statement: String?

    public init(id: String, title: String? = nil, statement: String? = nil) {
      self.id = id
      self.title = title
      self.statement = statement
    }
  }

  public var level: Int
  public var practices: [Practice]

  public init(level: Int, practices: [Practice]) {
    self.level = level
    self.practices = practices
  }
}
