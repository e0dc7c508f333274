/// Checks an appraisal against its catalog, collecting every problem before anything is rated.
///
/// Paths follow the evidence format (`evidence[3].practice`, `scope.processAreas[1]`, …) so each reader can
/// locate a problem in its own syntax. Rules: the header names the catalog's model and version and has a
/// real calendar date; scope areas exist, appear once and are not also declared not applicable; the
/// target level fits the representation and the catalog; instantiation and evidence ids are unique;
/// every practice reference names a catalog practice of an area in scope, in a declared instantiation
/// that examines the area; one team characterization per practice and instantiation, one aggregation
/// decision per practice, one significance decision per goal; justifications are not empty; once all that
/// holds, each team judgment can apply (``JudgmentApplicability``). Warnings:
/// LI/PI/NI team values without a weakness, records for generic goals the target does not rate. The disclosure
/// facts are checked by ``DisclosureRules``.
public enum AppraisalValidator {
  /// Every problem of `appraisal`. `judgingApplicability: false` leaves out whether team judgments apply:
  /// a caller whose decoding already failed somewhere (a value dropped) would otherwise judge evidence
  /// that is not all there.
  public static func problems(in appraisal: Appraisal, catalog: Catalog, judgingApplicability: Bool = true)
    -> [ModelProblem]
  {
    var check = Check(appraisal: appraisal, catalog: catalog)
    check.header()
    check.scopeRules()
    check.instantiations()
    check.records()
    check.judgments()
    // Whether a judgment applies depends on the values it judges, which are only meaningful once every
    // reference resolves.
    if judgingApplicability && !check.problems.contains(where: { $0.severity == .error }) {
      check.problems += JudgmentApplicability.problems(in: appraisal, catalog: catalog)
    }
    // The disclosure facts rate nothing, so their problems never hold back the judgment checks.
    return check.problems + DisclosureRules.problems(in: appraisal, catalog: catalog)
  }

  /// Whether `text` is a real calendar date in the form `YYYY-MM-DD` (checked on bytes: called per item).
  /// The process areas a SCAMPI v1.3 appraisal normally declares not applicable: SAM, when the unit has no
  /// supplier agreements. Declaring any other area not applicable gets a warning.
  public static let normallyNotApplicable: Set<String> = ["SAM"]

  public static func isCalendarDate(_ text: String) -> Bool { isCalendarDate(utf8: text.utf8) }

