import Foundation

/// Markdown reports that render on a Git forge: pipe tables, bullet lists, the warnings as quotes.
struct MarkdownRenderer: ReportRenderer {
  func render(_ report: RateReport) -> String { render(report.document()) }
  func render(_ report: CompareReport) -> String { render(report.document()) }

  func render(_ document: ReportDocument) -> String {
    var out = "# \(escape(document.title))\n"
    for block in document.blocks {
      switch block {
      case .heading(let level, let text):
        out += "\n" + String(repeating: "#", count: level) + " " + escape(text) + "\n\n"
      case .paragraph(let text, let tone):
        out += (tone == .warning ? "> **\(escape(text))**" : escape(text)) + "\n\n"
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
          out += "- " + (item.tone == .warning ? "**\(escape(item.text))**" : escape(item.text)) + "\n"
        }
        out += "\n"
      case .heatmap:
        // Markdown has no colours; the characterization table carries the same values.
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

  /// Escapes what Markdown would read as markup in running text.
  private static let markup: Set<UInt8> = Set("\\`*_[]<>|#".utf8)

  private func escape(_ text: String) -> String {
    // Most text has nothing to escape: checked on bytes first.
    guard text.utf8.contains(where: Self.markup.contains) else { return text }
    var out = ""
    for character in text {
      if "\\`*_[]<>|#".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// A table cell: escaped, with line breaks flattened and leading spaces kept as non-breaking.
  private func cell(_ text: String) -> String {
    var value = escape(text).replacingOccurrences(of: "\n", with: " ")
    var indent = ""
    while value.hasPrefix(" ") {
      value.removeFirst()
      indent += "\u{00A0}"
    }
    return indent + value
  }
}
