import AppraisalModel

/// Writes a ``PracticeAreaCatalog`` in the structure catalog's JSON syntax (docs/cmmi-3.md, "Structure
/// catalog") — the layout of the bundled file: one practice group per line, titles and statements and the
/// provenance only when present — so that ``PracticeAreaCatalogReader`` reads back an equal catalog. Used by
/// `appraise catalog import` for a licensed user's local copy.
public enum PracticeAreaCatalogWriter {
  /// The catalog as UTF-8 JSON text ending in a line break. `schema` is written as `$schema` when given.
  public static func json(_ catalog: PracticeAreaCatalog, schema: String? = nil) -> String {
    var out = "{\n"
    if let schema { out += "  \"$schema\": \(quoted(schema)),\n" }
    out += "  \"formatVersion\": \(PracticeAreaCatalogReader.supportedFormatVersions.upperBound),\n"
    var model = [("id", catalog.model.id), ("version", catalog.model.version)]
    if let title = catalog.model.title { model.append(("title", title)) }
    if let reference = catalog.model.reference { model.append(("reference", reference)) }
    out += "  \"model\": \(object(model)),\n"
    if let provenance = catalog.provenance {
      out += "  \"provenance\": \(object([("source", provenance.source), ("licence", provenance.licence)])),\n"
    }
    out += "  \"practiceAreas\": [\n"
    for (index, area) in catalog.practiceAreas.enumerated() {
      out += "    { \"id\": \(quoted(area.id)), \"domain\": \(quoted(area.domain)), "
      if let title = area.title { out += "\"title\": \(quoted(title)), " }
      out += "\"practiceGroups\": [\n"
      for (groupIndex, group) in area.practiceGroups.enumerated() {
        let practices = group.practices.map { practice -> String in
          var members = [("id", practice.id)]
          if let title = practice.title { members.append(("title", title)) }
          if let statement = practice.statement { members.append(("statement", statement)) }
          return object(members)
        }
        out += "      {\"level\": \(group.level), \"practices\": [" + practices.joined(separator: ", ") + "]}"
        out += groupIndex == area.practiceGroups.count - 1 ? "\n" : ",\n"
      }
      out += "    ] }" + (index == catalog.practiceAreas.count - 1 ? "\n" : ",\n")
    }
    out += "  ],\n  \"views\": [\n"
    for (index, view) in catalog.views.enumerated() {
      out += "    {\"id\": \(quoted(view.id)), \"practiceAreas\": \(array(view.practiceAreas))"
      if !view.optional.isEmpty { out += ", \"optional\": \(array(view.optional))" }
      out += "}" + (index == catalog.views.count - 1 ? "\n" : ",\n")
    }
    return out + "  ]\n}\n"
  }

  private static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { "\(quoted($0.0)): \(quoted($0.1))" }.joined(separator: ", ") + "}"
  }

  private static func array(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }

  /// A JSON string: `"`, `\` and control characters escaped, everything else as UTF-8.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let control where control.value < 0x20 || (0x7F...0x9F).contains(control.value):
        let hex = String(control.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
