import AppraisalModel

/// A small JSON encoder for reports: pretty-printed, keys sorted, slashes and non-ASCII text unescaped,
/// absent optionals left out. Foundation's `JSONEncoder` spent most of its time moving bytes on reports
/// with hundreds of thousands of entries; this one builds a plain tree and writes it once.
struct ReportJSONEncoder {
  func encode(_ value: some Encodable) throws -> String {
    let root = Node.Box()
    try value.encode(to: TreeEncoder(box: root))
    var writer = Writer()
    writer.write(root.node, indent: 0)
    writer.bytes.append(UInt8(ascii: "\n"))
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// A JSON value under construction.
  enum Node {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([Box])
    case object([(String, Box)])

    /// A slot that containers fill in later (containers are value types sharing it).
    final class Box {
      var node: Node = .null
    }
  }

  /// Writes UTF-8 bytes (appending to a byte array is much cheaper than appending to a String).
  private struct Writer {
    var bytes: [UInt8] = []
    var indents: [[UInt8]] = []

    init() { bytes.reserveCapacity(1 << 20) }

    mutating func indent(_ width: Int) {
      while indents.count <= width { indents.append(Array(repeating: UInt8(ascii: " "), count: indents.count)) }
      bytes.append(contentsOf: indents[width])
    }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func write(_ node: Node, indent width: Int) {
      switch node {
      case .string(let text): string(text)
      case .number(let text): raw(text)
      case .bool(let flag): raw(flag ? "true" : "false")
      case .null: raw("null")
      case .array(let items):
        if items.isEmpty { return raw("[]") }
        raw("[\n")
        for (offset, item) in items.enumerated() {
          indent(width + 2)
          write(item.node, indent: width + 2)
          raw(offset == items.count - 1 ? "\n" : ",\n")
        }
        indent(width)
        raw("]")
      case .object(let members):
        if members.isEmpty { return raw("{}") }
        raw("{\n")
        let sorted = members.sorted { $0.0 < $1.0 }
        for (offset, member) in sorted.enumerated() {
          indent(width + 2)
          string(member.0)
          raw(" : ")
          write(member.1.node, indent: width + 2)
          raw(offset == sorted.count - 1 ? "\n" : ",\n")
        }
        indent(width)
        raw("}")
      }
    }

    mutating func string(_ text: String) {
      bytes.append(UInt8(ascii: "\""))
      // DEL, C1 controls and bidi overrides are legal raw in JSON but would act on a terminal that shows
      // the report: written as \u escapes, which decode to the same text.
      if TerminalText.needsEscaping(text) {
        for scalar in text.unicodeScalars {
          if scalar.value >= 0x20, TerminalText.isControl(scalar) {
            let hex = String(scalar.value, radix: 16)
            raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
          } else {
            body(String(scalar))
          }
        }
      } else {
        body(text)
      }
      bytes.append(UInt8(ascii: "\""))
    }

    /// A string's characters, escaped as JSON needs: runs that need no escape are copied whole.
    private mutating func body(_ text: String) {
      var text = text
      text.withUTF8 { utf8 in
        var start = 0
        for index in 0..<utf8.count {
          let byte = utf8[index]
          guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
          bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
          escape(byte)
          start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
      }
    }

    /// One byte that JSON strings may not hold raw.
    private mutating func escape(_ byte: UInt8) {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case UInt8(ascii: "\n"): raw("\\n")
      case UInt8(ascii: "\r"): raw("\\r")
      case UInt8(ascii: "\t"): raw("\\t")
      default:
        let hex = String(byte, radix: 16)
        raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
      }
    }
  }
}

private struct TreeEncoder: Encoder {
  let box: ReportJSONEncoder.Node.Box
  var codingPath: [any CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object = box.node {} else { box.node = .object([]) }
    return KeyedEncodingContainer(KeyedTree<Key>(box: box))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array = box.node {} else { box.node = .array([]) }
    return UnkeyedTree(box: box)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { SingleTree(box: box) }
}

/// Encodes one value into a box: primitives directly, everything else through its own `encode(to:)`.
private func fill(_ box: ReportJSONEncoder.Node.Box, with value: some Encodable) throws {
  switch value {
  case let text as String: box.node = .string(text)
  case let flag as Bool: box.node = .bool(flag)
  case let number as Int: box.node = .number(String(number))
  case let number as Double: box.node = .number(String(number))
  default: try value.encode(to: TreeEncoder(box: box))
  }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let box: ReportJSONEncoder.Node.Box
  var codingPath: [any CodingKey] = []

  private func slot(_ key: Key) -> ReportJSONEncoder.Node.Box {
    let child = ReportJSONEncoder.Node.Box()
    if case .object(var members) = box.node {
      box.node = .null  // keep the array uniquely referenced while appending
      members.append((key.stringValue, child))
      box.node = .object(members)
    }
    return child
  }

  mutating func encodeNil(forKey key: Key) throws { slot(key).node = .null }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try fill(slot(key), with: value) }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = slot(key)
    child.node = .object([])
    return KeyedEncodingContainer(KeyedTree<NestedKey>(box: child))
  }
  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = slot(key)
    child.node = .array([])
    return UnkeyedTree(box: child)
  }
  mutating func superEncoder() -> any Encoder { TreeEncoder(box: box) }
  mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(box: slot(key)) }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
  let box: ReportJSONEncoder.Node.Box
  var codingPath: [any CodingKey] = []
  var count: Int {
    if case .array(let items) = box.node { return items.count }
    return 0
  }

  private func slot() -> ReportJSONEncoder.Node.Box {
    let child = ReportJSONEncoder.Node.Box()
    if case .array(var items) = box.node {
      box.node = .null
      items.append(child)
      box.node = .array(items)
    }
    return child
  }

  mutating func encodeNil() throws { slot().node = .null }
  mutating func encode<T: Encodable>(_ value: T) throws { try fill(slot(), with: value) }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = slot()
    child.node = .object([])
    return KeyedEncodingContainer(KeyedTree<NestedKey>(box: child))
  }
  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = slot()
    child.node = .array([])
    return UnkeyedTree(box: child)
  }
  mutating func superEncoder() -> any Encoder { TreeEncoder(box: slot()) }
}

private struct SingleTree: SingleValueEncodingContainer {
  let box: ReportJSONEncoder.Node.Box
  var codingPath: [any CodingKey] = []

  mutating func encodeNil() throws { box.node = .null }
  mutating func encode<T: Encodable>(_ value: T) throws { try fill(box, with: value) }
}
