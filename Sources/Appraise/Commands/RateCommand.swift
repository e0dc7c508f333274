import AppraisalModel
import ArgumentParser
import EvidenceParsers

/// `appraise rate FILE`: rates one appraisal and prints the report.
struct RateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rate",
    abstract: "Rate one appraisal: characterizations, OU aggregation, goals, process areas, levels and findings.",
    discussion: """
      FILE is an evidence file in XML, JSON or CSV (docs/evidence-format.md). The report states the method \
      class, model, scope, sample, every rating with its reasons, the rules applied, team judgments and the \
      SHA-256 of each input.

      Examples:
        appraise rate fixtures/company-a/after.xml
        appraise rate fixtures/company-a/after.json --format html --output after.html
        appraise rate evidence.csv --format json --fail-on unsatisfied
      """)

  @Argument(help: "The appraisal's evidence file (.xml, .json or .csv).")
  var file: String

  @OptionGroup var options: ReportOptions

  func run() throws {
    let (catalog, catalogDigest) = try options.loadCatalog()
    try options.checkOutput(against: [file] + (options.catalog.map { [$0] } ?? []))
    let report = try Self.report(file, role: "appraisal", catalog: catalog, catalogDigest: catalogDigest)
    let rendered = Timings.measure("render \(options.resolvedFormat.rawValue)") { options.renderer().render(report) }
    try options.emit(rendered)
    if let condition = options.failOn, condition.isMet(by: report.result) { throw ExitCode(1) }
  }

  /// Reads, validates and rates one file.
  static func report(_ file: String, role: String, catalog: Catalog, catalogDigest: InputDigest) throws -> RateReport {
    let loaded = try Timings.measure("read and validate") { try loadAppraisal(file, catalog: catalog) }
    for warning in loaded.warnings { printError(warning.description) }
    let result = Timings.measure("rate") { AppraisalRater.rate(loaded.appraisal, catalog: catalog) }
    return RateReport(
      result: result, catalog: catalog, inputs: [try digest(role: role, path: file), catalogDigest],
      warnings: loaded.warnings.map(\.description))
  }
}
