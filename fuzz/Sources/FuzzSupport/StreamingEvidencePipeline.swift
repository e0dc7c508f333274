import AppraisalModel
import AppraiseKit
import EvidenceParsers

extension FuzzPipeline {
  /// The JSON or CSV file read from a path as `appraise rate FILE` reads it (its evidence items counted on
  /// bytes, ``AppraisalPipeline/read(path:catalog:)``), checked against the in-memory read of the same
  /// bytes (items kept), then rated and compared as ``evidence(_:syntax:)`` does.
  ///
  /// Differential check, as for streaming XML: the same problems, or the same digest, warnings, item
  /// count, appraisal apart from its items and rating; any difference stops the run as a crash.
  public static func streamingEvidence(_ bytes: [UInt8], syntax: EvidenceSyntax) {
    streamingAgainstInMemory(bytes, syntax: syntax, through: streamedFiles[syntax]!, named: syntax.rawValue)
  }

  /// The memfds behind the path-only streaming reads of JSON and CSV.
  static let streamedFiles: [EvidenceSyntax: MemoryFile] = withoutLeakChecking {
    [.json: MemoryFile(fileExtension: "json"), .csv: MemoryFile(fileExtension: "csv")]
  }
}
