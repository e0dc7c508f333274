import AppraisalModel

/// Reads the records of an ITSM export in any of the shapes the tools write, as ``NativeRecord``s handed
/// to `body` one at a time. XML streams (memory does not grow with the records); JSON and CSV are read
/// whole, as the other evidence readers do. Syntax errors and a wrong document shape are errors, located.
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

  /// Streams the records of an XML export. Fields are the record's child elements (`name` → text) and
  /// their attributes (`name.attribute` → value), e.g. ServiceNow's `assignment_group.display_value`.
  static func readXML(path: String, shape: XMLShape, _ body: (NativeRecord) -> Void) throws(ReadFailure) {
    let reader: XMLStreamReader
    do {
      reader = try XMLStreamReader(path: path)
    } catch {
      throw .cannotOpen(file: path, reason: error.message.replacingOccurrences(of: "cannot open file: ", with: ""))
    }
    let recordDepth = shape.wrappers.count + 1
    var depth = 0
    var record: NativeRecord?
    var field: (name: String, text: String)?
    do {
      while let event = try reader.next() {
        switch event {
        case .startElement(let name, let attributes, let line, let column, _):
          if depth == 0 && name != shape.root {
            throw located(
              path, line, column, "the root element is <\(name)>; expected <\(shape.root)> (\(shape.description))")
          }
          if depth >= 1 && depth < recordDepth && name != shape.wrappers[depth - 1] {
            // Not on the way to records (e.g. RSS channel metadata): skipped.
          } else if depth == recordDepth && (shape.records?.contains(name) ?? true) {
            record = NativeRecord(container: name, fields: [:], line: line, column: column > 0 ? column : nil)
            for attribute in attributes { record!.fields["@" + attribute.name] = attribute.value }
          } else if depth == recordDepth + 1, record != nil {
            field = (name, "")
            for attribute in attributes { record!.fields[name + "." + attribute.name] = attribute.value }
          }
          depth += 1
        case .text(let text, _, _):
          if depth == recordDepth + 2, field != nil { field!.text += text }
        case .endElement:
          depth -= 1
          if depth == recordDepth + 1, let done = field {
            record?.fields[done.name] = trimmed(done.text)
            field = nil
          } else if depth == recordDepth, let done = record {
            body(done)
            record = nil
          }
        }
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
  /// object (or of a top-level array). Nested objects are flattened with dots (`fields.status.name`);
  /// arrays of values are joined with ", "; of arrays of objects only the first element is kept.
  static func readJSON(
    bytes: [UInt8], file: String, arrays: [String], description: String, _ body: (NativeRecord) -> Void
  ) throws(ReadFailure) {
    let root: JSONNode
    do {
      root = try JSONNode.parse(bytes: bytes)
    } catch {
      throw .invalid(
        file: file,
        problems: [
          LocatedProblem(
            severity: .error,
            location: SourceLocation(file: file, line: error.position.line, column: error.position.column),
            file: file, message: error.message)
        ])
    }
    var container = ""
    var elements: [JSONNode]?
    if let list = root.arrayElements {
      elements = list
    } else if let members = root.objectMembers {
      for name in arrays {
        if let found = members.first(where: { $0.key == name }) {
          container = name
          elements = found.value.arrayElements
          break
        }
      }
    }
    guard let elements else {
      throw .invalid(
        file: file,
        problems: [
          LocatedProblem(
            severity: .error,
            location: SourceLocation(file: file, line: root.position.line, column: root.position.column), file: file,
            message:
              "found \(root.kindDescription) without \(arrays.map { "\"\($0)\"" }.joined(separator: " or ")) array; expected \(description)"
          )
        ])
    }
    for element in elements {
      var fields: [String: String] = [:]
      flatten(element, prefix: "", into: &fields)
      body(
        NativeRecord(container: container, fields: fields, line: element.position.line, column: element.position.column)
      )
    }
  }

  private static func flatten(_ node: JSONNode, prefix: String, into fields: inout [String: String]) {
    let key = { (name: String) in prefix.isEmpty ? name : prefix + "." + name }
    if let members = node.objectMembers {
      for member in members { flatten(member.value, prefix: key(member.key), into: &fields) }
    } else if let elements = node.arrayElements {
      if elements.contains(where: { $0.objectMembers != nil }) {
        if let first = elements.first { flatten(first, prefix: prefix, into: &fields) }
      } else {
        fields[prefix] = elements.compactMap(scalar).joined(separator: ", ")
      }
    } else if let value = scalar(node) {
      fields[prefix] = value
    }
  }

  private static func scalar(_ node: JSONNode) -> String? {
    if let text = node.stringValue { return trimmed(text) }
    if let number = node.numberLiteral { return number }
    if let flag = node.boolValue { return flag ? "true" : "false" }
    return nil
  }

  /// Reads the rows of a CSV export as records keyed by the header row's names.
  static func readCSV(bytes: [UInt8], file: String, container: String, _ body: (NativeRecord) -> Void)
    throws(ReadFailure)
  {
    var tokenizer = CSVTokenizer(bytes: bytes)
    var header: [String]?
    do {
      while let row = try tokenizer.nextRow() {
        if row.isBlank { continue }
        guard let names = header else {
          header = row.cells.map { trimmed($0.value) }
          continue
        }
        var fields: [String: String] = [:]
        for (index, cell) in row.cells.enumerated() where index < names.count {
          fields[names[index]] = trimmed(cell.value)
        }
        body(NativeRecord(container: container, fields: fields, line: row.line, column: nil))
      }
    } catch {
      throw .invalid(
        file: file,
        problems: [
          LocatedProblem(
            severity: .error, location: SourceLocation(file: file, line: error.line, column: error.column), file: file,
            message: error.message)
        ])
    }
    if header == nil {
      throw .invalid(
        file: file,
        problems: [
          LocatedProblem(severity: .error, location: nil, file: file, message: "empty file; expected a header row")
        ])
    }
  }

  private static func located(_ file: String, _ line: Int, _ column: Int, _ message: String) -> ReadFailure {
    .invalid(
      file: file,
      problems: [
        LocatedProblem(
          severity: .error, location: SourceLocation(file: file, line: line, column: column > 0 ? column : nil),
          file: file, message: message)
      ])
  }

  private static func trimmed(_ text: String) -> String { text.trimmed }
}
