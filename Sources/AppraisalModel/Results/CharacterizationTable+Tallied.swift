extension CharacterizationTable {
  /// An evidence tally's counts as the rating table reads them: left as the tally stores them, with each
  /// table practice's and unit's number in the tally (-1 for none), instead of copied into four counts per
  /// pair of the table.
  struct Tallied: Sendable {
    private var counts: [UInt32] = []
    private var width = 0
    private var practiceCount: Int
    private var unitCount: Int
    /// Per table practice and unit: its number in the tally, or -1.
    private var practices: [Int32] = []
    private var units: [Int32] = []
    /// Whether a tally was adopted (``adopt(_:width:practices:units:)``).
    private(set) var isAdopted = false

    /// No tally yet, for a table of `practices` practices and `units` units.
    init(practices: Int, units: Int) {
      practiceCount = practices
      unitCount = units
    }

    /// Adopts a tally's counts, four per tally pair at tally practice × `width` + tally unit, given the table
    /// number of each tally practice and unit. Refused (false) when two tally practices or units have the
    /// same table number: then their counts belong summed in the table's own.
    mutating func adopt(_ counts: [UInt32], width: Int, practices tablePractices: [Int], units tableUnits: [Int])
      -> Bool
    {
      guard let practices = Self.inverse(tablePractices, count: practiceCount),
        let units = Self.inverse(tableUnits, count: unitCount)
      else { return false }
      self.counts = counts
      self.width = width
      self.practices = practices
      self.units = units
      isAdopted = true
      return true
    }

    /// The tally's count in `slot` (direct, indirect, untyped artifacts, affirmations) for table practice
    /// `practice` in table unit `unit`; 0 when the tally has none.
    func count(practice: Int, unit: Int, slot: Int) -> UInt32 {
      guard isAdopted, practices[practice] >= 0, units[unit] >= 0 else { return 0 }
      let index = 4 * (Int(practices[practice]) * width + Int(units[unit])) + slot
      return index < counts.count ? counts[index] : 0
    }

    /// Each table number's position in `numbers`, or -1; nil when a number comes twice.
    private static func inverse(_ numbers: [Int], count: Int) -> [Int32]? {
      var positions = Array(repeating: Int32(-1), count: count)
      for (position, number) in numbers.enumerated() {
        guard positions[number] < 0 else { return nil }
        positions[number] = Int32(position)
      }
      return positions
    }
  }
}
