/// Rates a ``CMMI3Appraisal`` against a ``PracticeAreaCatalog`` — call ``CMMI3Validator`` first; the rater
/// assumes references resolve and ignores what does not.
///
/// 1. Project values for every practice of every rated area up to the area's rated level (its target,
///    capped at 3 in a capability appraisal) × every project: out of scope when the project leaves the
///    area out; GOV/II through ``CMMI3OrganizationalProcessRule`` (or the team's adjustment); every other
///    area through ``CMMI3CharacterizationRule`` on the recorded inputs; not characterized when nothing is
///    recorded.
/// 2. An Evaluation stops there, with ``CMMI3EvaluationRule``'s risk values: no ratings.
/// 3. OU values (``CMMI3OUAggregationRule``), practice group ratings (``PracticeGroupRatingRule``), then
///    capability levels (``CMMI3CapabilityLevelRule``) or the maturity level (``CMMI3MaturityLevelRule``).
///
/// Every default the tool proposes where the team decides is listed in ``CMMI3Result/flags``.
public enum CMMI3Rater {
  public static func rate(_ appraisal: CMMI3Appraisal, catalog: PracticeAreaCatalog) -> CMMI3Result {
    let areas = appraisal.practiceAreas(in: catalog)
    var flags: [FlaggedDefault] = []
    let projectValues = projectValues(appraisal, areas: areas, flags: &flags)
    var result = CMMI3Result(
      type: appraisal.type, representation: appraisal.representation, practiceAreas: areas.map(\.id),
      projectValues: projectValues)
    guard appraisal.type.producesRatings else {
      result.flags = flags
      return result
    }

    let byPractice = Dictionary(grouping: projectValues, by: \.practice)
    let teamValues = firsts(appraisal.teamOUValues, by: \.practice)
    let decisions = firsts(appraisal.practiceGroupDecisions) { "\($0.practiceArea) \($0.level)" }
    var groupsByArea: [String: [Int: PracticeGroupRating]] = [:]
    for area in areas {
      for group in area.practiceGroups where group.level <= appraisal.ratedLevel(for: area.id) {
        let ouValues = group.practices.map { practice in
          CMMI3OUAggregationRule.aggregate(
            practice: practice.id, projects: byPractice[practice.id] ?? [], team: teamValues[practice.id])
        }
        for value in ouValues where value.isDefault && value.proposed != nil {
          flags.append(
            value.judgmentNeeded
              ? FlaggedDefault(.judgmentNeeded, value.practice, Message.judgment(value))
              : FlaggedDefault(.ouCharacterization, value.practice, Message.proposed(value)))
        }
        result.ouValues += ouValues
        let rating = PracticeGroupRatingRule.rate(
          practiceArea: area.id, level: group.level, practices: ouValues,
          decision: decisions["\(area.id) \(group.level)"])
        if rating.isDefault {
          flags.append(FlaggedDefault(.practiceGroupRating, "\(area.id) level \(group.level)", Message.group(rating)))
        }
        result.practiceGroups.append(rating)
        groupsByArea[area.id, default: [:]][group.level] = rating
      }
    }

    switch appraisal.representation {
    case .capability:
      for area in areas {
        let level = CMMI3CapabilityLevelRule.level(
          area, groups: groupsByArea[area.id] ?? [:], target: appraisal.ratedLevel(for: area.id))
        if let limitation = level.limitation, area.highestLevel < level.target, level.level == area.highestLevel {
          flags.append(FlaggedDefault(.capabilityHighestGroup, area.id, limitation))
        }
        result.capabilityLevels.append(level)
      }
    case .maturity:
      let level = CMMI3MaturityLevelRule.level(areas: areas, groups: groupsByArea, target: appraisal.target.level)
      for inference in level.inferences {
        flags.append(FlaggedDefault(.maturityInference, inference.practiceArea, Message.inference(inference)))
      }
      result.maturityLevel = level
    }
    result.flags = flags
    return result
  }

