extension CrossVersionComparison {
  /// Compares `v13` (a CMMI-SVC V1.3 result) with `v3` (the result of `v3Appraisal` against `catalog`)
  /// through `crosswalk`. Each side's level per V3.0 area is taken as documented in docs/cmmi-3.md,
  /// "Cross-version comparison":
  ///
  /// - V3.0 side: the area's capability level (capability appraisals), else the highest level whose group
  ///   and every lower group are Satisfied (a level without a group is not inferred); rated up to the area's
  ///   target, at most 3. Not rated for an area outside the appraisal or an Evaluation.
  /// - V1.3 side: the lowest over its counterparts. A process area linked as a whole counts with its
  ///   capability level, rated up to its target; one linked to a level ℓ only (`IWM` → `PLAN` level 3) caps the
  ///   side at ℓ − 1 unless its specific goals are satisfied (capability level ≥ 1). The linked generic goals
  ///   together count as the highest k such that every linked GG j ≤ k is Satisfied in every rated area that
  ///   rates it (0 if the lowest is not), rated up to the highest GG rated in some area.
  public init(
    v13: AppraisalResult, v3Appraisal: CMMI3Appraisal, v3: CMMI3Result, crosswalk: ModelCrosswalk,
    catalog: PracticeAreaCatalog
  ) {
    let label = crosswalk.isVerified ? Self.publishedLabel : Self.approximateLabel
    let ratedV13 = v13.ratedProcessAreas
    let ratedV3 = v3.producesRatings ? Set(v3.practiceAreas) : []
    let v3Levels = Dictionary(
      uniqueKeysWithValues: catalog.practiceAreas.map { area in
        (area.id, ratedV3.contains(area.id) ? Self.v3Level(area, in: v3) : nil)
      })
    func source(_ link: ModelCrosswalk.Link) -> Source {
      if link.isGenericGoal {
        let ratings = ratedV13.compactMap { $0.goal(link.from) }
        let satisfied = ratings.filter { $0.value == .satisfied }.count
        return Source(
          id: link.from, name: ratings.first?.title ?? "", linkLevel: link.level, basis: link.basis,
          rating: ratings.isEmpty
            ? "not rated" : "Satisfied in \(satisfied) of \(ratings.count) area\(ratings.count == 1 ? "" : "s")",
          capabilityLevel: nil, isRated: !ratings.isEmpty)
      }
      let rating = v13.processArea(link.from)
      return Source(
        id: link.from, name: rating?.name ?? "", linkLevel: link.level, basis: link.basis,
        rating: rating?.value.rawValue ?? "not in the result", capabilityLevel: rating?.capability?.level,
        isRated: rating?.isRated == true && rating?.capability != nil)
    }
    var v3Rows: [V3Row] = []
    let mappedFromRated = Set(
      crosswalk.links.filter { link in
        link.isGenericGoal
          ? ratedV13.contains { $0.goal(link.from) != nil } : v13.processArea(link.from)?.isRated == true
      }.map(\.to))
    for area in catalog.practiceAreas where ratedV3.contains(area.id) || mappedFromRated.contains(area.id) {
      let links = crosswalk.links(to: area.id)
      let v13Level = Self.v13Level(links, in: v13)
      let v3Level = v3Levels[area.id] ?? nil
      let missing =
        !v3.producesRatings && v3Level == nil
        ? "the V3 appraisal is an Evaluation (no ratings)"
        : links.isEmpty ? "no V1.3 area maps to it" : nil
      v3Rows.append(
        V3Row(
          practiceArea: area.id, isRated: ratedV3.contains(area.id), capabilityLevel: v3.capabilityLevel(area.id),
          practiceGroups: v3.practiceGroups.filter { $0.practiceArea == area.id }.sorted { $0.level < $1.level }.map {
            GroupCell(level: $0.level, value: $0.value)
          },
          sources: links.map(source), v13Level: v13Level, v3Level: v3Level,
          verdict: CrossVersionVerdict.judge(v13: v13Level, v3: v3Level, missing: missing), label: label))
    }
    func targets(_ id: String) -> [Target] {
      crosswalk.links(from: id).map { link in
        Target(
          practiceArea: link.to, linkLevel: link.level, isRated: ratedV3.contains(link.to),
          level: (v3Levels[link.to] ?? nil)?.level)
      }
    }
    var v13Rows = ratedV13.map { area in
      V13Row(
        id: area.processArea, name: area.name, rating: area.value.rawValue, capabilityLevel: area.capability?.level,
        targets: targets(area.processArea), label: label)
    }
    var genericGoals: [String] = []
    for link in crosswalk.links where link.isGenericGoal && !genericGoals.contains(link.from) {
      genericGoals.append(link.from)
    }
    for goal in genericGoals {
      let linked = source(ModelCrosswalk.Link(from: goal, to: "", basis: .derived))
      guard linked.isRated else { continue }
      v13Rows.append(
        V13Row(
          id: goal, name: linked.name, rating: linked.rating, capabilityLevel: nil, targets: targets(goal),
          label: label))
    }
    self.init(
      v13Appraisal: Identification(
        id: v13.appraisal.header.id, name: v13.appraisal.header.name,
        organizationalUnit: v13.appraisal.header.organizationalUnit, date: v13.appraisal.header.date,
        model: "\(v13.model.id) \(v13.model.version)", scope: Self.scope(v13.appraisal)),
      v3Appraisal: Identification(
        id: v3Appraisal.header.id, name: v3Appraisal.header.name,
        organizationalUnit: v3Appraisal.header.organizationalUnit, date: v3Appraisal.header.date,
        model: "\(v3Appraisal.header.model) \(v3Appraisal.header.modelVersion)", scope: Self.scope(v3Appraisal)),
      crosswalkTitle: crosswalk.title, crosswalkNote: crosswalk.note, isVerified: crosswalk.isVerified,
      v3Rows: v3Rows, v13Rows: v13Rows,
      unmappedV13: ratedV13.map(\.processArea).filter { crosswalk.links(from: $0).isEmpty },
      unmappedV3: catalog.practiceAreas.map(\.id).filter { ratedV3.contains($0) && crosswalk.links(to: $0).isEmpty })
  }

