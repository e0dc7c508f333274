import AppraisalModel

/// The evidence format's two schemas, generated from ``EvidenceFormat``: the XML Schema
/// (docs/schemas/evidence.xsd) and the JSON Schema 2020-12 (docs/schemas/evidence.schema.json).
///
/// The generator holds the document's structure only — which element or member holds which record, how
/// often, and whether JSON allows `null` there. Every attribute, child element and member declaration comes
/// from a table field: its ``EvidenceField/Kind`` gives the type, ``EvidenceField/isRequired`` the
/// `use="required"` or the `required` list, ``EvidenceField/XMLPlacement`` where XML puts it.
///
/// The committed files are this output; `EvidenceFormatTests` compares them, and
/// `APPRAISE_RECORD_GOLDEN=1 swift test --filter EvidenceFormatTests` rewrites them (that run fails; run the
/// tests again without the variable).
package enum EvidenceSchemas {
  /// A field's kind, the same for every record.
  package typealias Kind = EvidenceField<Void>.Kind
  /// A field's XML placement, the same for every record.
  package typealias Placement = EvidenceField<Void>.XMLPlacement

  /// A field as the schemas see it: no model access.
  package struct Field: Equatable, Sendable {
    package let name: String
    package let kind: Kind
    package let isRequired: Bool
    package let xml: Placement

    package init(_ name: String, _ kind: Kind, required: Bool, xml: Placement) {
      self.name = name
      self.kind = kind
      isRequired = required
      self.xml = xml
    }

    package init<Record>(_ field: EvidenceField<Record>) {
      self.init(field.name, Self.kind(field.kind), required: field.isRequired, xml: Self.placement(field.xml))
    }

    /// The kind of a record's field as a kind of ``EvidenceSchemas/Kind`` (Swift makes each record's
    /// nested `Kind` a type of its own).
    static func kind<Record>(_ kind: EvidenceField<Record>.Kind) -> Kind {
      switch kind {
      case .text: .text
      case .date: .date
      case .boolean: .boolean
      case .integer(let range): .integer(range)
      case .choice(let values): .choice(values)
      case .characterization: .characterization
      case .practice: .practice
      case .idList: .idList
      case .fraction: .fraction
      case .goal: .goal
      case .record: .record
      case .records: .records
      case .texts: .texts
      }
    }

    static func placement<Record>(_ placement: EvidenceField<Record>.XMLPlacement) -> Placement {
      switch placement {
      case .attribute: .attribute
      case .content: .content
      case .child(let name): .child(name)
      case .elementName: .elementName
      }
    }
  }

  /// A record's fields, and the records its `.record` and `.records` fields hold (by field name).
  package struct Record: Sendable {
    package let fields: [Field]
    package let nested: [String: Record]

    package init<Model>(_ fields: [EvidenceField<Model>], nested: [String: Record] = [:]) {
      self.fields = fields.map { Field($0) }
      self.nested = nested
    }

    package init(fields: [Field], nested: [String: Record]) {
      self.fields = fields
      self.nested = nested
    }

    /// The record a `.record` or `.records` field holds.
    package func record(of field: Field) -> Record {
      guard let record = nested[field.name] else {
        preconditionFailure("EvidenceSchemas: no record given for the field \(field.name)")
      }
      return record
    }
  }

  // MARK: - The records

  /// The records the schemas declare; ``table`` is the format's (tests give others to see a change arrive).
  package struct Records: Sendable {
    package var header: Record
    package var scope: Record
    package var disclosure: Record
    package var instantiation: Record
    package var evidenceItem: Record
    package var observation: Record
    package var characterization: Record
    package var aggregation: Record
    package var significance: Record

    /// ``EvidenceFormat``'s records.
    package static let table = Records(
      header: Record(EvidenceFormat.header),
      scope: Record(
        EvidenceFormat.scope,
        nested: [
          "notApplicable": Record(EvidenceFormat.exclusion), "outOfScope": Record(EvidenceFormat.exclusion),
          "areaTargets": Record(EvidenceFormat.areaTarget), "coverage": Record(EvidenceFormat.coverage),
        ]),
      disclosure: Record(
        EvidenceFormat.disclosure,
        nested: [
          "teamLeader": Record(EvidenceFormat.person), "teamMembers": Record(EvidenceFormat.person),
          "sponsor": Record(EvidenceFormat.person), "population": Record(EvidenceFormat.population),
          "samplingFactors": Record(EvidenceFormat.samplingFactor), "subgroups": Record(EvidenceFormat.subgroup),
          "findings": Record(EvidenceFormat.finding),
        ]),
      instantiation: Record(EvidenceFormat.instantiation),
      evidenceItem: Record(EvidenceFormat.evidenceItem, nested: ["locator": Record(EvidenceFormat.locator)]),
      observation: Record(EvidenceFormat.observation),
      characterization: Record(EvidenceFormat.characterization),
      aggregation: Record(EvidenceFormat.aggregation),
      significance: Record(EvidenceFormat.significance))
  }

  /// The elements an observation is (the values of its ``EvidenceField/XMLPlacement/elementName`` field), in
  /// the schema's order, with the fields each leaves out: `impact` is for weaknesses only.
  package static let observationElements: [(name: String, leavesOut: Set<String>)] = [
    ("weakness", []), ("strength", ["impact"]),
  ]

  // MARK: - Patterns (XSD patterns match the whole value; the JSON Schema anchors them)

  static let textPattern = #".*\S.*"#
  static let datePattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
  static let practicePattern = #"\s*\S+ +(SP|GP) [0-9]+\.[0-9]+\s*"#
  /// Up to four digits each, so that no share overflows (the reader refuses larger values as out of range).
  static let fractionPattern = #"\s*0*[0-9]{1,4}\s*/\s*0*[0-9]{1,4}\s*"#
  static let goalPattern = "(SG|GG) [0-9]+"
  static let characterizationCodes = Characterization.allCases.map(\.code)
}