  /// Whether the UTF-8 bytes `utf8` spell a real calendar date in the form `YYYY-MM-DD`.
  @inlinable
  public static func isCalendarDate(utf8: some Collection<UInt8>) -> Bool {
    guard utf8.count == 10 else { return false }
    var number = 0
    var fields: (year: Int, month: Int) = (0, 0)
    var index = 0
    for byte in utf8 {
      defer { index += 1 }
      if index == 4 || index == 7 {
        guard byte == UInt8(ascii: "-") else { return false }
        if index == 4 { fields.year = number } else { fields.month = number }
        number = 0
      } else {
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return false }
        number = number * 10 + Int(byte - UInt8(ascii: "0"))
      }
    }
    let (year, month, day) = (fields.year, fields.month, number)
    guard (1...12).contains(month), day >= 1 else { return false }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let days = month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
    return day <= days
  }

  private struct Check {
    let appraisal: Appraisal
    let catalog: Catalog
    var problems: [ModelProblem] = []
    let scope: Set<String>
    let units: [String: Instantiation]
    let ratedGenericPractices: Set<String>

    init(appraisal: Appraisal, catalog: Catalog) {
      self.appraisal = appraisal
      self.catalog = catalog
      scope = Set(appraisal.scope.processAreas)
      units = Dictionary(appraisal.instantiations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      ratedGenericPractices = Set(
        appraisal.ratedGenericLevelsOfAnyArea.flatMap { catalog.genericGoal(forCapabilityLevel: $0)?.practices ?? [] }
          .map(\.id))
    }

    mutating func add(_ path: ModelPath, _ message: String, _ severity: ModelProblem.Severity = .error) {
      problems.append(ModelProblem(severity, at: path, message))
    }

    mutating func header() {
      let header = appraisal.header
      let path = ModelPath.root.appending("header")
      if header.model != catalog.model.id || header.modelVersion != catalog.model.version {
        add(
          path.appending(header.model != catalog.model.id ? "model" : "modelVersion"),
          Message.catalogMismatch(header.model, header.modelVersion, catalog.model))
      }
      if !isCalendarDate(header.date) { add(path.appending("date"), Message.badDate(header.date)) }
    }

    mutating func scopeRules() {
      let path = ModelPath.root.appending("scope")
      var seen: Set<String> = []
      let notApplicable = Set(appraisal.scope.notApplicable.map(\.processArea))
      for (index, id) in appraisal.scope.processAreas.enumerated() {
        let itemPath = path.appending("processAreas").appending(index)
        if catalog.processArea(id) == nil {
          add(itemPath, Message.unknownArea(id, catalog))
        } else if !seen.insert(id).inserted {
          add(itemPath, Message.duplicateArea(id))
        } else if notApplicable.contains(id) {
          add(itemPath, Message.inScopeAndNotApplicable(id))
        } else if catalog.processArea(id)!.isAddition && !appraisal.scope.includesAdditions {
          add(itemPath, Message.additionExcluded(id))
        }
      }
      for (index, exclusion) in appraisal.scope.notApplicable.enumerated() {
        let itemPath = path.appending("notApplicable").appending(index)
        if catalog.processArea(exclusion.processArea) == nil {
          add(itemPath.appending("processArea"), Message.unknownArea(exclusion.processArea, catalog))
        } else if !AppraisalValidator.normallyNotApplicable.contains(exclusion.processArea) {
          // SCAMPI v1.3 expects only SAM to be not applicable (no supplier agreements); any other area
          // excluded this way is legal but deserves a second look, and the report says so.
          add(itemPath.appending("processArea"), Message.unusualNotApplicable(exclusion.processArea), .warning)
        }
        if exclusion.reason.isBlank { add(itemPath.appending("reason"), Message.emptyReason(exclusion.processArea)) }
      }
      switch appraisal.target {
      case .maturityLevel(let level) where !(2...5).contains(level):
        add(path.appending("targetLevel"), Message.targetLevel(level, "2 to 5 for the staged representation"))
      case .capabilityLevel(let level) where !(1...max(1, catalog.highestCapabilityLevel)).contains(level):
        add(
          path.appending("targetLevel"),
          Message.targetLevel(level, "1 to \(catalog.highestCapabilityLevel) for the continuous representation"))
      default: break
      }
      targetProfileRules(path)
      outOfScopeRules(path)
      if appraisal.scope.specificGoalsOnly, case .capabilityLevel = appraisal.target {
        add(path.appending("specificGoalsOnly"), Message.specificGoalsOnlyContinuous)
      }
      let share = appraisal.coverage.minimumShare
      if !share.isAllowed {
        add(path.appending("coverage").appending("minimumShare"), Message.badShare(share))
      }
    }

    /// Per-area targets: continuous only, areas in scope, each once, levels the catalog has.
    mutating func targetProfileRules(_ path: ModelPath) {
      var seen: Set<String> = []
      for (index, target) in appraisal.scope.areaTargets.enumerated() {
        let itemPath = path.appending("areaTargets").appending(index)
        guard case .capabilityLevel = appraisal.target else {
          add(itemPath, Message.areaTargetStaged(target.processArea))
          continue
        }
        if !scope.contains(target.processArea) {
          add(
            itemPath.appending("processArea"),
            catalog.processArea(target.processArea) == nil
              ? Message.unknownArea(target.processArea, catalog) : Message.areaOutOfScope(target.processArea))
        } else if !seen.insert(target.processArea).inserted {
          add(itemPath.appending("processArea"), Message.duplicateAreaTarget(target.processArea))
        }
        if !(1...max(1, catalog.highestCapabilityLevel)).contains(target.level) {
          add(
            itemPath.appending("level"),
            Message.targetLevel(target.level, "1 to \(catalog.highestCapabilityLevel) for a process area's target"))
        }
      }
    }

    /// Out-of-scope reasons: catalog areas not in scope and not declared not applicable, each once.
    mutating func outOfScopeRules(_ path: ModelPath) {
      var seen: Set<String> = []
      let notApplicable = Set(appraisal.scope.notApplicable.map(\.processArea))
      for (index, exclusion) in appraisal.scope.outOfScope.enumerated() {
        let itemPath = path.appending("outOfScope").appending(index)
        let area = exclusion.processArea
        if catalog.processArea(area) == nil {
          add(itemPath.appending("processArea"), Message.unknownArea(area, catalog))
        } else if scope.contains(area) {
          add(itemPath.appending("processArea"), Message.outOfScopeButInScope(area))
        } else if notApplicable.contains(area) {
          add(itemPath.appending("processArea"), Message.outOfScopeAndNotApplicable(area))
        } else if !seen.insert(area).inserted {
          add(itemPath.appending("processArea"), Message.duplicateOutOfScope(area))
        }
        if exclusion.reason.isBlank { add(itemPath.appending("reason"), Message.emptyOutOfScopeReason(area)) }
      }
    }

    mutating func instantiations() {
      var seen: Set<String> = []
      for (index, unit) in appraisal.instantiations.enumerated() {
        let path = ModelPath.root.appending("instantiations").appending(index)
        if !seen.insert(unit.id).inserted { add(path.appending("id"), Message.duplicateID("instantiation", unit.id)) }
        for (areaIndex, area) in (unit.processAreas ?? []).enumerated() where !scope.contains(area) {
          add(
            path.appending("processAreas").appending(areaIndex),
            catalog.processArea(area) == nil ? Message.unknownArea(area, catalog) : Message.areaOutOfScope(area))
        }
      }
      if appraisal.instantiations.isEmpty {
        add(ModelPath.root.appending("instantiations"), Message.noInstantiations)
      }
    }

    /// Checks one practice × instantiation reference; returns whether it is usable.
    /// Paths are built only when there is a problem to report (this runs once per record).
    @discardableResult
    mutating func reference(
      _ practice: PracticeReference, _ instantiation: String, at path: @autoclosure () -> ModelPath
    ) -> Bool {
      var usable = practiceReference(practice, at: path().appending("practice"))
      if let unit = units[instantiation] {
        if usable && !unit.examines(practice.processArea) {
          add(path().appending("instantiation"), Message.notExamined(instantiation, practice.processArea))
          usable = false
        }
      } else {
        add(path().appending("instantiation"), Message.undeclaredInstantiation(instantiation))
        usable = false
      }
      return usable
    }

    mutating func practiceReference(_ practice: PracticeReference, at path: @autoclosure () -> ModelPath) -> Bool {
      guard let area = catalog.processArea(practice.processArea) else {
        add(path(), Message.unknownPractice(practice, "no process area \(practice.processArea) in \(catalog.model.id)"))
        return false
      }
      guard catalog.contains(practice) else {
        add(path(), Message.unknownPractice(practice, "\(area.id) has no practice \(practice.practice)"))
        return false
      }
      guard scope.contains(practice.processArea) else {
        add(path(), Message.practiceOutOfScope(practice))
        return false
      }
      if practice.isGeneric && !ratedGenericPractices.contains(practice.practice) {
        add(path(), Message.genericNotRated(practice), .warning)
      }
      return true
    }

    mutating func records() {
      var evidenceIDs: Set<String> = []
      for (index, item) in appraisal.evidence.enumerated() {
        let path = ModelPath.root.appending("evidence").appending(index)
        if !evidenceIDs.insert(item.id).inserted {
          add(path.appending("id"), Message.duplicateID("evidence item", item.id))
        }
        reference(item.practice, item.instantiation, at: path)
        if let date = item.locator.date, !isCalendarDate(date) {
          add(path.appending("locator").appending("date"), Message.badDate(date))
        }
      }
      var weaknesses: Set<PracticeCharacterizationRule.Key> = []
      for (index, observation) in appraisal.observations.enumerated() {
        reference(
          observation.practice, observation.instantiation, at: ModelPath.root.appending("observations").appending(index)
        )
        if observation.kind == .weakness { weaknesses.insert(.init(observation.practice, observation.instantiation)) }
      }
      var characterized: [PracticeCharacterizationRule.Key: Int] = [:]
      for (index, value) in appraisal.characterizations.enumerated() {
        let path = ModelPath.root.appending("characterizations").appending(index)
        let key = PracticeCharacterizationRule.Key(value.practice, value.instantiation)
        guard reference(value.practice, value.instantiation, at: path) else { continue }
        if let first = characterized[key] {
          add(path, Message.duplicateCharacterization(key, first: first))
        } else {
          characterized[key] = index
        }
        if [.largelyImplemented, .partiallyImplemented, .notImplemented].contains(value.value)
          && !weaknesses.contains(key)
        {
          add(path.appending("value"), Message.noWeakness(key, value.value), .warning)
        }
      }
    }

    mutating func judgments() {
      var decided: Set<PracticeReference> = []
      for (index, decision) in appraisal.aggregationDecisions.enumerated() {
        let path = ModelPath.root.appending("aggregationDecisions").appending(index)
        if practiceReference(decision.practice, at: path.appending("practice")),
          !decided.insert(decision.practice).inserted
        {
          add(path, Message.duplicateDecision("\(decision.practice)"))
        }
        if decision.justification.isBlank { add(path.appending("justification"), Message.noJustification) }
      }
      var goals: Set<String> = []
      for (index, decision) in appraisal.significanceDecisions.enumerated() {
        let path = ModelPath.root.appending("significanceDecisions").appending(index)
        if let area = catalog.processArea(decision.processArea) {
          if !scope.contains(area.id) {
            add(path.appending("processArea"), Message.areaOutOfScope(area.id))
          } else if area.goal(decision.goal) == nil && catalog.genericGoal(decision.goal) == nil {
            add(path.appending("goal"), Message.unknownGoal(area.id, decision.goal))
          } else if !goals.insert("\(area.id) \(decision.goal)").inserted {
            add(path, Message.duplicateDecision("\(area.id) \(decision.goal)"))
          }
        } else {
          add(path.appending("processArea"), Message.unknownArea(decision.processArea, catalog))
        }
        if decision.justification.isBlank { add(path.appending("justification"), Message.noJustification) }
      }
    }
  }

  enum Message {
    static func catalogMismatch(_ model: String, _ version: String, _ catalog: Catalog.Model) -> String {
      "the appraisal is for \(model) \(version), but the catalog is \(catalog.id) \(catalog.version); "
        + "use --catalog to load the matching catalog"
    }
    static func badDate(_ text: String) -> String { "\"\(text)\" is not a calendar date; expected YYYY-MM-DD" }
    static func unknownArea(_ id: String, _ catalog: Catalog) -> String {
      "unknown process area \"\(id)\"; \(catalog.model.id) \(catalog.model.version) has "
        + catalog.processAreas.map(\.id).joined(separator: ", ")
    }
    static func duplicateArea(_ id: String) -> String { "process area \(id) is listed twice in the scope" }
    static func inScopeAndNotApplicable(_ id: String) -> String {
      "process area \(id) is both in scope and declared not applicable"
    }
    static func additionExcluded(_ id: String) -> String {
      "process area \(id) is an addition, but includeAdditions is false; remove it or include additions"
    }
    static func emptyReason(_ id: String) -> String { "not-applicable declaration for \(id) has no reason" }
    static func unusualNotApplicable(_ id: String) -> String {
      "process area \(id) is declared not applicable; the method expects only SAM to be (no supplier "
        + "agreements): check that the reason holds, or rate \(id)"
    }
    static func targetLevel(_ level: Int, _ expected: String) -> String {
      "target level \(level); expected \(expected)"
    }
    static func areaTargetStaged(_ id: String) -> String {
      "a target level for \(id) needs the continuous representation; a staged scope has one maturity level"
    }
    static func duplicateAreaTarget(_ id: String) -> String { "process area \(id) has a second target level" }
    static func outOfScopeButInScope(_ id: String) -> String {
      "process area \(id) is given a reason for being out of scope but is listed in the scope's process areas"
    }
    static func outOfScopeAndNotApplicable(_ id: String) -> String {
      "process area \(id) is given a reason for being out of scope but is declared not applicable"
    }
    static func duplicateOutOfScope(_ id: String) -> String {
      "process area \(id) is given a second out-of-scope reason"
    }
    static func emptyOutOfScopeReason(_ id: String) -> String { "the out-of-scope reason for \(id) is empty" }
    static let specificGoalsOnlyContinuous =
      "specific goals only applies to the staged representation; for the continuous one, target capability level 1"
    static func badShare(_ share: CoveragePolicy.Fraction) -> String {
      "minimum share \(share) is out of range; expected \(CoveragePolicy.Fraction.allowedRange)"
    }
    static func duplicateID(_ what: String, _ id: String) -> String { "duplicate \(what) id \"\(id)\"" }
    static func areaOutOfScope(_ id: String) -> String { "process area \(id) is not in the appraisal's scope" }
    static let noInstantiations = "the appraisal declares no instantiations; expected at least one sampled unit"
    static func notExamined(_ unit: String, _ area: String) -> String {
      "instantiation \"\(unit)\" does not examine \(area); add it to the instantiation's processAreas"
    }
    static func undeclaredInstantiation(_ id: String) -> String {
      "instantiation \"\(id)\" is not declared under instantiations"
    }
    static func unknownPractice(_ practice: PracticeReference, _ why: String) -> String {
      "unknown practice \"\(practice)\": \(why)"
    }
    static func practiceOutOfScope(_ practice: PracticeReference) -> String {
      "\(practice) is for \(practice.processArea), which is not in the appraisal's scope"
    }
    static func genericNotRated(_ practice: PracticeReference) -> String {
      "\(practice) belongs to a generic goal the target does not rate; the record is ignored"
    }
    static func duplicateCharacterization(_ key: PracticeCharacterizationRule.Key, first: Int) -> String {
      "second characterization of \(key.practice) in \(key.instantiation); the first is characterizations[\(first)]"
    }
    static func noWeakness(_ key: PracticeCharacterizationRule.Key, _ value: Characterization) -> String {
      "\(key.practice) in \(key.instantiation) is \(value.code) but no weakness is recorded; SCAMPI expects one"
    }
    static func duplicateDecision(_ what: String) -> String { "second team decision for \(what)" }
    static let noJustification = "the justification is empty; every team judgment needs one"
    static func unknownGoal(_ area: String, _ goal: String) -> String { "process area \(area) has no goal \"\(goal)\"" }
  }
}
