/// Where each model value came from in its file, filled in by a reader.
///
/// A lookup falls back to the nearest enclosing path that has a location, so a problem about a missing
/// field still points at the object that lacks it.
///
/// Recording every value's place costs more than reading the file, so readers make a first pass with
/// recording off (`isRecording == false`: ``record(_:line:column:)`` does nothing and does not even build
/// the path) and read the file again with recording on only when there is a problem to locate.
public struct SourceMap: Sendable {
  public private(set) var file: String
  public let isRecording: Bool
  /// The worksheet every recorded location is in (a workbook read as rows), or `nil` for a text file.
  public var sheet: String?
  private var locations: [ModelPath: SourceLocation] = [:]

  public init(file: String, recording: Bool = true, sheet: String? = nil) {
    self.file = file
    isRecording = recording
    self.sheet = sheet
  }

  /// Records that the value at `path` starts at `line` and `column`.
  public mutating func record(_ path: @autoclosure () -> ModelPath, line: Int, column: Int?) {
    guard isRecording else { return }
    locations[path()] = SourceLocation(file: file, line: line, column: column, sheet: sheet)
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
