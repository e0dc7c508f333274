import EvidenceParsers
import Foundation
import TestSupport
import Testing

/// The evidence format's field table (`EvidenceFormat`) against what is derived from it or describes it: the
/// two committed schemas are the generator's output, and docs/evidence-format.md's field tables list exactly
/// the table's fields with the right "required" column.
///
/// After a change to the table: `APPRAISE_RECORD_GOLDEN=1 swift test --filter EvidenceFormatTests` rewrites
/// docs/schemas/evidence.xsd and evidence.schema.json (that run fails by design), then run it again without
/// the variable.
@Suite("evidence format: schemas and documentation follow the field table")
struct EvidenceFormatTests {
  static let documentPath = "docs/evidence-format.md"

  /// The documented sections and the record each documents.
  static let sections: [(section: String, record: EvidenceSchemas.Record)] = [
    ("Header", EvidenceSchemas.Records.table.header),
    ("Scope", EvidenceSchemas.Records.table.scope),
    ("Instantiation", EvidenceSchemas.Records.table.instantiation),
    ("Evidence item", EvidenceSchemas.Records.table.evidenceItem),
    ("Observation", EvidenceSchemas.Records.table.observation),
    ("Characterization", EvidenceSchemas.Records.table.characterization),
    ("Disclosure facts", EvidenceSchemas.Records.table.disclosure),
    ("Person", EvidenceSchemas.Record(EvidenceFormat.person)),
    ("Sampling factor", EvidenceSchemas.Record(EvidenceFormat.samplingFactor)),
    ("Subgroup", EvidenceSchemas.Record(EvidenceFormat.subgroup)),
    ("Team finding", EvidenceSchemas.Record(EvidenceFormat.finding)),
  ]

  @Test("docs/schemas/evidence.xsd is the generator's output")
  func xsd() throws {
    try Golden.check(EvidenceSchemas.xsd(), against: "docs/schemas/evidence.xsd")
  }

  @Test("docs/schemas/evidence.schema.json is the generator's output")
  func jsonSchema() throws {
    try Golden.check(EvidenceSchemas.jsonSchema(), against: "docs/schemas/evidence.schema.json")
  }

  @Test("a field added to the table arrives in both schemas with its type and requiredness")
  func addedField() {
    var records = EvidenceSchemas.Records.table
    let header = records.header
    records.header = .init(
      fields: header.fields + [
        .init("reviewDate", .date, required: false, xml: .attribute),
        .init("reviewer", .text, required: true, xml: .attribute),
        .init("reviewNotes", .texts, required: false, xml: .child("reviewNote")),
      ],
      nested: header.nested)
    let xsd = EvidenceSchemas.xsd(records)
    #expect(xsd.contains(#"<xs:attribute name="reviewDate" type="date"/>"#))
    #expect(xsd.contains(#"<xs:attribute name="reviewer" type="text" use="required"/>"#))
    #expect(!EvidenceSchemas.xsd().contains("reviewer"))
    #expect(xsd.contains(#"<xs:element name="reviewNote" type="text" minOccurs="0" maxOccurs="unbounded"/>"#))
    let json = EvidenceSchemas.jsonSchema(records)
    #expect(json.contains(##""reviewDate": { "anyOf": [{ "$ref": "#/$defs/date" }, { "type": "null" }] }"##))
    #expect(json.contains(##""reviewer": { "$ref": "#/$defs/text" }"##))
    #expect(json.contains(##""reviewNotes": { "type": ["array", "null"], "items": { "$ref": "#/$defs/text" } }"##))
    #expect(json.contains(#""modelVersion", "reviewer"]"#), "reviewer is in the header's required list")
  }

