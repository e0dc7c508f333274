/// The characterizations of every (practice, instantiation) pair, looked up by practice and unit.
///
/// Practices and units are numbered; pairs are stored densely at practice number × units + unit number,
/// so the engine walks hundreds of thousands of pairs without hashing anything but the names once.
public struct CharacterizationTable: Sendable {
  private var practiceNumbers: [PracticeReference: Int] = [:]
  private var unitNumbers: [String: Int] = [:]
  private(set) var practices: [PracticeReference] = []
  private(set) var units: [String] = []
  /// Filled by ``allocate()`` once every practice and unit is numbered.
  var cells: [InstantiationCharacterization?] = []

  /// The characterization of `practice` in `unit`, if the pair was recorded or required.
  public subscript(practice: PracticeReference, unit: String) -> InstantiationCharacterization? {
    guard let p = practiceNumbers[practice], let u = unitNumbers[unit], !cells.isEmpty else { return nil }
    return cells[p * units.count + u]
  }

  /// The practices that have at least one characterized pair.
  public var practicesRecorded: Set<PracticeReference> {
    var recorded: Set<PracticeReference> = []
    for (index, cell) in cells.enumerated() where cell != nil { recorded.insert(practices[index / units.count]) }
    return recorded
  }

  /// The number of a practice, numbering new ones as they come.
  mutating func number(_ practice: PracticeReference) -> Int {
    if let known = practiceNumbers[practice] { return known }
    practiceNumbers[practice] = practices.count
    practices.append(practice)
    return practices.count - 1
  }

  /// The number of a unit, numbering new ones as they come.
  mutating func number(_ unit: String) -> Int {
    if let known = unitNumbers[unit] { return known }
    unitNumbers[unit] = units.count
    units.append(unit)
    return units.count - 1
  }

  /// Makes room for every pair of the numbered practices and units; numbering must be complete.
  mutating func allocate() { cells = Array(repeating: nil, count: practices.count * units.count) }
}
