/// How one organizational unit's ratings moved over a series of appraisals (at least two), in date order:
/// per process area and goal the rating at each point, the capability levels (and maturity level or
/// equivalent staging), per practice the OU characterization history, and the findings followed by
/// ``FindingIdentity`` from appraisal to appraisal. Built by ``AppraisalTrender``.
public struct AppraisalTrend: Hashable, Sendable {
  /// A difference between two neighbouring appraisals that makes the step less than like-for-like.
  public struct Warning: Hashable, Sendable {
    /// Index of the earlier point.
    public var from: Int
    /// Index of the later point (`from + 1`).
    public var to: Int
    public var text: String
  }

  public struct GoalSeries: Hashable, Sendable {
    public var processArea: String
    public var goal: String
    public var title: String
    /// The goal's cell at each point.
    public var ratings: [AppraisalComparison.Cell]
    /// Satisfied with weaknesses the team has not judged for significance yet, at each point.
    public var provisional: [Bool]

    /// The cell at point `index` as every report writes it (`Satisfied (provisional)` when it is).
    public func label(_ index: Int) -> String {
      AppraisalComparison.GoalRow.label(ratings[index], provisional: provisional[index])
    }

    /// Whether the cell ever changed (including between provisional and confirmed).
    public var changed: Bool { Set(ratings).count > 1 || Set(provisional).count > 1 }
  }

  public struct AreaSeries: Hashable, Sendable {
    public var processArea: String
    public var name: String
    public var ratings: [AppraisalComparison.Cell]
    /// The capability level at each point (`nil` where the area was not rated).
    public var capability: [CapabilityLevel?]
    public var goals: [GoalSeries]
  }

  /// A practice whose OU characterization changed at least once (`nil` = not characterized or not rated).
  public struct PracticeSeries: Hashable, Sendable {
    public var practice: PracticeReference
    public var values: [Characterization?]
  }

  /// One weakness followed through the series.
  public struct FindingSeries: Hashable, Sendable {
    /// What became of it over the series.
    public enum Status: String, Hashable, Sendable, CaseIterable {
      /// First recorded after the first appraisal and recorded in every one since, the latest included.
      case opened
      /// Recorded from the first appraisal on, in every one, the latest included.
      case recurring
      /// Recorded, then no longer, and not since (it was not recorded in the latest appraisal).
      case closed
      /// Recorded, then not, then recorded again: closed once and back.
      case regressed
    }

    public var practice: PracticeReference
    /// The finding at each point where it was recorded.
    public var occurrences: [Finding?]
    /// How each occurrence was matched to the one before it (`nil` for the first).
    public var matches: [FindingIdentity.Match?]
    public var status: Status

    /// The indices of the appraisals where it was recorded.
    public var appearances: [Int] { occurrences.indices.filter { occurrences[$0] != nil } }
    /// The latest wording.
    public var text: String { occurrences.last { $0 != nil }!!.text }
    /// Every wording, in order, each once.
    public var texts: [String] { occurrences.compactMap { $0?.text }.uniqued() }
    /// Whether its wording changed while its identity held.
    public var reworded: Bool { texts.count > 1 }
    /// Major when it was major in any appraisal.
    public var impact: Observation.Impact {
      occurrences.contains { $0?.impact == .major } ? .major : .minor
    }
    /// Every observation id it had.
    public var ids: [String] { occurrences.flatMap { $0?.ids ?? [] }.uniqued() }
  }

  /// The appraisals' results in date order.
  public var points: [AppraisalResult]
  /// For each point, its position among the appraisals as given (`[0, 1, 2]` when nothing was reordered).
  public var inputOrder: [Int]
  public var warnings: [Warning]
  /// Process areas rated at any point, in catalog order.
  public var areas: [AreaSeries]
  /// The practices whose characterization changed at least once, in catalog order.
  public var changedPractices: [PracticeSeries]
  /// How many practices rated at some point never changed.
  public var unchangedPractices: Int
  /// Weaknesses, in the order of their practice, then of first appearance.
  public var findings: [FindingSeries]

  /// Whether the appraisals were put in date order (they were not given in it).
  public var reordered: Bool { inputOrder != Array(inputOrder.indices) }
  /// Every goal row of every area.
  public var goals: [GoalSeries] { areas.flatMap(\.goals) }
  /// How many goals were Satisfied (provisional included) at each point.
  public var satisfiedGoals: [Int] {
    points.indices.map { index in goals.filter { $0.ratings[index] == .satisfied }.count }
  }
  /// The maturity level at each point, for staged appraisals (`nil` for continuous ones).
  public var maturityLevels: [Int?] { points.map { $0.maturityLevel?.level } }
  /// The equivalent staging at each point.
  public var equivalentStaging: [Int] { points.map(\.equivalentStaging.level) }
}

