import AppraisalModel
import Foundation

/// Well-formedness checks of rendered reports (``RenderPipeline``). Each returns `nil` for a well-formed
/// report, or what is wrong and where. They check the structure a consumer relies on, not the content:
///
/// - every format but CSV: no control character (``TerminalText/isControl(_:)``: C0, DEL, C1, bidi
///   overrides) other than LF — input text is shown as `\u{…}` (docs/report-format.md); the coloured text
///   report may hold its own SGR sequences (`ESC [ … m`) and nothing else;
/// - JSON: parses (`JSONSerialization`) to an object;
/// - CSV: a UTF-8 BOM, then RFC 4180 rows each ended by CR LF (a CR or LF elsewhere only inside a quoted
///   cell), blocks separated by one empty row, as many blocks as the report kind has; every block but the
///   last is a table whose rows have its header's cell count, the last holds `key,value…` rows whose width
///   the key fixes; no cell starts with `= + - @`, TAB or CR (the formula guard). Control characters inside
///   cells are data: CSV keeps input text exactly (docs/report-format.md);
/// - Markdown: every run of lines starting with `|` is a table whose lines all end with `|` and have the
///   header's cell count (counting unescaped pipes), the second line being the delimiter row;
/// - HTML: the DOCTYPE, then only the renderer's own elements, each closed in order (a stack of open tags;
///   `meta` is void), attribute values quoted, no raw `<`, `>` or `"` in text, every `&` one of the five
///   references the renderer writes; the style sheet is raw text without `<`.
enum ReportChecks {
  // MARK: Control characters

  /// The first control character other than LF, if any (every format but CSV).
  static func controls(_ text: String) -> String? {
    var offset = 0
    for scalar in text.unicodeScalars {
      if scalar != "\n" && TerminalText.isControl(scalar) {
        return "raw control character U+\(String(scalar.value, radix: 16, uppercase: true)) at scalar \(offset)"
      }
      offset += 1
    }
    return nil
  }

