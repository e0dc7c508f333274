import AppraisalModel
import AppraiseKit
import ArgumentParser
import EvidenceParsers

/// `appraise catalog [PA]`: lists a catalog's process areas, or one area's goals and practices.
struct CatalogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalog",
    abstract: "List the process areas, goals and practices of a catalog.",
    discussion: """
      Without an argument, lists every process area with its maturity level, category and type. With a \
      process area id, lists its specific goals and practices and the generic goals.

      Examples:
        appraise catalog
        appraise catalog SSD
        appraise catalog --catalog fixtures/catalogs/acme-service-model-1.0.json
      """)

  @Argument(help: "A process area id (e.g. SCON) to list in full.")
  var processArea: String?

  @Option(help: "A catalog file (default: the bundled CMMI-SVC V1.3).")
  var catalog: String?

  func run() throws {
    let loaded = try readCatalog(catalog)
    if let processArea {
      guard let area = Self.find(processArea, in: loaded) else {
        let suggestion = Self.suggestion(for: processArea, in: loaded).map { "did you mean \($0)? " } ?? ""
        throw ValidationError(
          "unknown process area \"\(processArea)\"; \(suggestion)expected one of "
            + loaded.processAreas.map(\.id).joined(separator: ", "))
      }
      try Console.output(CatalogListing.area(area, in: loaded))
    } else {
      try Console.output(CatalogListing.overview(loaded))
    }
  }

  /// The area with `id`, compared without regard to case (`scon` is SCON).
  static func find(_ id: String, in catalog: Catalog) -> ProcessArea? {
    catalog.processArea(id) ?? catalog.processAreas.first { $0.id.uppercased() == id.uppercased() }
  }

  /// The closest area id to a mistyped one (at most two edits, case ignored), for "did you mean".
  static func suggestion(for id: String, in catalog: Catalog) -> String? {
    let typed = Array(id.uppercased())
    let scored = catalog.processAreas.map { ($0.id, editDistance(typed, Array($0.id.uppercased()))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= min(2, max(1, typed.count / 2)) else { return nil }
    return best.0
  }

  /// Levenshtein distance between two short strings.
  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, left) in a.enumerated() {
      var current = [i + 1]
      for (j, right) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