// MARK: - XML Schema

extension EvidenceSchemas {
  /// The XML Schema of the XML syntax, docs/schemas/evidence.xsd.
  package static func xsd(_ records: Records = .table) -> String {
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<!-- appraise evidence file (XML syntax), format version \(EvidenceVocabulary.formatVersion). "
        + "Structure and types only; references into",
      "     the catalog are checked by `appraise validate`. Elements are unqualified (no target namespace). -->",
      #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">"#,
    ]
    let namedTypes = [
      restriction(base: "xs:string", facets: [pattern(textPattern)], name: "text"),
      restriction(base: "xs:string", facets: [pattern(datePattern)], name: "date"),
      restriction(base: "xs:string", facets: [pattern(practicePattern)], name: "practice"),
      restriction(base: "xs:string", facets: characterizationCodes.map(enumeration), name: "characterization"),
      [#"<xs:simpleType name="idList"><xs:list itemType="xs:string"/></xs:simpleType>"#],
    ]
    lines += indented(namedTypes.flatMap { $0 })
    lines.append("")

    let many = #" minOccurs="0" maxOccurs="unbounded""#
    let optional = #" minOccurs="0""#
    let observations = observationElements.map { element in
      self.element(element.name, record: records.observation, leavingOut: element.leavesOut)
    }
    let documentParts = [
      element("header", record: records.header),
      element("scope", record: records.scope),
      element("disclosure", occurs: optional, record: records.disclosure),
      wrapper("instantiations", holding: [element("instantiation", occurs: many, record: records.instantiation)]),
      wrapper("evidence", occurs: optional, holding: [element("item", occurs: many, record: records.evidenceItem)]),
      wrapper("observations", occurs: optional, choice: true, holding: observations),
      wrapper(
        "characterizations", occurs: optional,
        holding: [element("characterization", occurs: many, record: records.characterization)]),
      wrapper(
        "judgments", occurs: optional,
        holding: [
          element("aggregation", occurs: many, record: records.aggregation),
          element("significance", occurs: many, record: records.significance),
        ]),
    ]
    let formatVersion = attribute(
      "formatVersion", required: true,
      type: .anonymous(
        restriction(base: "xs:integer", facets: [enumeration(String(EvidenceVocabulary.formatVersion))])))
    let root =
      [#"<xs:element name="appraisal">"#]
      + indented(
        ["<xs:complexType>"]
          + indented(["<xs:sequence>"] + indented(documentParts.flatMap { $0 }) + ["</xs:sequence>"] + formatVersion)
          + ["</xs:complexType>"])
      + ["</xs:element>"]
    lines += indented(root)
    lines.append("</xs:schema>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A type in the XSD: a named one (`text`, `xs:string`) or an anonymous `<xs:simpleType>` (its lines).
  enum XSDType {
    case named(String)
    case anonymous([String])
  }

  /// The XSD type of a field's values.
  static func xsdType(of field: Field) -> XSDType {
    switch field.kind {
    case .text: .named(field.isRequired ? "text" : "xs:string")
    case .texts: .named("text")
    case .date: .named("date")
    case .boolean: .named("xs:boolean")
    case .practice: .named("practice")
    case .characterization: .named("characterization")
    case .idList: .named("idList")
    case .integer(let range):
      .anonymous(
        restriction(
          base: "xs:integer",
          facets: [
            #"<xs:minInclusive value="\#(range.lowerBound)"/>"#, #"<xs:maxInclusive value="\#(range.upperBound)"/>"#,
          ]))
    case .choice(let values): .anonymous(restriction(base: "xs:string", facets: values.map(enumeration)))
    case .fraction: .anonymous(restriction(base: "xs:string", facets: [pattern(fractionPattern)]))
    case .goal: .anonymous(restriction(base: "xs:string", facets: [pattern(goalPattern)]))
    case .record, .records: preconditionFailure("EvidenceSchemas: \(field.name) is a record, not a value")
    }
  }

  /// `<xs:simpleType>` restricting `base`: on one line with one or two facets, otherwise with the facets on
  /// two lines.
  static func restriction(base: String, facets: [String], name: String? = nil) -> [String] {
    let open = name.map { #"<xs:simpleType name="\#($0)">"# } ?? "<xs:simpleType>"
    let restriction = #"<xs:restriction base="\#(base)">"#
    if facets.count <= 2 {
      return [open + restriction + facets.joined() + "</xs:restriction></xs:simpleType>"]
    }
    let half = (facets.count + 1) / 2
    let facetLines = [facets[..<half].joined(), facets[half...].joined()]
    return [open] + indented([restriction] + indented(facetLines) + ["</xs:restriction>"]) + ["</xs:simpleType>"]
  }

  static func enumeration(_ value: String) -> String { #"<xs:enumeration value="\#(xmlEscaped(value))"/>"# }

  static func pattern(_ value: String) -> String { #"<xs:pattern value="\#(xmlEscaped(value))"/>"# }

  /// An `<xs:attribute>` declaration.
  static func attribute(_ name: String, required: Bool, type: XSDType) -> [String] {
    let use = required ? #" use="required""# : ""
    switch type {
    case .named(let type): return [#"<xs:attribute name="\#(name)" type="\#(type)"\#(use)/>"#]
    case .anonymous(let lines):
      return [#"<xs:attribute name="\#(name)"\#(use)>"#] + indented(lines) + ["</xs:attribute>"]
    }
  }

  /// The element `name` holding `record`: its attribute fields become attributes, its child fields child
  /// elements (in a sequence), its content field the text content (`text` when required, `xs:string`
  /// otherwise). `occurs` is appended to the start tag (`minOccurs`, `maxOccurs`).
  static func element(
    _ name: String, occurs: String = "", record: Record, leavingOut: Set<String> = []
  ) -> [String] {
    let fields = record.fields.filter { !leavingOut.contains($0.name) }
    let attributes = fields.filter { $0.xml == .attribute }.map {
      attribute($0.name, required: $0.isRequired, type: xsdType(of: $0))
    }
    let children = fields.compactMap { field -> [String]? in
      guard case .child(let element) = field.xml else { return nil }
      return child(element, field: field, record: record)
    }
    let content = fields.filter { $0.xml == .content }
    precondition(content.count <= 1, "EvidenceSchemas: \(name) has more than one content field")
    precondition(content.isEmpty || children.isEmpty, "EvidenceSchemas: \(name) has both content and children")
    var body: [String]
    if let content = content.first {
      let base = content.isRequired ? "text" : "xs:string"
      let open = #"<xs:extension base="\#(base)">"#
      let extensionLines =
        attributes.count == 1 && attributes[0].count == 1
        ? [open + attributes[0][0] + "</xs:extension>"]
        : [open] + indented(attributes.flatMap { $0 }) + ["</xs:extension>"]
      body = ["<xs:simpleContent>"] + indented(extensionLines) + ["</xs:simpleContent>"]
    } else {
      body = children.isEmpty ? [] : ["<xs:sequence>"] + indented(children.flatMap { $0 }) + ["</xs:sequence>"]
      body += attributes.flatMap { $0 }
    }
    return [#"<xs:element name="\#(name)"\#(occurs)>"#]
      + indented(["<xs:complexType>"] + indented(body) + ["</xs:complexType>"]) + ["</xs:element>"]
  }

  /// The child element `name` of a field: a nested record (once, or repeated for `.records`) or a value.
  static func child(_ name: String, field: Field, record: Record) -> [String] {
    switch field.kind {
    case .record:
      return element(name, occurs: field.isRequired ? "" : #" minOccurs="0""#, record: record.record(of: field))
    case .records:
      let occurs = (field.isRequired ? "" : #" minOccurs="0""#) + #" maxOccurs="unbounded""#
      return element(name, occurs: occurs, record: record.record(of: field))
    case .texts:
      let occurs = (field.isRequired ? "" : #" minOccurs="0""#) + #" maxOccurs="unbounded""#
      return [#"<xs:element name="\#(name)" type="text"\#(occurs)/>"#]
    default:
      let occurs = field.isRequired ? "" : #" minOccurs="0""#
      switch xsdType(of: field) {
      case .named(let type): return [#"<xs:element name="\#(name)" type="\#(type)"\#(occurs)/>"#]
      case .anonymous(let lines):
        return [#"<xs:element name="\#(name)"\#(occurs)>"#] + indented(lines) + ["</xs:element>"]
      }
    }
  }

  /// A list element such as `<evidence>`: no attributes, the given elements in a sequence, or with `choice`
  /// any number of them in any order (`<observations>`).
  static func wrapper(_ name: String, occurs: String = "", choice: Bool = false, holding elements: [[String]])
    -> [String]
  {
    let group = choice ? "xs:choice" : "xs:sequence"
    let open = choice ? #"<xs:choice minOccurs="0" maxOccurs="unbounded">"# : "<xs:sequence>"
    let content = [open] + indented(elements.flatMap { $0 }) + ["</\(group)>"]
    return [#"<xs:element name="\#(name)"\#(occurs)>"#]
      + indented(["<xs:complexType>"] + indented(content) + ["</xs:complexType>"]) + ["</xs:element>"]
  }

  static func indented(_ lines: [String]) -> [String] { lines.map { $0.isEmpty ? $0 : "  " + $0 } }

  /// `text` as an attribute value.
  static func xmlEscaped(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case "\"": escaped += "&quot;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}

// MARK: - JSON Schema

extension EvidenceSchemas {
  /// The JSON Schema 2020-12 of the JSON syntax, docs/schemas/evidence.schema.json.
  package static func jsonSchema(_ records: Records = .table) -> String {
    // The document's members and the records they hold (their XML placement is unused: `xsd()` has the XML
    // document's structure).
    let document = Record(
      fields: [
        Field("header", .record, required: true, xml: .child("header")),
        Field("scope", .record, required: true, xml: .child("scope")),
        Field("disclosure", .record, required: false, xml: .child("disclosure")),
        Field("instantiations", .records, required: true, xml: .child("instantiations")),
        Field("evidence", .records, required: false, xml: .child("evidence")),
        Field("observations", .records, required: false, xml: .child("observations")),
        Field("characterizations", .records, required: false, xml: .child("characterizations")),
        Field("aggregationDecisions", .records, required: false, xml: .child("judgments")),
        Field("significanceDecisions", .records, required: false, xml: .child("judgments")),
      ],
      nested: [
        "header": records.header, "scope": records.scope, "disclosure": records.disclosure,
        "instantiations": records.instantiation,
        "evidence": records.evidenceItem, "observations": records.observation,
        "characterizations": records.characterization, "aggregationDecisions": records.aggregation,
        "significanceDecisions": records.significance,
      ])
    let version = EvidenceVocabulary.formatVersion
    let root: JSON = .object([
      ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
      ("$id", .string("https://appraise.example/schemas/evidence.schema.json")),
      ("title", .string("appraise evidence file (JSON syntax), format version \(version)")),
      (
        "description",
        .string("Structure and types only; references into the catalog are checked by `appraise validate`.")
      ),
      ("type", .string("object")),
      ("required", .array((["formatVersion"] + document.fields.filter(\.isRequired).map(\.name)).map(JSON.string))),
      ("additionalProperties", .bool(false)),
      (
        "properties",
        .object(
          [("$schema", .object([("type", .string("string"))])), ("formatVersion", .object([("const", .int(version))]))]
            + document.fields.map { ($0.name, jsonType(of: $0, in: document)) })
      ),
      (
        "$defs",
        .object([
          ("text", .object([("type", .string("string")), ("pattern", .string(#"\S"#))])),
          ("optionalText", .object([("type", nullable("string", true))])),
          ("date", .object([("type", .string("string")), ("pattern", .string(anchored(datePattern)))])),
          ("practice", .object([("type", .string("string")), ("pattern", .string(anchored(practicePattern)))])),
          ("characterization", .object([("enum", .array(characterizationCodes.map(JSON.string)))])),
        ])
      ),
    ])
    return root.lines(width: 120).joined(separator: "\n") + "\n"
  }

  /// The schema of a field's values; `null` is allowed for an optional field.
  static func jsonType(of field: Field, in record: Record) -> JSON {
    let optional = !field.isRequired
    switch field.kind {
    case .text: return reference(optional ? "optionalText" : "text")
    case .date: return reference("date", nullable: optional)
    case .practice: return reference("practice", nullable: optional)
    case .characterization: return reference("characterization", nullable: optional)
    case .boolean: return .object([("type", nullable("boolean", optional))])
    case .integer(let range):
      return .object([
        ("type", nullable("integer", optional)), ("minimum", .int(range.lowerBound)),
        ("maximum", .int(range.upperBound)),
      ])
    case .choice(let values): return .object([("enum", .array(values.map(JSON.string) + (optional ? [.null] : [])))])
    case .idList, .texts: return .object([("type", nullable("array", optional)), ("items", reference("text"))])
    case .fraction:
      return .object([("type", nullable("string", optional)), ("pattern", .string(anchored(fractionPattern)))])
    case .goal: return .object([("type", nullable("string", optional)), ("pattern", .string(anchored(goalPattern)))])
    case .record: return object(record.record(of: field), nullable: optional)
    case .records:
      return .object([
        ("type", nullable("array", optional)), ("items", object(record.record(of: field), nullable: false)),
      ])
    }
  }

  /// The schema of a record: an object with exactly the record's fields as members.
  static func object(_ record: Record, nullable isNullable: Bool) -> JSON {
    let required = record.fields.filter(\.isRequired).map { JSON.string($0.name) }
    return .object(
      [("type", nullable("object", isNullable))] + (required.isEmpty ? [] : [("required", .array(required))]) + [
        ("additionalProperties", .bool(false)),
        ("properties", .object(record.fields.map { ($0.name, jsonType(of: $0, in: record)) })),
      ])
  }

  /// `"type"`'s value: the type, or the type and `"null"`.
  static func nullable(_ type: String, _ isNullable: Bool) -> JSON {
    isNullable ? .array([.string(type), .string("null")]) : .string(type)
  }

  /// A reference to one of the `$defs`, or either it or `null`.
  static func reference(_ name: String, nullable isNullable: Bool = false) -> JSON {
    let reference = JSON.object([("$ref", .string("#/$defs/\(name)"))])
    return isNullable ? .object([("anyOf", .array([reference, .object([("type", .string("null"))])]))]) : reference
  }

  static func anchored(_ pattern: String) -> String { "^" + pattern + "$" }

  /// A JSON value that keeps its members in order, written the way the committed schemas are laid out.
  indirect enum JSON {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    /// The value on one line: `{ "a": 1, "b": [1, 2] }`.
    var inline: String {
      switch self {
      case .string(let text): Self.quoted(text)
      case .int(let number): String(number)
      case .bool(let flag): flag ? "true" : "false"
      case .null: "null"
      case .array(let items): "[" + items.map(\.inline).joined(separator: ", ") + "]"
      case .object(let members):
        members.isEmpty
          ? "{}" : "{ " + members.map { Self.quoted($0.0) + ": " + $0.1.inline }.joined(separator: ", ") + " }"
      }
    }

    /// The value's lines: on one line where it fits in `width` columns (with its indentation, `prefix` and
    /// `suffix`), otherwise an object or array with one member per line.
    func lines(width: Int, indent: String = "", prefix: String = "", suffix: String = "") -> [String] {
      let line = indent + prefix + inline + suffix
      let members: [(prefix: String, value: JSON)]
      let open: String
      let close: String
      switch self {
      case .object(let pairs) where !pairs.isEmpty && line.count > width:
        members = pairs.map { (Self.quoted($0.0) + ": ", $0.1) }
        open = "{"
        close = "}"
      case .array(let items) where !items.isEmpty && line.count > width:
        members = items.map { ("", $0) }
        open = "["
        close = "]"
      default:
        return [line]
      }
      var lines = [indent + prefix + open]
      for (index, member) in members.enumerated() {
        lines += member.value.lines(
          width: width, indent: indent + "  ", prefix: member.prefix, suffix: index == members.count - 1 ? "" : ",")
      }
      return lines + [indent + close + suffix]
    }

    static func quoted(_ text: String) -> String {
      var result = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        case _ where scalar.value < 0x20:
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: result.unicodeScalars.append(scalar)
        }
      }
      return result + "\""
    }
  }
}
