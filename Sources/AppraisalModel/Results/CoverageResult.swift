/// The outcome of the data-coverage check for one process area: one count per check the policy makes.
public struct CoverageResult: Hashable, Sendable {
  /// Which data-coverage rule a count checks (``CoveragePolicy/Rule`` decides which are made).
  public enum Rule: String, Hashable, Sendable, CaseIterable {
    /// Per-area policy: at least the share of the subgroup's units examining the area provide both kinds.
    case share
    /// SCAMPI v1.3 rule (i): at least one unit of the subgroup provides both kinds for the area.
    case anyUnit = "v1.3-i"
    /// SCAMPI v1.3 rule (ii): at least the share (50 %) of the subgroup's units provide both kinds for some
    /// area in scope.
    case halfOfUnits = "v1.3-ii"
    /// SCAMPI v1.3 rule (iii): every unit of the subgroup provides artifacts or affirmations for some area in
    /// scope.
    case everyUnit = "v1.3-iii"
    /// SCAMPI v1.3: a support function provides both kinds for each area it owns.
    case supportFunction = "v1.3-support"

    /// How reports name the rule.
    public var label: String {
      switch self {
      case .share: "per-area share"
      case .anyUnit: "SCAMPI v1.3 rule (i)"
      case .halfOfUnits: "SCAMPI v1.3 rule (ii)"
      case .everyUnit: "SCAMPI v1.3 rule (iii)"
      case .supportFunction: "SCAMPI v1.3, support functions"
      }
    }
  }

  /// One count of the check: a sampling subgroup's, or a support function's (``Rule/supportFunction``).
  public struct Subgroup: Hashable, Sendable {
    public var rule: Rule
    /// The subgroup, or the support function's id.
    public var name: String
    /// Units the rule counts in the subgroup.
    public var units: Int
    /// Of those, the units that provide what the rule asks for.
    public var providing: Int
    /// How many must provide it.
    public var required: Int
    /// The units that do not provide it, in sample order.
    public var missing: [String]
    public var isMet: Bool { providing >= required }

    public init(
      name: String, units: Int, providing: Int, required: Int, rule: Rule = .share, missing: [String] = []
    ) {
      self.rule = rule
      self.name = name
      self.units = units
      self.providing = providing
      self.required = required
      self.missing = missing
    }

    /// At most this many units are named in ``shortfall``; the count says how many there are.
    public static let namedUnits = 10

    /// The missing units, the first ``namedUnits`` named.
    private var named: String {
      missing.count <= Self.namedUnits
        ? missing.joined(separator: ", ")
        : missing.prefix(Self.namedUnits).joined(separator: ", ") + ", … (\(missing.count) units)"
    }

    /// Why the count falls short, in the words of the goal reasons, readiness and plan reports.
    public var shortfall: String {
      switch rule {
      case .share:
        "data coverage not met in subgroup \(name): \(providing) of \(units) units provide both artifacts and "
          + "affirmations; at least \(required) required"
      case .anyUnit:
        "data coverage not met (\(rule.label)) in subgroup \(name): \(providing) of \(units) units provide both "
          + "artifacts and affirmations for the area; at least \(required) required; not providing both: "
          + named
      case .halfOfUnits:
        "data coverage not met (\(rule.label)) in subgroup \(name): \(providing) of \(units) units provide both "
          + "artifacts and affirmations for some area in scope; at least \(required) required; not providing both "
          + "for any area: " + named
      case .everyUnit:
        "data coverage not met (\(rule.label)) in subgroup \(name): \(providing) of \(units) units provide "
          + "artifacts or affirmations for some area in scope; every unit required; providing none: "
          + named
      case .supportFunction:
        "data coverage not met (\(rule.label)): support function \(name) owns the area but does not provide both "
          + "artifacts and affirmations for it"
      }
    }
  }

  public var processArea: String
  public var isEnabled: Bool
  public var subgroups: [Subgroup]

  public init(processArea: String, isEnabled: Bool, subgroups: [Subgroup]) {
    self.processArea = processArea
    self.isEnabled = isEnabled
    self.subgroups = subgroups
  }

  /// Met when the check is off or every count is met.
  public var isMet: Bool { !isEnabled || subgroups.allSatisfy(\.isMet) }
}
