/// Where each model value came from in its file, filled in by a reader.
///
/// A lookup falls back to the nearest enclosing path that has a location, so a problem about a missing
/// field still points at the object that lacks it.
public struct SourceMap: Sendable {
  public private(set) var file: String
  private var locations: [ModelPath: SourceLocation] = [:]

  public init(file: String) { self.file = file }

  /// Records that the value at `path` starts at `location`.
  public mutating func record(_ path: ModelPath, line: Int, column: Int?) {
    locations[path] = SourceLocation(file: file, line: line, column: column)
  }

  /// The location of `path` or of its nearest recorded ancestor; `nil` when nothing on the way is known.
  public func location(of path: ModelPath) -> SourceLocation? {
    var current: ModelPath? = path
    while let candidate = current {
      if let location = locations[candidate] { return location }
      current = candidate.parent
    }
    return nil
  }
}
