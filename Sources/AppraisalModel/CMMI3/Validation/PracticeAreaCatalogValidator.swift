/// Checks a ``PracticeAreaCatalog``'s content, collecting every problem before the catalog is used.
///
/// Rules: the model has an id and a version; area ids are unique acronyms with a domain and at least one
/// practice group; group levels are 1–5, unique and ascending, each with at least one practice; practice
/// ids have the form `<PA> <level>.<n>` naming their own area and group level, and are unique; view ids are
/// unique, each view names known areas once, and its optional areas are known and not also always in the
/// view; a title or statement anywhere needs a `provenance` with a source and a licence (model text may only
/// come from a licensed user's own copy). Paths follow the file format (`practiceAreas[i].practiceGroups[j]`).
public enum PracticeAreaCatalogValidator {
  /// Every problem found in `catalog`; empty when it can be used.
  public static func problems(in catalog: PracticeAreaCatalog) -> [ModelProblem] {
    var problems: [ModelProblem] = []
    func add(_ path: ModelPath, _ message: String) { problems.append(ModelProblem(at: path, message)) }
    let model = ModelPath.root.appending("model")
    if catalog.model.id.allSatisfy(\.isWhitespace) { add(model.appending("id"), Message.emptyModel("id")) }
    if catalog.model.version.allSatisfy(\.isWhitespace) {
      add(model.appending("version"), Message.emptyModel("version"))
    }
    if catalog.practiceAreas.isEmpty { add(ModelPath.root.appending("practiceAreas"), Message.noAreas) }

    var areaIDs: Set<String> = []
    var practiceIDs: Set<String> = []
    for (index, area) in catalog.practiceAreas.enumerated() {
      let path = ModelPath.root.appending("practiceAreas").appending(index)
      if CMMI3PracticeID("\(area.id) 1.1") == nil {
        add(path.appending("id"), Message.badAreaID(area.id))
      } else if !areaIDs.insert(area.id).inserted {
        add(path.appending("id"), Message.duplicateArea(area.id))
      }
      if area.domain.allSatisfy(\.isWhitespace) { add(path.appending("domain"), Message.emptyDomain(area.id)) }
      if area.practiceGroups.isEmpty { add(path.appending("practiceGroups"), Message.noGroups(area.id)) }
      var previous = 0
      for (groupIndex, group) in area.practiceGroups.enumerated() {
        let groupPath = path.appending("practiceGroups").appending(groupIndex)
        if !(1...5).contains(group.level) {
          add(groupPath.appending("level"), Message.badLevel(area.id, group.level))
        } else if group.level <= previous {
          add(groupPath.appending("level"), Message.levelOrder(area.id, group.level, after: previous))
        }
        previous = max(previous, group.level)
        if group.practices.isEmpty { add(groupPath.appending("practices"), Message.noPractices(area.id, group.level)) }
        for (practiceIndex, practice) in group.practices.enumerated() {
          let practicePath = groupPath.appending("practices").appending(practiceIndex).appending("id")
          guard let id = CMMI3PracticeID(practice.id) else {
            add(practicePath, Message.badPracticeID(practice.id))
            continue
          }
          // Under a group whose level is already wrong, the ids are not judged against it.
          if (1...5).contains(group.level) && (id.practiceArea != area.id || id.level != group.level) {
            add(practicePath, Message.misplaced(practice.id, area.id, group.level))
          } else if !practiceIDs.insert(practice.id).inserted {
            add(practicePath, Message.duplicatePractice(practice.id))
          }
        }
      }
    }

    var viewIDs: Set<String> = []
    for (index, view) in catalog.views.enumerated() {
      let path = ModelPath.root.appending("views").appending(index)
      if view.id.allSatisfy(\.isWhitespace) {
        add(path.appending("id"), Message.emptyView)
      } else if !viewIDs.insert(view.id).inserted {
        add(path.appending("id"), Message.duplicateView(view.id))
      }
      if view.practiceAreas.isEmpty { add(path.appending("practiceAreas"), Message.emptyViewAreas(view.id)) }
      var seen: Set<String> = []
      for (member, list) in [("practiceAreas", view.practiceAreas), ("optional", view.optional)] {
        for (areaIndex, id) in list.enumerated() {
          let areaPath = path.appending(member).appending(areaIndex)
          if !areaIDs.contains(id) {
            add(areaPath, Message.unknownArea(id, view.id))
          } else if !seen.insert(id).inserted {
            add(areaPath, Message.repeatedArea(id, view.id))
          }
        }
      }
    }
    if catalog.views.isEmpty { add(ModelPath.root.appending("views"), Message.noViews) }

    let provenance = ModelPath.root.appending("provenance")
    if let given = catalog.provenance {
      if given.source.allSatisfy(\.isWhitespace) {
        add(provenance.appending("source"), Message.emptyProvenance("source"))
      }
      if given.licence.allSatisfy(\.isWhitespace) {
        add(provenance.appending("licence"), Message.emptyProvenance("licence"))
      }
    } else if catalog.hasModelText {
      add(ModelPath.root, Message.textWithoutProvenance)
    }
    return problems
  }

  enum Message {
    static func emptyModel(_ member: String) -> String { "the model \(member) is empty; expected a non-empty string" }
    static let noAreas = "the catalog has no practice areas; expected at least one"
    static func badAreaID(_ id: String) -> String {
      "practice area id \"\(id)\" is not an acronym; expected capital letters and digits, e.g. IRP"
    }
    static func duplicateArea(_ id: String) -> String { "duplicate practice area id \"\(id)\"" }
    static func emptyDomain(_ id: String) -> String { "practice area \(id) has an empty domain; expected e.g. Core" }
    static func noGroups(_ id: String) -> String { "practice area \(id) has no practice groups; expected at least one" }
    static func badLevel(_ id: String, _ level: Int) -> String {
      "practice group level \(level) in \(id); expected a level from 1 to 5"
    }
    static func levelOrder(_ id: String, _ level: Int, after previous: Int) -> String {
      "practice group level \(level) in \(id) follows level \(previous); expected each level once, ascending"
    }
    static func noPractices(_ id: String, _ level: Int) -> String {
      "practice group \(id) level \(level) has no practices; expected at least one"
    }
    static func badPracticeID(_ id: String) -> String {
      "practice id \"\(id)\" is not of the form <PA> <level>.<n>; expected e.g. IRP 2.3"
    }
    static func misplaced(_ id: String, _ area: String, _ level: Int) -> String {
      "practice \(id) is listed under \(area) level \(level); expected an id \(area) \(level).n"
    }
    static func duplicatePractice(_ id: String) -> String { "duplicate practice id \"\(id)\"" }
    static let emptyView = "a view has an empty id; expected e.g. Core"
    static func duplicateView(_ id: String) -> String { "duplicate view id \"\(id)\"" }
    static func emptyViewAreas(_ id: String) -> String { "view \(id) has no practice areas; expected at least one" }
    static func unknownArea(_ id: String, _ view: String) -> String {
      "view \(view) names practice area \"\(id)\", which the catalog does not have"
    }
    static func repeatedArea(_ id: String, _ view: String) -> String {
      "view \(view) names practice area \(id) more than once"
    }
    static let noViews = "the catalog has no views; expected at least one (e.g. All)"
    static func emptyProvenance(_ member: String) -> String {
      "the provenance \(member) is empty; expected a non-empty string"
    }
    static let textWithoutProvenance =
      "the catalog has titles or statements but no provenance; expected \"provenance\" with the source and the licence "
      + "under which the text is held"
  }
}
