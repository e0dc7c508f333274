import AppraisalModel

/// The hot loop of a streaming JSON read: walks the elements of the top-level `"evidence"` array on
/// bytes, checks each item and its locator and counts it in an ``EvidenceSummarizer``, making no
/// ``JSONNode``, no `String` and no ``EvidenceItem`` per item.
///
/// It accepts only what is plainly valid: objects with the documented members, each once; ids, practice
/// references, instantiations, indicators and documents as strings without escapes or surrounding
/// white space; optional texts as strings or `null`, dates as calendar dates, flags as `true`, `false`
/// or `null`. On anything else it gives up before the array's end, and ``JSONReader`` reads the array
/// again token by token, which finds (and words) every problem; it never accepts what the reader would
/// reject.
struct JSONEvidenceScanner {
  /// How a member's value is checked.
  private enum Role {
    case id, practice, instantiation, indicator, locator, document
    /// A string (escapes allowed) or `null`.
    case optionalText
    /// A calendar date or `null`.
    case date
    /// `true`, `false` or `null`.
    case flag
    /// Anything else: left to the ordinary read.
    case unsupported
  }

  /// A member name and its role; names are static storage, never freed.
  private struct Member: @unchecked Sendable {
    var name: UnsafeBufferPointer<UInt8>
    var role: Role
  }

  private struct Record {
    var members: [Member]
    /// The bits (by index in `members`) of the members an object must have.
    var required: UInt32
  }

  private static let item = record(EvidenceFormat.evidenceItem) { field in
    switch field.name {
    case "id": .id
    case "practice": .practice
    case "instantiation": .instantiation
    case "indicator": .indicator
    case "locator": .locator
    default: nil
    }
  }
  private static let locator = record(EvidenceFormat.locator) { $0.name == "document" ? .document : nil }

