/// A process model as data: its identity, its process areas and its generic goals.
///
/// The bundled CMMI-SVC V1.3 catalog and any in-house model load into this same type; the rating engine
/// knows no process area by name.
public struct Catalog: Hashable, Sendable {
  /// Which model and version the catalog describes (appraisals name the catalog by these two).
  public struct Model: Hashable, Sendable, Codable {
    public var id: String
    public var version: String
    public var title: String
    public var reference: String?

    public init(id: String, version: String, title: String, reference: String? = nil) {
      self.id = id
      self.version = version
      self.title = title
      self.reference = reference
    }

    /// Why a file made for model `id` version `version` does not fit this catalog, or `nil` if it does.
    public func mismatch(_ id: String, _ version: String, what: String) -> String? {
      id == self.id && version == self.version
        ? nil : "\(what) is for \(id) \(version); expected the catalog's \(self.id) \(self.version)"
    }
  }

  public var model: Model
  public var processAreas: [ProcessArea] { didSet { index = Index(processAreas, genericGoals) } }
  public var genericGoals: [GenericGoal] { didSet { index = Index(processAreas, genericGoals) } }
  /// Look-up tables derived from the areas and goals (validation asks once per evidence item).
  private var index: Index

  public init(model: Model, processAreas: [ProcessArea], genericGoals: [GenericGoal]) {
    self.model = model
    self.processAreas = processAreas
    self.genericGoals = genericGoals
    index = Index(processAreas, genericGoals)
  }

  private struct Index: Hashable, Sendable {
    var areas: [String: Int] = [:]
    var practices: Set<PracticeReference> = []
    var genericPractices: Set<String> = []

    init(_ areas: [ProcessArea], _ generic: [GenericGoal]) {
      for (offset, area) in areas.enumerated() {
        if self.areas[area.id] == nil { self.areas[area.id] = offset }
        for goal in area.goals {
          for practice in goal.practices { practices.insert(PracticeReference(area.id, practice.id)) }
        }
      }
      genericPractices = Set(generic.flatMap { $0.practices.map(\.id) })
    }
  }

  /// The process area with the acronym `id`.
  public func processArea(_ id: String) -> ProcessArea? { index.areas[id].map { processAreas[$0] } }

  /// The generic goal with `id` (`GG 2`).
  public func genericGoal(_ id: String) -> GenericGoal? { genericGoals.first { $0.id == id } }

  /// The generic goal establishing capability level `level`.
  public func genericGoal(forCapabilityLevel level: Int) -> GenericGoal? {
    genericGoals.first { $0.capabilityLevel == level }
  }

  /// The highest capability level the catalog's generic goals define (3 for CMMI V1.3).
  public var highestCapabilityLevel: Int { genericGoals.map(\.capabilityLevel).max() ?? 0 }

  /// Whether `reference` names a practice of this catalog: a specific practice of the area or a generic one.
  public func contains(_ reference: PracticeReference) -> Bool {
    guard index.areas[reference.processArea] != nil else { return false }
    return index.practices.contains(reference) || index.genericPractices.contains(reference.practice)
  }

  /// Counts for summaries and tests: process areas, specific goals, specific practices, generic goals and
  /// generic practices.
  public var counts: Counts {
    Counts(
      processAreas: processAreas.count,
      specificGoals: processAreas.reduce(0) { $0 + $1.goals.count },
      specificPractices: processAreas.reduce(0) { $0 + $1.goals.reduce(0) { $0 + $1.practices.count } },
      genericGoals: genericGoals.count,
      genericPractices: genericGoals.reduce(0) { $0 + $1.practices.count })
  }

  public struct Counts: Hashable, Sendable {
    public var processAreas, specificGoals, specificPractices, genericGoals, genericPractices: Int

    public init(processAreas: Int, specificGoals: Int, specificPractices: Int, genericGoals: Int, genericPractices: Int)
    {
      self.processAreas = processAreas
      self.specificGoals = specificGoals
      self.specificPractices = specificPractices
      self.genericGoals = genericGoals
      self.genericPractices = genericPractices
    }
  }
}