  /// Step 1: the value of every practice of `areas` up to its rated level in every project.
  static func projectValues(
    _ appraisal: CMMI3Appraisal, areas: [PracticeArea], flags: inout [FlaggedDefault]
  ) -> [CMMI3ProjectValue] {
    let inputs = firsts(appraisal.practiceInputs) { "\($0.practice)\u{0}\($0.project)" }
    let adjustments = firsts(appraisal.teamProjectValues) { "\($0.practice)\u{0}\($0.project)" }
    var processValues: [String: [String: ProjectCharacterization]] = [:]
    var processWeaknesses: [String: [String: [CMMI3PracticeInput.Weakness]]] = [:]
    for value in appraisal.organizationalProcessValues
    where CMMI3OrganizationalProcessRule.refusal(value.value) == nil
      && processValues[value.practice]?[value.process] == nil
    {
      processValues[value.practice, default: [:]][value.process] = value.value
      processWeaknesses[value.practice, default: [:]][value.process] = value.weaknesses
    }
    let evaluation = appraisal.type.producesRiskValues

    var values: [CMMI3ProjectValue] = []
    for area in areas {
      let organizational = CMMI3OrganizationalProcessRule.applies(to: area.id)
      for group in area.practiceGroups where group.level <= appraisal.ratedLevel(for: area.id) {
        for practice in group.practices {
          for project in appraisal.projects {
            let key = "\(practice.id)\u{0}\(project.id)"
            var value: CMMI3ProjectValue
            if !project.examines(area.id) {
              value = CMMI3ProjectValue(
                practice: practice.id, project: project.id, value: .outOfScope, basis: .outOfScope,
                reason: Message.outOfScope(area.id))
            } else if organizational {
              let weaknesses = project.organizationalProcesses.flatMap { processWeaknesses[practice.id]?[$0] ?? [] }
              if let adjustment = adjustments[key] {
                value = CMMI3ProjectValue(
                  practice: practice.id, project: project.id, value: adjustment.value,
                  basis: .team(justification: adjustment.justification), reason: Message.adjusted,
                  weaknesses: weaknesses)
              } else {
                let (derived, reason) = CMMI3OrganizationalProcessRule.projectValue(
                  uses: project.organizationalProcesses, values: processValues[practice.id] ?? [:])
                value = CMMI3ProjectValue(
                  practice: practice.id, project: project.id, value: derived,
                  basis: derived == nil ? .nothingRecorded : .organizationalProcesses(project.organizationalProcesses),
                  reason: reason, weaknesses: weaknesses)
                if derived != nil {
                  flags.append(FlaggedDefault(.organizationalProcess, "\(practice.id) in \(project.id)", reason))
                }
              }
            } else if let input = inputs[key] {
              let (derived, reason) = CMMI3CharacterizationRule.characterize(input)
              value = CMMI3ProjectValue(
                practice: practice.id, project: project.id, value: derived, basis: .formula, reason: reason,
                weaknesses: input.weaknesses)
            } else {
              value = CMMI3ProjectValue(
                practice: practice.id, project: project.id, value: nil, basis: .nothingRecorded,
                reason: Message.nothingRecorded)
            }
            if evaluation, let characterization = value.value {
              value.risk = CMMI3EvaluationRule.risk(for: characterization)
            }
            values.append(value)
          }
        }
      }
    }
    return values
  }

  /// The first record for each key (duplicates are input errors, reported by the validator).
  static func firsts<T>(_ records: [T], by key: (T) -> String) -> [String: T] {
    var result: [String: T] = [:]
    for record in records where result[key(record)] == nil { result[key(record)] = record }
    return result
  }

  enum Message {
    static func outOfScope(_ area: String) -> String { "\(area) is out of scope for the project" }
    static let adjusted = "the team's adjustment of the organizational processes' value"
    static let nothingRecorded = "no inputs recorded"
    static func proposed(_ value: CMMI3OUValue) -> String {
      "proposed \(value.proposed?.code ?? "-") by analogy with SCAMPI (\(value.reason)); the team enters the OU value"
    }
    static func judgment(_ value: CMMI3OUValue) -> String {
      "judgment needed: \(value.reason); allowed " + value.allowed.map(\.code).joined(separator: ", ")
        + " (an analogy with SCAMPI, not a published rule)"
    }
    static func group(_ rating: PracticeGroupRating) -> String {
      "default \(rating.value.rawValue) by analogy with SCAMPI goal rating ("
        + rating.reasons.prefix(3).joined(separator: "; ") + (rating.reasons.count > 3 ? "; …" : "")
        + "); the team rates practice groups by consensus"
    }
    static func inference(_ inference: CMMI3MaturityLevel.Inference) -> String {
      "counted for ML \(inference.maturityLevel) through its highest practice group (level \(inference.throughLevel)):"
        + " an inference, not a published rule"
    }
  }
}
