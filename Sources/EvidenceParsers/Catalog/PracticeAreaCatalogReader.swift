import AppraisalModel

/// Reads a practice-area catalog — a CMMI V2.0/V3.0 structure: practice areas, practice groups by level,
/// practice ids, domains, views (format: docs/cmmi-3.md, "Structure catalog"; schema:
/// docs/schemas/practice-area-catalog.schema.json) — and validates it with ``PracticeAreaCatalogValidator``;
/// every problem, syntactic or semantic, is reported together with its location.
public enum PracticeAreaCatalogReader {
  /// The catalog format versions this reader understands.
  public static let supportedFormatVersions = 1...1

  /// The bundled CMMI V3.0 structure (identifiers, levels and domains only).
  public static let bundledFile = "cmmi-3.0-structure.json"

  /// Reads and validates the catalog at `path`.
  public static func read(path: String) throws(ReadFailure) -> PracticeAreaCatalog {
    try read(bytes: try InputFile.bytes(at: path), file: path)
  }

  /// Reads and validates a catalog from memory; `file` names it in messages.
  public static func read(bytes: [UInt8], file: String) throws(ReadFailure) -> PracticeAreaCatalog {
    try JSONDocumentReader.read(
      bytes: bytes, file: file, refusing: refusal, decode: decode, validate: PracticeAreaCatalogValidator.problems(in:))
  }

  /// Loads the bundled structure catalog from the folders ``BundledCatalog`` searches.
  public static func loadBundled() throws(ReadFailure) -> PracticeAreaCatalog {
    try read(path: try BundledCatalog.locate(bundledFile))
  }

  /// A V1.3 catalog (process areas and goals) or an evidence file passed where a structure catalog belongs.
  private static func refusal(_ root: JSONNode) -> String? {
    guard root.member("practiceAreas") == nil else { return nil }
    if root.member("processAreas") != nil { return Message.processAreaCatalog }
    if root.member("header") != nil { return Message.evidenceFile }
    return nil
  }

  private static func decode(_ root: JSONNode, _ walker: JSONModelWalker) -> PracticeAreaCatalog? {
    guard
      let top = walker.object(
        root, at: .root, allowed: ["formatVersion", "model", "provenance", "practiceAreas", "views", "$schema"],
        what: "the catalog")
    else { return nil }
    JSONDocumentReader.checkFormatVersion(top, walker, supported: supportedFormatVersions)
    var model = PracticeAreaCatalog.Model(id: "", version: "")
    if let object = top.object("model", allowed: ["id", "version", "title", "reference"], what: "the model") {
      model.id = object.string("id") ?? ""
      model.version = object.string("version") ?? ""
      model.title = object.string("title", required: false)
      model.reference = object.string("reference", required: false)
    }
    let provenance = top.object(
      "provenance", allowed: ["source", "licence"], what: "the provenance", required: false
    ).map { object in
      PracticeAreaCatalog.Provenance(source: object.string("source") ?? "", licence: object.string("licence") ?? "")
    }
    let areas = top.array("practiceAreas").compactMap { element -> PracticeArea? in
      guard
        let object = walker.object(
          element.node, at: element.path, allowed: ["id", "domain", "title", "practiceGroups"],
          what: "a practice area")
      else { return nil }
      let groups = object.array("practiceGroups").compactMap { group -> PracticeGroup? in
        guard
          let groupObject = walker.object(
            group.node, at: group.path, allowed: ["level", "practices"], what: "a practice group")
        else { return nil }
        let practices = groupObject.array("practices").compactMap { practice -> PracticeGroup.Practice? in
          guard
            let practiceObject = walker.object(
              practice.node, at: practice.path, allowed: ["id", "title", "statement"], what: "a practice")
          else { return nil }
          return PracticeGroup.Practice(
            id: practiceObject.string("id") ?? "", title: practiceObject.string("title", required: false),
            statement: practiceObject.string("statement", required: false))
        }
        return PracticeGroup(level: groupObject.int("level", in: 1...5) ?? 0, practices: practices)
      }
      return PracticeArea(
        id: object.string("id") ?? "", domain: object.string("domain") ?? "",
        title: object.string("title", required: false), practiceGroups: groups)
    }
    let views = top.array("views").compactMap { element -> PracticeAreaCatalog.View? in
      guard
        let object = walker.object(
          element.node, at: element.path, allowed: ["id", "practiceAreas", "optional"], what: "a view")
      else { return nil }
      return PracticeAreaCatalog.View(
        id: object.string("id") ?? "", practiceAreas: object.strings("practiceAreas"),
        optional: object.strings("optional", required: false))
    }
    return PracticeAreaCatalog(model: model, provenance: provenance, practiceAreas: areas, views: views)
  }

  enum Message {
    static let processAreaCatalog =
      "this is a process-area catalog (CMMI V1.3 format, \"processAreas\"), not a practice-area catalog; expected "
      + "\"practiceAreas\" and \"views\" (see docs/cmmi-3.md)"
    static let evidenceFile =
      "this is an evidence file (it has \"header\"), not a practice-area catalog; expected \"practiceAreas\" and "
      + "\"views\" (see docs/cmmi-3.md)"
  }
}
