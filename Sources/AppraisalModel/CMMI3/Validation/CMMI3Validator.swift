/// Checks a ``CMMI3Appraisal`` against a ``PracticeAreaCatalog``, collecting every problem before anything
/// is rated (in the style of ``AppraisalValidator``).
///
/// Errors: the header names another model or version, or no real date; an unknown view, or an optional
/// area the view does not offer; a target level outside 1–5, or above 3 in a capability appraisal (each
/// per-area target too, which must name an area of the appraisal once); no project, duplicate or empty
/// project and organizational process ids, a project leaving out an area the appraisal does not rate or
/// using an unknown organizational process; practice references to practices the catalog does not have or
/// whose area the appraisal does not rate, or to unknown projects; inputs for a project that leaves the
/// area out; per-project inputs for GOV or II (characterized per organizational process); NY (or out of
/// scope) as a GOV/II value; team project values for other areas; duplicate records; empty weakness texts
/// and justifications. Once all that holds, each team value must apply: a team OU value outside the
/// allowed set of ``CMMI3OUAggregationRule`` (or before every project is characterized), and a practice
/// group decision ``PracticeGroupRatingRule`` does not allow, are input errors.
///
/// Warnings: per-area targets in a maturity appraisal; records above an area's rated level (not rated);
/// team values and decisions in an Evaluation (it produces no ratings).
public enum CMMI3Validator {
  /// Every problem of `appraisal`.
  public static func problems(in appraisal: CMMI3Appraisal, catalog: PracticeAreaCatalog) -> [ModelProblem] {
    var check = Check(appraisal: appraisal, catalog: catalog)
    check.header()
    check.scope()
    check.projectRecords()
    check.inputs()
    check.teamRecords()
    if !check.problems.contains(where: { $0.severity == .error }) { check.applicability() }
    return check.problems
  }

  private struct Check {
    let appraisal: CMMI3Appraisal
    let catalog: PracticeAreaCatalog
    let rated: Set<String>
    let projects: [String: CMMI3Appraisal.Project]
    let processes: Set<String>
    var problems: [ModelProblem] = []

    init(appraisal: CMMI3Appraisal, catalog: PracticeAreaCatalog) {
      self.appraisal = appraisal
      self.catalog = catalog
      rated = Set(appraisal.practiceAreas(in: catalog).map(\.id))
      projects = CMMI3Rater.firsts(appraisal.projects, by: \.id)
      processes = Set(appraisal.organizationalProcesses.map(\.id))
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
      if !AppraisalValidator.isCalendarDate(header.date) { add(path.appending("date"), Message.badDate(header.date)) }
    }

    mutating func scope() {
      let view = catalog.view(appraisal.view)
      if view == nil { add(ModelPath.root.appending("view"), Message.unknownView(appraisal.view, catalog)) }
      var seen: Set<String> = []
      for (index, id) in appraisal.optionalAreas.enumerated() {
        let path = ModelPath.root.appending("optionalAreas").appending(index)
        if let view, !view.optional.contains(id) {
          add(path, Message.notOptional(id, view))
        } else if !seen.insert(id).inserted {
          add(path, Message.duplicate("optional area", id))
        }
      }
      if let selected = appraisal.selectedAreas {
        let available = Set(
          catalog.practiceAreas(inView: appraisal.view, includingOptional: appraisal.optionalAreas).map(\.id))
        var chosen: Set<String> = []
        for (index, id) in selected.enumerated() {
          let path = ModelPath.root.appending("selectedAreas").appending(index)
          if view != nil && !available.contains(id) {
            add(path, Message.notInView(id, appraisal.view))
          } else if !chosen.insert(id).inserted {
            add(path, Message.duplicate("selected area", id))
          }
        }
        if selected.isEmpty { add(ModelPath.root.appending("selectedAreas"), Message.noSelectedArea) }
      }
      let capability = appraisal.representation == .capability
      let highest = CMMI3CapabilityLevelRule.highestCapabilityLevel
      let target = ModelPath.root.appending("target")
      if !(1...5).contains(appraisal.target.level) {
        add(target.appending("level"), Message.badLevel(appraisal.target.level))
      } else if capability && appraisal.target.level > highest {
        add(target.appending("level"), Message.capabilityAbove(appraisal.target.level, what: "the target level"))
      }
      var targeted: Set<String> = []
      for (index, area) in appraisal.target.practiceAreas.enumerated() {
        let path = target.appending("practiceAreas").appending(index)
        if !rated.contains(area.practiceArea) {
          add(path.appending("practiceArea"), areaMessage(area.practiceArea))
        } else if !targeted.insert(area.practiceArea).inserted {
          add(path.appending("practiceArea"), Message.duplicate("target for practice area", area.practiceArea))
        }
        if !(1...5).contains(area.level) {
          add(path.appending("level"), Message.badLevel(area.level))
        } else if capability && area.level > highest {
          add(path.appending("level"), Message.capabilityAbove(area.level, what: "the target of \(area.practiceArea)"))
        }
        if !capability { add(path, Message.perAreaInMaturity, .warning) }
      }
    }

