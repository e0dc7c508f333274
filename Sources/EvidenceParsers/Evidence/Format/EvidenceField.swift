import AppraisalModel

/// One field of a record of the evidence format (docs/evidence-format.md): its name in every syntax, what
/// values it takes, whether it is required, where XML puts it, and how the model holds it.
///
/// ``EvidenceFormat`` lists every record's fields; the XML, JSON and CSV decoders, the streaming scanner,
/// the writer and the two schemas follow that list. A field whose ``access`` is generic (text, optional
/// text, text with a default, a flag) is read and written by every syntax without code of its own.
package struct EvidenceField<Record>: @unchecked Sendable {
  /// The values a field takes (the schemas' types).
  package enum Kind: Equatable, Sendable {
    /// A string; when required, one that is not all white space.
    case text
    /// An ISO 8601 calendar date `YYYY-MM-DD`.
    case date
    case boolean
    case integer(ClosedRange<Int>)
    /// One of the given words.
    case choice([String])
    /// `FI`, `LI`, `PI`, `NI` or `NY`.
    case characterization
    /// A practice reference, `SCON SP 2.3`.
    case practice
    /// Process area ids (XML: space-separated; JSON: an array; CSV: one per cell or space-separated).
    case idList
    /// `n/d`.
    case fraction
    /// A goal id, `SG 1` or `GG 2`.
    case goal
    /// A nested record (XML: a child element; JSON: an object; CSV: its fields are columns).
    case record
    /// A list of nested records (XML: repeated child elements; JSON: an array of objects; CSV: rows).
    case records
    /// A list of texts (XML: repeated child elements holding the text; JSON: an array of strings; CSV: one
    /// row each).
    case texts
  }

  /// Where the XML syntax puts the field.
  package enum XMLPlacement: Equatable, Sendable {
    case attribute
    /// The element's text content.
    case content
    /// A child element of this name.
    case child(String)
    /// Which element the record is (`<weakness>` or `<strength>`).
    case elementName
  }

  /// How the model holds the value. Generic accesses are decoded and written by every syntax from this
  /// table alone; ``special`` fields are read by each syntax's own code (choices, references, lists, records).
  package enum Access {
    /// A required string: missing or empty is an error, and the model gets `""`.
    case text(WritableKeyPath<Record, String>)
    /// An optional string: missing or empty leaves `nil`.
    case optionalText(WritableKeyPath<Record, String?>)
    /// An optional string with a default when missing or empty.
    case defaultedText(WritableKeyPath<Record, String>, default: String)
    /// An optional boolean with a default.
    case flag(WritableKeyPath<Record, Bool>, default: Bool)
    /// An optional integer (in the kind's range): missing or empty leaves `nil`.
    case optionalNumber(WritableKeyPath<Record, Int?>)
    case special
  }

  /// A value as the writer renders it.
  package enum Value {
    case text(String)
    case flag(Bool)
    case number(Int)
    case list([String])
  }

  /// The name in XML (attribute or element), JSON (member) and the CSV settings block.
  package let name: String
  package let kind: Kind
  package let isRequired: Bool
  package let xml: XMLPlacement
  /// The CSV column (PIID block) or cell label (settings rows) when it differs from ``name``.
  package let csvName: String
  package let access: Access
  /// The value to write, `nil` to leave the field out; generic accesses derive it.
  package let value: (Record) -> Value?

  package init(
    _ name: String, _ kind: Kind, required: Bool, xml: XMLPlacement = .attribute, csv: String? = nil,
    access: Access = .special, value: ((Record) -> Value?)? = nil
  ) {
    self.name = name
    self.kind = kind
    self.isRequired = required
    self.xml = xml
    csvName = csv ?? name
    self.access = access
    if let value {
      self.value = value
    } else {
      switch access {
      case .text(let path): self.value = { .text($0[keyPath: path]) }
      case .optionalText(let path): self.value = { $0[keyPath: path].map(Value.text) }
      case .defaultedText(let path, _): self.value = { .text($0[keyPath: path]) }
      case .flag(let path, _): self.value = { .flag($0[keyPath: path]) }
      case .optionalNumber(let path): self.value = { $0[keyPath: path].map(Value.number) }
      case .special: self.value = { _ in nil }
      }
    }
  }

  /// A required string field.
  package static func text(
    _ name: String, _ path: WritableKeyPath<Record, String>, kind: Kind = .text, xml: XMLPlacement = .attribute,
    csv: String? = nil
  )
    -> Self
  {
    Self(name, kind, required: true, xml: xml, csv: csv, access: .text(path))
  }

  /// An optional string field.
  package static func optional(
    _ name: String, _ path: WritableKeyPath<Record, String?>, kind: Kind = .text, xml: XMLPlacement = .attribute
  ) -> Self {
    Self(name, kind, required: false, xml: xml, access: .optionalText(path))
  }

  /// Whether every syntax reads and writes the field from this table alone.
  package var isGeneric: Bool {
    if case .special = access { return false }
    return true
  }
}

extension Array {
  /// The names of the fields XML holds as attributes, in table order.
  package func attributeNames<Record>() -> [String] where Element == EvidenceField<Record> {
    filter { $0.xml == .attribute }.map(\.name)
  }

  /// The field called `name`.
  package func field<Record>(_ name: String) -> EvidenceField<Record>? where Element == EvidenceField<Record> {
    first { $0.name == name }
  }
}
