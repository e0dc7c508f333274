import AppraisalModel

/// Reads a practice catalog file (format: docs/catalog-format.md) and validates it with
/// ``CatalogValidator``; every problem, syntactic or semantic, is reported together with its location.
public enum CatalogReader {
  /// The catalog format versions this reader understands.
  public static let supportedFormatVersions = 1...1

  /// Reads and validates the catalog at `path`.
  public static func read(path: String) throws(ReadFailure) -> Catalog {
    try read(bytes: try InputFile.bytes(at: path), file: path)
  }

  /// Reads and validates a catalog from memory; `file` names it in messages.
  public static func read(bytes: [UInt8], file: String) throws(ReadFailure) -> Catalog {
    try JSONDocumentReader.read(
      bytes: bytes, file: file, refusing: { looksLikeEvidence($0) ? Message.evidenceFile : nil }, decode: decode,
      validate: CatalogValidator.problems(in:))
  }

  /// An evidence file passed where a catalog belongs: it has a header and a scope, and no catalog member.
  private static func looksLikeEvidence(_ root: JSONNode) -> Bool {
    guard root.member("header") != nil, root.member("scope") != nil else { return false }
    return ["model", "genericGoals", "processAreas"].allSatisfy { root.member($0) == nil }
  }

  private static func decode(_ root: JSONNode, _ walker: JSONModelWalker) -> Catalog? {
    guard
      let top = walker.object(
        root, at: .root, allowed: ["formatVersion", "model", "genericGoals", "processAreas", "$schema"],
        what: "the catalog")
    else { return nil }
    JSONDocumentReader.checkFormatVersion(top, walker, supported: supportedFormatVersions)
    var model = Catalog.Model(id: "", version: "", title: "")
    if let object = top.object("model", allowed: ["id", "version", "title", "reference"], what: "the model") {
      model.id = object.string("id") ?? ""
      model.version = object.string("version") ?? ""
      model.title = object.string("title") ?? ""
      model.reference = object.string("reference", required: false)
    }
    let genericGoals = top.array("genericGoals").compactMap { element -> GenericGoal? in
      guard
        let object = walker.object(
          element.node, at: element.path, allowed: ["id", "title", "capabilityLevel", "practices"],
          what: "a generic goal")
      else { return nil }
      return GenericGoal(
        id: object.string("id") ?? "", title: object.string("title") ?? "",
        capabilityLevel: object.int("capabilityLevel", in: 1...5) ?? 0, practices: practices(object, walker))
    }
    let kinds = Dictionary(uniqueKeysWithValues: ProcessArea.Kind.allCases.map { ($0.rawValue, $0) })
    let areas = top.array("processAreas").compactMap { element -> ProcessArea? in
      guard
        let object = walker.object(
          element.node, at: element.path,
          allowed: ["id", "name", "category", "maturityLevel", "type", "addition", "goals", "note"],
          what: "a process area")
      else { return nil }
      let goals = object.array("goals").compactMap { goal -> Goal? in
        guard
          let goalObject = walker.object(
            goal.node, at: goal.path, allowed: ["id", "title", "practices"], what: "a goal")
        else { return nil }
        return Goal(
          id: goalObject.string("id") ?? "", title: goalObject.string("title") ?? "",
          practices: practices(goalObject, walker))
      }
      return ProcessArea(
        id: object.string("id") ?? "", name: object.string("name") ?? "", category: object.string("category") ?? "",
        maturityLevel: object.int("maturityLevel", in: 2...5) ?? 0, kind: object.choice("type", kinds) ?? .core,
        isAddition: object.bool("addition", default: false), goals: goals, note: object.string("note", required: false))
    }
    return Catalog(model: model, processAreas: areas, genericGoals: genericGoals)
  }

  private static func practices(_ owner: JSONObject, _ walker: JSONModelWalker) -> [Practice] {
    owner.array("practices").compactMap { element in
      guard let object = walker.object(element.node, at: element.path, allowed: ["id", "title"], what: "a practice")
      else { return nil }
      return Practice(id: object.string("id") ?? "", title: object.string("title") ?? "")
    }
  }

  enum Message {
    static let evidenceFile =
      "this is an evidence file (it has \"header\" and \"scope\"), not a catalog; expected a catalog with "
      + "\"model\", \"genericGoals\" and \"processAreas\" (see docs/catalog-format.md)"
  }
}
