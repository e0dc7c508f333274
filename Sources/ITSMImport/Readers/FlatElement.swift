/// An XML record whose child elements hold only text and attributes (a ServiceNow unload's records), kept
/// as one byte buffer and a list of fields instead of a ``NativeNode`` per child: a field's node is made
/// only when a profile asks for it by name. ``tree`` is the node ``XMLRecordScanner`` would otherwise build.
struct FlatElement {
  /// A child element: its name, where its text and attributes lie in ``bytes``, and its line.
  struct Field {
    var name: String
    /// The text's bytes, or `textStart` -1 when the element has none.
    var textStart: Int32 = -1
    var textCount: Int32 = 0
    /// The element's attributes: a range of ``FlatElement/fieldAttributes``.
    var attributeStart: Int32 = 0
    var attributeCount: Int32 = 0
    var line: Int
  }

  /// An attribute of a field: its name and where its value lies in ``FlatElement/bytes``.
  struct Attribute {
    var name: String
    var start: Int32
    var count: Int32
  }

  /// The record element's own attributes, text and position.
  var attributes: [(name: String, value: String)]
  var rawText: String?
  var line: Int
  var column: Int?
  var fields: [Field] = []
  var fieldAttributes: [Attribute] = []
  var bytes: [UInt8] = []

  init(attributes: [(name: String, value: String)], line: Int) {
    self.attributes = attributes
    self.line = line
  }

  /// The node of the field named `name` (the first), else the record's attribute of that name as a
  /// string scalar, else ``NativeNode/missing`` — as ``NativeNode``'s subscript answers on ``tree``.
  subscript(name: String) -> NativeNode {
    for field in fields where field.name == name { return node(field) }
    if let attribute = attributes.first(where: { $0.name == name }) {
      return .scalar(attribute.value, line: line, column: column)
    }
    return .missing
  }

  /// What ``subscript(name:)`` would find, read without building a node: the first field named `name`
  /// (its cleaned text and `display_value` attribute), else the record's attribute of that name (cleaned).
  enum Found {
    case field(text: String?, displayValue: String?)
    case attribute(String?)
    case missing
  }

  /// ``Found`` for `name`; ``ServiceNowProfile`` reads most fields through it.
  func find(_ name: String) -> Found {
    for field in fields where field.name == name {
      var displayValue: String?
      if field.attributeCount > 0 {
        let range = Int(field.attributeStart)..<Int(field.attributeStart + field.attributeCount)
        if let attribute = fieldAttributes[range].first(where: { $0.name == "display_value" }) {
          displayValue = ITSMText.clean(text(attribute.start, attribute.count) ?? "")
        }
      }
      return .field(text: ITSMText.clean(text(field.textStart, field.textCount)), displayValue: displayValue)
    }
    if let attribute = attributes.first(where: { $0.name == name }) {
      return .attribute(ITSMText.clean(attribute.value))
    }
    return .missing
  }

  /// The record as a tree of nodes.
  var tree: NativeNode {
    var node = NativeNode(kind: .object, rawText: rawText, attributes: attributes, line: line, column: column)
    node.members = fields.map { .init($0.name, self.node($0)) }
    return node
  }

  private func node(_ field: Field) -> NativeNode {
    var node = NativeNode(kind: .object, rawText: text(field.textStart, field.textCount), line: field.line)
    if field.attributeCount > 0 {
      let range = Int(field.attributeStart)..<Int(field.attributeStart + field.attributeCount)
      node.attributes = fieldAttributes[range].map { ($0.name, text($0.start, $0.count) ?? "") }
    }
    return node
  }

  private func text(_ start: Int32, _ count: Int32) -> String? {
    guard start >= 0 else { return nil }
    return String(decoding: bytes[Int(start)..<Int(start + count)], as: UTF8.self)
  }

  // MARK: - Building

  /// Adds a field, its attributes read from `attributes` with their names by `name`.
  mutating func addField(_ name: String, line: Int, attributes: (inout FlatElement) -> Void) {
    let start = Int32(fieldAttributes.count)
    fields.append(Field(name: name, attributeStart: start, line: line))
    attributes(&self)
    fields[fields.count - 1].attributeCount = Int32(fieldAttributes.count) - start
  }

  /// Adds an attribute of the last field.
  mutating func addAttribute(_ name: String, value: UnsafeBufferPointer<UInt8>) {
    fieldAttributes.append(Attribute(name: name, start: Int32(bytes.count), count: Int32(value.count)))
    bytes.append(contentsOf: value)
  }

  /// Adds text to the last field (a field's text runs are adjacent: it holds no elements).
  mutating func addText(_ text: UnsafeBufferPointer<UInt8>) {
    let last = fields.count - 1
    if fields[last].textStart < 0 { fields[last].textStart = Int32(bytes.count) }
    fields[last].textCount += Int32(text.count)
    bytes.append(contentsOf: text)
  }
}
