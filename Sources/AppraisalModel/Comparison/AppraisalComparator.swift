/// Compares two appraisal results of the same catalog (before and after a process change).
///
/// Rows: every process area rated in either appraisal, in catalog order, with each goal rated in either
/// (specific goals first, then generic). Practice transitions compare OU characterizations. Weaknesses keep
/// their identity by ``FindingIdentity`` (a shared id, else practice and normalized text): present only
/// before → closed; only after → new; on both sides with other wording → reworded. Warnings name the same
/// appraisal given twice (identical content), a different organizational unit, a *before* dated after
/// *after*, and every difference in catalog (model or version), target, scope (areas in scope, not
/// applicable, additions), sample (instantiations) and coverage policy, because a changed goal may then
/// reflect the appraisal's setup rather than the process.
public enum AppraisalComparator {
  public static func compare(before: AppraisalResult, after: AppraisalResult) -> AppraisalComparison {
    let order = (before.processAreas.map(\.processArea) + after.processAreas.map(\.processArea)).uniqued()
    var areas: [AppraisalComparison.AreaRow] = []
    for id in order {
      let old = before.processArea(id)
      let new = after.processArea(id)
      guard old?.isRated == true || new?.isRated == true else { continue }
      let goalIDs = ((old?.goals ?? []) + (new?.goals ?? [])).map(\.goal).uniqued()
        .sorted { PracticeOrdering.precedes($0, $1) }
      let goals = goalIDs.map { goal in
        let oldGoal = old?.goal(goal)
        let newGoal = new?.goal(goal)
        return AppraisalComparison.GoalRow(
          processArea: id, goal: goal, title: oldGoal?.title ?? newGoal?.title ?? "",
          before: cell(oldGoal, area: old), after: cell(newGoal, area: new), beforeRating: oldGoal, afterRating: newGoal
        )
      }
      areas.append(
        AppraisalComparison.AreaRow(
          processArea: id, name: old?.name ?? new?.name ?? id, before: old.map { .init($0.value) } ?? .outOfScope,
          after: new.map { .init($0.value) } ?? .outOfScope, beforeCapability: old?.capability,
          afterCapability: new?.capability, goals: goals))
    }

    var transitions: [AppraisalComparison.Transition] = []
    let oldPractices = Dictionary(
      before.practiceCharacterizations.map { ($0.practice, $0) }, uniquingKeysWith: { first, _ in first })
    let newPractices = Dictionary(
      after.practiceCharacterizations.map { ($0.practice, $0) }, uniquingKeysWith: { first, _ in first })
    for practice in Set(oldPractices.keys).union(newPractices.keys).sorted() {
      let old = oldPractices[practice]?.value
      let new = newPractices[practice]?.value
      if old != new { transitions.append(.init(practice: practice, before: old, after: new)) }
    }

    let changes = weaknessChanges(before, after)
    return AppraisalComparison(
      before: before, after: after, areas: areas, transitions: transitions, closedWeaknesses: changes.closed,
      newWeaknesses: changes.new, rewordedWeaknesses: changes.reworded,
      warnings: warnings(before.appraisal, after.appraisal, before.model, after.model))
  }

  private static func cell(_ goal: GoalRating?, area: ProcessAreaRating?) -> AppraisalComparison.Cell {
    if let goal { return .init(goal.value) }
    guard let area else { return .outOfScope }
    return area.value == .notApplicable ? .notApplicable : .outOfScope
  }

  /// Weaknesses paired by ``FindingIdentity``: only before → closed, only after → new, on both sides with
  /// another wording → reworded.
  private static func weaknessChanges(_ before: AppraisalResult, _ after: AppraisalResult) -> (
    closed: [AppraisalComparison.WeaknessChange], new: [AppraisalComparison.WeaknessChange],
    reworded: [AppraisalComparison.Rewording]
  ) {
    let old = FindingIdentity.findings(in: before)
    let new = FindingIdentity.findings(in: after)
    var closed: [AppraisalComparison.WeaknessChange] = []
    var opened: [AppraisalComparison.WeaknessChange] = []
    var reworded: [AppraisalComparison.Rewording] = []
    for pair in FindingIdentity.pair(old, new) {
      switch (pair.old, pair.new) {
      case (let o?, let n?):
        if old[o].text != new[n].text {
          reworded.append(.init(before: .init(old[o]), after: .init(new[n]), match: pair.match ?? .text))
        }
      case (let o?, nil): closed.append(.init(old[o]))
      case (nil, let n?): opened.append(.init(new[n]))
      case (nil, nil): break
      }
    }
    return (
      closed.sorted(by: weaknessOrder), opened.sorted(by: weaknessOrder),
      reworded.sorted { weaknessOrder($0.after, $1.after) }
    )
  }

