/// Checks a catalog's content, collecting every problem before the catalog is used.
///
/// Rules: the model has an id and a version; process area ids are unique; each area has a name, a maturity
/// level from 2 to 5 and at least one goal; goal ids (`SG n`) are unique within the area and each goal has
/// at least one practice; practice ids are unique within the area and numbered under their goal (`SP 2.x`
/// under `SG 2`); generic goals (`GG n`) have unique ids and capability levels that run 1, 2, 3… without
/// gaps, and their practices (`GP n.x`) are unique. Paths follow the catalog file format
/// (`processAreas[i].goals[j].practices[k]`), so readers can turn them into file locations.
public enum CatalogValidator {
  /// Every problem found in `catalog`; empty when it can be used.
  public static func problems(in catalog: Catalog) -> [ModelProblem] {
    var problems: [ModelProblem] = []
    let modelPath = ModelPath.root.appending("model")
    if catalog.model.id.isBlank { problems.append(.init(at: modelPath.appending("id"), Message.emptyModelID)) }
    if catalog.model.version.isBlank {
      problems.append(.init(at: modelPath.appending("version"), Message.emptyModelVersion))
    }
    if catalog.processAreas.isEmpty {
      problems.append(.init(at: ModelPath.root.appending("processAreas"), Message.noProcessAreas))
    }

    var areaIDs: [String: Int] = [:]
    for (index, area) in catalog.processAreas.enumerated() {
      let path = ModelPath.root.appending("processAreas").appending(index)
      if area.id.isBlank {
        problems.append(.init(at: path.appending("id"), Message.emptyID("process area")))
      } else if let first = areaIDs[area.id] {
        problems.append(.init(at: path.appending("id"), Message.duplicate("process area", area.id, first: first)))
      } else {
        areaIDs[area.id] = index
      }
      if area.name.isBlank { problems.append(.init(at: path.appending("name"), Message.emptyName(area.id))) }
      if !(2...5).contains(area.maturityLevel) {
        problems.append(.init(at: path.appending("maturityLevel"), Message.maturityLevel(area.id, area.maturityLevel)))
      }
      problems += goalProblems(area, at: path)
    }

    problems += genericGoalProblems(catalog.genericGoals)
    return problems
  }

  private static func goalProblems(_ area: ProcessArea, at path: ModelPath) -> [ModelProblem] {
    var problems: [ModelProblem] = []
    if area.goals.isEmpty { problems.append(.init(at: path.appending("goals"), Message.noGoals(area.id))) }
    var goalIDs: Set<String> = []
    var practiceIDs: Set<String> = []
    for (goalIndex, goal) in area.goals.enumerated() {
      let goalPath = path.appending("goals").appending(goalIndex)
      let goalNumber = number(goal.id, prefix: "SG")
      if goalNumber == nil {
        problems.append(.init(at: goalPath.appending("id"), Message.badID(goal.id, expected: "SG n")))
      } else if !goalIDs.insert(goal.id).inserted {
        problems.append(.init(at: goalPath.appending("id"), Message.duplicateIn(area.id, "goal", goal.id)))
      }
      if goal.practices.isEmpty {
        problems.append(.init(at: goalPath.appending("practices"), Message.noPractices("\(area.id) \(goal.id)")))
      }
      for (practiceIndex, practice) in goal.practices.enumerated() {
        let practicePath = goalPath.appending("practices").appending(practiceIndex).appending("id")
        guard let practiceNumber = number(practice.id, prefix: "SP"), practiceNumber.count == 2 else {
          problems.append(.init(at: practicePath, Message.badID(practice.id, expected: "SP n.m")))
          continue
        }
        if let goalNumber, practiceNumber[0] != goalNumber.first {
          problems.append(.init(at: practicePath, Message.misnumbered(practice.id, goal: goal.id)))
        }
        if !practiceIDs.insert(practice.id).inserted {
          problems.append(.init(at: practicePath, Message.duplicateIn(area.id, "practice", practice.id)))
        }
        if practice.title.isBlank {
          problems.append(.init(.warning, at: practicePath.parent!.appending("title"), Message.emptyTitle(practice.id)))
        }
      }
    }
    return problems
  }

