/// Finds the `method` an evidence file declares at its start (see ``EvidenceMethod/detect(path:)``).
enum CMMI3MethodDeclaration {
  /// The declared method with its line and column (column `nil` when unknown), or `nil` when the start of
  /// `bytes` declares none or cannot be read that far.
  static func find(in bytes: [UInt8], syntax: EvidenceSyntax) -> (String, Int, Int?)? {
    switch syntax {
    case .xml: return xml(bytes)
    case .json: return json(bytes)
    case .csv:
      var tokenizer = CSVTokenizer(bytes: bytes)
      return rows(&tokenizer)
    case .xlsx:
      guard var workbook = try? XLSXWorkbook(bytes: bytes), var rows = try? workbook.rows(of: 0) else { return nil }
      return self.rows(&rows)
    }
  }

  /// The root element's `method` attribute (only the root's start tag is read).
  private static func xml(_ bytes: [UInt8]) -> (String, Int, Int?)? {
    guard let reader = try? XMLStreamReader(bytes: bytes, name: ""),
      case .startElement(_, let attributes, let line, _, _)? = try? reader.next(),
      let method = attributes.first(where: { $0.name == "method" && $0.namespace == nil })
    else { return nil }
    return (method.value, line, nil)
  }

  /// The top-level member `method`, if it comes before the data runs out.
  private static func json(_ bytes: [UInt8]) -> (String, Int, Int?)? {
    var reader = JSONReader(bytes: bytes)
    var depth = 0
    var isMethod = false
    while let (token, position) = try? reader.next() {
      switch token {
      case .beginObject, .beginArray:
        if depth == 0, case .beginArray = token { return nil }
        depth += 1
        isMethod = false
      case .endObject, .endArray:
        depth -= 1
        if depth == 0 { return nil }
      case .key(let name):
        isMethod = depth == 1 && name == "method"
      case .string(let text):
        if isMethod { return (text, position.line, position.column) }
      default:
        if isMethod { return nil }
      }
    }
    return nil
  }

  /// The `method` settings row, among the rows before the first blank row.
  private static func rows(_ source: inout some CSVRowSource) -> (String, Int, Int?)? {
    while let row = try? source.nextRow() {
      if row.isBlank { return nil }
      let cells = row.cells
      if cells[0].value.trimmed == "method" {
        guard cells.count > 1 else { return ("", cells[0].line, cells[0].column) }
        return (cells[1].value.trimmed, cells[1].line, cells[1].column)
      }
    }
    return nil
  }
}
