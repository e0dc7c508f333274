/// A rating seen through another framework: for each of its processes, the linked process areas and
/// practices with their ratings, and how many of them support the process. It restates the SCAMPI
/// rating; it is not a rating of the process (no such rating exists), and each link keeps its source. A
/// process whose linked elements have imported evidence but no rated goal says so ("evidence imported, not
/// yet rated"), and one whose in-scope elements have no evidence at all says "no evidence", rather than
/// both reading as unsupported or unassessed.
public struct CrossModelView: Hashable, Sendable {
  /// One linked element and where it stands in the rating.
  public struct Entry: Hashable, Sendable {
    public var link: CrossModelMapping.Link
    /// "Satisfied", "FI", "Not Rated", "Out of Scope", …: the area's rating or the practice's OU value.
    public var status: String
    /// Whether the element supports the process: a Satisfied area, an FI or LI practice.
    public var supports: Bool
    /// Whether it was rated at all (in scope, characterized).
    public var isRated: Bool
    public var isAuthoritative: Bool
  }

  public struct Row: Hashable, Sendable {
    public var process: CrossModelMapping.Process
    public var entries: [Entry]
    /// Whether a linked area or practice has imported evidence while no goal of any linked area is rated
    /// (Satisfied or Unsatisfied) yet: records were imported, the rating waits for affirmations.
    public var isImportedNotRated = false
    /// Whether no linked area or practice has any evidence item while a linked area is in scope: nothing to
    /// rate yet, as opposed to evidence that waits for a rating.
    public var hasNoEvidence = false

    public var rated: [Entry] { entries.filter(\.isRated) }
    public var supporting: [Entry] { entries.filter(\.supports) }

    /// A plain summary: "not linked", "evidence imported, not yet rated", "no evidence", "not assessed",
    /// "supported", "partly supported" or "not supported".
    public var summary: String {
      if entries.isEmpty { return "not linked" }
      if isImportedNotRated { return Self.importedNotRated }
      if rated.isEmpty { return hasNoEvidence ? "no evidence" : "not assessed" }
      if supporting.count == rated.count { return "supported" }
      return supporting.isEmpty ? "not supported" : "partly supported"
    }

    /// The summary of a row whose linked elements have imported evidence and no rated goal.
    public static let importedNotRated = "evidence imported, not yet rated"
  }

  public var framework: String
  public var rows: [Row]
  public var sources: [CrossModelMapping.Source]

  /// The view of `result` for the processes of `framework` in `mapping`.
  public init(result: AppraisalResult, mapping: CrossModelMapping, framework: String) {
    self.framework = framework
    let areas = Dictionary(result.processAreas.map { ($0.processArea, $0) }, uniquingKeysWith: { first, _ in first })
    let practices = Dictionary(
      result.practiceCharacterizations.map { ($0.practice, $0) }, uniquingKeysWith: { first, _ in first })
    var used: Set<String> = []
    let importedItems = result.appraisal.evidence.filter(\.imported)
    let importedPractices = Set(importedItems.map(\.practice))
    let importedAreas = Set(importedItems.map(\.practice.processArea))
    // A streamed appraisal keeps counts, not items: then nothing is said about missing evidence.
    let itemsKept = result.appraisal.evidenceTally == nil
    let evidencedPractices = Set(result.appraisal.evidence.map(\.practice))
    let evidencedAreas = Set(result.appraisal.evidence.map(\.practice.processArea))
    rows = mapping.processes.filter { $0.framework == framework }.map { process in
      let entries = mapping.links.filter { $0.process == process.id }.map { link -> Entry in
        used.insert(link.source)
        let authoritative = mapping.source(link.source)?.isAuthoritative ?? false
        let area = areas[link.processArea]
        if let practice = link.practice {
          let value = practices[PracticeReference(link.processArea, practice)]?.value
          let rated = area?.isRated == true && value != nil
          return Entry(
            link: link, status: rated ? value!.code : (area?.value.rawValue ?? "Out of Scope"),
            supports: value == .fullyImplemented || value == .largelyImplemented, isRated: rated,
            isAuthoritative: authoritative)
        }
        let value = area?.value ?? .outOfScope
        return Entry(
          link: link, status: value.rawValue, supports: value == .satisfied,
          isRated: value == .satisfied || value == .unsatisfied, isAuthoritative: authoritative)
      }
      let links = entries.map(\.link)
      let imported = links.contains { link in
        link.practice.map { importedPractices.contains(PracticeReference(link.processArea, $0)) }
          ?? importedAreas.contains(link.processArea)
      }
      let goalRated = links.contains { link in
        areas[link.processArea]?.goals.contains { $0.value != .notRated } ?? false
      }
      let evidenced = links.contains { link in
        link.practice.map { evidencedPractices.contains(PracticeReference(link.processArea, $0)) }
          ?? evidencedAreas.contains(link.processArea)
      }
      let inScope = links.contains { areas[$0.processArea]?.isRated ?? false }
      return Row(
        process: process, entries: entries, isImportedNotRated: imported && !goalRated,
        hasNoEvidence: itemsKept && inScope && !evidenced)
    }
    sources = mapping.sources.filter { used.contains($0.id) }
  }
}
