/// Markdown reports that render on a Git forge: pipe tables, bullet lists, the warnings as quotes.
///
/// No input text can change the document's structure: the markup characters ``\ ` * _ [ ] < > | # ~``
/// are escaped everywhere; in paragraphs and list items each line break (LF, CR LF, CR) becomes a hard
/// line break (`\` at the end of the line) and no line can start a block (leading spaces become no-break
/// spaces, a leading `-`, `+`, `=` or list number is escaped, an empty line is kept as a no-break space),
/// continuation lines staying inside their list item or quote; titles, headings and table cells are
/// flattened to one line. Control characters are shown as `\u{…}` (``TerminalText``).
public struct MarkdownRenderer: ReportRenderer {
  public init() {}

  public func render(_ report: RateReport) -> String { render(report.document()) }
  public func render(_ report: CompareReport) -> String { render(report.document()) }

  func render(_ document: ReportDocument) -> String {
    var out = "# \(line(document.title))\n"
    for block in document.blocks {
      switch block {
      case .heading(let level, let text):
        out += "\n" + String(repeating: "#", count: level) + " " + line(text) + "\n\n"
      case .paragraph(let text, let tone):
        out += (tone == .warning ? "> **\(lines(text, continuation: "> "))**" : lines(text)) + "\n\n"
      case .keyValues(let pairs):
        out += "| | |\n|---|---|\n"
        for pair in pairs { out += "| **\(cell(pair.key))** | \(cell(pair.value)) |\n" }
        out += "\n"
      case .table(let header, let rows):
        out += "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.map { _ in "---|" }.joined() + "\n"
        for row in rows {
          out += "| " + row.map { styled($0) }.joined(separator: " | ") + " |\n"
        }
        out += "\n"
      case .list(let items):
        for item in items {
          let text = lines(item.text, continuation: "  ")
          out += "- " + (item.tone == .warning ? "**\(text)**" : text) + "\n"
        }
        out += "\n"
      case .heatmap:
        // Markdown has no colours; the characterization table carries the same values.
        break
      case .chart:
        // The series tables carry the same numbers; the chart is for HTML.
        break
      }
    }
    while out.hasSuffix("\n\n") { out.removeLast() }
    return out
  }

  private func styled(_ value: ReportDocument.Cell) -> String {
    let text = cell(value.text)
    guard !text.isEmpty else { return text }
    return value.tone == .bad ? "**\(text)**" : text
  }

  /// Escapes what Markdown would read as markup in running text (`~` is GitHub's strikethrough).
  private static func isMarkup(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"),
      UInt8(ascii: "~"):
      true
    default: false
    }
  }

  private func escape(_ text: some StringProtocol) -> String {
    // Most text has nothing to escape: checked on bytes first.
    guard text.utf8.contains(where: Self.isMarkup) else { return String(text) }
    // On bytes too when every markup character stands between ASCII bytes, so it is a character of its
    // own; next to non-ASCII bytes it may be part of a larger character (a combining mark after it, a
    // prepended mark before it), which is not escaped: the character-by-character path decides that.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 16)
    var previous: UInt8 = 0
    var escapeNext = false
    for byte in text.utf8 {
      if escapeNext && byte >= 0x80 { return escapeByCharacter(text) }
      escapeNext = false
      if Self.isMarkup(byte) {
        if previous >= 0x80 { return escapeByCharacter(text) }
        bytes.append(UInt8(ascii: "\\"))
        escapeNext = true
      }
      bytes.append(byte)
      previous = byte
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private func escapeByCharacter(_ text: some StringProtocol) -> String {
    var out = ""
    for character in text {
      if "\\`*_[]<>|#~".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// Text for one line (a title or heading): escaped, line breaks flattened to spaces.
  private func line(_ text: String) -> String { escape(text.reportLine) }

  /// Running text (a paragraph, a list item, a quote): escaped, each line break a hard break (`\` at the
  /// end of the line), every line made unable to start a block, continuation lines prefixed with
  /// `continuation` so they stay in their list item or quote.
  private func lines(_ text: String, continuation: String = "") -> String {
    let lines = text.reportLines
    guard lines.count > 1 || Self.mayStartBlock(lines[0]) else { return escape(lines[0]) }
    return lines.map { lineStart(escape($0)) }.joined(separator: "\\\n" + continuation)
  }

  /// Whether a line might start a block: leading spaces, or a first character that can begin a list,
  /// rule or setext underline (the characters `escape` handles — `#`, `>`, `*`, `` ` ``, `~`, … — aside).
  private static func mayStartBlock(_ line: Substring) -> Bool {
    guard let first = line.utf8.first else { return false }
    return first == UInt8(ascii: " ") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
      || first == UInt8(ascii: "=") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
  }

  /// An escaped line made unable to start a block: leading spaces become no-break spaces (so they are
  /// not indentation), an empty line a single one (so it does not end the paragraph or list item), and a
  /// leading `-`, `+`, `=` or the `.`/`)` after a leading number is escaped. (Tabs are already `\u{09}`.)
  private func lineStart(_ line: String) -> String {
    var rest = Substring(line)
    var out = ""
    while rest.first == " " {
      out += "\u{00A0}"
      rest = rest.dropFirst()
    }
    guard let first = rest.first else { return out.isEmpty ? "\u{00A0}" : out }
    if "-+=".contains(first) {
      out += "\\"
    } else if first.isASCII, first.isNumber {
      let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
      out += digits
      rest = rest.dropFirst(digits.count)
      if let marker = rest.first, marker == "." || marker == ")" { out += "\\" }
    }
    return out + rest
  }

  /// A table cell: escaped, with line breaks flattened and leading spaces kept as non-breaking spaces.
  private func cell(_ text: String) -> String {
    let escaped = escape(text.reportLine)
    guard escaped.utf8.first == UInt8(ascii: " ") else { return escaped }
    var value = Substring(escaped)
    var indent = ""
    while value.first == " " {
      value = value.dropFirst()
      indent += "\u{00A0}"
    }
    return indent + value
  }
}
