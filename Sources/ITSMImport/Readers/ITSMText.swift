import AppraisalModel
import EvidenceParsers

/// The text rules every ITSM profile applies (docs/itsm-import.md, "Common rules"): trimming, HTML removal,
/// group names, and the accepted date forms. Text is otherwise kept exactly as the export has it.
enum ITSMText {
  /// `text` trimmed; `nil` when nothing is left.
  static func clean(_ text: String?) -> String? {
    guard let text else { return nil }
    let trimmed = text.trimmed
    return trimmed.isEmpty ? nil : trimmed
  }

  /// A group's display name: NFC-normalized, trimmed, inner runs of white space and control characters
  /// collapsed to one space, case kept; `nil` when empty.
  static func groupName(_ text: String?) -> String? {
    guard let text else { return nil }
    if isPlainName(text) { return text }
    let words = text.precomposedStringWithCanonicalMapping.split(whereSeparator: { character in
      character.isWhitespace || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    })
    return words.isEmpty ? nil : words.joined(separator: " ")
  }

  /// `text` with each character an XML 1.0 document cannot hold, even as a reference — C0 controls but
  /// tab, line feed and carriage return; U+FFFE and U+FFFF — replaced by U+FFFD, as ``EvidenceWriter``
  /// would write it (found by fuzzing: an id holding U+0005 was imported, then read back different).
  static func xmlSafe(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isNotXMLCharacter) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { out.append(isNotXMLCharacter(scalar) ? "\u{FFFD}" : scalar) }
    return String(out)
  }

  private static func isNotXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
  }

  /// Whether `text` is a group name as it is: not empty, single spaces between words, no other white space
  /// or control characters, and only characters below U+0300 (which are their own NFC form: the
  /// combining marks and canonical singletons all lie above). The common case, checked without Foundation.
  private static func isPlainName(_ text: String) -> Bool {
    var previousSpace = true
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value >= 0x300 || value < 0x20 || (value >= 0x7F && value <= 0xA0) { return false }
      let space = value == 0x20
      if space && previousSpace { return false }
      previousSpace = space
    }
    return !previousSpace
  }

  /// Text of an HTML fragment: tags removed (block-level tags and `<br>` end a line), entities decoded,
  /// each line trimmed, empty lines dropped; `nil` when nothing is left. Only `<` followed by a letter,
  /// `/`, `!` or `?` starts a tag, so `CPU > 95 % < 100 %` is kept as it is.
  static func plain(_ html: String?) -> String? {
    guard let html else { return nil }
    guard html.contains("<") || html.contains("&") else { return clean(html) }
    var output = ""
    var index = html.startIndex
    while index < html.endIndex {
      let character = html[index]
      if character == "<", let next = html.index(index, offsetBy: 1, limitedBy: html.endIndex), next < html.endIndex,
        html[next].isLetter || html[next] == "/" || html[next] == "!" || html[next] == "?",
        let close = html[next...].firstIndex(of: ">")
      {
        let name = html[next..<close].drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
          .lowercased()
        if blockTags.contains(name) { output += "\n" }
        index = html.index(after: close)
      } else if character == "&", let (decoded, end) = entity(in: html, at: index) {
        output += decoded
        index = end
      } else {
        output.append(character)
        index = html.index(after: index)
      }
    }
    let lines = output.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { $0.trimmed }.filter { !$0.isEmpty }
    return lines.isEmpty ? nil : lines.joined(separator: "\n")
  }

  private static let blockTags: Set<String> = [
    "br", "p", "div", "li", "ol", "ul", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    "blockquote", "hr",
  ]
  private static let entities: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
  ]

  /// The character an entity reference at `start` stands for, and where the reference ends.
  private static func entity(in text: String, at start: String.Index) -> (String, String.Index)? {
    let rest = text[text.index(after: start)...].prefix(12)
    guard let semicolon = rest.firstIndex(of: ";") else { return nil }
    let name = String(rest[rest.startIndex..<semicolon])
    let end = text.index(after: semicolon)
    if let known = entities[name] { return (known, end) }
    guard name.hasPrefix("#") else { return nil }
    let digits = name.dropFirst()
    let value =
      digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
    guard let value, let scalar = Unicode.Scalar(value) else { return nil }
    return (String(Character(scalar)), end)
  }

  // MARK: - Dates

  /// The UTC calendar date (`YYYY-MM-DD`) of a timestamp in one of the accepted forms, `nil` otherwise.
  static func day(_ text: String) -> String? {
    if let day = plainDay(text) { return day }
    return instant(text).map { CivilDate(epochSeconds: $0).text }
  }

  /// The day of the commonest forms, `YYYY-MM-DD` and `YYYY-MM-DD HH:MM:SS` (or with `T`) within the day
  /// (hours to 23, no leap second), read without converting: their first ten characters, when the date is
  /// real. `nil` for anything else, which ``instant(_:)`` then reads.
  private static func plainDay(_ text: String) -> String? {
    var text = text
    return text.withUTF8 { bytes -> String? in
      guard bytes.count == 10 || bytes.count == 19 else { return nil }
      func number(_ from: Int, _ count: Int) -> Int? {
        var value = 0
        for index in from..<(from + count) {
          let digit = bytes[index] &- 0x30
          guard digit < 10 else { return nil }
          value = value * 10 + Int(digit)
        }
        return value
      }
      guard bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0, 4), let month = number(5, 2),
        let day = number(8, 2), CivilDate.days(year: year, month: month, day: day) != nil
      else { return nil }
      if bytes.count == 19 {
        let separator = bytes[10]
        guard separator == 0x20 || separator == 0x54 || separator == 0x74, bytes[13] == 0x3A, bytes[16] == 0x3A,
          let hours = number(11, 2), hours <= 23, let minutes = number(14, 2), minutes <= 59,
          let seconds = number(17, 2), seconds <= 59
        else { return nil }
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<10]), as: UTF8.self)
    }
  }

  /// Seconds since 1970-01-01 UTC of a timestamp in one of the accepted forms: ISO 8601 with or without
  /// time and offset, the database form `YYYY-MM-DD HH:MM:SS` (UTC), RFC 822 (`Mon, 12 Jan 2026 08:15:00
  /// +0100`), epoch milliseconds (10 or more digits) and US `M/D/YYYY h:mm:ss AM|PM`. Times without an
  /// offset are UTC. Anything else (e.g. `07.02.2026 09:00:00`) is `nil`: dates are never guessed.
  static func instant(_ text: String) -> Int? {
    let start = DateScanner(text.trimmed)
    if start.isEmpty { return nil }
    var scanner = start
    if let value = scanner.epochMilliseconds() { return value }
    scanner = start
    if let value = scanner.iso() { return value }
    scanner = start
    if let value = scanner.rfc822() { return value }
    scanner = start
    return scanner.us()
  }
}

