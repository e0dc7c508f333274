/// The level an action plan aims at: a maturity level (staged), or a capability level in some process areas
/// (continuous; `areas` `nil` means the areas the appraisal rates).
public enum PlanTarget: Hashable, Sendable, CustomStringConvertible {
  case maturityLevel(Int)
  case capabilityLevel(Int, areas: [String]?)

  /// Reads `ML 2`, `ML2`, `ml2`, `CL 1`, `cl1` (a capability level with no areas named); `nil` for anything
  /// else, including levels a CMMI V1.3 target cannot have (ML 2–5, CL 1–3).
  public init?(parsing text: String) {
    let compact = text.uppercased().filter { $0 != " " && $0 != "\t" }
    guard compact.count >= 3, let level = Int(compact.dropFirst(2)), compact.dropFirst(2).allSatisfy(\.isNumber)
    else { return nil }
    switch compact.prefix(2) {
    case "ML" where (2...5).contains(level): self = .maturityLevel(level)
    case "CL" where (1...3).contains(level): self = .capabilityLevel(level, areas: nil)
    default: return nil
    }
  }

  /// The target an appraisal was rated for, as a plan target (its capability level over the areas it rates).
  public init(_ target: RatingTarget) {
    switch target {
    case .maturityLevel(let level): self = .maturityLevel(level)
    case .capabilityLevel(let level): self = .capabilityLevel(level, areas: nil)
    }
  }

  /// What `--target` accepts, for messages.
  public static let accepted = "ML 2–ML 5 or CL 1–CL 3 (e.g. 'ML 2', 'ml2', 'CL 1', 'cl1')"

  /// The level number.
  public var level: Int {
    switch self {
    case .maturityLevel(let level), .capabilityLevel(let level, _): level
    }
  }

  /// `ML 2` or `CL 1`.
  public var description: String {
    switch self {
    case .maturityLevel(let level): "ML \(level)"
    case .capabilityLevel(let level, _): "CL \(level)"
    }
  }

  /// The generic-goal capability levels whose goals the target needs Satisfied: GG 2 (and GG 3) as
  /// ``MaturityLevelRule/requiredGenericLevels(forMaturityLevel:)`` says for a maturity level; GG 2 up to
  /// GG N for capability level N (CL 1 needs the specific goals only, ``CapabilityLevelRule``).
  public var requiredGenericLevels: [Int] {
    switch self {
    case .maturityLevel(let level): MaturityLevelRule.requiredGenericLevels(forMaturityLevel: level)
    case .capabilityLevel(let level, _): level >= 2 ? Array(2...level) : []
    }
  }

  /// The rating target that rates those generic goals.
  var ratingTarget: RatingTarget {
    switch self {
    case .maturityLevel(let level): .maturityLevel(level)
    case .capabilityLevel(let level, _): .capabilityLevel(level)
    }
  }
}
