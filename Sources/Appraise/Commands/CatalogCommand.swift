import AppraisalModel
import AppraiseKit
import ArgumentParser
import EvidenceParsers

/// `appraise catalog`: lists a catalog (``CatalogListCommand``, the default) or writes a licensed user's
/// local copy of the V3.0 structure catalog (``CatalogImportCommand``).
struct CatalogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "catalog",
    abstract: "List the process areas, goals and practices of a catalog, or import licensed V3.0 text.",
    usage: """
      appraise catalog [<process-area>] [--catalog <catalog>]
      appraise catalog import --statements <csv> --source <text> --licence <text> --output <file>
      """,
    discussion: """
      Without a subcommand, lists every process area with its maturity level, category and type. With a \
      process area id, lists its specific goals and practices and the generic goals. `catalog import` writes \
      a local copy of the CMMI V3.0 structure catalog with your licensed titles and statements.

      Examples:
        appraise catalog
        appraise catalog SSD
        appraise catalog --catalog fixtures/catalogs/acme-service-model-1.0.json
        appraise catalog import --statements my.csv --source 'Licensed copy' \\
          --licence 'Internal use' --output local.json
      """,
    subcommands: [CatalogListCommand.self, CatalogImportCommand.self],
    defaultSubcommand: CatalogListCommand.self)
}

/// `appraise catalog [PA]`: lists a catalog's process areas, or one area's goals and practices.
struct CatalogListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the process areas, goals and practices of a catalog (the default).",
    usage: "appraise catalog [<process-area>] [--catalog <catalog>]",
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
    let loaded = try exitOnFailure { try AppraisalPipeline.loadCatalog(path: catalog).catalog }
    let listing: String
    do throws(CatalogListing.UnknownProcessArea) {
      listing = try CatalogListing.listing(processArea, in: loaded)
    } catch {
      throw ValidationError(error.message)
    }
    try Console.output(listing)
  }
}