  private static func genericGoalProblems(_ goals: [GenericGoal]) -> [ModelProblem] {
    var problems: [ModelProblem] = []
    var ids: Set<String> = []
    var practiceIDs: Set<String> = []
    for (index, goal) in goals.enumerated() {
      let path = ModelPath.root.appending("genericGoals").appending(index)
      let goalNumber = number(goal.id, prefix: "GG")
      if goalNumber == nil {
        problems.append(.init(at: path.appending("id"), Message.badID(goal.id, expected: "GG n")))
      } else if !ids.insert(goal.id).inserted {
        problems.append(.init(at: path.appending("id"), Message.duplicate("generic goal", goal.id, first: nil)))
      }
      if goal.capabilityLevel != index + 1 {
        problems.append(
          .init(
            at: path.appending("capabilityLevel"),
            Message.capabilityLevel(goal.id, goal.capabilityLevel, expected: index + 1)))
      }
      if goal.practices.isEmpty {
        problems.append(.init(at: path.appending("practices"), Message.noPractices(goal.id)))
      }
      for (practiceIndex, practice) in goal.practices.enumerated() {
        let practicePath = path.appending("practices").appending(practiceIndex).appending("id")
        guard let practiceNumber = number(practice.id, prefix: "GP"), practiceNumber.count == 2 else {
          problems.append(.init(at: practicePath, Message.badID(practice.id, expected: "GP n.m")))
          continue
        }
        if let goalNumber, practiceNumber[0] != goalNumber.first {
          problems.append(.init(at: practicePath, Message.misnumbered(practice.id, goal: goal.id)))
        }
        if !practiceIDs.insert(practice.id).inserted {
          problems.append(.init(at: practicePath, Message.duplicate("generic practice", practice.id, first: nil)))
        }
      }
    }
    return problems
  }

  /// The numbers of an id such as `SP 2.3` → [2, 3]; `nil` when the prefix or a number is wrong.
  static func number(_ id: String, prefix: String) -> [Int]? {
    guard id.hasPrefix(prefix + " ") else { return nil }
    let parts = id.dropFirst(prefix.count + 1).split(separator: ".", omittingEmptySubsequences: false)
    let numbers = parts.compactMap { Int($0) }
    guard !numbers.isEmpty, numbers.count == parts.count, numbers.allSatisfy({ $0 >= 1 }) else { return nil }
    return numbers
  }
}

extension String {
  var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension CatalogValidator {
  enum Message {
    static let emptyModelID = "the model id is empty; expected a name such as \"CMMI-SVC\""
    static let emptyModelVersion = "the model version is empty; expected a version such as \"1.3\""
    static let noProcessAreas = "the catalog has no process areas; expected at least one"
    static func emptyID(_ what: String) -> String { "\(what) id is empty; expected an acronym such as \"SCON\"" }
    static func emptyName(_ id: String) -> String { "process area \(id) has an empty name" }
    static func duplicate(_ what: String, _ id: String, first: Int?) -> String {
      "duplicate \(what) id \"\(id)\"" + (first.map { "; first defined at index \($0)" } ?? "")
    }
    static func duplicateIn(_ area: String, _ what: String, _ id: String) -> String {
      "duplicate \(what) id \"\(id)\" in process area \(area)"
    }
    static func maturityLevel(_ id: String, _ level: Int) -> String {
      "process area \(id) has maturity level \(level); expected 2, 3, 4 or 5"
    }
    static func noGoals(_ id: String) -> String {
      "process area \(id) has no goals; expected at least one specific goal"
    }
    static func noPractices(_ goal: String) -> String { "goal \(goal) has no practices; expected at least one" }
    static func badID(_ id: String, expected: String) -> String {
      "bad id \"\(id)\"; expected the form \"\(expected)\""
    }
    static func misnumbered(_ practice: String, goal: String) -> String {
      "practice \(practice) is listed under \(goal); its first number must be the goal's number"
    }
    static func emptyTitle(_ id: String) -> String { "practice \(id) has an empty title" }
    static func capabilityLevel(_ id: String, _ level: Int, expected: Int) -> String {
      "generic goal \(id) has capability level \(level); expected \(expected) (levels run 1, 2, 3… in order)"
    }
  }
}
