import AppraisalModel

/// The output formats of `rate` and `compare`.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, markdown, json, csv, html, xlsx, pdf

  /// The output extensions that imply a format, for messages.
  public static let extensions =
    ".txt (text), .md or .markdown (markdown), .json, .csv, .html or .htm (html), .xlsx, .pdf"

  /// The formats whose reports are text (every one but xlsx and pdf).
  public static let textFormats = allCases.filter { !$0.isBinary }

  /// Whether the format writes bytes that are not text (an `.xlsx` workbook, a PDF): not for a terminal.
  public var isBinary: Bool { self == .xlsx || self == .pdf }

  /// The format implied by an output file's extension, if any.
  public init?(outputPath: String) {
    let lower = outputPath.lowercased()
    if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
      self = .markdown
    } else if lower.hasSuffix(".json") {
      self = .json
    } else if lower.hasSuffix(".csv") {
      self = .csv
    } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
      self = .html
    } else if lower.hasSuffix(".txt") {
      self = .text
    } else if lower.hasSuffix(".xlsx") {
      self = .xlsx
    } else if lower.hasSuffix(".pdf") {
      self = .pdf
    } else {
      return nil
    }
  }

  /// The extension of `outputPath`'s file name (`.xlsx`) when it has one and no format claims it; `nil` when
  /// a format claims it or the name has no extension (`report`, `.report`). A report written there would be
  /// text under a misleading name unless a format is named.
  public static func unclaimedExtension(outputPath: String) -> Substring? {
    ReportFormat(outputPath: outputPath) == nil ? OutputPath.fileExtension(outputPath) : nil
  }
}

/// Renders the two report kinds in one text format (xlsx, a binary format, is ``XLSXRenderer``; a PDF is
/// the print variant of ``HTMLRenderer`` printed by ``ChromiumPrinter``; all are reached through
/// ``AppraisalPipeline/render(_:format:colour:paper:printer:)``). Renderers are pure: same report in, same bytes out (no
/// clock, no locale, no environment), so reports are deterministic.
public protocol ReportRenderer {
  /// The rate report in this format.
  func render(_ report: RateReport) -> String
  /// The compare report in this format.
  func render(_ report: CompareReport) -> String
}

/// Symbols used for ratings in text-like formats; every format uses the same words beside them.
enum RatingSymbol {
  static func goal(_ cell: AppraisalComparison.Cell) -> String {
    switch cell {
    case .satisfied: "✔ Satisfied"
    case .unsatisfied: "✘ Unsatisfied"
    case .notRated: "? Not Rated"
    case .notApplicable: "– N/A"
    case .outOfScope: "· Out of Scope"
    }
  }
}
