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

  /// The counts per rule (outer index, as in the mapping) and group.
  private var matches: [[String: Match]]
  private var groups: [String] = []
  private var knownGroups: Set<String> = []
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
  }

  public init(mapping: ImportMapping, tool: String) {
    self.mapping = mapping
    self.tool = tool
    matches = Array(repeating: [:], count: mapping.rules.count)
  }

  /// Counts `record`, read from `file`.
  public mutating func add(_ record: ITSMRecord, from file: String) {
    recordCount += 1
    recordsByKind[record.kind, default: 0] += 1
    if files.last != file && !files.contains(file) { files.append(file) }
    if knownGroups.insert(record.group).inserted { groups.append(record.group) }
    if let date = record.latestDate, date > (latestDate ?? "") { latestDate = date }
    var matched = false
    for (index, rule) in mapping.rules.enumerated() where rule.matches(record) {
      matched = true
      var match = matches[index][record.group] ?? Match()
      match.count += 1
      if match.samples.count < Self.sampleSize { match.samples.append(record.id) }
      if let date = record.latestDate, date > (match.latestDate ?? "") { match.latestDate = date }
      matches[index][record.group] = match
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
    let units = Dictionary(uniqueKeysWithValues: zip(groups, instantiations(kind: kind).map(\.id)))
    let toolID = Self.slug(tool)
    var items: [EvidenceItem] = []
    for (index, rule) in mapping.rules.enumerated() {
      for group in groups {
        guard let match = matches[index][group], match.count >= rule.minimumRecords, let unit = units[group] else {
          continue
        }
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

  /// `existing` with the imported instantiations and items added: instantiations with the same id are
  /// kept as they are, items with the same id are replaced (importing again updates, never duplicates).
  public func merged(into existing: Appraisal, kind: Instantiation.Kind) -> Appraisal {
    var appraisal = existing
    let present = Set(existing.instantiations.map(\.id))
    appraisal.instantiations += instantiations(kind: kind).filter { !present.contains($0.id) }
    let imported = evidence(kind: kind)
    let replaced = Set(imported.map(\.id))
    appraisal.evidence = existing.evidence.filter { !replaced.contains($0.id) } + imported
    return appraisal
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

  /// Lower-case ASCII letters, digits and single dashes: `"Service Desk – München"` → `service-desk-m-nchen`.
  static func slug(_ text: String) -> String {
    var result = ""
    for scalar in text.lowercased().unicodeScalars {
      if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
        result.unicodeScalars.append(scalar)
      } else if !result.isEmpty && !result.hasSuffix("-") {
        result += "-"
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result.isEmpty ? "group" : result
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
