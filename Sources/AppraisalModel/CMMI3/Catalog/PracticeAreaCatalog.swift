/// A CMMI V2.0/V3.0 model's structure as data: practice areas, their practice groups by level, the
/// practice ids, each area's domain, and the model views (docs/cmmi-3.md, "Structure catalog").
///
/// The bundled `cmmi-3.0-structure.json` carries identifiers, levels and domain membership only; the
/// optional titles and statements are filled in by a licensed user in a local copy, with ``provenance``
/// saying where they came from.
public struct PracticeAreaCatalog: Hashable, Sendable {
  /// Which model and version the catalog describes (a V3 appraisal names it by these two).
  public struct Model: Hashable, Sendable {
    /// `CMMI`.
    public var id: String
    /// `3.0`.
    public var version: String
    /// Absent in the bundled file.
    public var title: String?
    /// The source the structure was taken from, in the catalog maintainer's words.
    public var reference: String?

    public init(id: String, version: String, title: String? = nil, reference: String? = nil) {
      self.id = id
      self.version = version
      self.title = title
      self.reference = reference
    }
  }

  /// Where user-imported titles and statements come from, and the licence under which the user holds them.
  public struct Provenance: Hashable, Sendable {
    public var source: String
    public var licence: String

    public init(source: String, licence: String) {
      self.source = source
      self.licence = licence
    }
  }

  /// A model view: the practice areas an appraisal of that view covers (`Core`, `Services`, `All`).
  public struct View: Hashable, Sendable {
    public var id: String
    /// The practice areas always in the view, in report order.
    public var practiceAreas: [String]
    /// Areas an appraisal may switch on (SAM in the Services view).
    public var optional: [String]

    public init(id: String, practiceAreas: [String], optional: [String] = []) {
      self.id = id
      self.practiceAreas = practiceAreas
      self.optional = optional
    }
  }

  public var model: Model
  public var provenance: Provenance?
  public var practiceAreas: [PracticeArea] { didSet { index = Index(practiceAreas) } }
  public var views: [View]
  /// Look-ups derived from the areas.
  private var index: Index

  public init(model: Model, provenance: Provenance? = nil, practiceAreas: [PracticeArea], views: [View]) {
    self.model = model
    self.provenance = provenance
    self.practiceAreas = practiceAreas
    self.views = views
    index = Index(practiceAreas)
  }

  private struct Index: Hashable, Sendable {
    var areas: [String: Int] = [:]
    /// Practice id → (area offset, group level).
    var practices: [String: Location] = [:]

    init(_ areas: [PracticeArea]) {
      for (offset, area) in areas.enumerated() {
        if self.areas[area.id] == nil { self.areas[area.id] = offset }
        for group in area.practiceGroups {
          for practice in group.practices where practices[practice.id] == nil {
            practices[practice.id] = Location(practiceArea: area.id, level: group.level)
          }
        }
      }
    }
  }

  /// Where a practice sits: its area and the level of its group.
  public struct Location: Hashable, Sendable {
    public var practiceArea: String
    public var level: Int

    public init(practiceArea: String, level: Int) {
      self.practiceArea = practiceArea
      self.level = level
    }
  }

  /// The practice area with the acronym `id`.
  public func practiceArea(_ id: String) -> PracticeArea? { index.areas[id].map { practiceAreas[$0] } }

  /// The area and level of practice `id` (`IRP 2.3`), or `nil` when the catalog has no such practice.
  public func location(ofPractice id: String) -> Location? { index.practices[id] }

  /// Whether `id` names a practice of this catalog.
  public func contains(practice id: String) -> Bool { index.practices[id] != nil }

  /// The view named `id`.
  public func view(_ id: String) -> View? { views.first { $0.id == id } }

  /// The areas of view `id` plus those of its optional areas listed in `optional`, in catalog order;
  /// empty for an unknown view. Ids the catalog does not know are left out.
  public func practiceAreas(inView id: String, includingOptional optional: [String] = []) -> [PracticeArea] {
    guard let view = view(id) else { return [] }
    let chosen = Set(view.practiceAreas).union(view.optional.filter(optional.contains))
    return practiceAreas.filter { chosen.contains($0.id) }
  }

  /// The domains in order of first appearance (`Core`, `Data`, …).
  public var domains: [String] {
    var seen: Set<String> = []
    return practiceAreas.map(\.domain).filter { seen.insert($0).inserted }
  }

  /// The number of practices in the whole catalog.
  public var practiceCount: Int { practiceAreas.reduce(0) { $0 + $1.practiceCount } }

  /// Whether any title or statement is present — text that may only come from a licensed user's import.
  public var hasModelText: Bool {
    model.title != nil
      || practiceAreas.contains { area in
        area.title != nil
          || area.practiceGroups.contains { $0.practices.contains { $0.title != nil || $0.statement != nil } }
      }
  }
}
