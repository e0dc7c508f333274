/// The per-instantiation characterizations of one practice, in sample order.
///
/// A rated result reads them straight from the engine's ``CharacterizationTable`` (a practice number and
/// the unit numbers, no struct per pair); each element is built only when it is read. The counting
/// questions reports ask of a thousand units (``valueCounts``, ``overrideCount``, ``weaknesses``) are
/// answered from the table's codes without building any. Made from an array, it simply holds the array.
public struct InstantiationValues: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
  private enum Backing: Sendable {
    case array([InstantiationCharacterization])
    case table(CharacterizationTable.Storage, base: Int, units: [Int32])
  }

  private let backing: Backing

  public init(_ elements: [InstantiationCharacterization]) { backing = .array(elements) }

  public init(arrayLiteral elements: InstantiationCharacterization...) { backing = .array(elements) }

  init(storage: CharacterizationTable.Storage, practice: Int, units: [Int32]) {
    backing = .table(storage, base: practice * storage.units.count, units: units)
  }

  public var startIndex: Int { 0 }

  public var endIndex: Int {
    switch backing {
    case .array(let elements): elements.count
    case .table(_, _, let units): units.count
    }
  }

  public subscript(position: Int) -> InstantiationCharacterization {
    switch backing {
    case .array(let elements): elements[position]
    case .table(let storage, let base, let units): storage.characterization(base + Int(units[position]))
    }
  }

  /// The value of element `position` (``InstantiationCharacterization/value``) without building it.
  public func value(at position: Int) -> Characterization? {
    switch backing {
    case .array(let elements): elements[position].value
    case .table(let storage, let base, let units):
      CharacterizationTable.Storage.value(storage.valueCode(base + Int(units[position])))
    }
  }

  /// Every element's value (``value(at:)``), read in one pass.
  public var values: [Characterization?] {
    switch backing {
    case .array(let elements): return elements.map(\.value)
    case .table(let storage, let base, let units):
      // The arrays are taken out of the storage once, not per element.
      let team = storage.team
      let derived = storage.derived
      return units.map { unit in
        let pair = base + Int(unit)
        return CharacterizationTable.Storage.value(team[pair] != 0 ? team[pair] : derived[pair])
      }
    }
  }

  /// The instantiation of element `position` without building it.
  public func instantiation(at position: Int) -> String {
    switch backing {
    case .array(let elements): elements[position].instantiation
    case .table(let storage, _, let units): storage.units[Int(units[position])]
    }
  }

  /// Whether element `position` carries a weakness, without building it.
  public func hasWeakness(at position: Int) -> Bool {
    switch backing {
    case .array(let elements): !elements[position].weaknesses.isEmpty
    case .table(let storage, let base, let units): storage.hasWeakness(base + Int(units[position]))
    }
  }

  /// The team's value of element `position`, without building it.
  public func team(at position: Int) -> Characterization? {
    switch backing {
    case .array(let elements): elements[position].team
    case .table(let storage, let base, let units):
      CharacterizationTable.Storage.value(storage.team[base + Int(units[position])])
    }
  }

  /// How many elements have each value: indices 0–4 count FI, LI, PI, NI, NY (``Characterization/allCases``
  /// order), index 5 those not characterized.
  public var valueCounts: [Int] {
    var counts = Array(repeating: 0, count: 6)
    switch backing {
    case .array(let elements):
      for element in elements { counts[Self.slot(CharacterizationTable.Storage.code(element.value))] += 1 }
    case .table(let storage, let base, let units):
      let team = storage.team
      let derived = storage.derived
      for unit in units {
        let pair = base + Int(unit)
        counts[Self.slot(team[pair] != 0 ? team[pair] : derived[pair])] += 1
      }
    }
    return counts
  }

  /// How many elements carry a team value that overrides a different derived one.
  public var overrideCount: Int {
    switch backing {
    case .array(let elements): return elements.lazy.filter(\.isOverride).count
    case .table(let storage, let base, let units):
      var count = 0
      let teams = storage.team
      let derivedValues = storage.derived
      for unit in units {
        let pair = base + Int(unit)
        let team = teams[pair]
        let derived = derivedValues[pair]
        if team != 0 && derived != 0 && team != derived { count += 1 }
      }
      return count
    }
  }

  /// The positions of the elements whose team value and whether they carry a weakness pass `include`,
  /// without building any element.
  public func positions(where include: (_ team: Characterization?, _ hasWeakness: Bool) -> Bool) -> [Int] {
    switch backing {
    case .array(let elements):
      return elements.indices.filter { include(elements[$0].team, !elements[$0].weaknesses.isEmpty) }
    case .table(let storage, let base, let units):
      var found: [Int] = []
      for (position, unit) in units.enumerated() {
        let pair = base + Int(unit)
        if include(CharacterizationTable.Storage.value(storage.team[pair]), storage.hasWeakness(pair)) {
          found.append(position)
        }
      }
      return found
    }
  }

  /// How many weaknesses the elements carry in all.
  public var weaknessCount: Int {
    switch backing {
    case .array(let elements): return elements.reduce(0) { $0 + $1.weaknesses.count }
    case .table(let storage, let base, let units):
      var count = 0
      for unit in units { count += storage.weaknessCount(base + Int(unit)) }
      return count
    }
  }

  /// Every weakness of every element, in element order (each element's in file order).
  public var weaknesses: [Observation] { observations(.weakness) }

  /// Every strength of every element, in element order (each element's in file order).
  public var strengths: [Observation] { observations(.strength) }

  private func observations(_ kind: Observation.Kind) -> [Observation] {
    switch backing {
    case .array(let elements):
      return elements.flatMap { kind == .weakness ? $0.weaknesses : $0.strengths }
    case .table(let storage, let base, let units):
      var list: [Observation] = []
      for unit in units { storage.appendObservations(base + Int(unit), kind: kind, to: &list) }
      return list
    }
  }

  /// The observations of `kind`, merged by practice and text in order of first appearance, each with the
  /// instantiations it was recorded in (each once, in element order) and whether any is a major weakness.
  public func observationGroups(_ kind: Observation.Kind) -> [ObservationGroup] {
    var groups: [ObservationGroup] = []
    switch backing {
    case .array(let elements):
      var numbers: [PracticeReference: [String: Int]] = [:]
      var seen: [Set<String>] = []
      for element in elements {
        for observation in kind == .weakness ? element.weaknesses : element.strengths {
          let number: Int
          if let known = numbers[observation.practice]?[observation.text] {
            number = known
          } else {
            number = groups.count
            numbers[observation.practice, default: [:]][observation.text] = number
            groups.append(.init(practice: observation.practice, text: observation.text, units: [], major: false))
            seen.append([])
          }
          if seen[number].insert(observation.instantiation).inserted {
            groups[number].units.append(observation.instantiation)
          }
          if observation.impact == .major && observation.kind == .weakness { groups[number].major = true }
        }
      }
    case .table:
      let both = observationGroups()
      return kind == .weakness ? both.weaknesses : both.strengths
    }
    return groups
  }

  /// The weaknesses and the strengths, each grouped as ``observationGroups(_:)`` groups them, in one walk
  /// over the pairs.
  public func observationGroups() -> (weaknesses: [ObservationGroup], strengths: [ObservationGroup]) {
    guard case .table(let storage, let base, let units) = backing else {
      return (observationGroups(.weakness), observationGroups(.strength))
    }
    var weaknesses = Grouping()
    var strengths = Grouping()
    let names = storage.units
    withBuffers(storage, units) { unitNumbers, starts, kinds, texts in
      // Index loops: iterators over the captured buffers were calls, once per pair.
      for position in 0..<unitNumbers.count {
        let unit = Int(unitNumbers[position])
        let pair = base + unit
        var index = Int(starts[pair])
        let end = Int(starts[pair + 1])
        while index < end {
          defer { index += 1 }
          let kind = kinds[index]
          if kind != 0 {
            weaknesses.add(
              texts[index], position: Int32(position), unit: names[unit],
              practice: storage.observations[Int(storage.observationIndex[index])].practice, major: kind == 3)
          } else {
            strengths.add(
              texts[index], position: Int32(position), unit: names[unit],
              practice: storage.observations[Int(storage.observationIndex[index])].practice, major: false)
          }
        }
      }
    }
    return (weaknesses.groups, strengths.groups)
  }

  /// One practice's observations of one kind merged by text as its pairs are walked (``observationGroups()``).
  private struct Grouping {
    var groups: [ObservationGroup] = []
    var numbers: [String: Int] = [:]
    /// Per group, the position of the unit listed last: a pair's observations come together, so a unit
    /// already listed for a group is its last one.
    var last: [Int32] = []
    /// The group of the previous observation: most repeat its text, compared before the text is hashed.
    var previous = -1

    mutating func add(
      _ text: String, position: Int32, unit: @autoclosure () -> String,
      practice: @autoclosure () -> PracticeReference, major: Bool
    ) {
      let number: Int
      if previous >= 0 && groups[previous].text == text {
        number = previous
      } else if let known = numbers[text] {
        number = known
      } else {
        number = groups.count
        numbers[text] = number
        groups.append(.init(practice: practice(), text: text, units: [], major: false))
        last.append(-1)
      }
      previous = number
      if last[number] != position {
        last[number] = position
        groups[number].units.append(unit())
      }
      if major { groups[number].major = true }
    }
  }

  /// Calls `body` with the unit numbers, the table's first observation position of each pair and, by
  /// position, the observations' kind codes and texts, as raw buffers.
  private func withBuffers<Result>(
    _ storage: CharacterizationTable.Storage, _ units: [Int32],
    _ body: (
      UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<String>
    ) -> Result
  ) -> Result {
    units.withUnsafeBufferPointer { units in
      storage.observationStart.withUnsafeBufferPointer { starts in
        storage.observationKinds.withUnsafeBufferPointer { kinds in
          storage.observationTexts.withUnsafeBufferPointer { texts in body(units, starts, kinds, texts) }
        }
      }
    }
  }

  /// Observations of one practice with the same text (``observationGroups(_:)``).
  public struct ObservationGroup: Sendable {
    public var practice: PracticeReference
    public var text: String
    /// The instantiations it was recorded in, each once.
    public var units: [String]
    /// Whether any of them is a major weakness.
    public var major: Bool

    public init(practice: PracticeReference, text: String, units: [String] = [], major: Bool = false) {
      self.practice = practice
      self.text = text
      self.units = units
      self.major = major
    }
  }

  private static func slot(_ code: UInt8) -> Int { code == 0 ? 5 : Int(code) - 1 }

  public static func == (lhs: InstantiationValues, rhs: InstantiationValues) -> Bool {
    lhs.elementsEqual(rhs)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for element in self { hasher.combine(element) }
  }
}
