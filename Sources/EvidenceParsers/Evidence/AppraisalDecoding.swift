import AppraisalModel

/// What a syntax-specific reader (XML, JSON, CSV) produces before catalog validation: the appraisal if
/// its structure could be read, where each value came from, and every problem found so far.
public struct AppraisalDecoding: Sendable {
  public var appraisal: Appraisal?
  public var sourceMap: SourceMap
  /// Problems already located (syntax, types, missing or unknown fields).
  public var problems: [LocatedProblem]
  /// Values that could not be decoded (a placeholder stands in the appraisal so indices stay aligned);
  /// validation problems at or under these paths are dropped as repeats.
  public var failedPaths: Set<ModelPath>
  /// Set when a summarizing read gave up (see ``XMLAppraisalDecoder/decode(path:recordLocations:summarizingWith:)``):
  /// the appraisal must not be used; read the file again without summarizing.
  public var isIncomplete = false

  public init(appraisal: Appraisal?, sourceMap: SourceMap, problems: [LocatedProblem], failedPaths: Set<ModelPath> = [])
  {
    self.appraisal = appraisal
    self.sourceMap = sourceMap
    self.problems = problems
    self.failedPaths = failedPaths
  }
}

/// The evidence file syntaxes, chosen by file extension; `xlsx` is a workbook whose first sheet holds the
/// CSV syntax's rows (docs/xlsx.md).
public enum EvidenceSyntax: String, Sendable, CaseIterable {
  case xml, json, csv, xlsx

  /// The syntax for `path`'s extension, or `nil` for an unknown one.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }
}
