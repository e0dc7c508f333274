/// The output formats of `appraise validate --readiness`.
public enum ReadinessFormat: String, CaseIterable, Sendable {
  case text, csv, json

  /// The output extensions that imply a format, for messages.
  public static let extensions = ".txt (text), .csv, .json"

  /// The format implied by an output file's extension, if any.
  public init?(outputPath: String) {
    let lower = outputPath.lowercased()
    if lower.hasSuffix(".txt") {
      self = .text
    } else if lower.hasSuffix(".csv") {
      self = .csv
    } else if lower.hasSuffix(".json") {
      self = .json
    } else {
      return nil
    }
  }

  /// The extension of `outputPath`'s file name when it has one and no readiness format claims it (`.md`,
  /// `.html`): the list would be written under a misleading name unless `--format` names the format.
  public static func unclaimedExtension(outputPath: String) -> Substring? {
    ReadinessFormat(outputPath: outputPath) == nil ? OutputPath.fileExtension(outputPath) : nil
  }
}
