import AppraisalModel
import EvidenceParsers

/// Turns a stream of ITSM records into evidence: every record is matched against the mapping's rules
/// and counted per rule and group; nothing per record is kept beyond a few sample ids, so memory does
/// not grow with the number of records.
///
/// Each (rule, group) pair with at least the rule's `minimumRecords` matching records becomes one
/// imported evidence item of the rule's practice in the group's instantiation, whose locator names the
/// tool, the files and sample record ids. Imported items never become team characterizations: the
/// rating derives from them like from any artifact, and the team still decides.
public struct EvidenceImporter: Sendable {
  public let mapping: ImportMapping
  /// The tool's display name, e.g. "ServiceNow".
  public let tool: String
  /// How many record ids each item's locator lists.
  public static let sampleSize = 5

  /// The counts per rule (outer index, as in the mapping) and group (inner index, as in ``groups``; a
  /// count of 0 is no match).
  private var matches: [[Match]]
  /// What a record of each kind is matched against: the rules of its kind (indexes, in mapping order),
  /// each with its conditions as indexes into the fields those rules test, so each field is looked up
  /// once per record.
  private let rulesByKind: [ITSMRecord.Kind: KindRules]
  /// The index of each group in ``groups``.
  private var groupIndex: [String: Int] = [:]
  private var groups: [String] = []
  private var files: [String] = []
  public private(set) var recordCount = 0
  public private(set) var recordsByKind: [ITSMRecord.Kind: Int] = [:]
  /// Records that matched no rule.
  public private(set) var unmatchedCount = 0
  /// The latest date of any record, `YYYY-MM-DD`.
  public private(set) var latestDate: String?

  struct Match: Sendable {
    var count = 0
    var samples: [String] = []
    var latestDate: String?

    /// Adds another group's match (groups mapped onto one instantiation).
    mutating func add(_ other: Match) {
      count += other.count
      samples += other.samples.prefix(max(0, EvidenceImporter.sampleSize - samples.count))
      if let date = other.latestDate, date > (latestDate ?? "") { latestDate = date }
    }

    /// Counts one more record.
    mutating func add(id: String, date: String?) {
      count += 1
      if samples.count < EvidenceImporter.sampleSize { samples.append(id) }
      if let date, date > (latestDate ?? "") { latestDate = date }
    }
  }

  public init(mapping: ImportMapping, tool: String) {
    self.mapping = mapping
    self.tool = tool
    matches = Array(repeating: [], count: mapping.rules.count)
    var byKind: [ITSMRecord.Kind: KindRules] = [:]
    for (index, rule) in mapping.rules.enumerated() {
      var rules = byKind[rule.kind] ?? KindRules()
      var tests: [(Int, ImportMapping.Condition)] = []
      for condition in rule.conditions {
        if let known = rules.fields.firstIndex(of: condition.field) {
          tests.append((known, condition))
        } else {
          tests.append((rules.fields.count, condition))
          rules.fields.append(condition.field)
        }
      }
      rules.rules.append((index, tests))
      byKind[rule.kind] = rules
    }
    rulesByKind = byKind
  }

  /// The rules of one record kind (see ``rulesByKind``).
  private struct KindRules: Sendable {
    var fields: [String] = []
    var rules: [(index: Int, conditions: [(field: Int, condition: ImportMapping.Condition)])] = []
  }

  /// Counts `record`, read from `file`.
  public mutating func add(_ record: ITSMRecord, from file: String) {
    recordCount += 1
    recordsByKind[record.kind, default: 0] += 1
    if files.last != file && !files.contains(file) { files.append(file) }
    let (group, isNew) = groupIndex.number(of: record.group, appendingTo: &groups)
    if isNew { for index in matches.indices { matches[index].append(Match()) } }
    let date = record.latestDate
    if let date, date > (latestDate ?? "") { latestDate = date }
    var matched = false
    if let kind = rulesByKind[record.kind] {
      let values = kind.fields.map { record.value(of: $0) }
      for rule in kind.rules where rule.conditions.allSatisfy({ $0.condition.holds(values[$0.field]) }) {
        matched = true
        matches[rule.index][group].add(id: record.id, date: date)
      }
    }
    if !matched { unmatchedCount += 1 }
  }

  /// The instantiations, one per group in order of first appearance, with ids made from the group names.
  public func instantiations(kind: Instantiation.Kind) -> [Instantiation] {
    var used: Set<String> = []
    return groups.map { group in
      Instantiation(id: Self.uniqueID(for: group, avoiding: &used), name: group, kind: kind)
    }
  }

  /// The evidence items, in mapping-rule order then group order.
  public func evidence(kind: Instantiation.Kind) -> [EvidenceItem] {
    evidence(units: Dictionary(uniqueKeysWithValues: zip(groups, instantiations(kind: kind).map(\.id))))
  }

