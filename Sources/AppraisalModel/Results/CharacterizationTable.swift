/// The characterizations of every (practice, instantiation) pair, looked up by practice and unit.
///
/// Pairs are numbered (practice number × 2³² + unit number) so the engine hashes integers, not strings,
/// when it walks hundreds of thousands of pairs.
public struct CharacterizationTable: Sendable {
  private var practiceNumbers: [PracticeReference: Int] = [:]
  private var unitNumbers: [String: Int] = [:]
  private var practices: [PracticeReference] = []
  private var units: [String] = []
  var cells: [Int: InstantiationCharacterization] = [:]

  /// The characterization of `practice` in `unit`, if the pair was recorded or required.
  public subscript(practice: PracticeReference, unit: String) -> InstantiationCharacterization? {
    guard let p = practiceNumbers[practice], let u = unitNumbers[unit] else { return nil }
    return cells[p << 32 | u]
  }

  /// The practices that have at least one characterized pair.
  public var practicesRecorded: Set<PracticeReference> {
    Set(cells.keys.map { practices[$0 >> 32] })
  }

  /// The number of a pair, numbering new practices and units as they come.
  mutating func key(_ practice: PracticeReference, _ unit: String) -> Int {
    let p: Int
    if let known = practiceNumbers[practice] {
      p = known
    } else {
      p = practices.count
      practices.append(practice)
      practiceNumbers[practice] = p
    }
    let u: Int
    if let known = unitNumbers[unit] {
      u = known
    } else {
      u = units.count
      units.append(unit)
      unitNumbers[unit] = u
    }
    return p << 32 | u
  }

  /// The practice and unit of a pair number.
  func pair(_ key: Int) -> (PracticeReference, String) { (practices[key >> 32], units[key & 0xFFFF_FFFF]) }
}