/// Builds an ``AppraisalTrend`` from rated appraisals of one unit.
public enum AppraisalTrender {
  /// The trend of `results` (command-line order): put in order of their header date (validated dates are
  /// `YYYY-MM-DD`, so text order is date order; equal dates keep the given order), with the comparator's
  /// warnings between neighbours.
  public static func trend(_ results: [AppraisalResult]) -> AppraisalTrend {
    let order = results.indices.sorted {
      let (lhs, rhs) = (results[$0].appraisal.header.date, results[$1].appraisal.header.date)
      return lhs != rhs ? lhs < rhs : $0 < $1
    }
    let points = order.map { results[$0] }
    var warnings: [AppraisalTrend.Warning] = []
    for index in points.indices.dropLast() {
      let (old, new) = (points[index], points[index + 1])
      warnings += AppraisalComparator.warnings(old.appraisal, new.appraisal, old.model, new.model).map {
        .init(from: index, to: index + 1, text: $0)
      }
    }
    let (changed, unchanged) = practices(points)
    return AppraisalTrend(
      points: points, inputOrder: order, warnings: warnings, areas: areas(points), changedPractices: changed,
      unchangedPractices: unchanged, findings: findings(points))
  }

  private static func areas(_ points: [AppraisalResult]) -> [AppraisalTrend.AreaSeries] {
    let order = points.flatMap { $0.processAreas.map(\.processArea) }.uniqued()
    var areas: [AppraisalTrend.AreaSeries] = []
    for id in order {
      let ratings = points.map { $0.processArea(id) }
      guard ratings.contains(where: { $0?.isRated == true }) else { continue }
      let goalIDs = ratings.flatMap { $0?.goals.map(\.goal) ?? [] }.uniqued().sorted {
        PracticeOrdering.precedes($0, $1)
      }
      let goals = goalIDs.map { goal in
        let cells = ratings.map { $0?.goal(goal) }
        return AppraisalTrend.GoalSeries(
          processArea: id, goal: goal, title: cells.lazy.compactMap { $0?.title }.first ?? "",
          ratings: zip(cells, ratings).map { goal, area in
            if let goal { return .init(goal.value) }
            return area?.value == .notApplicable ? .notApplicable : .outOfScope
          },
          provisional: cells.map { $0?.isProvisional ?? false })
      }
      areas.append(
        .init(
          processArea: id, name: ratings.lazy.compactMap { $0?.name }.first ?? id,
          ratings: ratings.map { $0.map { .init($0.value) } ?? .outOfScope },
          capability: ratings.map { $0?.capability },
          goals: goals))
    }
    return areas
  }

  private static func practices(_ points: [AppraisalResult]) -> ([AppraisalTrend.PracticeSeries], Int) {
    let maps = points.map {
      Dictionary($0.practiceCharacterizations.map { ($0.practice, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
    let all = Set(maps.flatMap(\.keys)).sorted()
    var changed: [AppraisalTrend.PracticeSeries] = []
    for practice in all {
      let values = maps.map { $0[practice] ?? nil }
      if Set(values.map { $0?.code ?? "" }).count > 1 { changed.append(.init(practice: practice, values: values)) }
    }
    return (changed, all.count - changed.count)
  }

  /// Follows every weakness from point to point: each point's findings are paired (``FindingIdentity``)
  /// with the findings seen so far — every id and wording each ever had — so a finding that comes back
  /// after a gap is the same finding, regressed.
  private static func findings(_ points: [AppraisalResult]) -> [AppraisalTrend.FindingSeries] {
    var occurrences: [[Finding?]] = []
    var matches: [[FindingIdentity.Match?]] = []
    var known: [Finding] = []
    for (index, point) in points.enumerated() {
      let found = FindingIdentity.findings(in: point)
      for pair in FindingIdentity.pair(known, found) {
        guard let new = pair.new else { continue }
        if let old = pair.old {
          occurrences[old][index] = found[new]
          matches[old][index] = pair.match
          known[old].merge(found[new])
        } else {
          var series = [Finding?](repeating: nil, count: points.count)
          series[index] = found[new]
          occurrences.append(series)
          matches.append([FindingIdentity.Match?](repeating: nil, count: points.count))
          known.append(found[new])
        }
      }
    }
    let last = points.count - 1
    let series = occurrences.indices.map { thread in
      let present = occurrences[thread].indices.filter { occurrences[thread][$0] != nil }
      let contiguous = present.last! - present.first! + 1 == present.count
      let status: AppraisalTrend.FindingSeries.Status =
        !contiguous ? .regressed : present.last! < last ? .closed : present.first! == 0 ? .recurring : .opened
      return AppraisalTrend.FindingSeries(
        practice: known[thread].practice, occurrences: occurrences[thread], matches: matches[thread], status: status)
    }
    // Stable: within a practice, the order findings first appeared in.
    return series.enumerated().sorted {
      $0.element.practice != $1.element.practice ? $0.element.practice < $1.element.practice : $0.offset < $1.offset
    }.map(\.element)
  }
}
