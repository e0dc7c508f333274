/// The value of a ``JSONNode``: what kind of JSON value it is and its contents.
package enum JSONValue: Equatable, Sendable {
  /// An object's members in source order. Duplicate names are kept, each as its own member.
  case object([JSONMember])
  /// An array's elements in source order.
  case array([JSONNode])
  /// A string, unescaped.
  case string(String)
  /// A number as its literal text (for example `-1.5e3`); see ``JSONNode/intValue`` and ``JSONNode/doubleValue``.
  case number(String)
  /// `true` or `false`.
  case bool(Bool)
  /// `null`.
  case null
}

/// One `"name": value` member of a JSON object.
package struct JSONMember: Equatable, Sendable {
  /// The member name, unescaped.
  package var key: String
  /// The position of the opening quote of the member name.
  package var keyPosition: JSONPosition
  /// The member's value, with its own position.
  package var value: JSONNode

  /// Creates a member.
  package init(key: String, keyPosition: JSONPosition, value: JSONNode) {
    self.key = key
    self.keyPosition = keyPosition
    self.value = value
  }
}

/// A JSON value together with the position of its first byte, forming a tree in which every
/// node can be pointed at in a diagnostic.
///
/// Build one with ``parse(bytes:maxDepth:)``. Objects keep their members in source order and
/// keep duplicate names (see ``duplicateMembers``); nothing is merged.
package struct JSONNode: Equatable, Sendable {
  /// What the node holds.
  package var value: JSONValue
  /// Where the value starts: its opening bracket or quote, or the first character of a number or literal.
  package var position: JSONPosition

  /// Creates a node.
  package init(_ value: JSONValue, at position: JSONPosition) {
    self.value = value
    self.position = position
  }

  // MARK: - Building

  /// Parses a whole UTF-8 JSON document into a tree, using ``JSONReader``.
  ///
  /// The tree is built without recursion, so the depth is limited only by `maxDepth`.
  /// - Throws: the first ``JSONSyntaxError`` in the document.
  package static func parse(
    bytes: [UInt8], maxDepth: Int = JSONReader.defaultMaxDepth
  ) throws(JSONSyntaxError) -> JSONNode {
    try parse(bytes: bytes, maxDepth: maxDepth, streaming: [], { _, _, _ in })
  }

  /// Parses like ``parse(bytes:maxDepth:)``, but hands each element of the arrays that are members
  /// `streaming` of the top-level object to `visit` (member name, element index, element) as soon as it
  /// is complete, and leaves those arrays empty in the tree: a large array is never held as a tree.
  package static func parse(
    bytes: [UInt8], maxDepth: Int = JSONReader.defaultMaxDepth, streaming: Set<String>,
    _ visit: (String, Int, JSONNode) -> Void
  ) throws(JSONSyntaxError) -> JSONNode {
    try parse(bytes: bytes, maxDepth: maxDepth, streaming: streaming, skipping: { _, _, _ in false }, visiting: visit)
  }

  /// Parses like ``parse(bytes:maxDepth:streaming:_:)``, but first offers each of those arrays to `skip`
  /// (member name, the top-level members read so far, the reader just past the array's `[`), which may
  /// read the whole array itself through ``JSONReader/skipOpenContainer(_:)`` and return `true`: the
  /// array is then empty in the tree and none of its elements is visited. Returning `false` (having
  /// left the reader where it was) streams the array to `visit` as usual.
  package static func parse(
    bytes: [UInt8], maxDepth: Int = JSONReader.defaultMaxDepth, streaming: Set<String>,
    skipping skip: (String, ArraySlice<JSONMember>, inout JSONReader) -> Bool,
    visiting visit: (String, Int, JSONNode) -> Void
  ) throws(JSONSyntaxError) -> JSONNode {
    var reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
    // The values of every open container, innermost last, in two shared stacks; a closing
    // bracket moves its container's values into an array of exactly the right size.
    var open: [OpenContainer] = []
    var elements: [JSONNode] = []
    var members: [JSONMember] = []
    var key = ""
    var keyPosition = JSONPosition(line: 0, column: 0)
    var result: JSONNode?
    while let (token, position) = try reader.next() {
      let finished: JSONNode
      switch token {
      case .beginObject:
        open.append(
          OpenContainer(
            isObject: true, position: position, start: members.count, key: key, keyPosition: keyPosition))
        continue
      case .beginArray:
        if open.count == 1, open[0].isObject, streaming.contains(key),
          skip(key, members[open[0].start...], &reader)
        {
          finished = JSONNode(.array([]), at: position)
          break
        }
        open.append(
          OpenContainer(
            isObject: false, position: position, start: elements.count, key: key, keyPosition: keyPosition))
        continue
      case .key(let name):
        key = name
        keyPosition = position
        continue
      case .endObject:
        let container = open.removeLast()
        finished = JSONNode(.object(Array(members[container.start...])), at: container.position)
        members.removeSubrange(container.start...)
        (key, keyPosition) = (container.key, container.keyPosition)
      case .endArray:
        let container = open.removeLast()
        finished = JSONNode(.array(Array(elements[container.start...])), at: container.position)
        elements.removeSubrange(container.start...)
        (key, keyPosition) = (container.key, container.keyPosition)
      case .string(let text):
        finished = JSONNode(.string(text), at: position)
      case .number(let text):
        finished = JSONNode(.number(text), at: position)
      case .bool(let flag):
        finished = JSONNode(.bool(flag), at: position)
      case .null:
        finished = JSONNode(.null, at: position)
      }
      if open.count == 2, open[0].isObject, !open[1].isObject, streaming.contains(open[1].key) {
        visit(open[1].key, open[1].count, finished)
        open[1].count += 1
      } else if let container = open.last {
        if container.isObject {
          members.append(JSONMember(key: key, keyPosition: keyPosition, value: finished))
        } else {
          elements.append(finished)
        }
      } else {
        result = finished
      }
    }
    // The reader returns nil only after a complete top-level value.
    guard let result else { preconditionFailure("JSONReader ended without a value") }
    return result
  }

  private struct OpenContainer {
    var isObject: Bool
    var position: JSONPosition
    /// Where this container's values start in the shared `members` or `elements` stack.
    var start: Int
    /// The member name this container is the value of, if its parent is an object.
    var key: String
    var keyPosition: JSONPosition
    /// Elements handed to the visitor so far (streamed arrays only).
    var count = 0
  }

  // MARK: - Typed access

  /// The members if this is an object, in source order and including duplicates; otherwise nil.
  package var objectMembers: [JSONMember]? {
    if case .object(let members) = value { return members }
    return nil
  }

  /// The elements if this is an array; otherwise nil.
  package var arrayElements: [JSONNode]? {
    if case .array(let elements) = value { return elements }
    return nil
  }

  /// The text if this is a string; otherwise nil.
  package var stringValue: String? {
    if case .string(let text) = value { return text }
    return nil
  }

  /// The literal text if this is a number (for example `-1.5e3`); otherwise nil.
  package var numberLiteral: String? {
    if case .number(let text) = value { return text }
    return nil
  }

  /// The value if this is a number whose exact value is an integer that fits in `Int`;
  /// otherwise nil. `3`, `-0`, `3.0` and `3e2` qualify; `3.5`, `1e400` and strings do not.
  package var intValue: Int? {
    if case .number(let text) = value { return JSONNode.exactInteger(text) }
    return nil
  }

  /// The nearest `Double` if this is a number; otherwise nil. Very large magnitudes become infinity.
  package var doubleValue: Double? {
    if case .number(let text) = value { return Double(text) }
    return nil
  }

  /// The flag if this is `true` or `false`; otherwise nil.
  package var boolValue: Bool? {
    if case .bool(let flag) = value { return flag }
    return nil
  }

  /// Whether this is `null`.
  package var isNull: Bool {
    if case .null = value { return true }
    return false
  }

  /// The value of the first member named `key` if this is an object; otherwise nil.
  /// Use ``members(named:)`` to see every member with that name.
  package func member(_ key: String) -> JSONNode? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// Every member named `key`, in source order, if this is an object; otherwise empty.
  package func members(named key: String) -> [JSONMember] {
    guard case .object(let members) = value else { return [] }
    return members.filter { $0.key == key }
  }

  /// The members whose name already appeared earlier in the same object, in source order
  /// (empty if there are none or this is not an object).
  package var duplicateMembers: [JSONMember] {
    guard case .object(let members) = value else { return [] }
    var seen = Set<String>()
    return members.filter { !seen.insert($0.key).inserted }
  }

  /// The element at `index` if this is an array and the index is in range; otherwise nil.
  package subscript(index: Int) -> JSONNode? {
    guard case .array(let elements) = value, elements.indices.contains(index) else { return nil }
    return elements[index]
  }

  /// The kind of value, for messages such as "expected a string, found the number 3":
  /// "an object", "an array", "a string", "the number 3", "true", "false" or "null".
  package var kindDescription: String {
    switch value {
    case .object: return "an object"
    case .array: return "an array"
    case .string: return "a string"
    case .number(let text): return "the number \(text)"
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
    }
  }

  /// The exact integer value of a JSON number literal, or nil if it has a fractional part or overflows `Int`.
  static func exactInteger(_ text: String) -> Int? {
    var utf8 = text.utf8[...]
    let negative = utf8.first == UInt8(ascii: "-")
    if negative { utf8 = utf8.dropFirst() }
    var digits: [UInt8] = []
    var fractionCount = 0
    var inFraction = false
    var exponent = 0
    var exponentNegative = false
    var inExponent = false
    for b in utf8 {
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let d = b - UInt8(ascii: "0")
        if inExponent {
          exponent = min(exponent * 10 + Int(d), 100_000)
        } else {
          digits.append(d)
          if inFraction { fractionCount += 1 }
        }
      case UInt8(ascii: "."): inFraction = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
      case UInt8(ascii: "-"): exponentNegative = true
      case UInt8(ascii: "+"): break
      default: return nil
      }
    }
    // Value = digits × 10^scale.
    var scale = (exponentNegative ? -exponent : exponent) - fractionCount
    while let last = digits.last, scale < 0 {
      guard last == 0 else { return nil }
      digits.removeLast()
      scale += 1
    }
    guard let firstNonZero = digits.firstIndex(where: { $0 != 0 }) else { return 0 }
    guard scale >= 0 else { return nil }
    guard digits.count - firstNonZero + scale <= 19 else { return nil }
    var result = 0
    for d in digits[firstNonZero...] {
      let (shifted, o1) = result.multipliedReportingOverflow(by: 10)
      let (next, o2) = shifted.subtractingReportingOverflow(Int(d))  // accumulate negatively to reach Int.min
      if o1 || o2 { return nil }
      result = next
    }
    for _ in 0..<scale {
      let (shifted, overflow) = result.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      result = shifted
    }
    if negative { return result }
    return result == Int.min ? nil : -result
  }
}
