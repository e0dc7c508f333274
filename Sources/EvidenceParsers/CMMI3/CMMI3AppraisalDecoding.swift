import AppraisalModel

/// What ``CMMI3AppraisalReader/decode(bytes:syntax:file:)`` produces before catalog validation: the
/// appraisal if the file's structure could be read, where each value came from, and every problem found so
/// far (syntax, types, missing or unknown fields), located.
public struct CMMI3AppraisalDecoding: Sendable {
  public var appraisal: CMMI3Appraisal?
  /// Where each value is, by its path in the file (see ``CMMI3AppraisalReader`` for model paths).
  public var sourceMap: SourceMap
  public var problems: [LocatedProblem]
  /// File paths of values that could not be decoded (a placeholder stands in the appraisal); validation
  /// problems at or under them are dropped as repeats.
  public var failedPaths: Set<ModelPath>

  public init(
    appraisal: CMMI3Appraisal?, sourceMap: SourceMap, problems: [LocatedProblem], failedPaths: Set<ModelPath> = []
  ) {
    self.appraisal = appraisal
    self.sourceMap = sourceMap
    self.problems = problems
    self.failedPaths = failedPaths
  }
}