  private static func weaknessOrder(
    _ lhs: AppraisalComparison.WeaknessChange, _ rhs: AppraisalComparison.WeaknessChange
  ) -> Bool {
    lhs.practice != rhs.practice ? lhs.practice < rhs.practice : lhs.text < rhs.text
  }

  static func warnings(_ before: Appraisal, _ after: Appraisal, _ oldModel: Catalog.Model, _ newModel: Catalog.Model)
    -> [String]
  {
    var warnings: [String] = []
    if before == after {
      warnings.append(Message.sameAppraisal(before.header.id))
    }
    let (oldUnit, newUnit) = (before.header.organizationalUnit, after.header.organizationalUnit)
    if oldUnit != newUnit {
      warnings.append(Message.organizationalUnit(oldUnit, newUnit))
    }
    // Validated dates are YYYY-MM-DD, so text order is date order.
    if before.header.date > after.header.date {
      warnings.append(Message.reversedDates(before.header.date, after.header.date))
    }
    if oldModel.id != newModel.id || oldModel.version != newModel.version {
      warnings.append(Message.catalog(oldModel, newModel))
    }
    if before.target != after.target {
      warnings.append(Message.target(describe(before.target), describe(after.target)))
    }
    let oldScope = Set(before.scope.processAreas)
    let newScope = Set(after.scope.processAreas)
    if oldScope != newScope {
      warnings.append(
        Message.difference(
          "scope", removed: oldScope.subtracting(newScope).sorted(), added: newScope.subtracting(oldScope).sorted()))
    }
    let oldNA = Set(before.scope.notApplicable.map(\.processArea))
    let newNA = Set(after.scope.notApplicable.map(\.processArea))
    if oldNA != newNA {
      warnings.append(
        Message.difference(
          "areas declared not applicable", removed: oldNA.subtracting(newNA).sorted(),
          added: newNA.subtracting(oldNA).sorted()))
    }
    if before.scope.includesAdditions != after.scope.includesAdditions {
      warnings.append(Message.additions(before.scope.includesAdditions, after.scope.includesAdditions))
    }
    let oldUnits = Set(before.instantiations.map(\.id))
    let newUnits = Set(after.instantiations.map(\.id))
    if oldUnits != newUnits {
      warnings.append(
        Message.difference(
          "sample (instantiations)", removed: oldUnits.subtracting(newUnits).sorted(),
          added: newUnits.subtracting(oldUnits).sorted()))
    }
    if before.coverage != after.coverage { warnings.append(Message.coverage) }
    return warnings
  }

  static func describe(_ target: RatingTarget) -> String {
    switch target {
    case .maturityLevel(let level): "staged, maturity level \(level)"
    case .capabilityLevel(let level): "continuous, capability level \(level)"
    }
  }

  enum Message {
    static func sameAppraisal(_ id: String) -> String {
      "before and after are the same appraisal (\"\(id)\", identical content); nothing can have moved — "
        + "name the appraisal before the change first and the one after it second"
    }
    static func organizationalUnit(_ old: String, _ new: String) -> String {
      "the organizational units differ: \"\(old)\" before, \"\(new)\" after; ratings apply only to the unit "
        + "that was sampled, so the comparison may not show a change of process"
    }
    static func reversedDates(_ old: String, _ new: String) -> String {
      "before is dated \(old), after the after appraisal (\(new)); are the two files swapped?"
    }
    static func catalog(_ old: Catalog.Model, _ new: Catalog.Model) -> String {
      "the appraisals use different catalogs: \(old.id) \(old.version) before, \(new.id) \(new.version) after"
    }
    static func target(_ old: String, _ new: String) -> String {
      "the rating targets differ: \(old) before, \(new) after"
    }
    static func difference(_ what: String, removed: [String], added: [String]) -> String {
      var parts: [String] = []
      if !removed.isEmpty { parts.append("only before: " + removed.joined(separator: ", ")) }
      if !added.isEmpty { parts.append("only after: " + added.joined(separator: ", ")) }
      // "the scope differs", "the areas … differ": singular only for the scope.
      return "the \(what) \(what == "scope" ? "differs" : "differ") — " + parts.joined(separator: "; ")
    }
    static func additions(_ old: Bool, _ new: Bool) -> String {
      "additions (SSD) were \(old ? "included" : "left out") before and \(new ? "included" : "left out") after"
    }
    static let coverage = "the data-coverage policies differ"
  }
}

extension Array where Element: Hashable {
  /// The elements in order, each once.
  public func uniqued() -> [Element] {
    var seen: Set<Element> = []
    return filter { seen.insert($0).inserted }
  }
}
