/// The output formats of `appraise plan`.
public enum PlanFormat: String, CaseIterable, Sendable {
  case text, markdown, csv, json, xlsx

  /// The output extensions that imply a format, for messages.
  public static let extensions = ".txt (text), .md (markdown), .csv, .json, .xlsx"

  /// The format implied by an output file's extension, if any.
  public init?(outputPath: String) {
    let lower = outputPath.lowercased()
    if lower.hasSuffix(".txt") {
      self = .text
    } else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
      self = .markdown
    } else if lower.hasSuffix(".csv") {
      self = .csv
    } else if lower.hasSuffix(".json") {
      self = .json
    } else if lower.hasSuffix(".xlsx") {
      self = .xlsx
    } else {
      return nil
    }
  }

  /// Whether the format is binary, unfit for a terminal.
  public var isBinary: Bool { self == .xlsx }

  /// The extension of `outputPath`'s file name when it has one and no plan format claims it (`.html`).
  public static func unclaimedExtension(outputPath: String) -> Substring? {
    PlanFormat(outputPath: outputPath) == nil ? OutputPath.fileExtension(outputPath) : nil
  }
}
