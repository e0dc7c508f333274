/// Evidence that a reader validated and counted as it streamed past, instead of keeping every item:
/// the indicator counts per (practice, instantiation) pair — all the rating rules use of evidence.
///
/// Large appraisals (millions of items) are read this way so memory does not grow with the items'
/// text; ``Appraisal/evidence`` then stays empty and ``Appraisal/evidenceTally`` holds the counts.
public struct EvidenceTally: Hashable, Sendable {
  /// The practices and instantiations the counts are indexed by.
  public let practices: [PracticeReference]
  public let units: [String]
  private var counts: [EvidenceCounts]
  /// How many evidence items were counted.
  public private(set) var itemCount = 0

  public init(practices: [PracticeReference], units: [String]) {
    self.practices = practices
    self.units = units
    counts = Array(repeating: EvidenceCounts(), count: practices.count * units.count)
  }

  /// Counts one item of practice number `practice` (an index into ``practices``) in unit number `unit`.
  public mutating func add(practice: Int, unit: Int, indicator: EvidenceItem.Indicator) {
    counts[practice * units.count + unit].add(indicator)
    itemCount += 1
  }

  /// Calls `body` for every pair with at least one item (no intermediate array: there can be millions).
  public func forEachPair(_ body: (PracticeReference, String, EvidenceCounts) -> Void) {
    guard !units.isEmpty else { return }
    for (offset, value) in counts.enumerated() where !value.isEmpty {
      body(practices[offset / units.count], units[offset % units.count], value)
    }
  }

  /// The units with at least one artifact, and with at least one affirmation, for some practice of
  /// `processArea` (the data-coverage rule's question), looking only at that area's practices.
  public func coverage(of processArea: String) -> (artifacts: Set<String>, affirmations: Set<String>) {
    var artifacts: Set<String> = []
    var affirmations: Set<String> = []
    for (number, practice) in practices.enumerated() where practice.processArea == processArea {
      for (unitNumber, unit) in units.enumerated() {
        let value = counts[number * units.count + unitNumber]
        if value.artifacts > 0 { artifacts.insert(unit) }
        if value.affirmations > 0 { affirmations.insert(unit) }
      }
    }
    return (artifacts, affirmations)
  }
}