  /// A coloured text report: its own SGR sequences removed, the rest as ``controls(_:)``.
  static func colouredControls(_ text: String) -> String? {
    var plain = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      guard scalar == "\u{1B}" else {
        plain.append(scalar)
        continue
      }
      guard scalars.next() == "[" else { return "ESC not followed by [ (not an SGR sequence)" }
      while true {
        guard let next = scalars.next() else { return "unterminated SGR sequence" }
        if next == "m" { break }
        guard next == ";" || ("0"..."9").contains(next) else {
          return "ESC [ … \(next.escaped(asASCII: true)): not an SGR sequence"
        }
      }
    }
    return controls(String(plain))
  }

  // MARK: JSON

  static func json(_ text: String) -> String? {
    do {
      let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
      return value is [String: Any] ? nil : "the JSON report is not an object"
    } catch {
      return "the JSON report does not parse: \(error)"
    }
  }

  // MARK: CSV

  /// The width of every footer row, by its key (`nil`: a list, at least the key).
  static let csvFooterWidths: [String: Int?] = [
    "method": 2, "model": 4, "appraisal": 6, "coverage": 2, "outOfScopeReason": 3, "areaTarget": 3, "after": 6,
    "before": 6, "target": 2, "inScope": nil,
    "outOfScope": nil, "notApplicable": 3, "instantiation": 5, "aggregationDecision": 4, "judgmentNeeded": 4,
    "significanceDecision": 4, "maturityLevel": 2, "equivalentStaging": 2, "detail": 3, "rule": 3, "view": 3,
    "viewProcess": 4, "viewLink": 9, "viewSource": 4, "input": 4, "tool": 3, "warning": 2,
    "reportStatus": 2, "period": 3, "teamLeader": 4, "teamMember": 4, "sponsor": 4, "organizationalUnitDescription": 2,
    "location": 2, "population": 3, "samplingFactor": 4, "subgroup": 4, "teamFinding": 4, "globalFinding": 2,
    "evidenceItem": 11, "gap": 3, "judgmentOutstanding": 2,
  ]

  /// A CSV report of `blocks` blocks (rate: table, footer; compare: areas, transitions, weaknesses, footer).
  static func csv(_ text: String, blocks expectedBlocks: Int) -> String? {
    let rows: [[String]]
    switch csvRows(text) {
    case .failure(let problem): return problem.text
    case .success(let parsed): rows = parsed
    }
    var blocks: [[[String]]] = [[]]
    for row in rows {
      if row.isEmpty { blocks.append([]) } else { blocks[blocks.count - 1].append(row) }
    }
    guard blocks.count == expectedBlocks else {
      return "\(blocks.count) blocks separated by empty rows, expected \(expectedBlocks)"
    }
    for (number, block) in blocks.enumerated() {
      guard let header = block.first else { return "block \(number + 1) is empty" }
      for (index, row) in block.enumerated() {
        for cell in row {
          if let first = cell.utf8.first, formulaStarts.contains(first) {
            return
              "block \(number + 1) row \(index + 1): a cell starts with a formula character: \(cell.debugDescription)"
          }
        }
        if number < blocks.count - 1 {
          if row.count != header.count {
            return "block \(number + 1) row \(index + 1) has \(row.count) cells, its header \(header.count)"
          }
        } else {
          guard let width = csvFooterWidths[row[0]] else {
            return "footer row \(index + 1) has an unknown key \(row[0].debugDescription)"
          }
          if let width, row.count != width {
            return "footer row \(index + 1) (\(row[0])) has \(row.count) cells, expected \(width)"
          }
        }
      }
    }
    return nil
  }

  /// What a spreadsheet reads as the start of a formula (OWASP's CSV-injection list).
  static let formulaStarts = Set("=+-@\t\r".utf8)

  struct Problem: Error {
    var text: String
  }

  /// The rows of an RFC 4180 document with a BOM and CR LF row ends; an empty line is an empty row.
  static func csvRows(_ text: String) -> Result<[[String]], Problem> {
    let bytes = Array(text.utf8)
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    guard bytes.starts(with: bom) else { return .failure(Problem(text: "no UTF-8 BOM")) }
    var rows: [[String]] = []
    var row: [String] = []
    var index = bom.count
    func fail(_ what: String) -> Result<[[String]], Problem> {
      .failure(Problem(text: "\(what) at byte \(index) (row \(rows.count + 1))"))
    }
    while index < bytes.count {
      // At the start of a row: CR LF alone is an empty row.
      if row.isEmpty, bytes[index] == UInt8(ascii: "\r") {
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else { return fail("a CR without LF") }
        rows.append([])
        index += 2
        continue
      }
      var cell: [UInt8] = []
      if bytes[index] == UInt8(ascii: "\"") {
        index += 1
        while true {
          guard index < bytes.count else { return fail("an unterminated quoted cell") }
          if bytes[index] == UInt8(ascii: "\"") {
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
              cell.append(UInt8(ascii: "\""))
              index += 2
              continue
            }
            index += 1
            break
          }
          cell.append(bytes[index])
          index += 1
        }
      } else {
        while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "\r") {
          if bytes[index] == UInt8(ascii: "\"") { return fail("a quote inside an unquoted cell") }
          if bytes[index] == UInt8(ascii: "\n") { return fail("an LF inside an unquoted cell") }
          cell.append(bytes[index])
          index += 1
        }
      }
      row.append(String(decoding: cell, as: UTF8.self))
      guard index < bytes.count else { return fail("a row without CR LF at the end") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else {
        return fail("a cell not followed by a comma or CR LF")
      }
      index += 2
      rows.append(row)
      row = []
    }
    return .success(rows)
  }

  // MARK: Markdown

  static func markdown(_ text: String) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var index = 0
    while index < lines.count {
      guard lines[index].hasPrefix("|") else {
        index += 1
        continue
      }
      let start = index
      while index < lines.count, lines[index].hasPrefix("|") { index += 1 }
      let table = lines[start..<index]
      guard table.count >= 2 else { return "line \(start + 1): a table line without a delimiter row" }
      let cells = pipes(table[start]) - 1
      let delimiter = "|" + String(repeating: "---|", count: cells)
      guard table[start + 1] == delimiter else {
        return "line \(start + 2): expected the delimiter row \(delimiter), found \(table[start + 1])"
      }
      for (number, line) in zip(start..., table) {
        guard line.hasSuffix("|"), pipes(line) == pipes(line.dropLast()) + 1 else {
          return "line \(number + 1): a table row that does not end with an unescaped |"
        }
        if pipes(line) - 1 != cells {
          return "line \(number + 1): \(pipes(line) - 1) cells, the header has \(cells): \(line.prefix(300))"
        }
      }
    }
    return nil
  }

  /// The number of `|` not escaped by a backslash (an odd run of backslashes before it).
  static func pipes(_ line: Substring) -> Int {
    var count = 0
    var backslashes = 0
    for byte in line.utf8 {
      if byte == UInt8(ascii: "|") && backslashes % 2 == 0 { count += 1 }
      backslashes = byte == UInt8(ascii: "\\") ? backslashes + 1 : 0
    }
    return count
  }

  // MARK: HTML

  /// The elements the HTML renderer writes (`section`: the print page's cover); `meta` is void.
  static let htmlElements: Set<String> = [
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4", "h5", "h6", "p", "dl", "dt",
    "dd", "div", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "figure", "figcaption", "span", "section",
  ]

  static let htmlReferences: [[UInt8]] = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].map { Array($0.utf8) }

  static func html(_ text: String) -> String? {
    let bytes = Array(text.utf8)
    let doctype = Array("<!DOCTYPE html>\n".utf8)
    guard bytes.starts(with: doctype) else { return "no <!DOCTYPE html> first" }
    var index = doctype.count
    var open: [String] = []
    func at(_ what: String) -> String { "\(what) at byte \(index) (open: \(open.joined(separator: " ")))" }
    func isName(_ byte: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || byte == UInt8(ascii: "-")
    }
    func reference() -> Bool { htmlReferences.contains { bytes[index...].starts(with: $0) } }
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "<"):
        index += 1
        let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        while index < bytes.count, isName(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard htmlElements.contains(name) else { return at("an element the renderer does not write: <\(name)") }
        // Attributes: ` name="value"`, values without `<` and with only the renderer's references.
        while !closing, index < bytes.count, bytes[index] == UInt8(ascii: " ") {
          index += 1
          let attributeStart = index
          while index < bytes.count, isName(bytes[index]) { index += 1 }
          guard index > attributeStart, index + 1 < bytes.count, bytes[index] == UInt8(ascii: "="),
            bytes[index + 1] == UInt8(ascii: "\"")
          else { return at("a malformed attribute in <\(name)") }
          index += 2
          while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "<") { return at("a raw < in an attribute value") }
            if bytes[index] == UInt8(ascii: "&"), !reference() { return at("a raw & in an attribute value") }
            index += 1
          }
          guard index < bytes.count else { return at("an unterminated attribute value") }
          index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return at("a malformed tag <\(name)") }
        index += 1
        if closing {
          guard open.last == name else { return at("</\(name)> closes <\(open.last ?? "nothing")>") }
          open.removeLast()
        } else if name == "style" {
          // Raw text up to </style>.
          let end = Array("</style>".utf8)
          while index < bytes.count, !bytes[index...].starts(with: end) {
            if bytes[index] == UInt8(ascii: "<") { return at("a < in the style sheet") }
            index += 1
          }
          guard index < bytes.count else { return at("an unterminated <style>") }
          index += end.count
        } else if name != "meta" {
          open.append(name)
        }
      case UInt8(ascii: ">"): return at("a raw > in text")
      case UInt8(ascii: "\""): return at("a raw \" in text")
      case UInt8(ascii: "&"):
        guard reference() else { return at("a raw & in text") }
        index += 1
      default: index += 1
      }
    }
    return open.isEmpty ? nil : at("unclosed elements at the end")
  }

  // MARK: Self-test

  /// Each check must reject a broken sample of its format (so a check that can never fail is caught at
  /// start-up) and accept a small well-formed one.
  static func selfTest() {
    let broken: [(String, String?)] = [
      ("controls", controls("a\u{1B}[2Jb")),
      ("controls (C1)", controls("a\u{9B}b")),
      ("coloured controls", colouredControls("\u{1B}[1mtitle\u{1B}[0m\r\n")),
      ("coloured non-SGR", colouredControls("\u{1B}]0;title\u{07}")),
      ("json", json("{\"a\": }")),
      ("csv ragged table", csv("\u{FEFF}a,b\r\nc\r\n\r\nmethod,x\r\n", blocks: 2)),
      ("csv quote in unquoted cell", csv("\u{FEFF}a,b\"c\r\n\r\nmethod,x\r\n", blocks: 2)),
      ("csv lone CR", csv("\u{FEFF}a,b\rc\r\n\r\nmethod,x\r\n", blocks: 2)),
      ("csv extra block", csv("\u{FEFF}a\r\n\r\nb\r\n\r\nmethod,x\r\n", blocks: 2)),
      ("csv footer width", csv("\u{FEFF}a\r\n\r\ninput,x\r\n", blocks: 2)),
      ("csv formula", csv("\u{FEFF}a\r\n=1+1\r\n\r\nmethod,x\r\n", blocks: 2)),
      ("markdown row", markdown("| a | b |\n|---|---|\n| x | y | z |\n")),
      ("markdown escaped end", markdown("| a |\n|---|\n| x \\|\n")),
      ("html mismatch", html("<!DOCTYPE html>\n<html><p>a</td></html>\n")),
      ("html unknown element", html("<!DOCTYPE html>\n<html><p><script>x</script></p></html>\n")),
      ("html raw <", html("<!DOCTYPE html>\n<html><p>a <b</p></html>\n")),
      ("html raw &", html("<!DOCTYPE html>\n<html><p>a & b</p></html>\n")),
      ("html unclosed", html("<!DOCTYPE html>\n<html><p>a</html>\n")),
    ]
    for (name, problem) in broken where problem == nil {
      fatalError("fuzz: the \(name) check accepted a broken sample")
    }
    let wellFormed: [(String, String?)] = [
      ("coloured controls", colouredControls("\u{1B}[1;32mtitle\u{1B}[0m\n")),
      ("json", json("{\"a\" : [1, \"\\u001b\"]}\n")),
      ("csv", csv("\u{FEFF}a,\"b,\"\"c\"\"\r\nd\"\r\n1,2\r\n\r\nmethod,x\r\ninScope\r\n", blocks: 2)),
      ("markdown", markdown("# T\n\n| a | b |\n|---|---|\n| x \\| y | \\\\ |\n\ntext\n")),
      (
        "html",
        html("<!DOCTYPE html>\n<html lang=\"en\"><meta charset=\"u\"><p title=\"a&amp;b\">x &lt; y</p></html>\n")
      ),
    ]
    for (name, problem) in wellFormed {
      if let problem { fatalError("fuzz: the \(name) check rejected a well-formed sample: \(problem)") }
    }
  }
}
