import AppraisalModel
import AppraiseKit
import ArgumentParser
import EvidenceParsers

/// `appraise rate FILE`: rates one appraisal and prints the report.
struct RateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rate",
    abstract: "Rate one appraisal: characterizations, OU aggregation, goals, process areas, levels and findings.",
    discussion: """
      FILE is an evidence file in XML, JSON, CSV or .xlsx (docs/evidence-format.md). The report states the method \
      class, model, scope, sample, every rating with its reasons, the rules applied, team judgments and the \
      SHA-256 of each input.

      Examples:
        appraise rate fixtures/company-a/after.xml
        appraise rate fixtures/company-a/after.json --format html --output after.html
        appraise rate evidence.csv --format json --fail-on unsatisfied
        appraise rate fixtures/company-a/after.xml --view itil --itil v2
      """)

  @Argument(help: "The appraisal's evidence file (.xml, .json, .csv or .xlsx).")
  var file: String

  @OptionGroup var options: ReportOptions

  /// Extra views of the rating.
  enum View: String, ExpressibleByArgument, CaseIterable {
    case itil
  }

  @Option(help: "Add a view of the rating: itil (rolled up per ITIL process through derived cross-model links).")
  var view: View?

  @Option(help: "The ITIL edition for --view itil: v2, v3 (V3/2011) or 4 (default: 4).")
  var itil: ITILEdition?

  @Option(help: "A cross-model mapping file for --view (default: the bundled ITIL ↔ CMMI-SVC links).")
  var viewMapping: String?

  func validate() throws {
    if view == nil {
      if let itil { throw ValidationError("--itil \(itil.rawValue) needs --view itil") }
      if viewMapping != nil { throw ValidationError("--view-mapping needs --view itil") }
    }
  }

  func run() throws {
    let (catalog, catalogDigest) = try options.loadCatalog()
    try options.checkOutput(reading: [file], viewMapping: viewMapping)
    let printer = try options.printer()
    var report = try Self.report(
      file, role: "appraisal", catalog: catalog, catalogDigest: catalogDigest, detail: options.detail.fixed)
    if view == .itil {
      try exitOnFailure {
        try AppraisalPipeline.addCrossModelView(
          to: &report, framework: (itil ?? .v4).framework, mappingPath: viewMapping)
      }
    }
    let rendered = try Timings.measure("render \(options.resolvedFormat.rawValue)") {
      try options.render(report, printer: printer)
    }
    try options.emit(rendered)
    try options.checkFailOn(report.result, appraisal: file)
  }

  /// Reads, validates and rates one file through the library pipeline, printing its warnings and timing
  /// the phases (`APPRAISE_TIMINGS=1`).
  static func report(
    _ file: String, role: String, catalog: Catalog, catalogDigest: InputDigest, detail: ReportDetail? = nil
  ) throws -> RateReport {
    let loaded = try Timings.measure("read and validate") {
      try exitOnFailure { try AppraisalPipeline.read(path: file, catalog: catalog, detail: detail) }
    }
    for warning in loaded.warnings { printError(warning.description) }
    return Timings.measure("rate") {
      AppraisalPipeline.rate(loaded, role: role, catalog: catalog, catalogDigest: catalogDigest, detail: detail)
    }
  }
}
