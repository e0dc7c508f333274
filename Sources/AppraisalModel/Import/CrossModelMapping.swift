/// Links between another framework's processes (ITIL V2, V3/2011, ITIL 4) and the catalog's process
/// areas and practices, loaded from a data file (practice-catalogs/mappings/, format in
/// docs/itsm-import.md). Every link names its source; no link is presented as authoritative unless its
/// source says it is.
public struct CrossModelMapping: Hashable, Sendable {
  /// Where links come from.
  public struct Source: Hashable, Sendable {
    public var id: String
    public var title: String
    public var reference: String?
    public var isAuthoritative: Bool

    public init(id: String, title: String, reference: String? = nil, isAuthoritative: Bool) {
      self.id = id
      self.title = title
      self.reference = reference
      self.isAuthoritative = isAuthoritative
    }
  }

  /// A process or practice of the other framework.
  public struct Process: Hashable, Sendable {
    public var id: String
    /// "ITIL V2", "ITIL V3/2011" or "ITIL 4".
    public var framework: String
    public var name: String
    /// The book (V2, V3) or practice category (ITIL 4).
    public var book: String?

    public init(id: String, framework: String, name: String, book: String? = nil) {
      self.id = id
      self.framework = framework
      self.name = name
      self.book = book
    }
  }

  /// How the process's scope compares with the linked element's: the process is *relation* of it.
  public enum Relation: String, Hashable, Sendable, CaseIterable {
    case equal, subset, superset, intersect
  }

  public enum Strength: String, Hashable, Sendable, CaseIterable, Comparable {
    case weak, medium, strong
    public static func < (lhs: Strength, rhs: Strength) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }

  /// One link from a process to a process area (`practice == nil`) or to one practice.
  public struct Link: Hashable, Sendable {
    public var process: String
    public var processArea: String
    public var practice: String?
    public var relation: Relation
    public var strength: Strength
    public var source: String
    public var note: String?

    public init(
      process: String, processArea: String, practice: String? = nil, relation: Relation, strength: Strength,
      source: String, note: String? = nil
    ) {
      self.process = process
      self.processArea = processArea
      self.practice = practice
      self.relation = relation
      self.strength = strength
      self.source = source
      self.note = note
    }

    /// `IRP` or `IRP SP 2.1`.
    public var target: String { practice.map { "\(processArea) \($0)" } ?? processArea }
  }

  public var model: String
  public var modelVersion: String
  public var sources: [Source]
  public var processes: [Process]
  public var links: [Link]

  public init(model: String, modelVersion: String, sources: [Source], processes: [Process], links: [Link]) {
    self.model = model
    self.modelVersion = modelVersion
    self.sources = sources
    self.processes = processes
    self.links = links
  }

  /// The frameworks named by the processes, in order of first appearance.
  public var frameworks: [String] {
    var seen: Set<String> = []
    return processes.map(\.framework).filter { seen.insert($0).inserted }
  }

  public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

  /// Every problem of the mapping against `catalog`: unknown sources, processes, areas or practices,
  /// duplicate ids.
  public func problems(against catalog: Catalog) -> [ModelProblem] {
    var problems: [ModelProblem] = []
    let root = ModelPath.root
    if let mismatch = catalog.model.mismatch(model, modelVersion, what: "the mapping") {
      problems.append(ModelProblem(.error, at: root.appending("model"), mismatch))
    }
    var sourceIDs: Set<String> = []
    for (index, source) in sources.enumerated() where !sourceIDs.insert(source.id).inserted {
      problems.append(
        ModelProblem(.error, at: root.appending("sources").appending(index), "source \"\(source.id)\" appears twice"))
    }
    var processIDs: Set<String> = []
    for (index, process) in processes.enumerated() where !processIDs.insert(process.id).inserted {
      problems.append(
        ModelProblem(
          .error, at: root.appending("processes").appending(index), "process \"\(process.id)\" appears twice"))
    }
    for (index, link) in links.enumerated() {
      let path = root.appending("links").appending(index)
      if !processIDs.contains(link.process) {
        problems.append(
          ModelProblem(
            .error, at: path.appending("process"), "unknown process \"\(link.process)\"; declare it in processes"))
      }
      if !sourceIDs.contains(link.source) {
        problems.append(
          ModelProblem(.error, at: path.appending("source"), "unknown source \"\(link.source)\"; declare it in sources")
        )
      }
      if catalog.processArea(link.processArea) == nil {
        problems.append(
          ModelProblem(
            .error, at: path.appending("cmmi"),
            "\"\(link.target)\": no process area \(link.processArea) in \(catalog.model.id) \(catalog.model.version)"))
      } else if let practice = link.practice, !catalog.contains(PracticeReference(link.processArea, practice)) {
        problems.append(
          ModelProblem(
            .error, at: path.appending("cmmi"),
            "\"\(link.target)\" is not a practice of \(catalog.model.id) \(catalog.model.version)"))
      }
    }
    return problems
  }
}