    mutating func projectRecords() {
      if appraisal.projects.isEmpty { add(ModelPath.root.appending("projects"), Message.noProjects) }
      var seen: Set<String> = []
      for (index, project) in appraisal.projects.enumerated() {
        let path = ModelPath.root.appending("projects").appending(index)
        if project.id.allSatisfy(\.isWhitespace) {
          add(path.appending("id"), Message.empty("project id"))
        } else if !seen.insert(project.id).inserted {
          add(path.appending("id"), Message.duplicate("project id", project.id))
        }
        for (areaIndex, id) in project.outOfScope.enumerated() where !rated.contains(id) {
          add(path.appending("outOfScope").appending(areaIndex), areaMessage(id))
        }
        for (processIndex, id) in project.organizationalProcesses.enumerated() where !processes.contains(id) {
          add(path.appending("organizationalProcesses").appending(processIndex), Message.unknownProcess(id))
        }
      }
      var processIDs: Set<String> = []
      for (index, process) in appraisal.organizationalProcesses.enumerated() {
        let path = ModelPath.root.appending("organizationalProcesses").appending(index).appending("id")
        if process.id.allSatisfy(\.isWhitespace) {
          add(path, Message.empty("organizational process id"))
        } else if !processIDs.insert(process.id).inserted {
          add(path, Message.duplicate("organizational process id", process.id))
        }
      }
    }

    /// The area of `practice` when the appraisal rates it; otherwise reports why not at `path`.
    mutating func ratedArea(of practice: String, at path: ModelPath) -> PracticeAreaCatalog.Location? {
      guard let location = catalog.location(ofPractice: practice) else {
        add(path, Message.unknownPractice(practice, catalog))
        return nil
      }
      guard rated.contains(location.practiceArea) else {
        add(path, Message.areaNotRated(practice, location.practiceArea, appraisal.view))
        return nil
      }
      return location
    }

    mutating func aboveTarget(_ practice: String, _ location: PracticeAreaCatalog.Location, at path: ModelPath) {
      let level = appraisal.ratedLevel(for: location.practiceArea)
      if location.level > level { add(path, Message.aboveTarget(practice, level), .warning) }
    }

    mutating func project(_ id: String, at path: ModelPath) -> CMMI3Appraisal.Project? {
      guard let project = projects[id] else {
        add(path, Message.unknownProject(id))
        return nil
      }
      return project
    }

    mutating func inputs() {
      var pairs: Set<String> = []
      for (index, input) in appraisal.practiceInputs.enumerated() {
        let path = ModelPath.root.appending("practiceInputs").appending(index)
        let location = ratedArea(of: input.practice, at: path.appending("practice"))
        let project = project(input.project, at: path.appending("project"))
        if let location {
          if CMMI3OrganizationalProcessRule.applies(to: location.practiceArea) {
            add(path.appending("practice"), Message.organizationalInput(input.practice))
          } else {
            aboveTarget(input.practice, location, at: path.appending("practice"))
          }
          if let project, !project.examines(location.practiceArea) {
            add(path.appending("project"), Message.outOfScopeInput(location.practiceArea, project.id))
          }
        }
        if !pairs.insert("\(input.practice)\u{0}\(input.project)").inserted {
          add(path, Message.duplicatePair("practice inputs", input.practice, input.project))
        }
        weaknesses(input.weaknesses, at: path)
      }

      var processPairs: Set<String> = []
      for (index, value) in appraisal.organizationalProcessValues.enumerated() {
        let path = ModelPath.root.appending("organizationalProcessValues").appending(index)
        if let location = ratedArea(of: value.practice, at: path.appending("practice")),
          !CMMI3OrganizationalProcessRule.applies(to: location.practiceArea)
        {
          add(path.appending("practice"), Message.notOrganizational(value.practice))
        }
        if !processes.contains(value.process) { add(path.appending("process"), Message.unknownProcess(value.process)) }
        if let refusal = CMMI3OrganizationalProcessRule.refusal(value.value) { add(path.appending("value"), refusal) }
        if !processPairs.insert("\(value.practice)\u{0}\(value.process)").inserted {
          add(path, Message.duplicatePair("organizational process values", value.practice, value.process))
        }
        weaknesses(value.weaknesses, at: path)
      }
    }

