import AppraisalModel

/// Validates evidence items one by one as a streaming reader produces them and folds them into an
/// ``EvidenceTally``, so a large file's items never accumulate in memory.
///
/// It checks what ``AppraisalValidator`` checks for evidence — a practice of the catalog in a rated area
/// and goal, a declared instantiation that examines the area, a unique id — but only answers *whether*
/// everything is fine. On the first doubt it gives up (``isAbandoned``), and the reader reads the file
/// again the ordinary way, which reports every problem with its place.
///
/// It works on the bytes of attribute values: practice references and instantiation ids are looked up
/// in byte tables filled on first sight, and ids are kept as bits of a bitmap or 64-bit hashes
/// (``IDLog``; a collision only sends the file down the exact path).
struct EvidenceSummarizer {
  let catalog: Catalog
  private(set) var isAbandoned = false
  private(set) var tally: EvidenceTally?
  /// Begun and not abandoned (testing `tally` copied it).
  private var counting = false
  private var practiceNumbers: [PracticeReference: Int] = [:]
  /// The process area (an index into `areaIDs`) of each practice number.
  private var practiceAreas: [Int] = []
  private var areaIDs: [String] = []
  private var unitNumbers: [String: Int] = [:]
  /// Whether unit u examines area a, at `u * areaIDs.count + a`.
  private var examines: [Bool] = []
  /// Byte spelling → practice or unit number, or -1 for a spelling that is not one.
  private var practiceSpellings = ByteTable()
  private var unitSpellings = ByteTable()
  private let ids = IDLog()

  init(catalog: Catalog) { self.catalog = catalog }

  /// Prepares the look-up tables from the parts of the file that precede the evidence.
  mutating func begin(scope: AppraisalScope, target: RatingTarget, instantiations: [Instantiation]) {
    let generic = scope.ratedGenericLevelsOfAnyArea(target: target).flatMap {
      catalog.genericGoal(forCapabilityLevel: $0)?.practices ?? []
    }
    var practices: [PracticeReference] = []
    for id in scope.processAreas {
      guard let area = catalog.processArea(id), !areaIDs.contains(id) else { continue }
      for practice in area.goals.flatMap(\.practices) + generic {
        practiceNumbers[PracticeReference(id, practice.id)] = practices.count
        practices.append(PracticeReference(id, practice.id))
        practiceAreas.append(areaIDs.count)
      }
      areaIDs.append(id)
    }
    var units: [Instantiation] = []
    for unit in instantiations where unitNumbers[unit.id] == nil {
      unitNumbers[unit.id] = units.count
      units.append(unit)
    }
    examines = units.flatMap { unit in areaIDs.map(unit.examines) }
    tally = EvidenceTally(practices: practices, units: units.map(\.id))
    counting = true
  }

  var hasBegun: Bool { tally != nil }

  /// The number of the practice spelled `bytes` (e.g. `SCON SP 2.3`), or `nil` if it is none in scope.
  mutating func practice(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    if let known = practiceSpellings.value(for: bytes) { return known < 0 ? nil : known }
    let number = EvidenceVocabulary.practice(String(decoding: bytes, as: UTF8.self)).flatMap { practiceNumbers[$0] }
    practiceSpellings.set(number ?? -1, for: bytes)
    return number
  }

  /// The number of the instantiation whose id is `bytes`, or `nil` if none is declared.
  mutating func unit(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    if let known = unitSpellings.value(for: bytes) { return known < 0 ? nil : known }
    let number = unitNumbers[String(decoding: bytes, as: UTF8.self)]
    unitSpellings.set(number ?? -1, for: bytes)
    return number
  }

  /// Where item ids are recorded (take it before a loop: reading it from inside a closure that captures the
  /// summarizer copied the whole summarizer, every time).
  var idLog: IDLog { ids }

  /// Checks and counts one item whose practice and unit numbers come from ``practice(_:)`` and
  /// ``unit(_:)`` and whose id is `id` (``idKey(_:)``); gives up if the unit does not examine the practice's
  /// area, or the id was given before.
  mutating func add(practice: Int, unit: Int, id: IDLog.Key?, indicator: EvidenceItem.Indicator) {
    guard counting, let id, examines[unit * areaIDs.count + practiceAreas[practice]], ids.insert(id)
    else { return abandon() }
    tally!.add(practice: practice, unit: unit, indicator: indicator)
  }

  /// Ends the evidence: gives up if two items share an id.
  mutating func finish() {
    if !isAbandoned && ids.hasRepeats() { abandon() }
  }

  mutating func abandon() {
    isAbandoned = true
    counting = false
    tally = nil
  }
}
