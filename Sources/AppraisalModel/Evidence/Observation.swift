/// A strength or weakness the team recorded against a practice in an instantiation. Non-attributed: the
/// text names no person and no interview session.
public struct Observation: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable {
    case strength, weakness
  }

  /// How much of the practice a weakness takes away.
  public enum Impact: String, Hashable, Sendable, Codable, CaseIterable {
    /// The practice is implemented with a shortcoming (supports LI at best).
    case minor
    /// An aspect of the practice is not implemented (supports PI at best).
    case major
  }

  public var id: String?
  public var kind: Kind
  public var practice: PracticeReference
  public var instantiation: String
  public var text: String
  /// Only meaningful for weaknesses; strengths are always `.minor`.
  public var impact: Impact

  public init(
    id: String? = nil, kind: Kind, practice: PracticeReference, instantiation: String, text: String,
    impact: Impact = .minor
  ) {
    self.id = id
    self.kind = kind
    self.practice = practice
    self.instantiation = instantiation
    self.text = text
    self.impact = impact
  }

  /// A weakness with the given impact.
  public static func weakness(
    _ practice: PracticeReference, in instantiation: String, _ text: String, impact: Impact = .minor
  ) -> Observation {
    Observation(kind: .weakness, practice: practice, instantiation: instantiation, text: text, impact: impact)
  }

  /// A strength.
  public static func strength(_ practice: PracticeReference, in instantiation: String, _ text: String) -> Observation {
    Observation(kind: .strength, practice: practice, instantiation: instantiation, text: text)
  }
}
