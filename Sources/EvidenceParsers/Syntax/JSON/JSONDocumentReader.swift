import AppraisalModel

/// The steps every project JSON data file (catalogs, mappings) goes through: parse with positions, walk
/// into a model value collecting every problem, validate the value, then locate and sort all problems and
/// fail once if any is an error.
package enum JSONDocumentReader {
  /// `refusing` may name, for a whole document of the wrong kind, the one problem to report instead of a
  /// list of missing and unknown members.
  package static func read<Value>(
    bytes: [UInt8], file: String, refusing: (JSONNode) -> String? = { _ in nil },
    decode: (JSONNode, JSONModelWalker) -> Value?, validate: (Value) -> [ModelProblem]
  ) throws(ReadFailure) -> Value {
    let root: JSONNode
    do {
      root = try JSONNode.parse(bytes: bytes)
    } catch {
      throw .invalid(
        file: file,
        problems: [
          LocatedProblem(
            severity: .error,
            location: SourceLocation(file: file, line: error.position.line, column: error.position.column),
            file: file, message: error.message)
        ])
    }
    if let message = refusing(root) {
      throw .invalid(
        file: file,
        problems: [
          LocatedProblem(
            severity: .error,
            location: SourceLocation(file: file, line: root.position.line, column: root.position.column), file: file,
            message: message)
        ])
    }
    let walker = JSONModelWalker(file: file)
    let value = decode(root, walker)
    var problems = walker.problems
    if let value {
      // Semantic problems under a value that already failed to decode would only repeat it.
      let broken = problems.map(\.path)
      problems += validate(value).filter { problem in !broken.contains { problem.path.hasPrefix($0) } }
    }
    let located = problems.map { LocatedProblem($0, in: walker.sourceMap) }.sorted()
    if let value, !located.contains(where: { $0.severity == .error }) { return value }
    throw .invalid(file: file, problems: located)
  }

  /// Checks `formatVersion` against the versions a reader supports.
  package static func checkFormatVersion(_ top: JSONObject, _ walker: JSONModelWalker, supported: ClosedRange<Int>) {
    if let version = top.int("formatVersion", in: 1...Int.max, expected: "the integer \(supported.upperBound)"),
      !supported.contains(version)
    {
      walker.problem(
        ModelPath.root.appending("formatVersion"),
        "format version \(version) is not supported; expected \(supported.upperBound)")
    }
  }
}
