import AppraisalModel

/// Turns the JSON syntax's tree of a V3 evidence file (JSON as parsed, or XML and CSV read into the same
/// shape by ``CMMI3XMLTree`` and ``CMMI3CSVTree``) into a ``CMMI3Appraisal``, collecting every problem of
/// structure and type with its path and recording each value's position in a ``SourceMap``.
///
/// A value that cannot be decoded is replaced by a placeholder (an empty text, NY, level 0) so the rest of
/// the file is still checked; its path goes into ``failedPaths`` and validation problems at or under it are
/// dropped as repeats.
package struct CMMI3TreeDecoder {
  package private(set) var sourceMap: SourceMap
  package private(set) var problems: [ModelProblem] = []
  package private(set) var failedPaths: Set<ModelPath> = []

  package init(sourceMap: SourceMap) { self.sourceMap = sourceMap }

  /// The appraisal, or `nil` when the root is not an object.
  package mutating func decode(_ root: JSONNode) -> CMMI3Appraisal? {
    let path = ModelPath.root
    guard object(root, at: path, record: "appraisal") else { return nil }
    if let version = int(root, path, "formatVersion", record: "the appraisal"),
      !CMMI3EvidenceFormat.supportedFormatVersions.contains(version)
    {
      fail(path.appending("formatVersion"), "format version \(version) is not supported; expected 1")
    }
    if let method = text(root, path, "method", record: "the appraisal", expected: "\"cmmi-3.0\""),
      method != CMMI3EvidenceFormat.method, !method.isEmpty
    {
      fail(path.appending("method"), "method \"\(method)\" is not \"cmmi-3.0\"; this reader reads CMMI V3.0 files")
    }
    let header = header(root)
    let scopePath = path.appending("scope")
    let scope = member(root, path, "scope", record: "the appraisal", required: true)
    var scopeNode = JSONNode(.object([]), at: root.position)
    if let scope, object(scope, at: scopePath, record: "scope") { scopeNode = scope }
    let types = Dictionary(uniqueKeysWithValues: AppraisalType.allCases.map { ($0.rawValue, $0) })
    let representations = Dictionary(
      uniqueKeysWithValues: CMMI3Appraisal.Representation.allCases.map { ($0.rawValue, $0) })
    let type = choice(scopeNode, scopePath, "appraisalType", types, record: "scope") ?? .benchmark
    let representation = choice(scopeNode, scopePath, "representation", representations, record: "scope") ?? .maturity
    let view = text(scopeNode, scopePath, "view", record: "scope") ?? ""
    let optionalAreas = ids(scopeNode, scopePath, "optionalAreas") ?? []
    let selectedAreas = ids(scopeNode, scopePath, "selectedAreas")
    // A target that failed to decode stands as 5, which judges no record above it.
    let level = int(scopeNode, scopePath, "targetLevel", record: "scope") ?? 5
    let areaTargets = records(scopeNode, scopePath, "areaTargets", record: "areaTarget") { d, node, path in
      CMMI3Appraisal.Target.AreaTarget(
        practiceArea: d.text(node, path, "practiceArea", record: "areaTarget") ?? "",
        level: d.int(node, path, "level", record: "areaTarget") ?? 5)
    }
    let processes = records(root, path, "organizationalProcesses", record: "organizationalProcess") { d, node, path in
      CMMI3Appraisal.OrganizationalProcess(
        id: d.text(node, path, "id", record: "organizationalProcess") ?? "",
        name: d.text(node, path, "name", record: "organizationalProcess") ?? "")
    }
    let projects = records(root, path, "projects", record: "project", required: true) { d, node, path in
      CMMI3Appraisal.Project(
        id: d.text(node, path, "id", record: "project") ?? "",
        name: d.text(node, path, "name", record: "project") ?? "",
        outOfScope: d.ids(node, path, "outOfScope") ?? [],
        organizationalProcesses: d.ids(node, path, "organizationalProcesses") ?? [])
    }
    let inputValues = Dictionary(
      uniqueKeysWithValues: CMMI3PracticeInput.Value.allCases.map { ($0.rawValue, $0) })
    let inputs = records(root, path, "practiceInputs", record: "practiceInput") { d, node, path in
      CMMI3PracticeInput(
        practice: d.text(node, path, "practice", record: "practiceInput") ?? "",
        project: d.text(node, path, "project", record: "practiceInput") ?? "",
        artifact: d.choice(node, path, "artifact", inputValues, record: "practiceInput") ?? .notYet,
        affirmation: d.choice(node, path, "affirmation", inputValues, record: "practiceInput") ?? .notYet,
        weaknesses: d.weaknesses(node, path))
    }
    let all = Dictionary(uniqueKeysWithValues: ProjectCharacterization.allCases.map { ($0.code, $0) })
    let ouCodes = all.filter { $0.value != .outOfScope }
    let processValues = records(root, path, "organizationalProcessValues", record: "organizationalProcessValue") {
      d, node, path in
      OrganizationalProcessValue(
        practice: d.text(node, path, "practice", record: "organizationalProcessValue") ?? "",
        process: d.text(node, path, "process", record: "organizationalProcessValue") ?? "",
        value: d.choice(node, path, "value", all, record: "organizationalProcessValue") ?? .fullyMeets,
        weaknesses: d.weaknesses(node, path))
    }
    let teamOUValues = records(root, path, "teamOUValues", record: "teamOUValue") { d, node, path in
      CMMI3TeamOUValue(
        practice: d.text(node, path, "practice", record: "teamOUValue") ?? "",
        value: d.choice(node, path, "value", ouCodes, record: "teamOUValue") ?? .notYet,
        justification: d.text(node, path, "justification", record: "teamOUValue") ?? "")
    }
    let decisions = records(root, path, "practiceGroupDecisions", record: "practiceGroupDecision") { d, node, path in
      PracticeGroupDecision(
        practiceArea: d.text(node, path, "practiceArea", record: "practiceGroupDecision") ?? "",
        level: d.int(node, path, "level", record: "practiceGroupDecision") ?? 0,
        value: d.choice(node, path, "value", CMMI3EvidenceFormat.decisionCodes, record: "practiceGroupDecision")
          ?? .notRated,
        justification: d.text(node, path, "justification", record: "practiceGroupDecision") ?? "")
    }
    let projectValues = records(root, path, "teamProjectValues", record: "teamProjectValue") { d, node, path in
      CMMI3TeamProjectValue(
        practice: d.text(node, path, "practice", record: "teamProjectValue") ?? "",
        project: d.text(node, path, "project", record: "teamProjectValue") ?? "",
        value: d.choice(node, path, "value", all, record: "teamProjectValue") ?? .fullyMeets,
        justification: d.text(node, path, "justification", record: "teamProjectValue") ?? "")
    }
    var appraisal = CMMI3Appraisal(
      header: header, type: type, representation: representation, view: view, optionalAreas: optionalAreas,
      target: CMMI3Appraisal.Target(level: level, practiceAreas: areaTargets), projects: projects,
      organizationalProcesses: processes, practiceInputs: inputs, teamOUValues: teamOUValues,
      practiceGroupDecisions: decisions, organizationalProcessValues: processValues, teamProjectValues: projectValues)
    appraisal.selectedAreas = selectedAreas
    return appraisal
  }

  private mutating func header(_ root: JSONNode) -> CMMI3Appraisal.Header {
    let path = ModelPath.root.appending("header")
    var node = JSONNode(.object([]), at: root.position)
    if let header = member(root, .root, "header", record: "the appraisal", required: true),
      object(header, at: path, record: "header")
    {
      node = header
    }
    func field(_ key: String) -> String { text(node, path, key, record: "header") ?? "" }
    return CMMI3Appraisal.Header(
      id: field("id"), name: field("name"), organizationalUnit: field("organizationalUnit"), date: field("date"),
      model: field("model"), modelVersion: field("modelVersion"))
  }

  private mutating func weaknesses(_ node: JSONNode, _ path: ModelPath) -> [CMMI3PracticeInput.Weakness] {
    records(node, path, "weaknesses", record: "weakness") { d, node, path in
      CMMI3PracticeInput.Weakness(
        d.text(node, path, "text", record: "weakness") ?? "",
        id: d.text(node, path, "id", record: "weakness", required: false))
    }
  }

  // MARK: - Typed access

  private mutating func record(_ path: ModelPath, _ node: JSONNode) {
    let position = node.position
    sourceMap.record(path, line: position.line, column: position.column > 0 ? position.column : nil)
  }

  private mutating func fail(_ path: ModelPath, _ message: String, failedPath: ModelPath? = nil) {
    problems.append(ModelProblem(.error, at: path, message))
    failedPaths.insert(failedPath ?? path)
  }

  /// Whether `node` is an object; reports duplicate and unknown members of `record` and records positions.
  private mutating func object(_ node: JSONNode, at path: ModelPath, record name: String) -> Bool {
    record(path, node)
    guard let members = node.objectMembers else {
      fail(path, "\(name) is \(Self.describe(node)); expected an object")
      return false
    }
    let allowed = CMMI3EvidenceFormat.members[name] ?? []
    for (offset, member) in members.enumerated() {
      let memberPath = path.appending(member.key)
      if members[..<offset].contains(where: { $0.key == member.key }) {
        fail(memberPath, "duplicate member \"\(member.key)\" in \(name); each member may appear once")
      } else if !allowed.contains(member.key) && !(path == .root && member.key == "$schema") {
        fail(
          memberPath,
          "unknown member \"\(member.key)\" in \(name); expected one of " + allowed.sorted().joined(separator: ", "))
      } else {
        record(memberPath, member.value)
      }
    }
    return true
  }

  /// Member `key`, `nil` when absent or null (a problem when `required`).
  private mutating func member(
    _ node: JSONNode, _ path: ModelPath, _ key: String, record: String, required: Bool, expected: String = "an object"
  ) -> JSONNode? {
    guard let value = node.member(key), !value.isNull else {
      if required { fail(path, "\(record) has no \"\(key)\"; expected \(expected)", failedPath: path.appending(key)) }
      return nil
    }
    return value
  }

  private mutating func text(
    _ node: JSONNode, _ path: ModelPath, _ key: String, record: String, required: Bool = true,
    expected: String = "a string"
  ) -> String? {
    guard let value = member(node, path, key, record: record, required: required, expected: expected) else {
      return nil
    }
    guard let text = value.stringValue else {
      fail(path.appending(key), "\"\(key)\" is \(Self.describe(value)); expected \(expected)")
      return nil
    }
    if text.allSatisfy(\.isWhitespace) {
      if required { fail(path.appending(key), "\"\(key)\" is empty; expected a non-empty string") }
      return required ? "" : nil
    }
    return text
  }

  private mutating func int(_ node: JSONNode, _ path: ModelPath, _ key: String, record: String) -> Int? {
    guard let value = member(node, path, key, record: record, required: true, expected: "an integer") else {
      return nil
    }
    guard let number = value.intValue else {
      fail(path.appending(key), "\"\(key)\" is \(Self.describe(value)); expected an integer")
      return nil
    }
    return number
  }

  private mutating func choice<T>(
    _ node: JSONNode, _ path: ModelPath, _ key: String, _ choices: [String: T], record: String
  ) -> T? {
    let expected = "one of " + choices.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
    guard let value = member(node, path, key, record: record, required: true, expected: expected) else { return nil }
    if let text = value.stringValue, let choice = choices[text] { return choice }
    // JSON writers put the inputs 1 and 0 as numbers as often as strings: both mean the same.
    if let number = value.intValue, let choice = choices[String(number)] { return choice }
    fail(path.appending(key), "\"\(key)\" is \(Self.describe(value)); expected \(expected)")
    return nil
  }

  /// An optional array of ids; `nil` when absent.
  private mutating func ids(_ node: JSONNode, _ path: ModelPath, _ key: String) -> [String]? {
    guard let value = member(node, path, key, record: "", required: false) else { return nil }
    guard let elements = value.arrayElements else {
      fail(path.appending(key), "\"\(key)\" is \(Self.describe(value)); expected an array of strings")
      return nil
    }
    return elements.enumerated().map { index, element in
      let elementPath = path.appending(key).appending(index)
      record(elementPath, element)
      guard let text = element.stringValue else {
        fail(elementPath, "an element of \"\(key)\" is \(Self.describe(element)); expected a string")
        return ""
      }
      return text
    }
  }

  /// The records of array member `key`, each checked as `record`; one that is not an object is reported and
  /// stands as a placeholder (every validation problem under it is dropped).
  private mutating func records<T>(
    _ node: JSONNode, _ path: ModelPath, _ key: String, record name: String, required: Bool = false,
    _ body: (inout CMMI3TreeDecoder, JSONNode, ModelPath) -> T
  ) -> [T] {
    guard let value = member(node, path, key, record: "the appraisal", required: required, expected: "an array")
    else { return [] }
    guard let elements = value.arrayElements else {
      fail(path.appending(key), "\"\(key)\" is \(Self.describe(value)); expected an array")
      return []
    }
    var result: [T] = []
    for (index, element) in elements.enumerated() {
      let elementPath = path.appending(key).appending(index)
      if object(element, at: elementPath, record: name) {
        result.append(body(&self, element, elementPath))
      } else {
        // A placeholder keeps the indices of the records after it aligned with the file; its own
        // problems would only repeat that it is not an object.
        let kept = problems
        result.append(body(&self, JSONNode(.object([]), at: element.position), elementPath))
        problems = kept
      }
    }
    return result
  }

  /// `the string "x"`, `the number 1`, `an array`, …
  static func describe(_ node: JSONNode) -> String {
    if let text = node.stringValue { return "\"\(text)\"" }
    if let number = node.numberLiteral { return "the number \(number)" }
    return node.kindDescription
  }
}
