import AppraisalModel

/// Plain-text listings of a catalog for `appraise catalog`.
public enum CatalogListing {
  /// No process area of the catalog has the id asked for.
  public struct UnknownProcessArea: Error, Sendable {
    /// What was asked for, the closest id and every id (`unknown process area "SCNO"; did you mean SCON? …`).
    public var message: String
  }

  /// What `appraise catalog [PA]` lists: the ``overview(_:)`` without an id, else the ``area(_:in:)`` the id
  /// names in any case; ``UnknownProcessArea`` when none has it.
  public static func listing(_ processArea: String?, in catalog: Catalog) throws(UnknownProcessArea) -> String {
    guard let processArea else { return overview(catalog) }
    guard let area = catalog.processArea(ignoringCase: processArea) else {
      let suggestion = catalog.closestProcessAreaID(to: processArea).map { "did you mean \($0)? " } ?? ""
      throw UnknownProcessArea(
        message: "unknown process area \"\(processArea)\"; \(suggestion)expected one of "
          + catalog.processAreas.map(\.id).joined(separator: ", "))
    }
    return Self.area(area, in: catalog)
  }

  /// Every process area with its maturity level, kind and category.
  public static func overview(_ catalog: Catalog) -> String {
    let counts = catalog.counts
    var text = "\(catalog.model.title) (\(catalog.model.id) \(catalog.model.version))\n"
    text +=
      "\(counts.processAreas) process areas, \(counts.specificGoals) specific goals, \(counts.specificPractices) "
      + "specific practices, \(counts.genericGoals) generic goals, \(counts.genericPractices) generic practices\n\n"
    let idWidth = catalog.processAreas.map(\.id.count).max() ?? 2
    let nameWidth = catalog.processAreas.map(\.name.count).max() ?? 4
    for area in catalog.processAreas {
      let flags = area.isAddition ? "  (addition)" : ""
      text +=
        "\(pad(area.id, idWidth))  ML\(area.maturityLevel)  \(pad(area.name, nameWidth))  "
        + "\(area.kind.rawValue), \(area.category)\(flags)\n"
    }
    return text
  }

  /// One area's goals and practices, and the generic goals.
  public static func area(_ area: ProcessArea, in catalog: Catalog) -> String {
    var text = "\(area.id) — \(area.name)\n"
    text += "maturity level \(area.maturityLevel), \(area.category), \(area.kind.rawValue)"
    text += area.isAddition ? ", addition\n" : "\n"
    if let note = area.note { text += "\(note)\n" }
    for goal in area.goals {
      text += "\n\(goal.id)  \(goal.title)\n"
      for practice in goal.practices { text += "  \(practice.id)  \(practice.title)\n" }
    }
    for goal in catalog.genericGoals {
      text += "\n\(goal.id)  \(goal.title)  (capability level \(goal.capabilityLevel))\n"
      for practice in goal.practices { text += "  \(practice.id)  \(practice.title)\n" }
    }
    return text
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
