/// A specific or generic practice as the model states it: an id unique within its goal's owner and a title.
public struct Practice: Hashable, Sendable, Codable {
  /// `SP 1.1` for specific practices, `GP 2.1` for generic ones.
  public var id: String
  public var title: String

  public init(id: String, title: String) {
    self.id = id
    self.title = title
  }
}
