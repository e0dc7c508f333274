import AppraisalModel

/// Everything an `appraise trend` report shows: the trend of a series of appraisals of one unit (date order)
/// and the rate reports behind each point.
public struct TrendReport: Sendable {
  public var trend: AppraisalTrend
  /// The rate report of each point, in date order (the trend's order).
  public var points: [RateReport]

  public init(trend: AppraisalTrend, points: [RateReport]) {
    self.trend = trend
    self.points = points
  }

  /// The input files of every appraisal in the order given, then the catalog(s), each once.
  public var inputs: [InputDigest] {
    var seen: [InputDigest] = []
    let given = trend.inputOrder.indices.map { position in points[trend.inputOrder.firstIndex(of: position)!] }
    for digest in given.flatMap(\.inputs) where !seen.contains(digest) { seen.append(digest) }
    return seen.filter { $0.role != "catalog" } + seen.filter { $0.role == "catalog" }
  }

  /// How a point is named in column headers: its date, with the appraisal id when two share a date.
  public func label(_ index: Int) -> String {
    let header = points[index].appraisal.header
    let sameDate = points.indices.filter { points[$0].appraisal.header.date == header.date }.count > 1
    return sameDate ? "\(header.date) \(header.id)" : header.date
  }

  /// The appraisals a finding appears in, by date and id: `2011-09-30 (company-a-after)`.
  func appraisals(_ indices: [Int]) -> String {
    indices.map { "\(points[$0].appraisal.header.date) (\(points[$0].appraisal.header.id))" }.joined(separator: ", ")
  }

  /// The levels at every point: the maturity level when every appraisal is staged, how many areas reach
  /// a continuous target capability level, and the equivalent staging.
  var levelLines: [String] {
    var lines: [String] = []
    if trend.maturityLevels.allSatisfy({ $0 != nil }) {
      lines.append("Maturity level: " + trend.maturityLevels.map { "ML \($0!)" }.joined(separator: " → ") + ".")
    }
    let targets = points.map { report -> String? in
      guard case .capabilityLevel(let target) = report.appraisal.target else { return nil }
      return "\(report.capabilityTarget(target).reached) of \(report.ratedAreas.count) at CL \(target)"
    }
    if targets.allSatisfy({ $0 != nil }) {
      lines.append(
        "Process areas at the target capability level: " + targets.map { $0! }.joined(separator: " → ") + ".")
    }
    lines.append("Equivalent staging: " + trend.equivalentStaging.map { "ML \($0)" }.joined(separator: " → ") + ".")
    return lines
  }
}
