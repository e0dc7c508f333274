import AppraisalModel
import EvidenceParsers

/// Reads the records of an ITSM export in any of the shapes the tools write, as ``NativeRecord``s handed
/// to `body` one at a time. XML streams (memory grows with one record, not with the file); JSON and CSV
/// are read whole, as the other evidence readers do. Syntax errors and a wrong document shape are errors,
/// located; a file's envelope is checked (`envelope`) before any of its records is handed out.
enum NativeRecordReader {
  /// Where the records sit in an XML export.
  struct XMLShape {
    /// The root element's name (`unload` for ServiceNow, `rss` for Jira).
    var root: String
    /// Names of the elements between the root and the records (`["channel"]` for Jira).
    var wrappers: [String]
    /// Record element names to read; `nil` for every element at that depth.
    var records: Set<String>?
    /// What the document is, for messages.
    var description: String
  }

  /// A problem with a whole file, found by a profile from its envelope: the message and where.
  struct FileProblem {
    var message: String
    var line: Int
    var column: Int?
  }

  /// Streams the records of an XML export. A record is its element: child elements become members
  /// (repeated names kept, in order), attributes stay attributes, text is the element's text.
  /// With `only`, a record keeps just the child elements of those names (a cheaper first pass).
  static func readXML(
    path: String, shape: XMLShape, only: Set<String>? = nil, envelope: (NativeNode) -> FileProblem? = { _ in nil },
    _ body: (NativeRecord) -> Void
  ) throws(ReadFailure) {
    let scanner = XMLRecordScanner(shape: shape, only: only)
    let parser: XMLPushParser
    do {
      parser = try XMLPushParser(path: path, names: [], handler: scanner)
    } catch {
      throw .cannotOpen(file: path, reason: error.message.replacingOccurrences(of: "cannot open file: ", with: ""))
    }
    scanner.parser = parser
    var checkedRoot = false
    do {
      var more = true
      while more {
        more = try parser.parseNext()
        scanner.chunkEnded(line: parser.line, column: parser.column)
        if !checkedRoot, let root = scanner.root {
          checkedRoot = true
          if scanner.rootName != shape.root {
            throw located(
              path, root.line, root.column ?? 0,
              "the root element is <\(scanner.rootName)>; expected <\(shape.root)> (\(shape.description))")
          }
          if let problem = envelope(root) { throw located(path, problem.line, problem.column ?? 0, problem.message) }
        }
        for record in scanner.takeReady() { body(record) }
      }
    } catch let error as XMLReadError {
      throw .invalid(file: path, problems: [XMLAppraisalDecoder.located(error, file: path)])
    } catch let failure as ReadFailure {
      throw failure
    } catch {
      throw .invalid(
        file: path, problems: [LocatedProblem(severity: .error, location: nil, file: path, message: "\(error)")])
    }
  }

