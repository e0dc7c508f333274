import AppraisalModel

extension AppraisalPipeline {
  /// The CMMI V3.0 report in `format`, as for the rate report: text, Markdown, HTML, JSON
  /// (docs/schemas/cmmi3-report.schema.json) and CSV as text; an `.xlsx` workbook's bytes; or a PDF's — the
  /// print layout of the HTML report on `paper`, printed by `printer` (by default the Chromium
  /// ``ChromiumPrinter/locate(environment:)`` finds). Only the binary formats can fail.
  ///
  /// ```swift
  /// let report = CMMI3Report(rating: appraisal, catalog: catalog, inputs: digests)
  /// let markdown = try AppraisalPipeline.render(report, format: .markdown)
  /// ```
  public static func render(
    _ report: CMMI3Report, format: ReportFormat, colour: Bool = false, paper: PrintSettings.Paper = .a4,
    printer: ChromiumPrinter? = nil
  ) throws(RenderFailure) -> RenderedReport {
    switch format {
    case .text: return .text(TextRenderer(colour: colour).render(report))
    case .markdown: return .text(MarkdownRenderer().render(report))
    case .json: return .text(JSONRenderer().render(report))
    case .csv: return .text(CSVRenderer().render(report))
    case .html: return .text(HTMLRenderer().render(report))
    case .xlsx:
      do { return .binary(try XLSXRenderer().workbook(report)) } catch { throw .workbook(error) }
    case .pdf:
      let html = HTMLRenderer(print: PrintSettings(paper: paper)).render(report)
      return .binary(try printPDF(html, date: report.appraisal.header.date, printer: printer))
    }
  }
}

extension TextRenderer {
  /// The CMMI V3.0 report as plain text.
  public func render(_ report: CMMI3Report) -> String { render(report.document()) }
}

extension MarkdownRenderer {
  /// The CMMI V3.0 report as Markdown.
  public func render(_ report: CMMI3Report) -> String { render(report.document()) }
}

extension HTMLRenderer {
  /// The CMMI V3.0 report as one HTML page; with ``print`` laid out for paper behind a cover page.
  public func render(_ report: CMMI3Report) -> String {
    render(report.document(), page: print.map { PrintPage(report, settings: $0) })
  }
}

extension HTMLRenderer.PrintPage {
  /// The cover of a CMMI V3.0 report: the appraisal's facts, the type's validity statement, the method
  /// statement and the signature lines.
  init(_ report: CMMI3Report, settings: PrintSettings) {
    let header = report.appraisal.header
    let facts: [(String, String)] = [
      ("Appraisal", "\(header.name) (\(header.id))"),
      ("Organizational unit", header.organizationalUnit),
      ("Date", header.date),
      ("Model", "\(report.catalog.model.id) \(report.catalog.model.version)"),
      ("Appraisal type", report.result.type.summary),
      ("Representation", report.appraisal.representation.rawValue),
      ("View", report.viewDescription),
      ("Selected areas", report.selectionDescription),
      ("Target", report.result.producesRatings ? report.targetDescription : "none (an Evaluation rates nothing)"),
      ("Projects", report.appraisal.projects.map { "\($0.id) \($0.name)" }.joined(separator: "\n")),
    ]
    var cover = "<section class=\"cover\">\n"
    cover += "<p class=\"cover-kind\">CMMI V3.0 appraisal report</p>\n"
    cover += "<h1>\(HTMLRenderer.escape(header.name.reportLine))</h1>\n"
    cover += Self.keyValues(facts)
    cover += "<p class=\"banner\" role=\"note\">\(HTMLRenderer.escape(CMMI3Report.methodStatement))</p>\n"
    cover += "<div class=\"signatures\">\n"
    cover += Self.signature(role: "Appraisal team leader", person: nil)
    cover += Self.signature(role: "Sponsor", person: nil)
    cover += "</div>\n</section>\n"
    self.settings = settings
    self.cover = cover
    appraisalID = header.id
    status = "\(report.result.type.title) appraisal"
  }
}
