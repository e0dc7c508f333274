import AppraisalModel

/// Validates evidence items one by one as a streaming reader produces them and folds them into an
/// ``EvidenceTally``, so a large file's items never accumulate in memory.
///
/// It checks what ``AppraisalValidator`` checks for evidence — a practice of the catalog in a rated area
/// and goal, a declared instantiation that examines the area, a calendar date, a unique id — but only
/// answers *whether* everything is fine. On the first doubt it gives up (``isAbandoned``), and the reader
/// reads the file again the ordinary way, which reports every problem with its place. Ids are compared by
/// hash here; a collision only sends the file down that exact path.
struct EvidenceSummarizer {
  let catalog: Catalog
  private(set) var isAbandoned = false
  private(set) var tally: EvidenceTally?
  private var practiceNumbers: [PracticeReference: Int] = [:]
  private var units: [String: (number: Int, unit: Instantiation)] = [:]
  private var ids: Set<Int> = []

  init(catalog: Catalog) { self.catalog = catalog }

  /// Prepares the look-up tables from the parts of the file that precede the evidence.
  mutating func begin(scope: AppraisalScope, target: RatingTarget, instantiations: [Instantiation]) {
    let generic = target.ratedGenericLevels.flatMap { catalog.genericGoal(forCapabilityLevel: $0)?.practices ?? [] }
    var practices: [PracticeReference] = []
    for id in scope.processAreas {
      guard let area = catalog.processArea(id), practices.allSatisfy({ $0.processArea != id }) else { continue }
      for practice in area.goals.flatMap(\.practices) + generic {
        practiceNumbers[PracticeReference(id, practice.id)] = practices.count
        practices.append(PracticeReference(id, practice.id))
      }
    }
    for unit in instantiations where units[unit.id] == nil { units[unit.id] = (units.count, unit) }
    let names = units.sorted { $0.value.number < $1.value.number }.map(\.key)
    tally = EvidenceTally(practices: practices, units: names)
  }

  var hasBegun: Bool { tally != nil }

  /// Checks and counts one item.
  mutating func add(_ item: EvidenceItem) {
    guard !isAbandoned, tally != nil else { return abandon() }
    guard let practice = practiceNumbers[item.practice], let unit = units[item.instantiation],
      unit.unit.examines(item.practice.processArea), ids.insert(item.id.hashValue).inserted,
      !item.id.isEmpty, !item.locator.document.isEmpty,
      item.locator.date.map(AppraisalValidator.isCalendarDate) ?? true
    else { return abandon() }
    tally!.add(practice: practice, unit: unit.number, indicator: item.indicator)
  }

  mutating func abandon() {
    isAbandoned = true
    tally = nil
    ids = []
  }
}
