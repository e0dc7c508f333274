/// Evidence that a reader validated and counted as it streamed past, instead of keeping every item:
/// the indicator counts per (practice, instantiation) pair — all the rating rules use of evidence.
///
/// Large appraisals (millions of items) are read this way so memory does not grow with the items'
/// text; ``Appraisal/evidence`` then stays empty and ``Appraisal/evidenceTally`` holds the counts.
public struct EvidenceTally: Hashable, Sendable {
  /// The practices and instantiations the counts are indexed by.
  public let practices: [PracticeReference]
  public let units: [String]
  /// Four 32-bit counts per pair (direct, indirect, untyped artifacts, affirmations), in pair order:
  /// half the size of ``EvidenceCounts`` — a 1 GB file has over a million pairs.
  private var counts: [UInt32]
  /// How many evidence items were counted.
  public private(set) var itemCount = 0

  public init(practices: [PracticeReference], units: [String]) {
    self.practices = practices
    self.units = units
    counts = Array(repeating: 0, count: 4 * practices.count * units.count)
  }

  /// Counts one item of practice number `practice` (an index into ``practices``) in unit number `unit`.
  public mutating func add(practice: Int, unit: Int, indicator: EvidenceItem.Indicator) {
    let slot = 4 * (practice * units.count + unit) + Self.slot(indicator)
    // Saturates instead of trapping (four billion items for one pair would take a file of terabytes).
    if counts[slot] < .max { counts[slot] += 1 }
    itemCount += 1
  }

  /// Calls `body` for every pair with at least one item (no intermediate array: there can be millions).
  public func forEachPair(_ body: (PracticeReference, String, EvidenceCounts) -> Void) {
    guard !units.isEmpty else { return }
    for pair in 0..<(counts.count / 4) {
      let value = self[pair]
      if !value.isEmpty { body(practices[pair / units.count], units[pair % units.count], value) }
    }
  }

  /// The counts as stored: four per pair (direct, indirect, untyped artifacts, affirmations), pair number
  /// practice × units + unit. The rating table takes the numbers as they are instead of looking names up.
  public var pairCounts: [UInt32] { counts }

  /// The units with at least one artifact, and with at least one affirmation, for some practice of
  /// `processArea` (the data-coverage rule's question), looking only at that area's practices.
  public func coverage(of processArea: String) -> (artifacts: Set<String>, affirmations: Set<String>) {
    var artifacts: Set<String> = []
    var affirmations: Set<String> = []
    for (number, practice) in practices.enumerated() where practice.processArea == processArea {
      for (unitNumber, unit) in units.enumerated() {
        let value = self[number * units.count + unitNumber]
        if value.artifacts > 0 { artifacts.insert(unit) }
        if value.affirmations > 0 { affirmations.insert(unit) }
      }
    }
    return (artifacts, affirmations)
  }

  private static func slot(_ indicator: EvidenceItem.Indicator) -> Int {
    switch indicator {
    case .directArtifact: 0
    case .indirectArtifact: 1
    case .artifact: 2
    case .affirmation: 3
    }
  }

  /// The counts of pair number `pair` (practice × units + unit).
  private subscript(pair: Int) -> EvidenceCounts {
    let base = 4 * pair
    return EvidenceCounts(
      directArtifacts: Int(counts[base]), indirectArtifacts: Int(counts[base + 1]),
      untypedArtifacts: Int(counts[base + 2]), affirmations: Int(counts[base + 3]))
  }
}