  /// A record's members: the roles `byName` gives, the others by how the table reads them.
  private static func record<Fields>(_ fields: [EvidenceField<Fields>], _ byName: (EvidenceField<Fields>) -> Role?)
    -> Record
  {
    var record = Record(members: [], required: 0)
    for (index, field) in fields.enumerated() {
      var role = byName(field) ?? .unsupported
      if role == .unsupported {
        switch field.access {
        case .optionalText: role = field.kind == .date ? .date : field.kind == .text ? .optionalText : .unsupported
        case .flag: role = .flag
        default: break
        }
      }
      let name = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: field.name.utf8.count)
      _ = name.initialize(from: field.name.utf8)
      record.members.append(Member(name: UnsafeBufferPointer(name), role: role))
      if field.isRequired { record.required |= 1 << UInt32(index) }
    }
    return record
  }

  /// What an item said, kept until its end.
  private struct Item {
    var id: IDLog.Key?
    var practice = -1
    var unit = -1
    var indicator: EvidenceItem.Indicator?
  }

  /// Reads the array's elements from `start` (just after its `[`) to just after its `]`; returns the
  /// cursor there, or `nil` when something is not plainly valid (the summarizer is then abandoned).
  static func scan(
    _ p: UnsafeBufferPointer<UInt8>, from start: JSONReader.Cursor, into summarizer: inout EvidenceSummarizer
  ) -> JSONReader.Cursor? {
    var scanner = Scanner(p: p, cursor: start)
    guard scanner.elements(&summarizer) else {
      summarizer.abandon()
      return nil
    }
    summarizer.finish()
    return summarizer.isAbandoned ? nil : scanner.cursor
  }

  /// The bytes and where the scan is; every method returns `false` to give up.
  private struct Scanner {
    let p: UnsafeBufferPointer<UInt8>
    var cursor: JSONReader.Cursor
    var practices = RepeatedSpelling()
    var units = RepeatedSpelling()

    /// The byte at the cursor, or 0 at the end (a NUL is never valid between tokens).
    var byte: UInt8 { cursor.offset < p.count ? p[cursor.offset] : 0 }

    @inline(__always)
    mutating func skipWhitespace() {
      JSONReader.skipWhitespace(p, offset: &cursor.offset, line: &cursor.line, lineStart: &cursor.lineStart)
    }

    /// Skips white space, then `expected`.
    mutating func expect(_ expected: UInt8) -> Bool {
      skipWhitespace()
      guard byte == expected else { return false }
      cursor.offset += 1
      return true
    }

    mutating func elements(_ summarizer: inout EvidenceSummarizer) -> Bool {
      skipWhitespace()
      if byte == UInt8(ascii: "]") {
        cursor.offset += 1
        return true
      }
      while true {
        guard expect(UInt8(ascii: "{")), item(&summarizer) else { return false }
        skipWhitespace()
        switch byte {
        case UInt8(ascii: ","): cursor.offset += 1
        case UInt8(ascii: "]"):
          cursor.offset += 1
          return true
        default: return false
        }
      }
    }

    /// The members of an object whose `{` was just read, up to and including its `}`; `body` checks each
    /// value (the cursor at its first byte). Checks names, repeats and required members.
    mutating func members(of record: Record, _ body: (inout Scanner, Role) -> Bool) -> Bool {
      var seen: UInt32 = 0
      skipWhitespace()
      if byte == UInt8(ascii: "}") {
        cursor.offset += 1
        return record.required == 0
      }
      while true {
        skipWhitespace()
        guard let name = plainString(escapes: false),
          let index = record.members.firstIndex(where: { Self.equal($0.name, name.bytes) }),
          seen & (1 << UInt32(index)) == 0, expect(UInt8(ascii: ":"))
        else { return false }
        seen |= 1 << UInt32(index)
        skipWhitespace()
        guard body(&self, record.members[index].role) else { return false }
        skipWhitespace()
        switch byte {
        case UInt8(ascii: ","): cursor.offset += 1
        case UInt8(ascii: "}"):
          cursor.offset += 1
          return seen & record.required == record.required
        default: return false
        }
      }
    }

    mutating func item(_ summarizer: inout EvidenceSummarizer) -> Bool {
      var item = Item()
      let complete = members(of: JSONEvidenceScanner.item) { scanner, role in
        switch role {
        case .id:
          guard let value = scanner.plainString(escapes: false), value.isPlainASCII else { return false }
          item.id = summarizer.idLog.key(value.bytes)
        case .practice:
          guard let number = scanner.number(in: \.practices, or: { summarizer.practice($0) }) else { return false }
          item.practice = number
        case .instantiation:
          guard let number = scanner.number(in: \.units, or: { summarizer.unit($0) }) else { return false }
          item.unit = number
        case .indicator:
          guard let value = scanner.plainString(escapes: false),
            let indicator = PlainEvidenceValue.indicator(value.bytes)
          else { return false }
          item.indicator = indicator
        case .locator:
          guard scanner.byte == UInt8(ascii: "{") else { return false }
          scanner.cursor.offset += 1
          return scanner.members(of: JSONEvidenceScanner.locator) { scanner, role in scanner.value(role) }
        default:
          return scanner.value(role)
        }
        return true
      }
      guard complete, let indicator = item.indicator, item.practice >= 0, item.unit >= 0 else { return false }
      summarizer.add(practice: item.practice, unit: item.unit, id: item.id, indicator: indicator)
      return !summarizer.isAbandoned
    }

    /// The number of the plain ASCII string at the cursor: the one `spelling` remembers for it, else
    /// `lookup`'s (then remembered); `nil` when it is no such string or names nothing.
    @inline(__always)
    mutating func number(
      in spelling: WritableKeyPath<Scanner, RepeatedSpelling>, or lookup: (UnsafeBufferPointer<UInt8>) -> Int?
    ) -> Int? {
      guard let value = plainString(escapes: false), value.isPlainASCII else { return nil }
      return self[keyPath: spelling].number(of: value.bytes)
        ?? self[keyPath: spelling].remember(value.bytes, lookup(value.bytes))
    }

    /// A value of the other roles: the document, optional texts, dates and flags.
    mutating func value(_ role: Role) -> Bool {
      switch role {
      case .document:
        guard let value = plainString(escapes: false) else { return false }
        return value.isPlain
      case .optionalText:
        return literal("null") || plainString(escapes: true) != nil
      case .date:
        if literal("null") { return true }
        guard let value = plainString(escapes: false) else { return false }
        return PlainEvidenceValue.isCalendarDate(value.bytes)
      case .flag:
        return literal("true") || literal("false") || literal("null")
      default:
        return false
      }
    }

    /// Byte-wise equality of short names, without a call to `memcmp`.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
      guard a.count == b.count else { return false }
      for index in 0..<a.count where a[index] != b[index] { return false }
      return true
    }

    /// `word` at the cursor, not followed by another letter or digit.
    mutating func literal(_ word: StaticString) -> Bool {
      let count = word.utf8CodeUnitCount
      let end = cursor.offset + count
      guard end <= p.count,
        PlainEvidenceValue.equals(UnsafeBufferPointer(rebasing: p[cursor.offset..<end]), word)
      else { return false }
      if end < p.count {
        let next = p[end] | 0x20
        if (next >= UInt8(ascii: "a") && next <= UInt8(ascii: "z")) || (p[end] >= 0x30 && p[end] <= 0x39)
          || p[end] == UInt8(ascii: "_")
        {
          return false
        }
      }
      cursor.offset = end
      return true
    }

    /// A string's raw bytes between its quotes.
    struct Text {
      var bytes: UnsafeBufferPointer<UInt8>
      var isASCII: Bool
      var isPlain: Bool { PlainEvidenceValue.isPlain(bytes) }
      /// Plain and ASCII: Swift compares strings by canonical equivalence, so two ids in different bytes
      /// may still be the same id; ASCII ids are the same exactly when their bytes are.
      var isPlainASCII: Bool { isASCII && isPlain }
    }

    /// The string at the cursor, which is left after its closing quote; `nil` when it is not one, holds a
    /// control character, an escape (unless `escapes`, and then only escapes of a character that is not a
    /// surrogate) or text that is not UTF-8.
    mutating func plainString(escapes: Bool) -> Text? {
      guard byte == UInt8(ascii: "\"") else { return nil }
      let start = cursor.offset + 1
      var j = start
      let n = p.count
      var high: UInt8 = 0
      while j < n {
        let b = p[j]
        if b == UInt8(ascii: "\"") { break }
        if b < 0x20 { return nil }
        if b == UInt8(ascii: "\\") {
          guard escapes, j + 1 < n else { return nil }
          switch p[j + 1] {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            j += 2
          case UInt8(ascii: "u"):
            guard j + 6 <= n, let unit = Self.hex4(p, at: j + 2), unit < 0xD800 || unit > 0xDFFF else { return nil }
            j += 6
          default:
            return nil
          }
          continue
        }
        high |= b
        j += 1
      }
      guard j < n else { return nil }
      if high >= 0x80 && JSONReader.firstInvalidUTF8(p, from: start) != j { return nil }
      cursor.offset = j + 1
      return Text(bytes: UnsafeBufferPointer(rebasing: p[start..<j]), isASCII: high < 0x80)
    }

    static func hex4(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt16? {
      var value: UInt16 = 0
      for k in i..<(i + 4) {
        guard let digit = JSONReader.hexDigit(p[k]) else { return nil }
        value = value << 4 | UInt16(digit)
      }
      return value
    }
  }
}
