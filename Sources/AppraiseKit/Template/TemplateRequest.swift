import AppraisalModel
import EvidenceParsers

/// What `appraise template` is asked for: a scope, instantiations and header values, each optional, on top
/// of an appraisal read from a file (`--from`) or of nothing. ``appraisal(catalog:base:)`` makes the
/// ``Appraisal`` the workbook is written from (``PIIDTemplate``).
///
/// Without a base: the areas default to every area of the catalog (staged: those of maturity level ≤ the
/// target), the representation to continuous, the target level to 1 (continuous) or 2 (staged), additions
/// to included; at least one instantiation is needed; the header values the team has not given (id, name,
/// organizational unit, date) stay empty for the team to fill in — the readers then name each one left empty.
/// With a base, every value given replaces the base's; instantiations given are added, or replace the base's
/// of the same id.
public struct TemplateRequest: Sendable {
  /// `--representation staged|continuous`.
  public enum Representation: String, Sendable, CaseIterable {
    case staged, continuous
  }

  /// A request that cannot be met, worded for the user.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
  }

  public var areas: [String]?
  public var representation: Representation?
  public var targetLevel: Int?
  /// `false` for `--no-additions`.
  public var includesAdditions: Bool?
  public var instantiations: [Instantiation] = []
  public var id: String?
  public var name: String?
  public var organizationalUnit: String?
  public var date: String?

  public init() {}

  /// The appraisal to write the template from: `base` (an appraisal read from a file) with what the request
  /// gives, or the request alone.
  public func appraisal(catalog: Catalog, base: Appraisal? = nil) throws(Failure) -> Appraisal {
    var appraisal =
      base
      ?? Appraisal(
        header: Appraisal.Header(
          id: "", name: "", organizationalUnit: "", date: "", model: catalog.model.id,
          modelVersion: catalog.model.version),
        scope: AppraisalScope(processAreas: []), target: .capabilityLevel(1), instantiations: [])

    // The base's target stays unless the representation changes; a new one starts at its lowest level.
    let current = appraisal.target.representation
    let chosen = representation ?? (base == nil ? .continuous : Representation(rawValue: current.name)!)
    var level = chosen == .staged ? 2 : 1
    if base != nil && chosen.rawValue == current.name { level = current.level }
    if let targetLevel { level = targetLevel }
    switch chosen {
    case .staged:
      guard (2...5).contains(level) else {
        throw Failure(message: "--target-level \(level): a staged target is a maturity level from 2 to 5")
      }
      appraisal.target = .maturityLevel(level)
    case .continuous:
      let highest = max(catalog.highestCapabilityLevel, 1)
      guard (1...highest).contains(level) else {
        throw Failure(
          message: "--target-level \(level): a continuous target is a capability level from 1 to \(highest)")
      }
      appraisal.target = .capabilityLevel(level)
    }
    if let includesAdditions { appraisal.scope.includesAdditions = includesAdditions }

    if let areas {
      let known = Set(catalog.processAreas.map(\.id))
      let unknown = areas.filter { !known.contains($0) }
      if !unknown.isEmpty {
        throw Failure(
          message: "--areas: unknown process area" + (unknown.count == 1 ? " " : "s ") + unknown.joined(separator: ", ")
            + "; the catalog's are " + catalog.processAreas.map(\.id).joined(separator: ", "))
      }
      if areas.isEmpty { throw Failure(message: "--areas names no process area") }
      var seen: Set<String> = []
      appraisal.scope.processAreas = areas.filter { seen.insert($0).inserted }
      // An area asked for is rated, so it is no longer declared not applicable.
      appraisal.scope.notApplicable.removeAll { seen.contains($0.processArea) }
    } else if base == nil {
      appraisal.scope.processAreas = catalog.processAreas.filter { area in
        if area.isAddition && !appraisal.scope.includesAdditions { return false }
        if case .maturityLevel(let target) = appraisal.target { return area.maturityLevel <= target }
        return true
      }.map(\.id)
    }

    var given: Set<String> = []
    for unit in instantiations {
      guard given.insert(unit.id).inserted else {
        throw Failure(message: "--instantiation \(unit.id) is given twice; each id names one unit")
      }
      if let index = appraisal.instantiations.firstIndex(where: { $0.id == unit.id }) {
        appraisal.instantiations[index] = unit
      } else {
        appraisal.instantiations.append(unit)
      }
    }
    if appraisal.instantiations.isEmpty {
      throw Failure(
        message: "name at least one instantiation: --instantiation 'id=Name:kind[:subgroup]' (kinds: "
          + Instantiation.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
    }

    if let id { appraisal.header.id = id }
    if let name { appraisal.header.name = name }
    if let organizationalUnit { appraisal.header.organizationalUnit = organizationalUnit }
    if let date {
      guard date.isEmpty || AppraisalValidator.isCalendarDate(date) else {
        throw Failure(message: "--date \(date): expected a calendar date YYYY-MM-DD")
      }
      appraisal.header.date = date
    }

    // Decisions for areas no longer rated would only be refused when the workbook is read.
    let rated = Set(AppraisalRater.ratedAreas(of: appraisal, catalog: catalog).map(\.id))
    appraisal.aggregationDecisions.removeAll { !rated.contains($0.practice.processArea) }
    appraisal.significanceDecisions.removeAll { !rated.contains($0.processArea) }
    return appraisal
  }

  /// An instantiation from `id=Name:kind[:subgroup]` (the kind defaults to service).
  public static func instantiation(parsing text: String) throws(Failure) -> Instantiation {
    let usage = "expected id=Name:kind[:subgroup], e.g. shop=Web shop:service:web"
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw Failure(message: "--instantiation '\(text)': \(usage)")
    }
    let id = String(text[..<equals]).trimmed
    let parts = text[text.index(after: equals)...].split(separator: ":", omittingEmptySubsequences: false)
      .map(\.trimmed)
    guard !id.isEmpty, !id.contains(" "), (1...3).contains(parts.count), !parts[0].isEmpty else {
      throw Failure(message: "--instantiation '\(text)': \(usage)")
    }
    var kind = Instantiation.Kind.service
    if parts.count > 1 {
      guard let named = Instantiation.Kind(rawValue: parts[1]) else {
        throw Failure(
          message: "--instantiation '\(text)': unknown kind \"\(parts[1])\"; expected one of "
            + Instantiation.Kind.allCases.map(\.rawValue).joined(separator: ", "))
      }
      kind = named
    }
    let subgroup = parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil
    return Instantiation(id: id, name: parts[0], kind: kind, subgroup: subgroup)
  }
}