  /// The evidence items with each group's records in the instantiation `units` names: one item per rule
  /// and instantiation, so groups mapped onto one unit are counted together.
  func evidence(units: [String: String]) -> [EvidenceItem] {
    let toolID = Self.slug(tool)
    var items: [EvidenceItem] = []
    for (index, rule) in mapping.rules.enumerated() {
      var order: [String] = []
      var perUnit: [String: Match] = [:]
      for (position, group) in groups.enumerated() {
        let match = matches[index][position]
        guard match.count > 0, let unit = units[group] else { continue }
        if perUnit[unit] == nil { order.append(unit) }
        perUnit[unit, default: Match()].add(match)
      }
      for unit in order {
        guard let match = perUnit[unit], match.count >= rule.minimumRecords else { continue }
        let samples = match.samples.joined(separator: ", ") + (match.count > match.samples.count ? ", …" : "")
        items.append(
          EvidenceItem(
            id: "IMP-\(toolID)-\(rule.id)-\(unit)", practice: rule.practice, instantiation: unit,
            indicator: rule.indicator,
            locator: .init(
              document: "\(tool) \(rule.kind.rawValue) records (\(files.joined(separator: ", ")))",
              section: "\(match.count) record\(match.count == 1 ? "" : "s"): \(samples)", date: match.latestDate),
            note: "imported by rule \(rule.id): \(rule.rationale)", imported: true))
      }
    }
    return items
  }

  /// `existing` with the import added (``merge(into:kind:groupMap:)``), without the report of where each
  /// group went.
  public func merged(into existing: Appraisal, kind: Instantiation.Kind) -> Appraisal {
    (try? merge(into: existing, kind: kind, groupMap: [:]))?.appraisal ?? existing
  }

  /// `existing` with the imported items added, each group's records in one of its instantiations: the
  /// one `groupMap` names for the group (by id or name), else the one whose id is the group's id or whose
  /// name is the group's name, else a new instantiation (as in a new appraisal), which ``MergeResult``
  /// lists so the caller can suggest `--map-group`. Items with the same id as before are replaced
  /// (importing again updates, never duplicates); the appraisal's own instantiations are kept as they are.
  /// Fails when `groupMap` names an instantiation the appraisal does not have.
  public func merge(
    into existing: Appraisal, kind: Instantiation.Kind, groupMap: [String: String]
  ) throws(UnknownUnit) -> MergeResult {
    var appraisal = existing
    var units: [String: String] = [:]
    var added: [Instantiation] = []
    var used = Set(existing.instantiations.map(\.id))
    func unit(named text: String) -> String? {
      existing.instantiations.first { $0.id == text }?.id ?? existing.instantiations.first { $0.name == text }?.id
    }
    for group in groups {
      if let target = groupMap[group] {
        guard let id = unit(named: target) else {
          throw UnknownUnit(group: group, unit: target, known: existing.instantiations.map(\.id))
        }
        units[group] = id
      } else if let id = unit(named: Self.slug(group)) ?? existing.instantiations.first(where: { $0.name == group })?.id
      {
        units[group] = id
      } else {
        let id = Self.uniqueID(for: group, avoiding: &used)
        added.append(Instantiation(id: id, name: group, kind: kind))
        units[group] = id
      }
    }
    appraisal.instantiations += added
    let imported = evidence(units: units)
    let replaced = Set(imported.map(\.id))
    appraisal.evidence = existing.evidence.filter { !replaced.contains($0.id) } + imported
    return MergeResult(appraisal: appraisal, added: added)
  }

  /// What ``merge(into:kind:groupMap:)`` made: the appraisal, and the instantiations it had to add for
  /// groups that matched none of the appraisal's own.
  public struct MergeResult: Sendable {
    public var appraisal: Appraisal
    /// New instantiations, one per unmatched group (its name is the group's name).
    public var added: [Instantiation]
  }

  /// A group map entry naming an instantiation the appraisal merged into does not have.
  public struct UnknownUnit: Error, Sendable, Equatable {
    public var group: String
    public var unit: String
    /// The appraisal's instantiation ids.
    public var known: [String]

    public var message: String {
      "group map: \"\(group)\" maps to \"\(unit)\", which is neither the id nor the name of an instantiation "
        + "of the appraisal merged into; expected one of \(known.joined(separator: ", "))"
    }
  }

  /// A new appraisal holding only the import: every area the mapping's rules name is in scope,
  /// continuous representation, capability level 1 target, so a first rating shows what the records
  /// alone support.
  public func appraisal(header: Appraisal.Header, kind: Instantiation.Kind, catalog: Catalog) -> Appraisal {
    let areas = catalog.processAreas.map(\.id).filter { id in mapping.rules.contains { $0.practice.processArea == id } }
    return Appraisal(
      header: header, scope: AppraisalScope(processAreas: areas), target: .capabilityLevel(1),
      instantiations: instantiations(kind: kind), evidence: evidence(kind: kind))
  }

  /// An id made from a name: lower-case letters and digits of any script, with their combining marks, and
  /// single dashes for everything else: `"Service Desk – München"` → `service-desk-münchen`,
  /// `"東京 DC"` → `東京-dc`. Letters are never dropped or transliterated, so the id still reads as the
  /// name; a name without a letter or digit becomes `group`.
  static func slug(_ text: String) -> String {
    var result = ""
    for scalar in text.lowercased().unicodeScalars {
      if isIDScalar(scalar) {
        result.unicodeScalars.append(scalar)
      } else if !result.isEmpty && !result.hasSuffix("-") {
        result += "-"
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result.isEmpty ? "group" : result
  }

  /// Letters, digits and combining marks (a decomposed "ü" is "u" and a mark) of any script.
  private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter, .decimalNumber,
      .nonspacingMark, .spacingMark, .enclosingMark:
      true
    default: false
    }
  }

  private static func uniqueID(for group: String, avoiding used: inout Set<String>) -> String {
    let base = slug(group)
    var id = base
    var number = 2
    while !used.insert(id).inserted {
      id = "\(base)-\(number)"
      number += 1
    }
    return id
  }
}
