/// The position of a value inside a model document, independent of its syntax.
///
/// Validators in this module know nothing of JSON or XML; they name the object they complain about with a
/// path such as `processAreas[3].goals[0].practices[2].id`. Readers record where each path came from in a
/// ``SourceMap`` so the problem can be reported as `file:line:col`.
public struct ModelPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
  public enum Component: Hashable, Sendable {
    case key(String)
    case index(Int)
  }

  public var components: [Component]

  public init(_ components: [Component] = []) { self.components = components }
  public init(arrayLiteral elements: Component...) { self.components = elements }

  /// The document root.
  public static let root = ModelPath()

  /// This path extended by a member name.
  public func appending(_ key: String) -> ModelPath { ModelPath(components + [.key(key)]) }
  /// This path extended by an array index.
  public func appending(_ index: Int) -> ModelPath { ModelPath(components + [.index(index)]) }

  /// The enclosing path, or `nil` at the root.
  public var parent: ModelPath? {
    components.isEmpty ? nil : ModelPath(Array(components.dropLast()))
  }

  /// `processAreas[3].goals[0].id` — the same notation as a JSON path without the leading `$`.
  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key): text += text.isEmpty ? key : ".\(key)"
      case .index(let index): text += "[\(index)]"
      }
    }
    return text.isEmpty ? "(root)" : text
  }
}
