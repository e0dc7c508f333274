/// The SCAMPI practice implementation characterization of one practice (in an instantiation or for the
/// organizational unit). "Not characterized" is the absence of a value (`Characterization?` = `nil`), which
/// is different from NI.
public enum Characterization: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  /// Fully implemented: sufficient, adequate evidence and no weaknesses.
  case fullyImplemented = "FI"
  /// Largely implemented: sufficient, adequate evidence and one or more weaknesses.
  case largelyImplemented = "LI"
  /// Partially implemented: some evidence absent, inadequate or conflicting, but some aspects implemented.
  case partiallyImplemented = "PI"
  /// Not implemented: evidence absent or inadequate.
  case notImplemented = "NI"
  /// Not yet: the instantiation has not reached the point where the practice applies.
  case notYet = "NY"

  /// The two-letter code used in files and reports.
  public var code: String { rawValue }

  /// Whether the value supports a Satisfied goal (FI or LI).
  public var supportsSatisfaction: Bool { self == .fullyImplemented || self == .largelyImplemented }

  /// Order from strongest to weakest implementation, NY last; used for stable listings, never for rating.
  public static func < (lhs: Characterization, rhs: Characterization) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