  @Test("the generated JSON Schema is a JSON object with the 2020-12 dialect")
  func jsonSchemaParses() throws {
    let object = try JSONSerialization.jsonObject(with: Data(EvidenceSchemas.jsonSchema().utf8)) as? [String: Any]
    #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    #expect(
      (object?["$defs"] as? [String: Any])?.keys.sorted() == [
        "characterization", "date", "optionalText", "practice", "text",
      ])
  }

  @Test("the observation elements are the values of the observation's element-name field")
  func observationElements() throws {
    let field = try #require(EvidenceSchemas.Records.table.observation.fields.first { $0.xml == .elementName })
    guard case .choice(let values) = field.kind else {
      Issue.record("the element-name field \(field.name) is not a choice")
      return
    }
    #expect(Set(EvidenceSchemas.observationElements.map(\.name)) == Set(values))
    let fieldNames = Set(EvidenceSchemas.Records.table.observation.fields.map(\.name))
    for element in EvidenceSchemas.observationElements {
      #expect(element.leavesOut.isSubset(of: fieldNames), "\(element.name) leaves out a field that does not exist")
    }
  }

  @Test("every record and list-of-records field names its record", arguments: sections.map(\.section))
  func nestedRecords(_ section: String) throws {
    let record = try #require(Self.sections.first { $0.section == section }).record
    for field in record.fields where field.kind == .record || field.kind == .records {
      #expect(record.nested[field.name] != nil, "\(section): \(field.name) has no record")
    }
  }

  @Test(
    "docs/evidence-format.md lists exactly the table's fields, with the right required column",
    arguments: sections.map(\.section))
  func documented(_ section: String) throws {
    let record = try #require(Self.sections.first { $0.section == section }).record
    let text = try String(contentsOf: Golden.url(Self.documentPath), encoding: .utf8)
    let problems = FieldDocumentation.problems(in: text, section: section, fields: FieldDocumentation.rows(of: record))
    #expect(problems.isEmpty, "\(Self.documentPath): \(problems.joined(separator: "; "))")
  }

  @Test("the documentation check fails: a row removed, a field added, a stray row, a wrong required column")
  func documentationCheckFails() throws {
    let text = try String(contentsOf: Golden.url(Self.documentPath), encoding: .utf8)
    let header = FieldDocumentation.rows(of: EvidenceSchemas.Records.table.header)
    #expect(FieldDocumentation.problems(in: text, section: "Header", fields: header).isEmpty)

    let nameRow = "| `name` | string | yes | — | Title for reports. |\n"
    try #require(text.contains(nameRow))
    #expect(
      FieldDocumentation.problems(
        in: text.replacingOccurrences(of: nameRow, with: ""), section: "Header", fields: header)
        == ["section Header: the field `name` is not documented"])

    let extra = header + [(name: "sponsor", required: false)]
    #expect(
      FieldDocumentation.problems(in: text, section: "Header", fields: extra)
        == ["section Header: the field `sponsor` is not documented"])

    let strayRow = nameRow + "| `sponsor` | string | no | — | Who asked. |\n"
    #expect(
      FieldDocumentation.problems(
        in: text.replacingOccurrences(of: nameRow, with: strayRow), section: "Header", fields: header)
        == ["section Header: the row `sponsor` names no field of the table"])

    let optionalName = nameRow.replacingOccurrences(of: "| yes |", with: "| no |")
    #expect(
      FieldDocumentation.problems(
        in: text.replacingOccurrences(of: nameRow, with: optionalName), section: "Header", fields: header)
        == ["section Header: `name` is documented as required: no; the table says yes"])

    let locator = FieldDocumentation.rows(of: EvidenceSchemas.Records.table.evidenceItem)
    let urlRow = "| `locator.url` | string | no | — | Where it is stored. |\n"
    try #require(text.contains(urlRow))
    #expect(
      FieldDocumentation.problems(
        in: text.replacingOccurrences(of: urlRow, with: ""), section: "Evidence item", fields: locator)
        == ["section Evidence item: the field `locator.url` is not documented"])

    #expect(
      FieldDocumentation.problems(in: text, section: "Sponsor", fields: header)
        == ["section Sponsor: no such section (a line \"## Sponsor\")"])
  }

  @Test("a subsection's table is checked as a section of its own")
  func subsection() throws {
    let text = try String(contentsOf: Golden.url(Self.documentPath), encoding: .utf8)
    let person = FieldDocumentation.rows(of: EvidenceSchemas.Record(EvidenceFormat.person))
    #expect(FieldDocumentation.problems(in: text, section: "Person", fields: person).isEmpty)
    #expect(
      FieldDocumentation.problems(in: text, section: "Person", fields: person + [(name: "email", required: false)])
        == ["section Person: the field `email` is not documented"])
  }

  @Test("a nested record's fields are documented with its name as prefix; a list of records is one row")
  func rows() {
    let rows = FieldDocumentation.rows(of: EvidenceSchemas.Records.table.scope)
    #expect(rows.map(\.name).contains("coverage.minimumShare"))
    #expect(rows.map(\.name).contains("notApplicable"))
    #expect(!rows.map(\.name).contains("coverage"))
    #expect(
      FieldDocumentation.rows(of: EvidenceSchemas.Records.table.evidenceItem).contains {
        $0 == ("locator.document", true)
      })
    let disclosure = FieldDocumentation.rows(of: EvidenceSchemas.Records.table.disclosure).map(\.name)
    #expect(disclosure.contains("teamLeader.name") && disclosure.contains("population.basicUnits"))
    #expect(disclosure.contains("teamMembers") && disclosure.contains("globalFindings"))
  }
}

