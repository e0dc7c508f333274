import AppraisalModel

/// Reads a cross-model mapping file (ITIL ↔ CMMI-SVC; format: docs/itsm-import.md) and checks it
/// against the catalog; every problem comes back located.
public enum CrossModelMappingReader {
  public static let supportedFormatVersions = 1...1

  public static func read(path: String, catalog: Catalog) throws(ReadFailure) -> CrossModelMapping {
    try read(bytes: try InputFile.bytes(at: path), file: path, catalog: catalog)
  }

  public static func read(bytes: [UInt8], file: String, catalog: Catalog) throws(ReadFailure) -> CrossModelMapping {
    try JSONDocumentReader.read(bytes: bytes, file: file, decode: decode) { $0.problems(against: catalog) }
  }

  private static func decode(_ root: JSONNode, _ walker: JSONModelWalker) -> CrossModelMapping? {
    guard
      let top = walker.object(
        root, at: .root,
        allowed: ["formatVersion", "model", "modelVersion", "title", "sources", "processes", "links", "$schema"],
        what: "the mapping")
    else { return nil }
    JSONDocumentReader.checkFormatVersion(top, walker, supported: supportedFormatVersions)
    let sources = top.array("sources").compactMap { element -> CrossModelMapping.Source? in
      guard
        let object = walker.object(
          element.node, at: element.path, allowed: ["id", "title", "reference", "authoritative"], what: "a source")
      else { return nil }
      return .init(
        id: object.string("id") ?? "", title: object.string("title") ?? "",
        reference: object.string("reference", required: false),
        isAuthoritative: object.bool("authoritative", default: false))
    }
    let processes = top.array("processes").compactMap { element -> CrossModelMapping.Process? in
      guard
        let object = walker.object(
          element.node, at: element.path, allowed: ["id", "framework", "name", "book", "note"], what: "a process")
      else { return nil }
      return .init(
        id: object.string("id") ?? "", framework: object.string("framework") ?? "", name: object.string("name") ?? "",
        book: object.string("book", required: false))
    }
    let relations = Dictionary(uniqueKeysWithValues: CrossModelMapping.Relation.allCases.map { ($0.rawValue, $0) })
    let strengths = Dictionary(uniqueKeysWithValues: CrossModelMapping.Strength.allCases.map { ($0.rawValue, $0) })
    let links = top.array("links").compactMap { element -> CrossModelMapping.Link? in
      guard
        let object = walker.object(
          element.node, at: element.path, allowed: ["process", "cmmi", "relation", "strength", "source", "note"],
          what: "a link")
      else { return nil }
      // "IRP" names an area, "IRP SP 2.1" one practice.
      let target = object.string("cmmi") ?? ""
      let parts = target.split(separator: " ", maxSplits: 1).map(String.init)
      return .init(
        process: object.string("process") ?? "", processArea: parts.first ?? "",
        practice: parts.count > 1 ? parts[1] : nil,
        relation: object.choice("relation", relations) ?? .intersect,
        strength: object.choice("strength", strengths) ?? .weak, source: object.string("source") ?? "",
        note: object.string("note", required: false))
    }
    return CrossModelMapping(
      model: top.string("model") ?? "", modelVersion: top.string("modelVersion") ?? "", sources: sources,
      processes: processes, links: links)
  }
}
