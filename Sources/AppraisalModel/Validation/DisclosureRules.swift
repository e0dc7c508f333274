/// Checks an appraisal's disclosure facts (``Disclosure``) against the rest of the appraisal and the catalog.
///
/// Errors: dates that are not calendar dates or an end before the start; empty names, locations, rationales
/// and findings; a subgroup declared twice; negative population counts; a team finding for an area not in
/// the catalog or not rated, or for a goal the area does not have. Warnings: when subgroups are declared,
/// an instantiation in an undeclared subgroup (or in none) and a declared subgroup no instantiation is in; a
/// team finding for a generic goal the target does not rate; fewer basic units in the population than are
/// sampled.
enum DisclosureRules {
  static func problems(in appraisal: Appraisal, catalog: Catalog) -> [ModelProblem] {
    var problems: [ModelProblem] = []
    let disclosure = appraisal.disclosure
    let path = ModelPath.root.appending("disclosure")
    func add(_ path: ModelPath, _ message: String, _ severity: ModelProblem.Severity = .error) {
      problems.append(ModelProblem(severity, at: path, message))
    }
    func nonEmpty(_ text: String, at path: ModelPath, _ what: String) {
      if text.isBlank { add(path, Message.empty(what)) }
    }

    // Dates.
    let start = disclosure.startDate.flatMap { AppraisalValidator.isCalendarDate($0) ? $0 : nil }
    for (key, date) in [("startDate", disclosure.startDate), ("endDate", disclosure.endDate)] {
      if let date, !AppraisalValidator.isCalendarDate(date) {
        add(path.appending(key), AppraisalValidator.Message.badDate(date))
      }
    }
    if let start, let end = disclosure.endDate, AppraisalValidator.isCalendarDate(end), end < start {
      add(path.appending("endDate"), Message.endBeforeStart(end, start))
    }

    // People, places, sampling.
    if let leader = disclosure.teamLeader {
      nonEmpty(leader.name, at: path.appending("teamLeader").appending("name"), "the team leader's name")
    }
    for (index, member) in disclosure.teamMembers.enumerated() {
      nonEmpty(
        member.name, at: path.appending("teamMembers").appending(index).appending("name"), "a team member's name")
    }
    if let sponsor = disclosure.sponsor {
      nonEmpty(sponsor.name, at: path.appending("sponsor").appending("name"), "the sponsor's name")
    }
    for (index, location) in disclosure.locations.enumerated() {
      nonEmpty(location, at: path.appending("locations").appending(index), "a location")
    }
    for (index, factor) in disclosure.samplingFactors.enumerated() {
      let factorPath = path.appending("samplingFactors").appending(index)
      nonEmpty(factor.name, at: factorPath.appending("name"), "a sampling factor's name")
      nonEmpty(factor.rationale, at: factorPath.appending("rationale"), "the rationale of a sampling factor")
    }
    var declared: [String: Int] = [:]
    for (index, subgroup) in disclosure.subgroups.enumerated() {
      let idPath = path.appending("subgroups").appending(index).appending("id")
      if subgroup.id.isBlank {
        add(idPath, Message.empty("a subgroup's id"))
      } else if let first = declared[subgroup.id] {
        add(idPath, Message.duplicateSubgroup(subgroup.id, first: first))
      } else {
        declared[subgroup.id] = index
      }
    }
    if !declared.isEmpty {
      let names = declared.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
      var used: Set<String> = []
      for (index, unit) in appraisal.instantiations.enumerated() {
        let unitPath = ModelPath.root.appending("instantiations").appending(index)
        if let subgroup = unit.subgroup {
          used.insert(subgroup)
          if declared[subgroup] == nil {
            add(unitPath.appending("subgroup"), Message.undeclaredSubgroup(unit.id, subgroup, names), .warning)
          }
        } else {
          add(unitPath, Message.noSubgroup(unit.id, names), .warning)
        }
      }
      for (index, subgroup) in disclosure.subgroups.enumerated()
      where declared[subgroup.id] == index && !used.contains(subgroup.id) {
        add(
          path.appending("subgroups").appending(index).appending("id"), Message.unusedSubgroup(subgroup.id), .warning)
      }
    }
    if let population = disclosure.population {
      let populationPath = path.appending("population")
      for (key, count) in [("people", population.people), ("basicUnits", population.basicUnits)] {
        if let count, count < 0 { add(populationPath.appending(key), Message.negative(key, count)) }
      }
      let sampled = appraisal.instantiations.filter { $0.kind != .supportFunction }.count
      if let units = population.basicUnits, units >= 0, units < sampled {
        add(populationPath.appending("basicUnits"), Message.fewerUnits(units, sampled), .warning)
      }
    }

    // The team's findings.
    let scope = Set(appraisal.scope.processAreas)
    let ratedGenericGoals = Set(
      AppraisalRater.ratedGenericLevels(of: appraisal, catalog: catalog).compactMap {
        catalog.genericGoal(forCapabilityLevel: $0)?.id
      })
    for (index, finding) in disclosure.findings.enumerated() {
      let findingPath = path.appending("findings").appending(index)
      nonEmpty(finding.text, at: findingPath.appending("text"), "a team finding")
      guard let area = catalog.processArea(finding.processArea) else {
        add(findingPath.appending("processArea"), AppraisalValidator.Message.unknownArea(finding.processArea, catalog))
        continue
      }
      guard scope.contains(area.id) else {
        add(findingPath.appending("processArea"), AppraisalValidator.Message.areaOutOfScope(area.id))
        continue
      }
      guard let goal = finding.goal else { continue }
      if area.goal(goal) != nil { continue }
      if catalog.genericGoal(goal) != nil {
        if !ratedGenericGoals.contains(goal) {
          add(findingPath.appending("goal"), Message.genericGoalNotRated(area.id, goal), .warning)
        }
      } else {
        add(findingPath.appending("goal"), AppraisalValidator.Message.unknownGoal(area.id, goal))
      }
    }
    for (index, finding) in disclosure.globalFindings.enumerated() {
      nonEmpty(finding, at: path.appending("globalFindings").appending(index), "a global finding")
    }
    return problems
  }

  enum Message {
    static func empty(_ what: String) -> String { "\(what) is empty" }
    static func endBeforeStart(_ end: String, _ start: String) -> String {
      "the appraisal ends (\(end)) before it starts (\(start))"
    }
    static func duplicateSubgroup(_ id: String, first: Int) -> String {
      "subgroup \"\(id)\" is declared twice; the first is disclosure.subgroups[\(first)]"
    }
    static func undeclaredSubgroup(_ unit: String, _ subgroup: String, _ declared: String) -> String {
      "instantiation \"\(unit)\" is in subgroup \"\(subgroup)\", which the disclosure does not declare (it declares "
        + "\(declared))"
    }
    static func noSubgroup(_ unit: String, _ declared: String) -> String {
      "instantiation \"\(unit)\" names no subgroup, but the disclosure declares subgroups (\(declared))"
    }
    static func unusedSubgroup(_ id: String) -> String {
      "no instantiation is in the declared subgroup \"\(id)\"; the sample leaves it out"
    }
    static func negative(_ key: String, _ count: Int) -> String { "\(key) is \(count); expected 0 or more" }
    static func fewerUnits(_ units: Int, _ sampled: Int) -> String {
      "the population has \(units) basic unit\(units == 1 ? "" : "s"), fewer than the \(sampled) sampled"
    }
    static func genericGoalNotRated(_ area: String, _ goal: String) -> String {
      "\(goal) is not rated for the target; the finding for \(area) \(goal) is about a goal the appraisal leaves out"
    }
  }
}