/// Checks a field table of docs/evidence-format.md against the table's fields.
enum FieldDocumentation {
  /// The rows a record's documentation has, in table order: one per field, a nested record (`.record`)
  /// replaced by its own rows with its name as prefix (`locator.document`); a list of records is one row.
  static func rows(of record: EvidenceSchemas.Record, prefix: String = "") -> [(name: String, required: Bool)] {
    record.fields.flatMap { field -> [(name: String, required: Bool)] in
      if field.kind == .record, let nested = record.nested[field.name] {
        return rows(of: nested, prefix: prefix + field.name + ".")
      }
      return [(prefix + field.name, field.isRequired)]
    }
  }

  /// The problems of the first table under `## section` (or `### section`) in the Markdown `text`, against
  /// `fields`: a field
  /// without a row, a row naming no field, a row documented twice, a "required" column that is not the
  /// field's (`yes` or `no`). The rows may be in any order. Empty when the table and the fields agree.
  static func problems(in text: String, section: String, fields: [(name: String, required: Bool)]) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let start = lines.firstIndex(of: "## \(section)") ?? lines.firstIndex(of: "### \(section)") else {
      return ["section \(section): no such section (a line \"## \(section)\")"]
    }
    let sectionLines = lines[(start + 1)...].prefix { !$0.hasPrefix("## ") && !$0.hasPrefix("### ") }
    let table = sectionLines.drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.map(cells)
    guard let columns = table.first, let nameColumn = columns.firstIndex(of: "field"),
      let requiredColumn = columns.firstIndex(of: "required")
    else { return ["section \(section): no table with the columns field and required"] }

    var problems: [String] = []
    var documented: [String: String] = [:]
    for row in table.dropFirst(2) where row.count > max(nameColumn, requiredColumn) {
      let cell = row[nameColumn]
      let name =
        cell.count > 2 && cell.hasPrefix("`") && cell.hasSuffix("`") ? String(cell.dropFirst().dropLast()) : cell
      if documented[name] != nil { problems.append("section \(section): `\(name)` is documented twice") }
      documented[name] = row[requiredColumn]
    }
    for field in fields {
      guard let required = documented[field.name] else {
        problems.append("section \(section): the field `\(field.name)` is not documented")
        continue
      }
      let expected = field.required ? "yes" : "no"
      if required != expected {
        problems.append(
          "section \(section): `\(field.name)` is documented as required: \(required); the table says \(expected)")
      }
    }
    let names = Set(fields.map(\.name))
    for name in documented.keys.sorted() where !names.contains(name) {
      problems.append("section \(section): the row `\(name)` names no field of the table")
    }
    return problems
  }

  /// A Markdown table row's cells, trimmed.
  static func cells(_ line: String) -> [String] {
    var cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if cells.first == "" { cells.removeFirst() }
    if cells.last == "" { cells.removeLast() }
    return cells
  }
}