/// A small cursor over a timestamp's ASCII bytes.
private struct DateScanner {
  let bytes: [UInt8]
  var index = 0

  init(_ text: String) { bytes = Array(text.utf8) }

  var isEmpty: Bool { bytes.isEmpty }
  var atEnd: Bool { index == bytes.count }

  mutating func digits(_ minimum: Int, _ maximum: Int) -> Int? {
    var value = 0
    var count = 0
    while index < bytes.count, count < maximum, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      value = value * 10 + Int(bytes[index] - 0x30)
      index += 1
      count += 1
    }
    return count >= minimum ? value : nil
  }

  mutating func skip(_ character: Character) -> Bool {
    guard index < bytes.count, bytes[index] == character.asciiValue! else { return false }
    index += 1
    return true
  }

  mutating func skipSpaces() -> Bool {
    let start = index
    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    return index > start
  }

  mutating func word() -> String {
    let start = index
    while index < bytes.count, (bytes[index] | 0x20) >= 0x61, (bytes[index] | 0x20) <= 0x7A { index += 1 }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  /// `Z`, `+HH`, `+HHMM`, `+HH:MM` (and `-`): the offset in seconds east of UTC.
  mutating func isoOffset() -> Int? {
    if skip("Z") || skip("z") { return 0 }
    let sign: Int
    if skip("+") {
      sign = 1
    } else if skip("-") {
      sign = -1
    } else {
      return nil
    }
    guard let hours = digits(2, 2), hours <= 23 else { return nil }
    var minutes = 0
    if !atEnd {
      _ = skip(":")
      guard let value = digits(2, 2), value <= 59 else { return nil }
      minutes = value
    }
    return sign * (hours * 3600 + minutes * 60)
  }

  /// `HH:MM[:SS[.fff]]` as seconds of the day.
  mutating func time() -> Int? {
    guard let hours = digits(1, 2), hours <= 24, skip(":"), let minutes = digits(2, 2), minutes <= 59 else {
      return nil
    }
    var seconds = 0
    if skip(":") {
      guard let value = digits(2, 2), value <= 60 else { return nil }
      seconds = value
      if skip(".") || skip(",") { guard digits(1, 9) != nil else { return nil } }
    }
    return hours * 3600 + minutes * 60 + seconds
  }

  mutating func epochMilliseconds() -> Int? {
    guard bytes.count >= 10, bytes.count <= 15, let value = digits(10, 15), atEnd else { return nil }
    return value / 1000
  }

  mutating func iso() -> Int? {
    guard let year = digits(4, 4), skip("-"), let month = digits(2, 2), skip("-"), let day = digits(2, 2),
      let days = CivilDate.days(year: year, month: month, day: day)
    else { return nil }
    if atEnd { return days * 86_400 }
    guard skip("T") || skip("t") || skip(" "), let seconds = time() else { return nil }
    var offset = 0
    if !atEnd {
      _ = skipSpaces()
      guard let value = isoOffset() else { return nil }
      offset = value
    }
    guard atEnd else { return nil }
    return days * 86_400 + seconds - offset
  }

  mutating func rfc822() -> Int? {
    let start = index
    if word().count == 3 {
      guard skip(","), skipSpaces() else { return nil }
    } else {
      index = start
    }
    guard let day = digits(1, 2), skipSpaces(),
      let month = Self.months.firstIndex(of: word().lowercased()).map({ $0 + 1 }), skipSpaces(),
      let year = digits(4, 4), skipSpaces(), let seconds = time(),
      let days = CivilDate.days(year: year, month: month, day: day)
    else { return nil }
    var offset = 0
    if skipSpaces() {
      let zoneStart = index
      if let value = isoOffset() {
        offset = value
      } else {
        index = zoneStart
        guard let value = Self.zones[word().uppercased()] else { return nil }
        offset = value * 3600
      }
    }
    guard atEnd else { return nil }
    return days * 86_400 + seconds - offset
  }

  static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  static let zones: [String: Int] = [
    "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7,
  ]

  /// `M/D/YYYY` optionally followed by `h:mm[:ss] AM|PM`.
  mutating func us() -> Int? {
    guard let month = digits(1, 2), skip("/"), let day = digits(1, 2), skip("/"), let year = digits(4, 4),
      let days = CivilDate.days(year: year, month: month, day: day)
    else { return nil }
    if atEnd { return days * 86_400 }
    guard skipSpaces(), let hour = digits(1, 2), (1...12).contains(hour), skip(":"), let minutes = digits(2, 2),
      minutes <= 59
    else { return nil }
    var seconds = 0
    if skip(":") {
      guard let value = digits(2, 2), value <= 59 else { return nil }
      seconds = value
    }
    guard skipSpaces() else { return nil }
    let meridiem = word().uppercased()
    guard meridiem == "AM" || meridiem == "PM", atEnd else { return nil }
    let hours = hour % 12 + (meridiem == "PM" ? 12 : 0)
    return days * 86_400 + hours * 3600 + minutes * 60 + seconds
  }
}
