import AppraisalModel

/// The evidence format's records and their fields, in the order every syntax writes them — the one place the
/// format's fields are declared (docs/evidence-format.md documents them; a test checks the document, the XSD
/// and the JSON Schema against this table).
///
/// To add an optional text or date field to a record: add the property to the model type and one
/// `.optional(…)` line here. The XML, JSON and CSV readers, the streaming scanner and the writer pick it up;
/// the schemas are generated from this table (``EvidenceSchemas``). In CSV, a new header field is one more
/// settings row, a new evidence-item or locator field one more PIID column (optional in the header row), a
/// new instantiation field one more cell at the end of its row.
package enum EvidenceFormat {
  typealias Field = EvidenceField

  /// `<header>`, `"header"`, the CSV settings rows of the same names.
  package static let header: [EvidenceField<Appraisal.Header>] = [
    .text("id", \.id),
    .text("name", \.name),
    .text("organizationalUnit", \.organizationalUnit),
    .text("date", \.date, kind: .date),
    .text("model", \.model),
    .text("modelVersion", \.modelVersion),
    Field(
      "methodClass", .text, required: false,
      access: .defaultedText(\.methodClass, default: Appraisal.Header.defaultMethodClass)),
  ]

  /// `<scope>`, `"scope"`; the target level and representation are the appraisal's ``RatingTarget``.
  package static let scope: [EvidenceField<Appraisal>] = [
    Field("representation", .choice(EvidenceVocabulary.representations), required: true) {
      .text($0.target.representation.name)
    },
    Field("targetLevel", .integer(1...5), required: true) { .number($0.target.representation.level) },
    Field("includeAdditions", .boolean, required: false, access: .flag(\.scope.includesAdditions, default: true)),
    Field("processAreas", .idList, required: true) { .list($0.scope.processAreas) },
    Field(
      "specificGoalsOnly", .boolean, required: false, access: .flag(\.scope.specificGoalsOnly, default: false)
    ) { $0.scope.specificGoalsOnly ? .flag(true) : nil },
    Field("notApplicable", .records, required: false, xml: .child("notApplicable")),
    Field("outOfScope", .records, required: false, xml: .child("outOfScope")),
    Field("areaTargets", .records, required: false, xml: .child("areaTarget"), csv: "areaTarget"),
    Field("coverage", .record, required: false, xml: .child("coverage")),
  ]

  /// `<areaTarget>` in `<scope>`, `"areaTargets"` entries, `areaTarget` settings rows: a process area's own
  /// target capability level (continuous scope).
  package static let areaTarget: [EvidenceField<AppraisalScope.AreaTarget>] = [
    .text("processArea", \.processArea),
    Field("level", .integer(1...5), required: true) { .number($0.level) },
  ]

  /// `<notApplicable>` and `<outOfScope>` in `<scope>`, their JSON entries and settings rows.
  package static let exclusion: [EvidenceField<AppraisalScope.Exclusion>] = [
    .text("processArea", \.processArea),
    Field("reason", .text, required: true, xml: .content, access: .text(\.reason)),
  ]

  /// `<coverage>` in `<scope>`, `"coverage"`, the `coverage` settings row.
  package static let coverage: [EvidenceField<CoveragePolicy>] = [
    Field("enabled", .boolean, required: false, access: .flag(\.isEnabled, default: true)),
    Field("minimumShare", .fraction, required: false) { .text($0.minimumShare.description) },
    Field("rule", .choice(CoveragePolicy.Rule.allCases.map(\.rawValue)), required: false) {
      $0.rule == .scampi13 ? nil : .text($0.rule.rawValue)
    },
  ]

  /// `<disclosure>` (after `<scope>`), `"disclosure"`, and one kind of CSV settings row per field, keyed by its
  /// CSV name (`teamMember`, `location`, …): a record's fields are the row's cells in table order, a list of
  /// records or texts takes one row per entry. Every fact is optional.
  package static let disclosure: [EvidenceField<Disclosure>] = [
    Field("teamLeader", .record, required: false, xml: .child("teamLeader")),
    Field("teamMembers", .records, required: false, xml: .child("teamMember"), csv: "teamMember"),
    Field("sponsor", .record, required: false, xml: .child("sponsor")),
    .optional("startDate", \.startDate, kind: .date),
    .optional("endDate", \.endDate, kind: .date),
    Field("reportStatus", .choice(Disclosure.ReportStatus.allCases.map(\.rawValue)), required: false) {
      $0.reportStatus.map { .text($0.rawValue) }
    },
    .optional(
      "organizationalUnitDescription", \.organizationalUnitDescription, xml: .child("organizationalUnitDescription")),
    Field("locations", .texts, required: false, xml: .child("location"), csv: "location") {
      $0.locations.isEmpty ? nil : .list($0.locations)
    },
    Field("population", .record, required: false, xml: .child("population")),
    Field("samplingFactors", .records, required: false, xml: .child("samplingFactor"), csv: "samplingFactor"),
    Field("subgroups", .records, required: false, xml: .child("subgroup"), csv: "subgroup"),
    Field("findings", .records, required: false, xml: .child("finding"), csv: "finding"),
    Field("globalFindings", .texts, required: false, xml: .child("globalFinding"), csv: "globalFinding") {
      $0.globalFindings.isEmpty ? nil : .list($0.globalFindings)
    },
  ]

  /// `<teamLeader>`, `<teamMember>` and `<sponsor>` in `<disclosure>`; the cells of the rows of the same names.
  package static let person: [EvidenceField<Disclosure.Person>] = [
    .text("name", \.name),
    .optional("organization", \.organization),
    .optional("role", \.role),
  ]

  /// `<population>` in `<disclosure>`, `"population"`, the `population` row's cells.
  package static let population: [EvidenceField<Disclosure.Population>] = [
    Field("people", .integer(0...1_000_000_000), required: false, access: .optionalNumber(\.people)),
    Field("basicUnits", .integer(0...1_000_000_000), required: false, access: .optionalNumber(\.basicUnits)),
  ]

  /// `<samplingFactor>` in `<disclosure>` (its text is the rationale), `samplingFactor` rows.
  package static let samplingFactor: [EvidenceField<Disclosure.SamplingFactor>] = [
    .text("name", \.name),
    .text("rationale", \.rationale, xml: .content),
    .optional("values", \.values),
  ]

  /// `<subgroup>` in `<disclosure>` (its text is the rationale), `subgroup` rows.
  package static let subgroup: [EvidenceField<Disclosure.Subgroup>] = [
    .text("id", \.id),
    .optional("description", \.description),
    Field("rationale", .text, required: false, xml: .content, access: .optionalText(\.rationale)),
  ]

  /// `<finding>` in `<disclosure>` (its text is the finding), `finding` rows.
  package static let finding: [EvidenceField<Disclosure.TeamFinding>] = [
    .text("processArea", \.processArea),
    .optional("goal", \.goal, kind: .goal),
    .text("text", \.text, xml: .content),
  ]

  /// `<instantiation>`, `"instantiations"` entries, `instantiation` settings rows (cells in this order).
  package static let instantiation: [EvidenceField<Instantiation>] = [
    .text("id", \.id),
    .text("name", \.name),
    Field("kind", .choice(Instantiation.Kind.allCases.map(\.rawValue)), required: true) { .text($0.kind.rawValue) },
    .optional("subgroup", \.subgroup),
    Field("processAreas", .idList, required: false, csv: "process areas") { $0.processAreas.map { .list($0) } },
  ]

  /// `<item>`, `"evidence"` entries, the PIID block's evidence columns.
  package static let evidenceItem: [EvidenceField<EvidenceItem>] = [
    .text("id", \.id, csv: "evidenceId"),
    Field("practice", .practice, required: true) { .text($0.practice.description) },
    .text("instantiation", \.instantiation),
    Field("indicator", .choice(EvidenceItem.Indicator.allCases.map(\.rawValue)), required: true) {
      .text($0.indicator.rawValue)
    },
    Field("locator", .record, required: true, xml: .child("locator")),
    .optional("note", \.note, xml: .child("note")),
    Field("imported", .boolean, required: false, access: .flag(\.imported, default: false)) {
      $0.imported ? .flag(true) : nil
    },
  ]

  /// `<locator>` in `<item>`, `"locator"`, PIID columns of the same names.
  package static let locator: [EvidenceField<EvidenceItem.Locator>] = [
    .text("document", \.document),
    .optional("section", \.section),
    .optional("version", \.version),
    .optional("date", \.date, kind: .date),
    .optional("url", \.url),
  ]

  /// `<weakness>` / `<strength>`, `"observations"` entries; CSV: the `weakness`, `weaknessImpact` and
  /// `strength` columns. `impact` is for weaknesses only (a `<strength>` has no such attribute).
  package static let observation: [EvidenceField<Observation>] = [
    .optional("id", \.id),
    Field("type", .choice(["strength", "weakness"]), required: true, xml: .elementName) { .text($0.kind.rawValue) },
    Field("practice", .practice, required: true) { .text($0.practice.description) },
    .text("instantiation", \.instantiation),
    Field("impact", .choice(Observation.Impact.allCases.map(\.rawValue)), required: false) {
      $0.kind == .weakness && $0.impact == .major ? .text("major") : nil
    },
    Field("text", .text, required: true, xml: .content, access: .text(\.text)),
  ]

  /// `<characterization>`, `"characterizations"` entries, the `characterization` and `characterizationNote`
  /// columns.
  package static let characterization: [EvidenceField<TeamCharacterization>] = [
    Field("practice", .practice, required: true) { .text($0.practice.description) },
    .text("instantiation", \.instantiation),
    Field("value", .characterization, required: true) { .text($0.value.code) },
    Field("note", .text, required: false, xml: .content, access: .optionalText(\.note)),
  ]

  /// `<aggregation>` in `<judgments>`, `"aggregationDecisions"` entries, `aggregationDecision` rows.
  package static let aggregation: [EvidenceField<AggregationDecision>] = [
    Field("practice", .practice, required: true) { .text($0.practice.description) },
    Field("value", .characterization, required: true) { .text($0.value.code) },
    Field("justification", .text, required: true, xml: .content, access: .text(\.justification)),
  ]

  /// `<significance>` in `<judgments>`, `"significanceDecisions"` entries, `significanceDecision` rows.
  package static let significance: [EvidenceField<SignificanceDecision>] = [
    .text("processArea", \.processArea),
    Field("goal", .goal, required: true, access: .text(\.goal)),
    Field("significant", .boolean, required: true) { .flag($0.significant) },
    Field("justification", .text, required: true, xml: .content, access: .text(\.justification)),
  ]
}

extension EvidenceField {
  /// A special field written by `value`.
  init(
    _ name: String, _ kind: Kind, required: Bool, xml: XMLPlacement = .attribute, csv: String? = nil,
    access: Access = .special, _ value: @escaping (Record) -> Value?
  ) {
    self.init(name, kind, required: required, xml: xml, csv: csv, access: access, value: value)
  }
}