    mutating func weaknesses(_ weaknesses: [CMMI3PracticeInput.Weakness], at path: ModelPath) {
      for (index, weakness) in weaknesses.enumerated() where weakness.text.allSatisfy(\.isWhitespace) {
        add(path.appending("weaknesses").appending(index).appending("text"), Message.empty("weakness text"))
      }
    }

    mutating func teamRecords() {
      let evaluation = !appraisal.type.producesRatings
      var practices: Set<String> = []
      for (index, value) in appraisal.teamOUValues.enumerated() {
        let path = ModelPath.root.appending("teamOUValues").appending(index)
        if let location = ratedArea(of: value.practice, at: path.appending("practice")) {
          aboveTarget(value.practice, location, at: path.appending("practice"))
        }
        if value.value == .outOfScope { add(path.appending("value"), Message.outOfScopeOU) }
        if !practices.insert(value.practice).inserted {
          add(path, Message.duplicate("team OU value for", value.practice))
        }
        justification(value.justification, at: path)
        if evaluation { add(path, Message.evaluation("team OU value"), .warning) }
      }

      var groups: Set<String> = []
      for (index, decision) in appraisal.practiceGroupDecisions.enumerated() {
        let path = ModelPath.root.appending("practiceGroupDecisions").appending(index)
        if !rated.contains(decision.practiceArea) {
          add(path.appending("practiceArea"), areaMessage(decision.practiceArea))
        } else if catalog.practiceArea(decision.practiceArea)?.group(level: decision.level) == nil {
          add(path.appending("level"), Message.noGroup(decision.practiceArea, decision.level))
        } else if decision.level > appraisal.ratedLevel(for: decision.practiceArea) {
          add(
            path.appending("level"),
            Message.groupAboveTarget(
              decision.practiceArea, decision.level, appraisal.ratedLevel(for: decision.practiceArea)),
            .warning)
        }
        if !groups.insert("\(decision.practiceArea) \(decision.level)").inserted {
          add(
            path, Message.duplicate("decision for practice group", "\(decision.practiceArea) level \(decision.level)"))
        }
        justification(decision.justification, at: path)
        if evaluation { add(path, Message.evaluation("practice group decision"), .warning) }
      }

      var pairs: Set<String> = []
      for (index, value) in appraisal.teamProjectValues.enumerated() {
        let path = ModelPath.root.appending("teamProjectValues").appending(index)
        if let location = ratedArea(of: value.practice, at: path.appending("practice")) {
          if !CMMI3OrganizationalProcessRule.applies(to: location.practiceArea) {
            add(path.appending("practice"), Message.adjustmentNotOrganizational(value.practice))
          } else if let project = project(value.project, at: path.appending("project")),
            !project.examines(location.practiceArea)
          {
            add(path.appending("project"), Message.outOfScopeInput(location.practiceArea, project.id))
          }
        }
        if let refusal = CMMI3OrganizationalProcessRule.refusal(value.value) { add(path.appending("value"), refusal) }
        if !pairs.insert("\(value.practice)\u{0}\(value.project)").inserted {
          add(path, Message.duplicatePair("team project values", value.practice, value.project))
        }
        justification(value.justification, at: path)
      }
    }

    mutating func justification(_ text: String, at path: ModelPath) {
      if text.allSatisfy(\.isWhitespace) { add(path.appending("justification"), Message.empty("justification")) }
    }

    /// Whether each team value and decision can apply, judged on the rated appraisal.
    mutating func applicability() {
      guard appraisal.type.producesRatings else { return }
      let result = CMMI3Rater.rate(appraisal, catalog: catalog)
      let ouValues = CMMI3Rater.firsts(result.ouValues, by: \.practice)
      for (index, value) in appraisal.teamOUValues.enumerated() {
        if let refusal = ouValues[value.practice]?.rejectedTeamValue {
          add(ModelPath.root.appending("teamOUValues").appending(index).appending("value"), refusal)
        }
      }
      let groups = CMMI3Rater.firsts(result.practiceGroups) { "\($0.practiceArea) \($0.level)" }
      for (index, decision) in appraisal.practiceGroupDecisions.enumerated() {
        if let refusal = groups["\(decision.practiceArea) \(decision.level)"]?.rejectedDecision {
          add(ModelPath.root.appending("practiceGroupDecisions").appending(index).appending("value"), refusal)
        }
      }
    }