  /// Reads the records of a JSON export: the elements of the first of `arrays` found in the top-level
  /// object (an object there instead of an array is one record). Anything else is a file error naming
  /// `description`.
  static func readJSON(
    bytes: [UInt8], file: String, arrays: [String], description: String,
    envelope: (_ container: String, _ envelope: NativeNode) -> FileProblem? = { _, _ in nil },
    _ body: (NativeRecord) -> Void
  ) throws(ReadFailure) {
    let root: JSONNode
    do {
      root = try JSONNode.parse(bytes: bytes)
    } catch {
      throw located(file, error.position.line, error.position.column, error.message)
    }
    guard let members = root.objectMembers, let found = members.first(where: { arrays.contains($0.key) }) else {
      throw located(
        file, root.position.line, root.position.column,
        "found \(root.kindDescription)\(foundKeys(root)) without "
          + "\(arrays.map { "\"\($0)\"" }.joined(separator: " or ")); expected \(description)")
    }
    // The envelope's other members (small: paging data, Jira's field names, a response status).
    var outer = NativeNode(kind: .object, line: root.position.line, column: root.position.column)
    for member in members where !arrays.contains(member.key) {
      outer.members.append(.init(member.key, node(member.value)))
    }
    if let problem = envelope(found.key, outer) {
      throw located(file, problem.line, problem.column ?? 0, problem.message)
    }
    let elements: [JSONNode]
    if let list = found.value.arrayElements {
      elements = list
    } else if found.value.objectMembers != nil {
      elements = [found.value]
    } else {
      throw located(
        file, found.value.position.line, found.value.position.column,
        "\"\(found.key)\" is \(found.value.kindDescription); expected an array of records (\(description))")
    }
    for element in elements {
      body(
        NativeRecord(
          container: found.key, node: node(element), line: element.position.line, column: element.position.column))
    }
  }

  /// What a top-level object holds instead of the records' key, for the message naming what was found:
  /// ` with "data", "meta"` (the first five keys, in order), ` with no keys`, or nothing for a non-object.
  static func foundKeys(_ root: JSONNode) -> String {
    guard let members = root.objectMembers else { return "" }
    if members.isEmpty { return " with no keys" }
    let shown = members.prefix(5).map { "\"\($0.key)\"" }.joined(separator: ", ")
    return " with \(shown)\(members.count > 5 ? ", …" : "")"
  }

  /// The ``NativeNode`` of a JSON value.
  static func node(_ json: JSONNode) -> NativeNode {
    let line = json.position.line
    let column = json.position.column
    switch json.value {
    case .object(let members):
      var result = NativeNode(kind: .object, line: line, column: column)
      result.members = members.map { .init($0.key, node($0.value)) }
      return result
    case .array(let elements):
      var result = NativeNode(kind: .array, line: line, column: column)
      result.elements = elements.map(node)
      return result
    case .string(let text): return .scalar(text, type: .string, line: line, column: column)
    case .number(let text): return .scalar(text, type: .number, line: line, column: column)
    case .bool(let flag): return .scalar(flag ? "true" : "false", type: .bool, line: line, column: column)
    case .null: return NativeNode(kind: .null, line: line, column: column)
    }
  }

  /// Reads the rows of a CSV export as records, one member per header name, one row at a time. A row with
  /// a different number of cells than the header is handed out with a ``NativeRecord/readError`` (and
  /// skipped by the reader that gets it). A syntax error (an unterminated quote) is thrown where it is
  /// found, after the rows before it; ``ITSMImportReader`` reads every CSV file through once before using
  /// any of its rows, so a rejected file contributes none.
  static func readCSV(
    bytes: [UInt8], file: String, envelope: (NativeNode) -> FileProblem? = { _ in nil },
    _ body: (NativeRecord) -> Void
  ) throws(ReadFailure) {
    var tokenizer = CSVTokenizer(bytes: bytes)
    var names: [String]?
    do {
      while let row = try tokenizer.nextRow() {
        if row.isBlank { continue }
        guard let names else {
          let header = row.cells.map(\.value.trimmed)
          var node = NativeNode(kind: .object, line: row.line, column: 1)
          for (name, cell) in zip(header, row.cells) {
            node.members.append(.init(name, NativeNode(kind: .missing, line: cell.line, column: cell.column)))
          }
          if let problem = envelope(node) {
            throw located(file, problem.line, problem.column ?? 0, problem.message)
          }
          names = header
          continue
        }
        var record = NativeNode(kind: .object, line: row.line, column: nil)
        for (name, cell) in zip(names, row.cells) {
          record.members.append(.init(name, .scalar(cell.value, line: cell.line, column: cell.column)))
        }
        let error =
          row.cells.count == names.count
          ? nil : "row has \(row.cells.count) cells, the header \(names.count)"
        body(NativeRecord(container: "", node: record, line: row.line, column: nil, readError: error))
      }
    } catch let error as CSVSyntaxError {
      throw located(file, error.line, error.column, error.message)
    } catch let failure as ReadFailure {
      throw failure
    } catch {
      throw located(file, 0, 0, "\(error)")
    }
    if names == nil {
      throw .invalid(
        file: file,
        problems: [
          LocatedProblem(severity: .error, location: nil, file: file, message: "empty file; expected a header row")
        ])
    }
  }

  static func located(_ file: String, _ line: Int, _ column: Int, _ message: String) -> ReadFailure {
    .invalid(
      file: file,
      problems: [
        LocatedProblem(
          severity: .error, location: SourceLocation(file: file, line: line, column: column > 0 ? column : nil),
          file: file, message: message)
      ])
  }
}