  /// The V3.0 side's level for `area`: see ``init(v13:v3Appraisal:v3:crosswalk:catalog:)``.
  static func v3Level(_ area: PracticeArea, in result: CMMI3Result) -> CrossVersionLevel? {
    if let capability = result.capabilityLevel(area.id) {
      return CrossVersionLevel(
        level: min(capability.level, 3), nextLevelNotRated: capability.nextLevelNotRated,
        ratedUpTo: max(1, min(capability.target, 3)))
    }
    let groups = result.practiceGroups.filter { $0.practiceArea == area.id }
    guard let top = groups.map(\.level).max() else { return nil }
    let upTo = min(top, 3)
    var level = 0
    var notRated = false
    for candidate in 1...upTo {
      guard let group = groups.first(where: { $0.level == candidate }) else { break }
      if group.value == .satisfied {
        level = candidate
      } else {
        notRated = group.value == .notRated
        break
      }
    }
    return CrossVersionLevel(level: level, nextLevelNotRated: notRated, ratedUpTo: upTo)
  }

  /// The V1.3 side's level for the V3.0 area the `links` lead to: see
  /// ``init(v13:v3Appraisal:v3:crosswalk:catalog:)``.
  static func v13Level(_ links: [ModelCrosswalk.Link], in result: AppraisalResult) -> CrossVersionLevel? {
    var parts: [CrossVersionLevel] = []
    var cap = 3
    var capNotRated = false
    for link in links where !link.isGenericGoal {
      guard let area = result.processArea(link.from), area.isRated, let capability = area.capability else { continue }
      if let level = link.level {
        if capability.level < 1 {
          cap = min(cap, level - 1)
          capNotRated = capNotRated || capability.nextLevelNotRated
        }
        continue
      }
      let target =
        area.targetCapabilityLevel ?? area.goals.filter(\.isGeneric).compactMap { goal in
          Int(goal.goal.dropFirst(3))
        }.max() ?? 1
      parts.append(
        CrossVersionLevel(
          level: min(capability.level, 3), nextLevelNotRated: capability.nextLevelNotRated,
          ratedUpTo: max(1, min(target, 3))))
    }
    var goalIDs: [(number: Int, id: String)] = []
    for link in links where link.isGenericGoal {
      if let number = Int(link.from.dropFirst(3)), !goalIDs.contains(where: { $0.number == number }) {
        goalIDs.append((number, link.from))
      }
    }
    let goalRatings = goalIDs.sorted { $0.number < $1.number }.map { goal in
      (goal.number, result.ratedProcessAreas.compactMap { $0.goal(goal.id) })
    }
    let goalRatedUpTo = goalRatings.filter { !$0.1.isEmpty }.map(\.0).max() ?? 0
    var goalLevel = 0
    var goalNotRated = false
    for (number, ratings) in goalRatings {
      if !ratings.isEmpty && ratings.allSatisfy({ $0.value == .satisfied }) {
        goalLevel = number
        continue
      }
      goalNotRated = ratings.isEmpty || !ratings.contains { $0.value == .unsatisfied }
      break
    }
    if goalRatedUpTo > 0 {
      parts.append(
        CrossVersionLevel(
          level: min(goalLevel, 3), nextLevelNotRated: goalNotRated, ratedUpTo: max(1, min(goalRatedUpTo, 3))))
    }
    guard let lowest = parts.map(\.level).min() else { return nil }
    var level = lowest
    var notRated = parts.contains { $0.level == lowest && $0.nextLevelNotRated }
    if cap < level {
      level = max(cap, 0)
      notRated = capNotRated
    }
    return CrossVersionLevel(level: level, nextLevelNotRated: notRated, ratedUpTo: parts.map(\.ratedUpTo).min()!)
  }

  private static func scope(_ appraisal: Appraisal) -> String {
    switch appraisal.target {
    case .maturityLevel(let level): "staged, ML \(level)"
    case .capabilityLevel(let level): "continuous, CL \(level)"
    }
  }

  private static func scope(_ appraisal: CMMI3Appraisal) -> String {
    "\(appraisal.type.title), \(appraisal.representation.rawValue), \(appraisal.view) view, level "
      + "\(appraisal.target.level)"
  }
}
