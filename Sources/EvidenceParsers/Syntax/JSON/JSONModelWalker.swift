import AppraisalModel

/// Walks a ``JSONNode`` tree into model values, collecting every problem (wrong type, missing or unknown
/// member, duplicate member) with the path of the value and recording each value's position in a
/// ``SourceMap``, so later semantic problems can be located too.
package final class JSONModelWalker {
  private(set) var problems: [ModelProblem] = []
  private(set) var sourceMap: SourceMap
  /// Paths of values that could not be decoded (their own path, or the missing member's path).
  private(set) var failedPaths: Set<ModelPath> = []

  package init(file: String, recording: Bool = true) { sourceMap = SourceMap(file: file, recording: recording) }

  /// Reports a problem located at `path`; `failedPath` (default: `path`) is the value that could not be
  /// decoded — for a missing member, the member's path rather than its object's.
  package func problem(
    _ path: ModelPath, _ message: String, _ severity: ModelProblem.Severity = .error, failedPath: ModelPath? = nil
  ) {
    problems.append(ModelProblem(severity, at: path, message))
    if severity == .error { failedPaths.insert(failedPath ?? path) }
  }

  /// Marks a value as not decoded without reporting (its problem was reported at another path).
  package func failed(_ path: ModelPath) { failedPaths.insert(path) }

  /// The problems located through the source map.
  package var locatedProblems: [LocatedProblem] { problems.map { LocatedProblem($0, in: sourceMap) } }

  /// Checks that `node` is an object with only `allowed` member names, each once; records positions.
  /// Returns the object, or `nil` (with a problem) when it is something else.
  @discardableResult
  package func object(_ node: JSONNode, at path: ModelPath, allowed: Set<String>, what: String) -> JSONObject? {
    record(path, node.position)
    guard let members = node.objectMembers else {
      problem(path, Message.wrongType(what, expected: "an object", found: node))
      return nil
    }
    for (offset, member) in members.enumerated() {
      sourceMap.record(
        member: member.key, of: path, line: member.value.position.line, column: member.value.position.column)
      // Records have a handful of members: a linear look-back is cheaper than hashing into a set.
      if members[..<offset].contains(where: { $0.key == member.key }) {
        problem(path.appending(member.key), Message.duplicateMember(member.key, in: what))
      } else if !allowed.contains(member.key) {
        problem(path.appending(member.key), Message.unknownMember(member.key, in: what, allowed: allowed))
      }
    }
    return JSONObject(node: node, path: path, walker: self, what: what)
  }

  private func record(_ path: @autoclosure () -> ModelPath, _ position: JSONPosition) {
    sourceMap.record(path(), line: position.line, column: position.column)
  }

  package enum Message {
    static func wrongType(_ what: String, expected: String, found: JSONNode) -> String {
      "\(what) is \(found.kindDescription); expected \(expected)"
    }
    static func duplicateMember(_ key: String, in what: String) -> String {
      "duplicate member \"\(key)\" in \(what); each member may appear once"
    }
    static func unknownMember(_ key: String, in what: String, allowed: Set<String>) -> String {
      "unknown member \"\(key)\" in \(what); expected one of " + allowed.sorted().joined(separator: ", ")
    }
    static func missing(_ key: String, in what: String, expected: String) -> String {
      "\(what) has no \"\(key)\"; expected \(expected)"
    }
  }
}

/// An object being walked: typed member access that reports what is wrong and where.
package struct JSONObject {
  package let node: JSONNode
  package let path: ModelPath
  package let walker: JSONModelWalker
  package let what: String

  package func has(_ key: String) -> Bool { node.member(key) != nil }

  /// A string member; `nil` (with a problem when `required`) when missing or not a string. Empty strings
  /// are reported as missing when required.
  package func string(_ key: String, required: Bool = true, allowEmpty: Bool = false) -> String? {
    guard let value = node.member(key), !value.isNull || required else {
      if required {
        walker.problem(
          path, JSONModelWalker.Message.missing(key, in: what, expected: "a string"),
          failedPath: path.appending(key))
      }
      return nil
    }
    guard let text = value.stringValue else {
      walker.problem(
        path.appending(key), JSONModelWalker.Message.wrongType("\"\(key)\"", expected: "a string", found: value))
      return nil
    }
    if required && !allowEmpty && text.allSatisfy(\.isWhitespace) {
      walker.problem(path.appending(key), "\"\(key)\" is empty; expected a non-empty string")
      return nil
    }
    return text
  }

  /// An integer member within `range`; `expected` replaces "an integer from … to …" in messages.
  package func int(_ key: String, in range: ClosedRange<Int>, required: Bool = true, expected: String? = nil) -> Int? {
    let expected = expected ?? "an integer from \(range.lowerBound) to \(range.upperBound)"
    guard let value = node.member(key), !value.isNull || required else {
      if required {
        walker.problem(
          path, JSONModelWalker.Message.missing(key, in: what, expected: expected),
          failedPath: path.appending(key))
      }
      return nil
    }
    guard let number = value.intValue, range.contains(number) else {
      let found = value.stringValue.map { "the string \"\($0)\"" } ?? value.kindDescription
      walker.problem(path.appending(key), "\"\(key)\" is \(found); expected \(expected)")
      return nil
    }
    return number
  }

  /// A boolean member, `defaultValue` when absent.
  package func bool(_ key: String, default defaultValue: Bool) -> Bool {
    guard let value = node.member(key), !value.isNull else { return defaultValue }
    guard let flag = value.boolValue else {
      walker.problem(
        path.appending(key), JSONModelWalker.Message.wrongType("\"\(key)\"", expected: "true or false", found: value))
      return defaultValue
    }
    return flag
  }

  /// A string member that must be one of `choices`.
  package func choice<T>(_ key: String, _ choices: [String: T], required: Bool = true) -> T? {
    guard let text = string(key, required: required) else { return nil }
    if let value = choices[text] { return value }
    walker.problem(
      path.appending(key),
      "\"\(key)\" is \"\(text)\"; expected one of " + choices.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", "))
    return nil
  }

  /// An array member's elements with their paths; empty (with a problem when `required`) otherwise.
  package func array(_ key: String, required: Bool = true) -> [(path: ModelPath, node: JSONNode)] {
    guard let value = node.member(key), !value.isNull else {
      if required {
        walker.problem(
          path, JSONModelWalker.Message.missing(key, in: what, expected: "an array"),
          failedPath: path.appending(key))
      }
      return []
    }
    guard let elements = value.arrayElements else {
      walker.problem(
        path.appending(key), JSONModelWalker.Message.wrongType("\"\(key)\"", expected: "an array", found: value))
      return []
    }
    return elements.enumerated().map { (path.appending(key).appending($0.offset), $0.element) }
  }

  /// An array of strings.
  package func strings(_ key: String, required: Bool = true) -> [String] {
    array(key, required: required).compactMap { element in
      if let text = element.node.stringValue { return text }
      walker.problem(
        element.path,
        JSONModelWalker.Message.wrongType("an element of \"\(key)\"", expected: "a string", found: element.node))
      return nil
    }
  }

  /// A nested object member.
  package func object(_ key: String, allowed: Set<String>, what: String, required: Bool = true) -> JSONObject? {
    guard let value = node.member(key), !value.isNull else {
      if required {
        walker.problem(
          path, JSONModelWalker.Message.missing(key, in: self.what, expected: "an object"),
          failedPath: path.appending(key))
      }
      return nil
    }
    return walker.object(value, at: path.appending(key), allowed: allowed, what: what)
  }
}
