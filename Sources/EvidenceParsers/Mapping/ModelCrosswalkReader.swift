import AppraisalModel

/// Reads a model crosswalk (CMMI-SVC V1.3 → CMMI V3.0 at area level; format: docs/cmmi-3.md, "Crosswalk";
/// schema: docs/schemas/crosswalk.schema.json) and checks it against both catalogs; every problem comes
/// back located.
public enum ModelCrosswalkReader {
  public static let supportedFormatVersions = 1...1

  /// The bundled V1.3 → V3.0 crosswalk, in practice-catalogs/mappings/.
  public static let bundledFile = "mappings/crosswalk-cmmi-svc-1.3-cmmi-3.0.json"

  /// Reads the crosswalk at `path` and checks it against `from` (the older catalog) and `to` (the newer).
  public static func read(path: String, from: Catalog, to: PracticeAreaCatalog) throws(ReadFailure) -> ModelCrosswalk {
    try read(bytes: try InputFile.bytes(at: path), file: path, from: from, to: to)
  }

  /// Reads a crosswalk from memory; `file` names it in messages.
  public static func read(bytes: [UInt8], file: String, from: Catalog, to: PracticeAreaCatalog) throws(ReadFailure)
    -> ModelCrosswalk
  {
    try JSONDocumentReader.read(bytes: bytes, file: file, decode: decode) { $0.problems(from: from, to: to) }
  }

  /// Loads the bundled crosswalk, checked against the bundled CMMI-SVC V1.3 catalog and V3.0 structure
  /// catalog (from the folders ``BundledCatalog`` searches).
  public static func loadBundled() throws(ReadFailure) -> ModelCrosswalk {
    let from = try BundledCatalog.load()
    let to = try PracticeAreaCatalogReader.loadBundled()
    return try read(path: try BundledCatalog.locate(bundledFile), from: from, to: to)
  }

  private static func decode(_ root: JSONNode, _ walker: JSONModelWalker) -> ModelCrosswalk? {
    guard
      let top = walker.object(
        root, at: .root, allowed: ["formatVersion", "from", "to", "title", "note", "links", "$schema"],
        what: "the crosswalk")
    else { return nil }
    JSONDocumentReader.checkFormatVersion(top, walker, supported: supportedFormatVersions)
    func model(_ key: String) -> ModelCrosswalk.ModelID {
      let object = top.object(key, allowed: ["model", "version"], what: "\"\(key)\"")
      return .init(model: object?.string("model") ?? "", version: object?.string("version") ?? "")
    }
    let from = model("from")
    let to = model("to")
    let bases = Dictionary(uniqueKeysWithValues: ModelCrosswalk.Basis.allCases.map { ($0.rawValue, $0) })
    let links = top.array("links").compactMap { element -> ModelCrosswalk.Link? in
      guard
        let object = walker.object(
          element.node, at: element.path, allowed: ["from", "to", "level", "basis", "note"], what: "a link")
      else { return nil }
      return .init(
        from: object.string("from") ?? "", to: object.string("to") ?? "",
        level: object.int("level", in: 1...5, required: false), basis: object.choice("basis", bases) ?? .derived,
        note: object.string("note", required: false))
    }
    return ModelCrosswalk(
      from: from, to: to, title: top.string("title") ?? "", note: top.string("note", required: false), links: links)
  }
}