    func areaMessage(_ id: String) -> String {
      catalog.practiceArea(id) == nil ? Message.unknownArea(id, catalog) : Message.areaOutsideView(id, appraisal.view)
    }
  }

  enum Message {
    static func catalogMismatch(_ model: String, _ version: String, _ catalog: PracticeAreaCatalog.Model) -> String {
      "the appraisal is for \(model) \(version); expected the catalog's \(catalog.id) \(catalog.version)"
    }
    static func badDate(_ date: String) -> String { "date \"\(date)\" is not a calendar date; expected YYYY-MM-DD" }
    static func unknownView(_ id: String, _ catalog: PracticeAreaCatalog) -> String {
      "unknown view \"\(id)\"; expected one of " + catalog.views.map(\.id).joined(separator: ", ")
    }
    static func notOptional(_ id: String, _ view: PracticeAreaCatalog.View) -> String {
      "\(id) is not an optional practice area of view \(view.id); expected "
        + (view.optional.isEmpty ? "none" : "one of " + view.optional.joined(separator: ", "))
    }
    static func duplicate(_ what: String, _ id: String) -> String { "duplicate \(what) \"\(id)\"" }
    static func notInView(_ id: String, _ view: String) -> String {
      "\(id) is not a practice area of view \(view) (or an optional area switched on); expected one of its areas"
    }
    static let noSelectedArea = "the selected areas are empty; leave them out to rate the whole view"
    static func badLevel(_ level: Int) -> String { "target level \(level); expected a level from 1 to 5" }
    static func capabilityAbove(_ level: Int, what: String) -> String {
      "\(what) is \(level); a capability appraisal rates at most level \(CMMI3CapabilityLevelRule.highestCapabilityLevel)"
    }
    static let perAreaInMaturity =
      "a per-area target in a maturity appraisal: the maturity level needs every area at the appraisal's target"
    static let noProjects = "the appraisal has no projects; expected at least one"
    static func empty(_ what: String) -> String { "empty \(what); expected a non-empty string" }
    static func unknownProcess(_ id: String) -> String { "unknown organizational process \"\(id)\"" }
    static func unknownArea(_ id: String, _ catalog: PracticeAreaCatalog) -> String {
      "unknown practice area \"\(id)\"; the catalog \(catalog.model.id) \(catalog.model.version) has no such area"
    }
    static func areaOutsideView(_ id: String, _ view: String) -> String {
      "practice area \(id) is not rated in this appraisal (view \(view) without it)"
    }
    static func unknownPractice(_ id: String, _ catalog: PracticeAreaCatalog) -> String {
      "unknown practice \"\(id)\"; expected a practice id of \(catalog.model.id) \(catalog.model.version), e.g. IRP 2.3"
    }
    static func areaNotRated(_ practice: String, _ area: String, _ view: String) -> String {
      "practice \(practice): \(area) is not rated in this appraisal (view \(view) without it)"
    }
    static func aboveTarget(_ practice: String, _ level: Int) -> String {
      "practice \(practice) is above the rated level \(level) of its area; it is not rated"
    }
    static func unknownProject(_ id: String) -> String { "unknown project \"\(id)\"" }
    static func organizationalInput(_ practice: String) -> String {
      "\(practice) is characterized per organizational process, not per project; "
        + "expected organizationalProcessValues (and a teamProjectValue to adjust a project)"
    }
    static func outOfScopeInput(_ area: String, _ project: String) -> String {
      "\(area) is out of scope for project \(project); expected no record for it"
    }
    static func duplicatePair(_ what: String, _ practice: String, _ other: String) -> String {
      "duplicate \(what) for \(practice) and \(other)"
    }
    static func notOrganizational(_ practice: String) -> String {
      "\(practice) is characterized per project; organizational process values are for GOV and II only"
    }
    static func adjustmentNotOrganizational(_ practice: String) -> String {
      "\(practice): team project values adjust GOV and II only; other practices follow the workbook formula"
    }
    static let outOfScopeOU = "out of scope is not an OU value; expected FM, LM, PM, DM or NY"
    static func evaluation(_ what: String) -> String { "an Evaluation produces no ratings; the \(what) is not used" }
    static func noGroup(_ area: String, _ level: Int) -> String { "\(area) has no practice group at level \(level)" }
    static func groupAboveTarget(_ area: String, _ level: Int, _ target: Int) -> String {
      "\(area) level \(level) is above the area's rated level \(target); the decision is not used"
    }
  }
}
