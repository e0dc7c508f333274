/// A report as a sequence of format-neutral blocks. The rate and compare reports are built once as a
/// document; the text, Markdown and HTML renderers only decide how blocks look, so every format states
/// the same things in the same order.
struct ReportDocument: Sendable {
  /// How a cell or line should stand out (colour on a terminal, a class in HTML; Markdown ignores it).
  enum Tone: String, Sendable {
    case plain, good, bad, unknown, muted, warning
  }

  struct Cell: Sendable {
    var text: String
    var tone: Tone = .plain
    init(_ text: String, _ tone: Tone = .plain) {
      self.text = text
      self.tone = tone
    }
  }

  /// A characterization grid: rows × columns of FI/LI/PI/NI/NY codes (`nil` = not characterized,
  /// `""` = not applicable to that cell).
  struct Heatmap: Sendable {
    var title: String
    var columns: [String]
    var rows: [(label: String, cells: [String?])]
    /// Per row, what each cell is, printed in the cell (`SP 2.3`) where a column stands for different
    /// things in different rows; empty: the column header says it.
    var cellLabels: [[String]] = []
    /// Which codes the cells hold, for the legend and colours.
    var scale: HeatScale = .scampi
  }

  /// The code sets a heat map may show: SCAMPI's FI/LI/PI/NI/NY, CMMI V3.0's FM/LM/PM/DM/NY, or an
  /// Evaluation's weakness risk L/M/H/NY.
  enum HeatScale: Sendable {
    case scampi, cmmi3, risk

    /// The codes in legend order.
    var codes: [String] {
      switch self {
      case .scampi: ["FI", "LI", "PI", "NI", "NY"]
      case .cmmi3: ["FM", "LM", "PM", "DM", "NY"]
      case .risk: ["L", "M", "H", "NY"]
      }
    }
  }

  /// A line chart over the appraisals of a series (`trend`): HTML draws it as inline SVG; text and
  /// Markdown leave it out, since the tables beside it carry the same numbers.
  struct Chart: Sendable {
    var title: String
    /// One label per point on the x axis.
    var labels: [String]
    /// The top of the y axis (the bottom is 0).
    var maximum: Int
    /// Each line: its name and one value per point (`nil`: no value there).
    var series: [(name: String, values: [Int?])]
  }

  enum Block: Sendable {
    case heading(level: Int, text: String)
    case paragraph(String, tone: Tone)
    case keyValues([(key: String, value: String)])
    case table(header: [String], rows: [[Cell]])
    case list([Cell])
    case heatmap(Heatmap)
    case chart(Chart)
  }

  var title: String
  var blocks: [Block] = []

  init(title: String) { self.title = title }

  mutating func heading(_ text: String, level: Int = 2) { blocks.append(.heading(level: level, text: text)) }
  mutating func paragraph(_ text: String, tone: Tone = .plain) { blocks.append(.paragraph(text, tone: tone)) }
  mutating func keyValues(_ pairs: [(String, String)]) {
    blocks.append(.keyValues(pairs.map { (key: $0.0, value: $0.1) }))
  }
  mutating func table(_ header: [String], _ rows: [[Cell]]) { blocks.append(.table(header: header, rows: rows)) }
  mutating func list(_ items: [Cell]) { if !items.isEmpty { blocks.append(.list(items)) } }
  mutating func heatmap(_ map: Heatmap) { blocks.append(.heatmap(map)) }
  mutating func chart(_ chart: Chart) { blocks.append(.chart(chart)) }
}

extension ReportDocument.Tone {
  /// The tone of a goal or area rating.
  init(_ cell: String) {
    switch cell {
    case "Satisfied": self = .good
    case "Unsatisfied": self = .bad
    case "Not Rated": self = .unknown
    default: self = .muted
    }
  }
}
