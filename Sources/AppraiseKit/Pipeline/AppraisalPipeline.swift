import AppraisalModel
import EvidenceParsers

/// The read → validate → rate → report pipeline behind `appraise rate` and `appraise compare`, for any Swift
/// program. Every step is pure but for reading the named files (each read once; the digests in a report
/// are of the bytes that were rated).
///
/// ```swift
/// let (catalog, catalogDigest) = try AppraisalPipeline.loadCatalog()
/// let report = try AppraisalPipeline.rate(path: "after.xml", catalog: catalog, catalogDigest: catalogDigest)
/// let html = AppraisalPipeline.renderer(for: .html)!.render(report)  // a String
/// let workbook = try AppraisalPipeline.render(report, format: .xlsx).bytes
/// let pdf = try AppraisalPipeline.render(report, format: .pdf, paper: .letter).bytes  // needs Chromium
/// ```
///
/// Failures are ``ReadFailure``: `cannotOpen` (the command's exit 66) or `invalid` with every located
/// problem (exit 65). Warnings do not fail: they are in ``RateReport/warnings`` and, with their places, in
/// ``AppraisalReader/Loaded/warnings``.
public enum AppraisalPipeline {
  /// How the bundled catalog is named in reports: by its repository path, so a report does not depend on
  /// where appraise is installed.
  public static let bundledCatalogName = "(bundled) practice-catalogs/\(BundledCatalog.defaultFile)"

  /// The catalog at `path`, or the bundled CMMI-SVC V1.3 when `path` is `nil`, with the digest of the bytes
  /// it was read from.
  public static func loadCatalog(path: String? = nil) throws(ReadFailure) -> (catalog: Catalog, digest: InputDigest) {
    // (`??` would rethrow untyped.)
    let file: String
    if let path { file = path } else { file = try BundledCatalog.locate() }
    let contents = try InputFile.read(file)
    let catalog = try CatalogReader.read(bytes: contents.bytes, file: file)
    return (catalog, InputDigest(role: "catalog", path: path ?? bundledCatalogName, sha256: contents.sha256))
  }

  /// Reads and validates the appraisal at `path` (XML, JSON or CSV by extension); XML streams.
  public static func read(path: String, catalog: Catalog) throws(ReadFailure) -> AppraisalReader.Loaded {
    try AppraisalReader.read(path: path, catalog: catalog, streaming: true)
  }

  /// Reads and validates the appraisal at `path` like ``read(path:catalog:)``, keeping every evidence item
  /// (an XML file's items are not streamed past): for writing the appraisal out again (``PIIDTemplate``).
  public static func readWhole(path: String, catalog: Catalog) throws(ReadFailure) -> AppraisalReader.Loaded {
    try AppraisalReader.read(path: path, catalog: catalog, streaming: false)
  }

  /// Reads and validates the appraisal at `path` for a rate report of `detail` (`nil`: auto). A report that
  /// lists every instantiation also lists the evidence behind each value (``EvidenceTrail``), so its items
  /// are kept; a summary only counts them, so a large XML file streams past in constant memory. With auto
  /// detail, an XML file streams unless it declares at most ``ReportDetail/automaticLimit`` instantiations
  /// before its evidence: then its items are kept, in the same single pass.
  public static func read(path: String, catalog: Catalog, detail: ReportDetail?) throws(ReadFailure)
    -> AppraisalReader.Loaded
  {
    switch detail {
    case .full: try readWhole(path: path, catalog: catalog)
    case .summary: try read(path: path, catalog: catalog)
    case nil:
      try AppraisalReader.read(
        path: path, catalog: catalog, streaming: true, keepingItemsUpTo: ReportDetail.automaticLimit)
    }
  }

  /// Reads and validates an appraisal held in memory; `file` names it in messages and in the report.
  public static func read(bytes: [UInt8], syntax: EvidenceSyntax, file: String, catalog: Catalog)
    throws(ReadFailure) -> AppraisalReader.Loaded
  {
    try AppraisalReader.read(bytes: bytes, syntax: syntax, file: file, catalog: catalog)
  }

  /// Rates a read appraisal into a report. `role` names the input in the report (`appraisal`, `before`,
  /// `after`); `detail` `nil` lists every instantiation up to ``ReportDetail/automaticLimit`` of them.
  public static func rate(
    _ loaded: AppraisalReader.Loaded, role: String = "appraisal", catalog: Catalog, catalogDigest: InputDigest,
    detail: ReportDetail? = nil
  ) -> RateReport {
    let result = AppraisalRater.rate(loaded.appraisal, catalog: catalog)
    return RateReport(
      result: result, catalog: catalog,
      inputs: [InputDigest(role: role, path: loaded.file, sha256: loaded.sha256), catalogDigest],
      warnings: loaded.warnings.map(\.description),
      detail: ReportDetail.resolve(detail, instantiations: loaded.appraisal.instantiations.count))
  }

  /// Reads, validates and rates the appraisal at `path`.
  public static func rate(
    path: String, role: String = "appraisal", catalog: Catalog, catalogDigest: InputDigest,
    detail: ReportDetail? = nil
  ) throws(ReadFailure) -> RateReport {
    rate(
      try read(path: path, catalog: catalog, detail: detail), role: role, catalog: catalog,
      catalogDigest: catalogDigest, detail: detail
    )
  }

  /// What moved between two rated appraisals of the same unit.
  public static func compare(before: RateReport, after: RateReport) -> CompareReport {
    CompareReport(
      comparison: AppraisalComparator.compare(before: before.result, after: after.result), before: before,
      after: after)
  }

