import AppraisalModel
import AppraiseKit
import EvidenceParsers

/// What the render harness runs on one fuzz input: evidence read and rated through ``AppraisalPipeline``
/// as in ``FuzzPipeline/evidence(_:syntax:)``, then the rate report and its comparison with the rated
/// sample rendered in every ``ReportFormat`` (and the text report once more in colour), each checked by
/// ``ReportChecks`` (the xlsx workbook: written, a ZIP container); a malformed report stops the run with `fatalError`.
///
/// The first byte selects the shape (the rest is the evidence file): its value modulo 3 the syntax
/// (XML, JSON, CSV), the next factor of 2 the detail (full, summary) and the next factor of 8 the
/// cross-model view — values 5, 6, 7 add the `ITIL 4`, `ITIL V3/2011`, `ITIL V2` view through the bundled
/// mapping, the others none (the mapping is read per execution, so most inputs go without).
public enum RenderPipeline {
  static let syntaxes: [EvidenceSyntax] = [.xml, .json, .csv]
  static let views: [String?] = [nil, nil, nil, nil, nil, "ITIL 4", "ITIL V3/2011", "ITIL V2"]

  /// The first byte of a seed of `syntax` rendered with `detail` and the view `view` (an entry of ``views``).
  public static func selector(syntax: EvidenceSyntax, detail: ReportDetail = .full, view: String? = nil) -> UInt8 {
    let syntaxIndex = syntaxes.firstIndex(of: syntax)!
    let viewIndex = views.lastIndex(of: view)!
    return UInt8(syntaxIndex + 3 * (detail == .summary ? 1 : 0) + 6 * viewIndex)
  }

  /// The checks' self-test, run once before the first input.
  static let checked: Void = ReportChecks.selfTest()

  public static func run(_ input: [UInt8]) {
    _ = checked
    guard let first = input.first else { return }
    let selector = Int(first)
    let syntax = syntaxes[selector % 3]
    let detail: ReportDetail = (selector / 3) % 2 == 1 ? .summary : .full
    let view = views[(selector / 6) % views.count]
    let (catalog, digest) = FuzzPipeline.bundled
    guard
      var report = FuzzPipeline.rate(
        Array(input.dropFirst()), syntax: syntax, catalog: catalog, catalogDigest: digest, label: "render",
        detail: detail)
    else { return }
    if let view {
      do {
        try AppraisalPipeline.addCrossModelView(to: &report, framework: view)
      } catch {
        fatalError("fuzz: cannot add the \(view) view: \(error.errorDescription ?? "\(error)")")
      }
    }
    let comparison = AppraisalPipeline.compare(before: FuzzPipeline.baseline, after: report)
    for format in ReportFormat.textFormats {
      let renderer = AppraisalPipeline.renderer(for: format)!
      check(renderer.render(report), format: format, kind: "rate", blocks: 2)
      check(renderer.render(comparison), format: format, kind: "compare", blocks: 4)
    }
    // The page a PDF is printed from (cover, paged-media CSS): well-formed HTML for any report text.
    let print = HTMLRenderer(print: PrintSettings(paper: .letter))
    for (kind, page) in [("rate", print.render(report)), ("compare", print.render(comparison))] {
      if let problem = ReportChecks.controls(page) ?? ReportChecks.html(page) {
        malformed("print html", kind, problem, page)
      }
    }
    // The workbook: libxlsxwriter must take any report text (it fails on none; a ZIP comes out).
    for (kind, workbook) in [
      ("rate", Result { try AppraisalPipeline.render(report, format: .xlsx) }),
      ("compare", Result { try AppraisalPipeline.render(comparison, format: .xlsx) }),
    ] {
      switch workbook {
      case .success(let bytes) where bytes.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]):
        FuzzPipeline.sink &+= bytes.bytes.count
      case .success: malformed("xlsx", kind, "not a ZIP container", "")
      case .failure(let error): malformed("xlsx", kind, "not written: \(error)", "")
      }
    }
    let colour = AppraisalPipeline.renderer(for: .text, colour: true)!
    for (kind, text) in [("rate", colour.render(report)), ("compare", colour.render(comparison))] {
      if let problem = ReportChecks.colouredControls(text) { malformed("coloured text", kind, problem, text) }
    }
    if FuzzPipeline.verbose {
      printError(
        "fuzz: render \(syntax.rawValue), \(detail.rawValue), view \(view ?? "none"): every format well-formed")
    }
  }

  /// Checks one rendered report; `blocks` is the number of CSV blocks of the report kind.
  static func check(_ text: String, format: ReportFormat, kind: String, blocks: Int) {
    FuzzPipeline.sink &+= text.utf8.count
    let problem: String?
    switch format {
    case .text: problem = ReportChecks.controls(text)
    case .markdown: problem = ReportChecks.controls(text) ?? ReportChecks.markdown(text)
    case .json: problem = ReportChecks.controls(text) ?? ReportChecks.json(text)
    case .csv: problem = ReportChecks.csv(text, blocks: blocks)
    case .html: problem = ReportChecks.controls(text) ?? ReportChecks.html(text)
    case .xlsx, .pdf: problem = nil  // binary: the workbook is checked in run(_:); the PDF's page is below
    }
    if let problem { malformed(format.rawValue, kind, problem, text) }
  }

  static func malformed(_ format: String, _ kind: String, _ problem: String, _ text: String) -> Never {
    fatalError("fuzz: malformed \(format) \(kind) report: \(problem)\n--- report:\n\(text.prefix(4000))")
  }
}
