/// How far one side of a cross-version comparison goes for one V3.0 practice area, in levels 0–3: the
/// level it reaches, whether the next one is unknown (Not Rated) rather than failed, and the highest level
/// it was rated for (its target).
public struct CrossVersionLevel: Hashable, Sendable {
  /// 0–3.
  public var level: Int
  /// The next level could not be decided: something at that level is Not Rated.
  public var nextLevelNotRated: Bool
  /// The highest level this side was rated for (1–3); levels above it are not compared.
  public var ratedUpTo: Int

  public init(level: Int, nextLevelNotRated: Bool = false, ratedUpTo: Int) {
    self.level = level
    self.nextLevelNotRated = nextLevelNotRated
    self.ratedUpTo = ratedUpTo
  }
}
