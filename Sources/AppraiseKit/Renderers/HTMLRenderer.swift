import AppraisalModel

/// Renders a report as one self-contained HTML5 page: inline CSS only, no scripts, fonts, images or
/// URLs of any kind, so the file opens offline and never touches the network. Every piece of report text
/// is escaped. The output is deterministic: no dates, no generated ids.
///
/// With ``PrintSettings`` the page is laid out for paper (what `--format pdf` prints): a cover page with the
/// disclosure block and signature lines, CSS paged media (paper size, running header, "page N of M"),
/// page breaks before the long sections. Without them the page is the screen report, unchanged.
public struct HTMLRenderer: ReportRenderer {
  /// The paper layout, or `nil` for the screen page (`--format html`).
  public var print: PrintSettings?

  public init(print: PrintSettings? = nil) {
    self.print = print
  }

  public func render(_ report: RateReport) -> String {
    render(report.document(), page: print.map { PrintPage(report, settings: $0) })
  }

  public func render(_ report: CompareReport) -> String {
    render(report.document(), page: print.map { PrintPage(report, settings: $0) })
  }

  /// The document as a complete HTML page.
  func render(_ document: ReportDocument) -> String { render(document, page: nil) }

  /// The document as a complete HTML page; with `page`, laid out for print behind its cover.
  func render(_ document: ReportDocument, page: PrintPage?) -> String {
    var html = ""
    html += "<!DOCTYPE html>\n"
    html += "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    // Belt and braces: even if a later change let markup slip through, the browser loads nothing.
    html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    html += "<title>\(Self.escape(document.title))</title>\n"
    html += "<style>\n\(Self.styleSheet)\(page.map(Self.printStyleSheet) ?? "")</style>\n</head>\n<body>\n<main>\n"
    var blocks = document.blocks[...]
    if let page {
      // The cover carries the title and the method statement; the report proper starts on page 2.
      html += page.cover
      if case .paragraph(RatingRules.methodStatement, .warning)? = blocks.first { blocks = blocks.dropFirst() }
    } else {
      html += "<h1>\(Self.escape(document.title))</h1>\n"
    }
    for block in blocks {
      switch block {
      case .heading(let level, let text):
        let tag = "h\(min(max(level, 2), 6))"
        let breaks = page != nil && level == 2 && PrintSettings.startsNewPage(text)
        html += "<\(tag)\(breaks ? " class=\"new-page\"" : "")>\(Self.escape(text))</\(tag)>\n"
      case .paragraph(let text, let tone):
        html += paragraph(text, tone: tone)
      case .keyValues(let pairs):
        html += keyValues(pairs)
      case .table(let header, let rows):
        html += table(header: header, rows: rows)
      case .list(let items):
        html += list(items)
      case .heatmap(let map):
        html += heatmap(map)
      case .chart(let chart):
        html += self.chart(chart)
      }
    }
    html += "</main>\n</body>\n</html>\n"
    return html
  }

  // MARK: Blocks

  private func paragraph(_ text: String, tone: ReportDocument.Tone) -> String {
    if tone == .warning {
      return "<p class=\"banner\" role=\"note\">\(Self.escape(text))</p>\n"
    }
    return "<p\(Self.classAttribute(tone))>\(Self.escape(text))</p>\n"
  }

  private func keyValues(_ pairs: [(key: String, value: String)]) -> String {
    var html = "<dl class=\"kv\">\n"
    for pair in pairs {
      html += "<dt>\(Self.escape(pair.key))</dt><dd>\(Self.escape(pair.value))</dd>\n"
    }
    return html + "</dl>\n"
  }

  private func table(header: [String], rows: [[ReportDocument.Cell]]) -> String {
    var html = "<div class=\"scroll\">\n<table class=\"data\">\n<thead>\n<tr>"
    for title in header { html += "<th scope=\"col\">\(Self.escape(title))</th>" }
    html += "</tr>\n</thead>\n<tbody>\n"
    // In a table with nested rows (goals under their process area), the outer rows are group rows.
    let nested = rows.contains { $0.first?.text.hasPrefix("  ") == true }
    for row in rows {
      html += nested && row.first?.text.hasPrefix("  ") == false ? "<tr class=\"group\">" : "<tr>"
      for cell in row { html += tableCell(cell) }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n</div>\n"
  }

  /// A table cell with its tone's class. Leading spaces (nested rows such as goals under their process
  /// area) become an indent class, since HTML collapses whitespace.
  private func tableCell(_ cell: ReportDocument.Cell) -> String {
    let indent = cell.text.prefix { $0 == " " }.count / 2
    var classes: [String] = []
    if let tone = Self.toneClass(cell.tone) { classes.append(tone) }
    if indent > 0 { classes.append("indent-\(min(indent, 3))") }
    let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
    let text = indent > 0 ? String(cell.text.drop { $0 == " " }) : cell.text
    return "<td\(attribute)>\(Self.escape(text))</td>"
  }

  private func list(_ items: [ReportDocument.Cell]) -> String {
    let allWarnings = !items.isEmpty && items.allSatisfy { $0.tone == .warning }
    var html = allWarnings ? "<ul class=\"banner-list\" role=\"note\">\n" : "<ul>\n"
    for item in items {
      html += "<li\(Self.classAttribute(item.tone))>\(Self.escape(item.text))</li>\n"
    }
    return html + "</ul>\n"
  }

  private func heatmap(_ map: ReportDocument.Heatmap) -> String {
    var html = "<figure class=\"heatmap\">\n<figcaption>\(Self.escape(map.title))</figcaption>\n"
    html += "<div class=\"scroll\">\n<table class=\"heatmap\">\n<thead>\n<tr><th scope=\"col\"></th>"
    for column in map.columns { html += "<th scope=\"col\">\(Self.escape(column))</th>" }
    html += "</tr>\n</thead>\n<tbody>\n"
    for (number, row) in map.rows.enumerated() {
      html += "<tr><th scope=\"row\">\(Self.escape(row.label))</th>"
      let labels = number < map.cellLabels.count ? map.cellLabels[number] : []
      for (index, value) in row.cells.enumerated() {
        let state = HeatState(value)
        let label = index < labels.count ? labels[index] : nil
        let column = label ?? (index < map.columns.count ? map.columns[index] : "\(index + 1)")
        let tooltip =
          "\(row.label) · \(column): \(state == .notApplicable ? state.legendText(map.scale) : state.description)"
        let shown = label.map { "<span class=\"hm-id\">\(Self.escape($0))</span>" } ?? ""
        html +=
          "<td class=\"hm \(state.cssClass)\" data-value=\"\(Self.escape(state.dataValue))\""
          + " title=\"\(Self.escape(tooltip))\">\(shown)\(Self.escape(state.shown))</td>"
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n</div>\n"
    html += "<ul class=\"legend\">\n"
    for state in HeatState.legend(map.scale) {
      html +=
        "<li><span class=\"swatch hm \(state.cssClass)\">\(Self.escape(state.shown))</span> "
        + "\(Self.escape(state.legendText(map.scale)))</li>\n"
    }
    return html + "</ul>\n</figure>\n"
  }

  // MARK: Heatmap states

  /// One heatmap value: the five characterizations, not characterized (`nil`), not applicable (`""`),
  /// or anything unexpected (shown as is, neutral colour).
  enum HeatState: Equatable {
    case code(String)
    case notCharacterized
    case notApplicable

    init(_ value: String?) {
      switch value {
      case nil: self = .notCharacterized
      case ""?: self = .notApplicable
      case let code?: self = .code(code)
      }
    }

    static let codes = ["FI", "LI", "PI", "NI", "NY"]
    static let legend: [HeatState] = legend(.scampi)

    /// The legend of a scale: its codes, then not characterized and not applicable.
    static func legend(_ scale: ReportDocument.HeatScale) -> [HeatState] {
      scale.codes.map { .code($0) } + [.notCharacterized, .notApplicable]
    }

    /// CMMI V3.0 characterizations and weakness risks share the colours of the SCAMPI codes they stand
    /// beside (FM as FI, …, DM as NI; risk L as FI, M as PI, H as NI).
    static let aliases = ["FM": "FI", "LM": "LI", "PM": "PI", "DM": "NI", "L": "FI", "M": "PI", "H": "NI"]

    var dataValue: String {
      switch self {
      case .code(let code): code
      case .notCharacterized: "none"
      case .notApplicable: "na"
      }
    }

    var cssClass: String {
      switch self {
      case .code(let code):
        Self.codes.contains(Self.aliases[code] ?? code) ? "hm-\((Self.aliases[code] ?? code).lowercased())" : "hm-other"
      case .notCharacterized: "hm-none"
      case .notApplicable: "hm-na"
      }
    }

    /// The text inside the cell.
    var shown: String {
      switch self {
      case .code(let code): code
      case .notCharacterized: "—"
      case .notApplicable: ""
      }
    }

    var description: String {
      switch self {
      case .code("FI"): "FI, fully implemented"
      case .code("LI"): "LI, largely implemented"
      case .code("PI"): "PI, partially implemented"
      case .code("NI"): "NI, not implemented"
      case .code("NY"): "NY, not yet implemented"
      case .code("FM"): "FM, fully meets"
      case .code("LM"): "LM, largely meets"
      case .code("PM"): "PM, partially meets"
      case .code("DM"): "DM, does not meet"
      case .code("L"): "L, low weakness risk"
      case .code("M"): "M, medium weakness risk"
      case .code("H"): "H, high weakness risk"
      case .code(let code): code
      case .notCharacterized: "not characterized"
      case .notApplicable: "not applicable"
      }
    }

    /// The legend's words on `scale`: a V3 cell left empty is an area out of scope for the project.
    func legendText(_ scale: ReportDocument.HeatScale) -> String {
      self == .notApplicable && scale != .scampi ? "out of scope" : legendText
    }

    var legendText: String {
      switch self {
      case .code("FI"): "fully implemented"
      case .code("LI"): "largely implemented"
      case .code("PI"): "partially implemented"
      case .code("NI"): "not implemented"
      case .code("NY"): "not yet"
      case .code("FM"): "fully meets"
      case .code("LM"): "largely meets"
      case .code("PM"): "partially meets"
      case .code("DM"): "does not meet"
      case .code("L"): "low weakness risk"
      case .code("M"): "medium weakness risk"
      case .code("H"): "high weakness risk"
      case .code(let code): code
      case .notCharacterized: "not characterized"
      case .notApplicable: "not applicable"
      }
    }
  }

  // MARK: Helpers

  static func toneClass(_ tone: ReportDocument.Tone) -> String? {
    switch tone {
    case .plain: nil
    case .good: "good"
    case .bad: "bad"
    case .unknown: "unknown"
    case .muted: "muted"
    case .warning: "warning"
    }
  }

  private static func classAttribute(_ tone: ReportDocument.Tone) -> String {
    toneClass(tone).map { " class=\"\($0)\"" } ?? ""
  }

  /// Escapes text for element content and quoted attribute values.
  /// Text as HTML character data or an attribute value: `& < > " '` as references, and control
  /// characters shown as `\u{…}` like in the other formats (``TerminalText``; line breaks kept, CR LF and
  /// CR as LF, which is what an HTML parser makes of them anyway).
  static func escape(_ text: String) -> String {
    let text = text.terminalSafeLines
    // On bytes: the five characters are ASCII, and no byte of a multi-byte UTF-8 sequence is.
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
      return text
    }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      switch byte {
      case 0x26: out.append(contentsOf: "&amp;".utf8)
      case 0x3C: out.append(contentsOf: "&lt;".utf8)
      case 0x3E: out.append(contentsOf: "&gt;".utf8)
      case 0x22: out.append(contentsOf: "&quot;".utf8)
      case 0x27: out.append(contentsOf: "&#39;".utf8)
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The whole style sheet: system fonts only, no url(), no @import.
  static let styleSheet = """
    :root {
      --ink: #1d232b; --muted: #6b7280; --rule: #d5d9df; --head: #eef1f5; --page: #ffffff;
      --good: #146c2e; --good-bg: #e3f4e6; --bad: #b3261e; --bad-bg: #fde7e5;
      --unknown: #8a5a00; --unknown-bg: #fdf2d8; --warn-bg: #ffe08a; --warn-edge: #c77700;
    }
    * { box-sizing: border-box; }
    html { background: var(--page); color: var(--ink); }
    body {
      margin: 0; padding: 24px 32px 48px;
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
        "DejaVu Sans", sans-serif;
    }
    main { max-width: 1160px; margin: 0 auto; }
    h1 { font-size: 1.75rem; margin: 0 0 12px; }
    h2 { font-size: 1.3rem; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--rule); }
    h3 { font-size: 1.08rem; margin: 22px 0 8px; }
    h4, h5, h6 { font-size: 1rem; margin: 16px 0 6px; }
    p { margin: 8px 0; }
    ul { margin: 6px 0 12px; padding-left: 24px; }
    li { margin: 3px 0; }
    .banner, .banner-list {
      background: var(--warn-bg); border: 2px solid var(--warn-edge); border-left-width: 8px;
      border-radius: 4px; padding: 10px 14px; font-weight: 600; color: #3d2800;
    }
    .banner-list { list-style: none; padding-left: 14px; }
    .banner-list li.warning { background: none; padding: 0; }
    li.good, p.good { color: var(--good); }
    li.bad, p.bad { color: var(--bad); }
    li.unknown, p.unknown { color: var(--unknown); }
    li.muted, p.muted { color: var(--muted); }
    li.warning, p.warning {
      background: var(--warn-bg); border-left: 5px solid var(--warn-edge); padding: 2px 8px; font-weight: 600;
    }
    dl.kv {
      display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 8px 0 14px;
    }
    dl.kv dt { font-weight: 600; color: #374151; }
    dl.kv dd { margin: 0; overflow-wrap: anywhere; }
    .scroll { overflow-x: auto; max-width: 100%; margin: 8px 0 14px; }
    table { border-collapse: collapse; }
    table.data { min-width: 50%; }
    table.data th, table.data td {
      border: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top;
    }
    table.data thead th { background: var(--head); position: sticky; top: 0; }
    table.data tbody tr:nth-child(even) td:not([class]) { background: #fafbfc; }
    table.data td { overflow-wrap: break-word; }
    table.data td:first-child { white-space: nowrap; }
    td.good { color: var(--good); background: var(--good-bg); }
    td.bad { color: var(--bad); background: var(--bad-bg); }
    td.unknown { color: var(--unknown); background: var(--unknown-bg); }
    td.muted { color: var(--muted); }
    td.warning { background: var(--warn-bg); font-weight: 600; }
    table.data td.indent-1 { padding-left: 28px; }
    table.data td.indent-2 { padding-left: 48px; }
    table.data td.indent-3 { padding-left: 68px; }
    table.data tr.group td:first-child { font-weight: 600; }
    table.data tr.group td:not([class]) { background: #f3f5f8; }
    figure.heatmap { margin: 14px 0 22px; }
    figure.heatmap figcaption { font-weight: 600; margin-bottom: 4px; }
    table.heatmap th, table.heatmap td { border: 2px solid #ffffff; }
    table.heatmap td.hm { width: 52px; }
    table.heatmap thead th {
      font-size: 0.8rem; font-weight: 600; padding: 2px 4px; color: #374151; white-space: nowrap;
    }
    table.heatmap tbody th {
      text-align: left; font-weight: 600; padding: 2px 10px 2px 0; white-space: nowrap; font-size: 0.9rem;
    }
    .hm {
      min-width: 44px; height: 28px; padding: 2px 6px; text-align: center; font-size: 0.82rem; font-weight: 700;
      font-variant-numeric: tabular-nums; -webkit-print-color-adjust: exact; print-color-adjust: exact;
    }
    .hm-id { display: block; font-size: 0.68rem; font-weight: 400; white-space: nowrap; }
    .hm-fi { background: #1a7f37; color: #ffffff; }
    .hm-li { background: #9ad89c; color: #0f3d17; }
    .hm-pi { background: #f4b43c; color: #3d2800; }
    .hm-ni { background: #d1342b; color: #ffffff; }
    .hm-ny { background: #5c7ba6; color: #ffffff; }
    .hm-none {
      background: repeating-linear-gradient(45deg, #ffffff 0 5px, #eceff3 5px 10px);
      color: #4b5563; outline: 2px dashed #8b95a3; outline-offset: -4px;
    }
    .hm-na { background: #e5e7eb; color: #9ca3af; }
    .hm-other { background: #ffffff; color: var(--ink); outline: 1px solid var(--rule); outline-offset: -3px; }
    ul.legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 6px 12px; }
    ul.legend li { display: flex; align-items: center; gap: 6px; font-size: 0.85rem; margin: 0; }
    ul.legend .swatch { display: inline-block; min-width: 30px; height: 22px; line-height: 18px; padding: 2px 4px; }
    @media print {
      body { padding: 0; font-size: 10.5pt; }
      main { max-width: none; }
      .scroll { overflow: visible; }
      table.data thead th { position: static; }
      thead { display: table-header-group; }
      tr, figure.heatmap, .banner, .banner-list, dl.kv { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      .banner, .banner-list, td.good, td.bad, td.unknown, td.warning, li.warning {
        -webkit-print-color-adjust: exact; print-color-adjust: exact;
      }
    }

    """
}
