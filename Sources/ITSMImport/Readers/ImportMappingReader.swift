import AppraisalModel
import EvidenceParsers

/// Reads an ITSM-to-practice mapping file (format: docs/itsm-import.md) and checks it against the
/// catalog; every problem comes back located.
public enum ImportMappingReader {
  public static let supportedFormatVersions = 1...1

  public static func read(path: String, catalog: Catalog) throws(ReadFailure) -> ImportMapping {
    try read(bytes: try InputFile.bytes(at: path), file: path, catalog: catalog)
  }

  public static func read(bytes: [UInt8], file: String, catalog: Catalog) throws(ReadFailure) -> ImportMapping {
    try JSONDocumentReader.read(bytes: bytes, file: file, decode: decode) { $0.problems(against: catalog) }
  }

  private static func decode(_ root: JSONNode, _ walker: JSONModelWalker) -> ImportMapping? {
    guard
      let top = walker.object(
        root, at: .root,
        allowed: ["formatVersion", "model", "modelVersion", "title", "rules", "jiraIssueTypes", "groupMap", "$schema"],
        what: "the mapping")
    else { return nil }
    JSONDocumentReader.checkFormatVersion(top, walker, supported: supportedFormatVersions)
    let kinds = Dictionary(uniqueKeysWithValues: ITSMRecord.Kind.allCases.map { ($0.rawValue, $0) })
    let indicators = EvidenceVocabulary.indicators
    let rules = top.array("rules").compactMap { element -> ImportMapping.Rule? in
      guard
        let object = walker.object(
          element.node, at: element.path,
          allowed: ["id", "kind", "when", "practice", "indicator", "minimumRecords", "rationale"], what: "a rule")
      else { return nil }
      let conditions = object.array("when", required: false).compactMap { condition -> ImportMapping.Condition? in
        guard
          let test = walker.object(
            condition.node, at: condition.path, allowed: ["field", "present", "in", "equals"], what: "a condition")
        else { return nil }
        let field = test.string("field") ?? ""
        if test.has("in") { return .init(field: field, test: .oneOf(test.strings("in"))) }
        if test.has("equals") { return .init(field: field, test: .oneOf([test.string("equals") ?? ""])) }
        if test.has("present") { return .init(field: field, test: .present(test.bool("present", default: true))) }
        walker.problem(condition.path, "a condition needs one of present, in or equals")
        return nil
      }
      var practice = PracticeReference("", "")
      if let text = object.string("practice") {
        if let parsed = EvidenceVocabulary.practice(text) {
          practice = parsed
        } else {
          walker.problem(element.path.appending("practice"), EvidenceVocabulary.Message.badPractice(text))
        }
      }
      return ImportMapping.Rule(
        id: object.string("id") ?? "", kind: object.choice("kind", kinds) ?? .incident, conditions: conditions,
        practice: practice, indicator: object.choice("indicator", indicators) ?? .artifact,
        minimumRecords: object.int("minimumRecords", in: 0...Int.max, required: false) ?? 1,
        rationale: object.string("rationale") ?? "")
    }
    return ImportMapping(
      model: top.string("model") ?? "", modelVersion: top.string("modelVersion") ?? "",
      title: top.string("title") ?? "", rules: rules, jiraIssueTypes: jiraIssueTypes(top, walker),
      groupMap: groupMap(top, walker))
  }

  /// The optional `jiraIssueTypes` table: Jira issue type name → record kind (one of
  /// ``ITSMImportOptions/jiraTypeKinds``).
  private static func jiraIssueTypes(_ top: JSONObject, _ walker: JSONModelWalker) -> [String: ITSMRecord.Kind] {
    guard let table = top.node.member("jiraIssueTypes"), !table.isNull else { return [:] }
    let path = top.path.appending("jiraIssueTypes")
    guard let members = table.objectMembers else {
      walker.problem(
        path, "\"jiraIssueTypes\" is \(table.kindDescription); expected an object of Jira issue type names and kinds")
      return [:]
    }
    let kinds = ITSMImportOptions.jiraTypeKinds
    var types: [String: ITSMRecord.Kind] = [:]
    for member in members {
      if let text = member.value.stringValue, let kind = ITSMRecord.Kind(rawValue: text), kinds.contains(kind) {
        types[member.key] = kind
      } else {
        walker.problem(
          path.appending(member.key),
          "issue type \"\(member.key)\" maps to \(member.value.stringValue.map { "\"\($0)\"" } ?? member.value.kindDescription); "
            + "expected one of " + kinds.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
      }
    }
    return types
  }

  /// `"groupMap": {"ITSM group": "instantiation id or name", …}`, each value a non-empty string.
  private static func groupMap(_ top: JSONObject, _ walker: JSONModelWalker) -> [String: String] {
    guard let node = top.node.member("groupMap"), !node.isNull else { return [:] }
    let path = ModelPath.root.appending("groupMap")
    guard let members = node.objectMembers else {
      walker.problem(
        path, "\"groupMap\" is \(node.kindDescription); expected an object of ITSM group → instantiation id or name")
      return [:]
    }
    var map: [String: String] = [:]
    for member in members {
      guard let unit = member.value.stringValue, !unit.allSatisfy(\.isWhitespace) else {
        walker.problem(
          path.appending(member.key),
          "group \"\(member.key)\" maps to "
            + (member.value.stringValue != nil ? "an empty string" : member.value.kindDescription)
            + "; expected an instantiation id or name")
        continue
      }
      map[member.key] = unit
    }
    return map
  }
}
