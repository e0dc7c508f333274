/// V3 rule — GOV and II practices are characterized per organizational process, not per project.
///
/// - Values are FM, LM, PM or DM for each organizational process; **NY is not allowed** (nor out of scope)
///   — as published.
/// - A project's value **defaults to the lowest value over the organizational processes it uses**; the
///   team then adjusts it (``CMMI3TeamProjectValue``). The default is **flagged** (V3 leaves the project
///   value to the team).
/// - A project that uses no organizational process, or uses one without a value for the practice, is not
///   characterized.
public enum CMMI3OrganizationalProcessRule {
  /// The areas characterized per organizational process.
  public static let practiceAreas: Set<String> = ["GOV", "II"]

  /// Whether area `id` is characterized per organizational process.
  public static func applies(to id: String) -> Bool { practiceAreas.contains(id) }

  /// Why `value` cannot be an organizational process value, or `nil` when it can.
  public static func refusal(_ value: ProjectCharacterization) -> String? {
    switch value {
    case .notYet: Message.notYetRefused
    case .outOfScope: Message.outOfScopeRefused
    default: nil
    }
  }

  /// The project's default value for one practice: the lowest over the processes it uses. `values` maps an
  /// organizational process id to its value for the practice (refused values are ignored).
  public static func projectValue(uses: [String], values: [String: ProjectCharacterization]) -> (
    value: ProjectCharacterization?, reason: String
  ) {
    if uses.isEmpty { return (nil, Message.usesNone) }
    let missing = uses.filter { values[$0].map { refusal($0) != nil } ?? true }
    if !missing.isEmpty { return (nil, Message.missing(missing)) }
    let lowest = ProjectCharacterization.lowest(uses.compactMap { values[$0] })!
    return (lowest, Message.lowest(lowest, uses))
  }

  enum Message {
    static let notYetRefused = "NY is not allowed for GOV or II; expected FM, LM, PM or DM"
    static let outOfScopeRefused =
      "out of scope is not a value for an organizational process; expected FM, LM, PM or DM"
    static let usesNone = "the project uses no organizational process"
    static func missing(_ processes: [String]) -> String {
      "no value for organizational process " + processes.joined(separator: ", ")
    }
    static func lowest(_ value: ProjectCharacterization, _ uses: [String]) -> String {
      "\(value.code): the lowest over the organizational processes used (" + uses.joined(separator: ", ") + ")"
    }
  }
}