  /// Adds to `report` the rating seen through `framework`'s processes (`ITIL 4`, `ITIL V3/2011`, `ITIL V2`),
  /// by the cross-model mapping at `mappingPath` or the bundled ITIL ↔ CMMI-SVC links. A mapping file the
  /// caller named is listed among the report's inputs.
  public static func addCrossModelView(
    to report: inout RateReport, framework: String, mappingPath: String? = nil
  ) throws(ReadFailure) {
    let path: String
    if let mappingPath {
      path = mappingPath
    } else {
      path = try BundledCatalog.locate("mappings/itil-cmmi-svc-1.3.json")
    }
    let contents = try InputFile.read(path)
    let mapping = try CrossModelMappingReader.read(bytes: contents.bytes, file: path, catalog: report.catalog)
    report.view = CrossModelView(result: report.result, mapping: mapping, framework: framework)
    if let mappingPath {
      report.inputs.append(InputDigest(role: "view mapping", path: mappingPath, sha256: contents.sha256))
    }
  }

  /// The files a report is made from, which its output must never replace: `files`, the catalog at
  /// `catalogPath`, `others` (a view mapping), and the bundled catalog when no catalog is named and it can be
  /// found.
  public static func inputFiles(_ files: [String], catalogPath: String?, others: [String?] = []) -> [String] {
    (files + [catalogPath] + others + [catalogPath == nil ? BundledCatalog.path() : nil]).compactMap { $0 }
  }

  /// The line `appraise validate` prints for a file that read as valid evidence:
  /// `FILE: valid — N instantiations, M evidence items, K observations` and the number of warnings, if any.
  public static func validSummary(_ loaded: AppraisalReader.Loaded) -> String {
    let appraisal = loaded.appraisal
    return "\(loaded.file): valid — \(appraisal.instantiations.count) instantiations, "
      + "\(appraisal.evidenceCount) evidence items, \(appraisal.observations.count) observations"
      + (loaded.warnings.isEmpty ? "" : ", \(loaded.warnings.count) warnings")
  }

  /// How ready a read appraisal is to be rated (``ReadinessCheck``): what `validate` summarises under its
  /// "valid" line and `validate --readiness` lists in full. With `listingCells` false the report holds the
  /// counts and goals only: enough for ``ReadinessReport/summary``, not for the to-do list.
  public static func readiness(_ loaded: AppraisalReader.Loaded, catalog: Catalog, listingCells: Bool = true)
    -> ReadinessReport
  {
    ReadinessReport(
      file: loaded.file, header: loaded.appraisal.header,
      readiness: ReadinessCheck.check(loaded.appraisal, catalog: catalog, listingCells: listingCells))
  }

  /// The renderer of a text format; `colour` applies to text only. `nil` for a binary format (xlsx, pdf),
  /// which ``render(_:format:colour:paper:printer:)`` writes.
  public static func renderer(for format: ReportFormat, colour: Bool = false) -> (any ReportRenderer)? {
    switch format {
    case .text: TextRenderer(colour: colour)
    case .markdown: MarkdownRenderer()
    case .json: JSONRenderer()
    case .csv: CSVRenderer()
    case .html: HTMLRenderer()
    case .xlsx, .pdf: nil
    }
  }

  /// The rate report in `format`: text, an `.xlsx` workbook's bytes, or a PDF's — the print layout of the
  /// HTML report on `paper`, printed by `printer` (by default the Chromium ``ChromiumPrinter/locate(environment:)``
  /// finds). Only the binary formats can fail.
  public static func render(
    _ report: RateReport, format: ReportFormat, colour: Bool = false, paper: PrintSettings.Paper = .a4,
    printer: ChromiumPrinter? = nil
  ) throws(RenderFailure) -> RenderedReport {
    switch format {
    case .xlsx:
      do { return .binary(try XLSXRenderer().workbook(report)) } catch { throw .workbook(error) }
    case .pdf:
      let html = HTMLRenderer(print: PrintSettings(paper: paper)).render(report)
      return .binary(try printPDF(html, date: report.appraisal.header.date, printer: printer))
    default:
      return .text(renderer(for: format, colour: colour)!.render(report))
    }
  }

  /// The compare report in `format` (``render(_:format:colour:paper:printer:)``); a PDF's dates are the
  /// after appraisal's.
  public static func render(
    _ report: CompareReport, format: ReportFormat, colour: Bool = false, paper: PrintSettings.Paper = .a4,
    printer: ChromiumPrinter? = nil
  ) throws(RenderFailure) -> RenderedReport {
    switch format {
    case .xlsx:
      do { return .binary(try XLSXRenderer().workbook(report)) } catch { throw .workbook(error) }
    case .pdf:
      let html = HTMLRenderer(print: PrintSettings(paper: paper)).render(report)
      return .binary(try printPDF(html, date: report.after.appraisal.header.date, printer: printer))
    default:
      return .text(renderer(for: format, colour: colour)!.render(report))
    }
  }

  /// `html` printed by `printer`, or by the Chromium found in the environment; the PDF dated `date`.
  static func printPDF(_ html: String, date: String, printer: ChromiumPrinter?) throws(RenderFailure)
    -> [UInt8]
  {
    do throws(ChromiumPrinter.Failure) {
      // (`??` would rethrow untyped.)
      let chromium: ChromiumPrinter
      if let printer { chromium = printer } else { chromium = try ChromiumPrinter.locate() }
      return try chromium.print(html: html, date: date)
    } catch {
      throw .print(error)
    }
  }
}
