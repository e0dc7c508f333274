/// Plain-text reports for a terminal: aligned tables, bullets, and ANSI colour only when asked for
/// (the command enables it on a TTY without `NO_COLOR`).
///
/// Text from the inputs never drives the terminal: every control character (ESC, BEL, CR, C1 CSI, bidi
/// overrides, …) is shown as `\u{…}` (``TerminalText``). Titles, headings, keys and table cells stay on one
/// line (line breaks become spaces); paragraphs and list items keep their line breaks, a list item's
/// continuation lines indented under its text.
public struct TextRenderer: ReportRenderer {
  /// Whether to colour ratings with ANSI escapes (a terminal that shows colour).
  public var colour = false

  public init(colour: Bool = false) { self.colour = colour }

  public func render(_ report: RateReport) -> String { render(report.document()) }
  public func render(_ report: CompareReport) -> String { render(report.document()) }

  func render(_ document: ReportDocument) -> String {
    let title = document.title.reportLine
    var out = paint(title, bold: true) + "\n" + String(repeating: "=", count: title.reportWidth) + "\n"
    for block in document.blocks {
      switch block {
      case .heading(let level, let text):
        let text = text.reportLine
        out += "\n" + paint(text, bold: true) + "\n"
        if level == 2 { out += String(repeating: "-", count: text.reportWidth) + "\n" }
      case .paragraph(let text, let tone):
        for line in text.reportLines { out += paint(String(line), tone: tone) + "\n" }
      case .keyValues(let pairs):
        let pairs = pairs.map { (key: $0.key.reportLine, value: $0.value.reportLine) }
        let width = pairs.map(\.key.reportWidth).max() ?? 0
        for pair in pairs { out += pad(pair.key + ":", width + 1) + " " + pair.value + "\n" }
      case .table(let header, let rows):
        out += table(header.map(\.reportLine), rows.map { $0.map { .init($0.text.reportLine, $0.tone) } })
      case .list(let items):
        for item in items {
          // Continuation lines under the item's text; an empty one stays empty (no trailing blanks).
          for (index, line) in item.text.reportLines.enumerated() {
            out += index == 0 ? "  • " : line.isEmpty ? "\n" : "\n    "
            if !line.isEmpty { out += paint(String(line), tone: item.tone) }
          }
          out += "\n"
        }
      case .heatmap:
        // The characterization table above already lists the same values; the grid is for HTML.
        break
      case .chart:
        // The series tables carry the same numbers; the chart is for HTML.
        break
      }
    }
    return out
  }

  private func table(_ header: [String], _ rows: [[ReportDocument.Cell]]) -> String {
    var widths = header.map(\.reportWidth)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.text.reportWidth)
      }
    }
    // The last column (usually the "why") is not padded so long text does not drag spaces behind it.
    func line(_ cells: [ReportDocument.Cell]) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() {
        let text = index == cells.count - 1 ? cell.text : pad(cell.text, widths[index])
        parts.append(paint(text, tone: cell.tone))
      }
      return parts.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }
    var out = line(header.map { ReportDocument.Cell($0) })
    out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { out += line(row) }
    return out
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.reportWidth))
  }

  private func paint(_ text: String, tone: ReportDocument.Tone = .plain, bold: Bool = false) -> String {
    guard colour else { return text }
    var code: String
    switch tone {
    case .plain: code = ""
    case .good: code = "32"
    case .bad: code = "31"
    case .unknown: code = "33"
    case .muted: code = "2"
    case .warning: code = "1;33"
    }
    if bold { code = code.isEmpty ? "1" : code + ";1" }
    return code.isEmpty ? text : "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = Substring(self)
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
