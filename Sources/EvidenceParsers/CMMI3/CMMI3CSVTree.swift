import AppraisalModel

/// Reads a V3 evidence file in the CSV layout (a `.csv` file, or the first sheet of an `.xlsx` workbook)
/// into the JSON syntax's tree (for ``CMMI3TreeDecoder``).
///
/// Settings rows come first, one setting per row, its name in the first cell: the scalar settings
/// (`formatVersion`, `method`, the header's fields, `appraisalType`, `representation`, `view`, `targetLevel`),
/// the id lists (`optionalAreas`, `selectedAreas`: one id per cell), and one row per record
/// (`areaTarget`, `organizationalProcess`, `project`, `organizationalProcessValue`, `teamOUValue`,
/// `practiceGroupDecision`, `teamProjectValue`) with the record's fields in ``rowFields`` order. A blank row
/// ends them; then the practice-input table: a header row naming the columns
/// (``CMMI3EvidenceFormat/inputColumns``, any order) and one row per practice × project. A second weakness
/// is another row repeating the key (the artifact and affirmation cells empty or the same); so is a second
/// weakness of an organizational process value.
package enum CMMI3CSVTree {
  package typealias Problem = (line: Int, column: Int?, message: String)

  /// Settings rows that hold one value.
  private static let scalars: [String: String?] = [
    "formatVersion": nil, "method": nil, "id": "header", "name": "header", "organizationalUnit": "header",
    "date": "header", "model": "header", "modelVersion": "header", "appraisalType": "scope",
    "representation": "scope", "view": "scope", "targetLevel": "scope",
  ]

  /// The fields of each record row after its name, and the list it goes to.
  package static let rowFields: [String: (list: String, fields: [String])] = [
    "areaTarget": ("areaTargets", ["practiceArea", "level"]),
    "organizationalProcess": ("organizationalProcesses", ["id", "name"]),
    "project": ("projects", ["id", "name", "outOfScope", "organizationalProcesses"]),
    "organizationalProcessValue": (
      "organizationalProcessValues", ["practice", "process", "value", "weakness", "weaknessId"]
    ),
    "teamOUValue": ("teamOUValues", ["practice", "value", "justification"]),
    "practiceGroupDecision": ("practiceGroupDecisions", ["practiceArea", "level", "value", "justification"]),
    "teamProjectValue": ("teamProjectValues", ["practice", "project", "value", "justification"]),
  ]

  private struct Record {
    var position: JSONPosition
    var members: [JSONMember]
    var weaknesses: [JSONNode] = []
    var key: String?

    var node: JSONNode {
      var all = members
      if !weaknesses.isEmpty {
        all.append(
          JSONMember(key: "weaknesses", keyPosition: position, value: JSONNode(.array(weaknesses), at: position)))
      }
      return JSONNode(.object(all), at: position)
    }
  }

  /// The tree, or `nil` with the problems when the rows cannot be read.
  package static func read(rows source: inout some CSVRowSource) -> (root: JSONNode?, problems: [Problem]) {
    var problems: [Problem] = []
    var root: [JSONMember] = []
    var header: [JSONMember] = []
    var scope: [JSONMember] = []
    var lists: [String: [Record]] = [:]
    var listOrder: [String] = []
    var keys: [String: Int] = [:]
    var start = JSONPosition(line: 1, column: 1)
    var inTable = false
    var columns: [(name: String, index: Int)]?
    var seenSettings: Set<String> = []

    func position(_ cell: CSVCell) -> JSONPosition { JSONPosition(line: cell.line, column: cell.column) }
    func scalar(_ name: String, _ cell: CSVCell) -> JSONMember {
      let text = cell.value.trimmed
      let value: JSONValue =
        CMMI3EvidenceFormat.integers.contains(name) && Int(text) != nil ? .number(text) : .string(text)
      return JSONMember(key: name, keyPosition: position(cell), value: JSONNode(value, at: position(cell)))
    }
    func ids(_ name: String, _ cells: ArraySlice<CSVCell>, at start: JSONPosition) -> JSONMember {
      let nodes = cells.flatMap { cell in
        cell.value.split(whereSeparator: \.isWhitespace).map { JSONNode(.string(String($0)), at: position(cell)) }
      }
      return JSONMember(key: name, keyPosition: start, value: JSONNode(.array(nodes), at: start))
    }
    func add(_ list: String, _ record: Record) {
      if lists[list] == nil { listOrder.append(list) }
      lists[list, default: []].append(record)
    }
    /// Adds the weakness of `fields` (`weakness`, `weaknessId`) to `record`.
    func weakness(_ fields: [String: CSVCell], to record: inout Record, _ problems: inout [Problem]) {
      if let text = fields["weakness"] {
        var members = [scalar("text", text)]
        if let id = fields["weaknessId"] { members.append(scalar("id", id)) }
        record.weaknesses.append(JSONNode(.object(members), at: JSONPosition(line: text.line, column: text.column)))
      } else if let id = fields["weaknessId"] {
        problems.append(
          (
            id.line, id.column,
            "a weakness id \"\(id.value.trimmed)\" without a weakness; expected the weakness text beside it"
          ))
      }
    }
    /// A row for the key already seen adds its weakness; other cells must be empty or repeat the first row's.
    func merge(_ list: String, key: String, fields: [String: CSVCell], compare: [String], _ problems: inout [Problem])
      -> Bool
    {
      guard let index = keys["\(list)\u{0}\(key)"] else { return false }
      var record = lists[list]![index]
      for name in compare {
        guard let cell = fields[name] else { continue }
        let first = record.members.first { $0.key == name }?.value.stringValue
        if first != cell.value.trimmed {
          problems.append(
            (
              cell.line, cell.column,
              "\(name) is \"\(cell.value.trimmed)\" in a repeated row for \(key.replacingOccurrences(of: "\u{0}", with: " and ")); "
                + "expected an empty cell or the first row's \"\(first ?? "")\""
            ))
        }
      }
      weakness(fields, to: &record, &problems)
      lists[list]![index] = record
      return true
    }

    do {
      while let row = try source.nextRow() {
        let cells = row.cells
        if row.isBlank {
          if !seenSettings.isEmpty { inTable = true }
          continue
        }
        let name = cells[0].value.trimmed
        if !inTable && name == "practice" { inTable = true }
        if !inTable {
          if seenSettings.isEmpty { start = position(cells[0]) }
          if let parent = scalars[name] {
            if !seenSettings.insert(name).inserted {
              problems.append((cells[0].line, cells[0].column, "duplicate setting \"\(name)\"; expected it once"))
              continue
            }
            extra(cells, after: 2, name, fields: ["value"], &problems)
            guard cells.count > 1, !cells[1].value.trimmed.isEmpty else { continue }
            let member = scalar(name, cells[1])
            switch parent {
            case "header": header.append(member)
            case "scope": scope.append(member)
            default: root.append(member)
            }
          } else if name == "optionalAreas" || name == "selectedAreas" {
            if !seenSettings.insert(name).inserted {
              problems.append((cells[0].line, cells[0].column, "duplicate setting \"\(name)\"; expected it once"))
              continue
            }
            scope.append(ids(name, cells.dropFirst(), at: position(cells[0])))
          } else if let (list, names) = rowFields[name] {
            seenSettings.insert(name)
            extra(cells, after: names.count + 1, name, fields: names, &problems)
            var fields: [String: CSVCell] = [:]
            for (offset, field) in names.enumerated() where offset + 1 < cells.count {
              if !cells[offset + 1].value.trimmed.isEmpty { fields[field] = cells[offset + 1] }
            }
            if name == "organizationalProcessValue" {
              let key = "\(fields["practice"]?.value.trimmed ?? "")\u{0}\(fields["process"]?.value.trimmed ?? "")"
              if merge(list, key: key, fields: fields, compare: ["value"], &problems) { continue }
              keys["\(list)\u{0}\(key)"] = lists[list]?.count ?? 0
            }
            var record = Record(position: position(cells[0]), members: [])
            for field in names where field != "weakness" && field != "weaknessId" {
              guard let value = fields[field] else { continue }
              record.members.append(
                CMMI3EvidenceFormat.idLists.contains(field)
                  ? ids(field, [value], at: position(value)) : scalar(field, value))
            }
            weakness(fields, to: &record, &problems)
            add(list, record)
          } else {
            let expected = Array(scalars.keys) + ["optionalAreas", "selectedAreas"] + Array(rowFields.keys)
            problems.append(
              (
                cells[0].line, cells[0].column,
                "unknown setting \"\(name)\"; expected one of " + expected.sorted().joined(separator: ", ")
                  + " (or a blank row before the practice-input table)"
              ))
          }
          continue
        }
        guard let columns else {
          columns = tableColumns(cells, &problems)
          if columns == nil { break }
          continue
        }
        var fields: [String: CSVCell] = [:]
        for column in columns where column.index < cells.count && !cells[column.index].value.trimmed.isEmpty {
          fields[column.name] = cells[column.index]
        }
        let known = Set(columns.map(\.index))
        for (index, cell) in cells.enumerated() where !known.contains(index) && !cell.value.trimmed.isEmpty {
          problems.append(
            (cell.line, cell.column, "a value in a column without a name; expected a column of the header row"))
        }
        let key = "\(fields["practice"]?.value.trimmed ?? "")\u{0}\(fields["project"]?.value.trimmed ?? "")"
        if merge("practiceInputs", key: key, fields: fields, compare: ["artifact", "affirmation"], &problems) {
          continue
        }
        keys["practiceInputs\u{0}\(key)"] = lists["practiceInputs"]?.count ?? 0
        var record = Record(position: position(cells[0]), members: [])
        for field in ["practice", "project", "artifact", "affirmation"] {
          if let value = fields[field] { record.members.append(scalar(field, value)) }
        }
        weakness(fields, to: &record, &problems)
        add("practiceInputs", record)
      }
    } catch {
      problems.append((error.line, error.column, error.message))
      return (nil, problems)
    }
    if seenSettings.isEmpty && lists.isEmpty {
      problems.append(
        (0, nil, "no settings rows; expected a V3 appraisal starting with formatVersion,1 and method,cmmi-3.0"))
      return (nil, problems)
    }
    var members = root
    if !header.isEmpty {
      members.append(JSONMember(key: "header", keyPosition: start, value: JSONNode(.object(header), at: start)))
    }
    var scopeMembers = scope
    if let targets = lists.removeValue(forKey: "areaTargets") {
      let position = targets[0].position
      scopeMembers.append(
        JSONMember(
          key: "areaTargets", keyPosition: position, value: JSONNode(.array(targets.map(\.node)), at: position)))
    }
    if !scopeMembers.isEmpty {
      members.append(JSONMember(key: "scope", keyPosition: start, value: JSONNode(.object(scopeMembers), at: start)))
    }
    for list in listOrder {
      guard let records = lists[list] else { continue }
      let position = records[0].position
      members.append(
        JSONMember(key: list, keyPosition: position, value: JSONNode(.array(records.map(\.node)), at: position)))
    }
    return (JSONNode(.object(members), at: start), problems)
  }

  /// The header row of the practice-input table: each name known and once, the four keys present.
  private static func tableColumns(_ cells: [CSVCell], _ problems: inout [Problem]) -> [(name: String, index: Int)]? {
    var columns: [(name: String, index: Int)] = []
    let known = CMMI3EvidenceFormat.inputColumns
    for (index, cell) in cells.enumerated() {
      let name = cell.value.trimmed
      if name.isEmpty { continue }
      if !known.contains(name) {
        problems.append(
          (cell.line, cell.column, "unknown column \"\(name)\"; expected one of " + known.joined(separator: ", ")))
      } else if columns.contains(where: { $0.name == name }) {
        problems.append((cell.line, cell.column, "duplicate column \"\(name)\"; expected each column once"))
      } else {
        columns.append((name, index))
      }
    }
    let missing = known.prefix(4).filter { name in !columns.contains { $0.name == name } }
    if !missing.isEmpty {
      problems.append(
        (
          cells[0].line, cells[0].column,
          "the practice-input table has no column " + missing.joined(separator: ", ")
            + "; expected a header row naming " + known.joined(separator: ", ")
        ))
      return nil
    }
    return columns
  }

  /// Reports non-empty cells of a settings row beyond its `count` cells.
  private static func extra(
    _ cells: [CSVCell], after count: Int, _ name: String, fields: [String], _ problems: inout [Problem]
  ) {
    for cell in cells.dropFirst(count) where !cell.value.trimmed.isEmpty {
      problems.append(
        (
          cell.line, cell.column,
          "a value beyond the fields of the \(name) row (" + fields.joined(separator: ", ")
            + "); expected an empty cell"
        ))
      return
    }
  }
}
