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
    if try exitOnFailure({ try AppraisalPipeline.method(of: file) }) == .cmmi30 { return try runCMMI3() }
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

  /// A CMMI V3.0 appraisal (its file declares `method="cmmi-3.0"`): rated against the structure catalog
  /// (`--catalog`: a local copy from `appraise catalog import`) and reported in the same formats.
  private func runCMMI3() throws {
    if view != nil {
      throw ValidationError("--view itil rates SCAMPI V1.3 appraisals; \(file) is a CMMI V3.0 appraisal")
    }
    let (catalog, catalogDigest) = try exitOnFailure {
      try AppraisalPipeline.loadStructureCatalog(path: options.catalog)
    }
    try options.checkOutput(reading: [file])
    let printer = try options.printer()
    let loaded = try Timings.measure("read and validate") {
      try exitOnFailure { try AppraisalPipeline.readCMMI3(path: file, catalog: catalog) }
    }
    for warning in loaded.warnings { printError(warning.description) }
    let report = Timings.measure("rate") {
      AppraisalPipeline.rate(loaded, catalog: catalog, catalogDigest: catalogDigest)
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
