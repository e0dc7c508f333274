/// A specific goal of a process area (`SG 1`) with the practices that achieve it.
public struct Goal: Hashable, Sendable, Codable {
  public var id: String
  public var title: String
  public var practices: [Practice]

  public init(id: String, title: String, practices: [Practice]) {
    self.id = id
    self.title = title
    self.practices = practices
  }
}
