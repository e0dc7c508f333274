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

  /// Every pair with at least one item, with its counts.
  public var pairs: [(practice: PracticeReference, unit: String, counts: EvidenceCounts)] {
    var result: [(PracticeReference, String, EvidenceCounts)] = []
    for (offset, value) in counts.enumerated() where !value.isEmpty {
      result.append((practices[offset / units.count], units[offset % units.count], value))
    }
    return result
  }
}
