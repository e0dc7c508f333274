/// The position of a value inside a model document, independent of its syntax.
///
/// Validators in this module know nothing of JSON or XML; they name the object they complain about with a
/// path such as `processAreas[3].goals[0].practices[2].id`. Readers record where each path came from in a
/// ``SourceMap`` so the problem can be reported as `file:line:col`.
///
/// Stored as a chain of nodes sharing their parents, so extending a path is one small allocation rather
/// than a copy of every component (readers build a few paths per record of files with millions of them).
public struct ModelPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
  public enum Component: Hashable, Sendable {
    case key(String)
    case index(Int)
  }

  private final class Node: Sendable {
    let parent: Node?
    let component: Component
    let depth: Int

    init(parent: Node?, component: Component) {
      self.parent = parent
      self.component = component
      depth = (parent?.depth ?? 0) + 1
    }
  }

  private let node: Node?

  private init(node: Node?) { self.node = node }

  public init(_ components: [Component] = []) {
    var node: Node? = nil
    for component in components { node = Node(parent: node, component: component) }
    self.node = node
  }

  public init(arrayLiteral elements: Component...) { self.init(elements) }

  /// The components from the root down.
  public var components: [Component] {
    var result: [Component] = []
    var current = node
    while let step = current {
      result.append(step.component)
      current = step.parent
    }
    return result.reversed()
  }

  /// The document root.
  public static let root = ModelPath()

  /// This path extended by a member name.
  public func appending(_ key: String) -> ModelPath { ModelPath(node: Node(parent: node, component: .key(key))) }
  /// This path extended by an array index.
  public func appending(_ index: Int) -> ModelPath { ModelPath(node: Node(parent: node, component: .index(index))) }

  /// The enclosing path, or `nil` at the root.
  public var parent: ModelPath? { node.map { ModelPath(node: $0.parent) } }

  /// The parts of `top[i]`, `top[i].leaf` or `top[i].above.leaf` — a record of a top-level array or a
  /// member of one — or `nil` for any other path. ``SourceMap`` calls it for every value a reader
  /// records, so it walks the few nodes without retaining them.
  func recordParts() -> (top: String, index: Int, above: String?, leaf: String?)? {
    guard let last = node, last.depth >= 2, last.depth <= 4 else { return nil }
    return withExtendedLifetime(last) { () -> (top: String, index: Int, above: String?, leaf: String?)? in
      var leaf: String?
      var above: String?
      unowned(unsafe) var step = last
      while step.depth > 2 {
        guard case .key(let key) = step.component, let parent = step.parent else { return nil }
        if step.depth == last.depth { leaf = key } else { above = key }
        step = parent
      }
      guard case .index(let index) = step.component, let root = step.parent, case .key(let top) = root.component
      else { return nil }
      return (top, index, above, leaf)
    }
  }

  /// Whether `prefix` is this path or one of its ancestors.
  public func hasPrefix(_ prefix: ModelPath) -> Bool {
    var current = node
    let depth = prefix.node?.depth ?? 0
    while let step = current, step.depth > depth { current = step.parent }
    return ModelPath(node: current) == prefix
  }

  public static func == (lhs: ModelPath, rhs: ModelPath) -> Bool {
    var left = lhs.node
    var right = rhs.node
    while true {
      if left === right { return true }
      guard let l = left, let r = right, l.depth == r.depth, l.component == r.component else { return false }
      left = l.parent
      right = r.parent
    }
  }

  public func hash(into hasher: inout Hasher) {
    var current = node
    hasher.combine(node?.depth ?? 0)
    while let step = current {
      hasher.combine(step.component)
      current = step.parent
    }
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
