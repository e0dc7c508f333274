/// Area-level links from one model version to another — CMMI-SVC V1.3 process areas and generic goals to
/// CMMI V3.0 practice areas — loaded from a data file (practice-catalogs/mappings/, format in
/// docs/cmmi-3.md, "Crosswalk"). Every link says its ``Basis``; the bundled links are all
/// ``Basis/derived``: the maintainers' reading of the two structures, unverified, so anything built on
/// them (``CrossVersionComparison``) is approximate and must say so.
public struct ModelCrosswalk: Hashable, Sendable {
  /// A model and version named by the crosswalk (`CMMI-SVC` `1.3`, `CMMI` `3.0`).
  public struct ModelID: Hashable, Sendable, CustomStringConvertible {
    public var model: String
    public var version: String

    public init(model: String, version: String) {
      self.model = model
      self.version = version
    }

    /// `CMMI-SVC 1.3`.
    public var description: String { "\(model) \(version)" }
  }

  /// Where a link comes from.
  public enum Basis: String, Hashable, Sendable, CaseIterable {
    /// Derived by the maintainers from the two models' structures; not verified against either model.
    case derived
    /// Taken from a mapping published by the model's owner.
    case published
  }

  /// One link: a V1.3 process area (`WP`) or generic goal (`GG 2`) relates to a V3.0 practice area, as a
  /// whole or, with ``level``, to its practices at that level (`IWM` → `PLAN` level 3).
  public struct Link: Hashable, Sendable {
    /// A process area acronym or a generic goal id of the older model.
    public var from: String
    /// A practice area acronym of the newer model.
    public var to: String
    /// The level of the newer area's practices the link is about; `nil`: the whole area.
    public var level: Int?
    public var basis: Basis
    public var note: String?

    public init(from: String, to: String, level: Int? = nil, basis: Basis, note: String? = nil) {
      self.from = from
      self.to = to
      self.level = level
      self.basis = basis
      self.note = note
    }

    /// Whether ``from`` names a generic goal (`GG 2`) rather than a process area.
    public var isGenericGoal: Bool { from.hasPrefix("GG ") }

    /// `PLAN` or `PLAN level 3`.
    public var target: String { level.map { "\(to) level \($0)" } ?? to }
  }

  public var from: ModelID
  public var to: ModelID
  public var title: String
  public var note: String?
  public var links: [Link]

  public init(from: ModelID, to: ModelID, title: String, note: String? = nil, links: [Link]) {
    self.from = from
    self.to = to
    self.title = title
    self.note = note
    self.links = links
  }

  /// The links from V1.3 element `id` (a process area or generic goal), in file order.
  public func links(from id: String) -> [Link] { links.filter { $0.from == id } }

  /// The links to V3 practice area `id`, in file order.
  public func links(to id: String) -> [Link] { links.filter { $0.to == id } }

  /// Whether every link is ``Basis/published``; when not, results built on the crosswalk are approximate.
  public var isVerified: Bool { links.allSatisfy { $0.basis == .published } }

  /// Every problem of the crosswalk against the two catalogs: models other than theirs, ids neither
  /// catalog knows, levels at which the target area has no practices, links given twice.
  public func problems(from old: Catalog, to new: PracticeAreaCatalog) -> [ModelProblem] {
    var problems: [ModelProblem] = []
    let root = ModelPath.root
    if from.model != old.model.id || from.version != old.model.version {
      problems.append(
        ModelProblem(
          at: root.appending("from"),
          "the crosswalk starts from \(from) but the catalog is \(old.model.id) \(old.model.version)"))
    }
    if to.model != new.model.id || to.version != new.model.version {
      problems.append(
        ModelProblem(
          at: root.appending("to"),
          "the crosswalk leads to \(to) but the catalog is \(new.model.id) \(new.model.version)"))
    }
    var seen: Set<String> = []
    for (index, link) in links.enumerated() {
      let path = root.appending("links").appending(index)
      let known = link.isGenericGoal ? old.genericGoal(link.from) != nil : old.processArea(link.from) != nil
      if !known {
        problems.append(
          ModelProblem(
            at: path.appending("from"),
            "\"\(link.from)\": no process area or generic goal \(link.from) in \(from); expected an acronym "
              + "(WP) or a generic goal (GG 2)"))
      }
      if let area = new.practiceArea(link.to) {
        if let level = link.level, area.group(level: level) == nil {
          problems.append(
            ModelProblem(
              at: path.appending("level"),
              "\(link.to) has no practices at level \(level) in \(to); expected one of "
                + area.practiceGroups.map { "\($0.level)" }.joined(separator: ", ")))
        }
      } else {
        problems.append(
          ModelProblem(
            at: path.appending("to"), "\"\(link.to)\": no practice area \(link.to) in \(to); expected an acronym (PLAN)"
          ))
      }
      if !seen.insert("\(link.from)→\(link.target)").inserted {
        problems.append(ModelProblem(at: path, "the link \(link.from) → \(link.target) appears twice"))
      }
    }
    return problems
  }
}
