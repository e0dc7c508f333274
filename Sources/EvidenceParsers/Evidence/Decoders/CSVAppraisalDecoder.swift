import AppraisalModel

/// Decodes the CSV syntax of the evidence format (a PIID spreadsheet, docs/evidence-format.md) into an
/// ``Appraisal``.
///
/// The file has a settings block (one `key,value…` row per setting) ended by an empty row, then the PIID
/// block: a header row naming the columns of ``columns`` in that order and one row per practice ×
/// instantiation × evidence item. Cells are trimmed. Every problem is reported with the cell's line and
/// column and decoding goes on past it; a bad value leaves the same placeholder the JSON reader uses, and
/// its path goes into `failedPaths`. Model paths are those of the JSON syntax, so validation problems land
/// on the cell the value came from.
///
/// Spreadsheet leniencies: empty cells at the end of a row (the padding a spreadsheet writes) are ignored,
/// and a row shorter than the header has empty cells for the missing columns; `true`/`false` are accepted
/// in any case (a spreadsheet writes `TRUE`). Empty rows inside the PIID block are skipped.
package enum CSVAppraisalDecoder {
  /// The PIID block's columns, in the order its header row must list them: the practice and instantiation a
  /// row's records share, the evidence item's fields and its locator's (``EvidenceFormat``), then the team's
  /// characterization and the observations, and last the observations' optional ids (added after format 1:
  /// a finding keeps its identity across appraisals by its id, even when reworded).
  package static let columns =
    ["practice", "instantiation"] + itemColumns
    + ["characterization", "characterizationNote", "weakness", "weaknessImpact", "strength"]
    + ["weaknessId", "strengthId"]

  /// The evidence item's columns, in table order; its locator's fields are columns of their own.
  private static let itemColumns: [String] = EvidenceFormat.evidenceItem.flatMap { field -> [String] in
    switch field.name {
    case "practice", "instantiation": []
    case "locator": EvidenceFormat.locator.map(\.csvName)
    default: [field.csvName]
    }
  }

  /// Format 1's columns: every header row has them. A column added since (an optional field) may be left out.
  private static let formatOneColumns: Set<String> = [
    "practice", "instantiation", "evidenceId", "indicator", "document", "section", "version", "date", "url", "note",
    "imported", "characterization", "characterizationNote", "weakness", "weaknessImpact", "strength",
  ]

  /// The settings block's keys, in the order the format documents them.
  package static let settingKeys =
    ["formatVersion"] + EvidenceFormat.header.map(\.name) + EvidenceFormat.scope.map(\.csvName)
    + EvidenceFormat.disclosure.map(\.csvName) + ["instantiation", "aggregationDecision", "significanceDecision"]

  /// The disclosure's fields by their settings key (`teamMember` for `teamMembers`).
  package static let disclosureKeys = Dictionary(
    uniqueKeysWithValues: EvidenceFormat.disclosure.map { ($0.csvName, $0) })

  /// The cells of the disclosure rows that hold a record (`teamLeader,name,organization,role`), by field name.
  package static let disclosureCells: [String: [String]] = [
    "teamLeader": EvidenceFormat.person.map(\.csvName), "teamMembers": EvidenceFormat.person.map(\.csvName),
    "sponsor": EvidenceFormat.person.map(\.csvName), "population": EvidenceFormat.population.map(\.csvName),
    "samplingFactors": EvidenceFormat.samplingFactor.map(\.csvName),
    "subgroups": EvidenceFormat.subgroup.map(\.csvName), "findings": EvidenceFormat.finding.map(\.csvName),
  ]

  /// Decodes a CSV appraisal; `recordLocations: false` skips the source map (see ``SourceMap``).
  package static func decode(bytes: [UInt8], file: String, recordLocations: Bool = true) -> AppraisalDecoding {
    var tokenizer = CSVTokenizer(bytes: bytes)
    return decode(rows: &tokenizer, file: file, recordLocations: recordLocations)
  }

  /// Decodes a CSV appraisal; with `summarizingWith` a catalog, the evidence items are checked and
  /// counted instead of kept: ``Appraisal/evidence`` stays empty and ``Appraisal/evidenceTally`` holds
  /// the counts. Plain PIID rows holding only an evidence item are read on bytes
  /// (``CSVTokenizer/nextPlainRow(_:)``), making no `String` per cell; other rows are read as usual.
  ///
  /// The items are kept after all when the file declares at most `keepingItemsUpTo` instantiations or
  /// has a problem before its PIID rows. When an item is not plainly valid (an error or a warning to
  /// report), decoding stops there and the result is ``AppraisalDecoding/isIncomplete``: the caller
  /// decodes the bytes again without counting.
  package static func decode(
    bytes: [UInt8], file: String, recordLocations: Bool = true, summarizingWith catalog: Catalog?,
    keepingItemsUpTo limit: Int? = nil
  ) -> AppraisalDecoding {
    guard let catalog else { return decode(bytes: bytes, file: file, recordLocations: recordLocations) }
    var tokenizer = CSVTokenizer(bytes: bytes)
    var decoder = Decoder(file: file, sheet: nil, sheets: [], recording: recordLocations)
    decoder.summarizer = EvidenceSummarizer(catalog: catalog)
    decoder.keepingItemsUpTo = limit
    do {
      while decoder.summarizer?.isAbandoned != true {
        if decoder.isTallying, tokenizer.nextPlainRow({ decoder.plainRow($0, $1) }) { continue }
        guard let row = try tokenizer.nextRow() else { break }
        decoder.consume(row)
      }
    } catch {
      return syntaxFailure(error, decoder, file: file)
    }
    return decoder.finish()
  }

  private static func syntaxFailure(_ error: CSVSyntaxError, _ decoder: Decoder, file: String) -> AppraisalDecoding {
    let sourceMap = decoder.sourceMap
    return AppraisalDecoding(
      appraisal: nil, sourceMap: SourceMap(file: file, sheet: sourceMap.sheet, sheets: sourceMap.sheets),
      problems: [
        LocatedProblem(
          severity: .error, location: sourceMap.location(line: error.line, column: error.column), file: file,
          message: error.message)
      ])
  }

  /// Decodes the rows `source` yields: a CSV file's, or a worksheet's (then `sheet` names it, and every
  /// location is a cell: line = row, column = column number), or several worksheets' (then `sheets` names
  /// them and each line is a ``SourceLocation/workbookLine(sheet:row:)``).
  package static func decode(
    rows source: inout some CSVRowSource, file: String, sheet: String? = nil, sheets: [String] = [],
    recordLocations: Bool = true
  ) -> AppraisalDecoding {
    var decoder = Decoder(file: file, sheet: sheet, sheets: sheets, recording: recordLocations)
    do {
      while let row = try source.nextRow() { decoder.consume(row) }
    } catch {
      return syntaxFailure(error, decoder, file: file)
    }
    return decoder.finish()
  }

  // MARK: - Cells

  /// A trimmed cell and where its text starts.
  struct Field {
    var text: String
    var line: Int
    var column: Int
    /// Whether the cell was quoted (then offsets inside `text` are not file columns).
    var isQuoted = false
    var isEmpty: Bool { text.isEmpty }

    /// `cell` trimmed of white space; the column moves past leading spaces of an unquoted cell.
    init(_ cell: CSVCell) {
      line = cell.line
      column = cell.column
      isQuoted = cell.isQuoted
      let value = cell.value
      let utf8 = value.utf8
      guard let first = utf8.first, let last = utf8.last else {
        text = ""
        return
      }
      if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 {
        text = value
        return
      }
      var start = value.startIndex
      var end = value.endIndex
      while start < end && value[start].isWhitespace { start = value.index(after: start) }
      while end > start && value[value.index(before: end)].isWhitespace { end = value.index(before: end) }
      text = String(value[start..<end])
      if !cell.isQuoted { column += utf8.distance(from: value.startIndex, to: start) }
    }

    /// An empty stand-in for a cell a row does not have, located at `position`.
    init(missingAt position: Field) {
      text = ""
      line = position.line
      column = position.column
    }
  }

  /// A row's trimmed cells.
  static func fields(_ row: CSVRow) -> [Field] { row.cells.map(Field.init) }

  // MARK: - Settings table

  /// How many value cells a setting takes (`nil`: any number) and whether it may repeat.
  private struct Setting {
    var values: Int?
    var repeats: Bool
    /// What the value cells hold, for messages about missing cells.
    var layout: String
    /// Whether a value may be free text (a comma in it must be quoted).
    var freeText: Bool
  }

  private static let settings: [String: Setting] = {
    var table: [String: Setting] = [
      "formatVersion": Setting(values: 1, repeats: false, layout: "the format version, 1", freeText: false),
      "representation": Setting(values: 1, repeats: false, layout: "staged or continuous", freeText: false),
      "targetLevel": Setting(values: 1, repeats: false, layout: "the target level", freeText: false),
      "includeAdditions": Setting(values: 1, repeats: false, layout: "true or false", freeText: false),
      "processAreas": Setting(values: nil, repeats: false, layout: "one process area id per cell", freeText: false),
      "specificGoalsOnly": Setting(values: 1, repeats: false, layout: "true or false", freeText: false),
      "notApplicable": Setting(values: 2, repeats: true, layout: "process area, reason", freeText: true),
      "outOfScope": Setting(values: 2, repeats: true, layout: "process area, reason", freeText: true),
      "areaTarget": Setting(values: 2, repeats: true, layout: "process area, target capability level", freeText: false),
      "coverage": Setting(
        values: 3, repeats: false,
        layout: "enabled (true or false), minimum share (e.g. 1/2), rule (scampi-1.3 or per-area)", freeText: false),
      "aggregationDecision": Setting(
        values: 3, repeats: true, layout: "practice reference, value, justification", freeText: true),
      "significanceDecision": Setting(
        values: 4, repeats: true, layout: "process area, goal, significant (true or false), justification",
        freeText: true),
    ]
    table["instantiation"] = Setting(
      values: EvidenceFormat.instantiation.count, repeats: true,
      layout: EvidenceFormat.instantiation.map(\.csvName).joined(separator: ", "), freeText: true)
    for field in EvidenceFormat.header {
      table[field.name] = Setting(values: 1, repeats: false, layout: "the header value", freeText: field.kind == .text)
    }
    for field in EvidenceFormat.disclosure {
      let cells = disclosureCells[field.name]
      let layout: String
      switch field.kind {
      case .date: layout = "a date, YYYY-MM-DD"
      case .choice(let values): layout = values.joined(separator: " or ")
      default: layout = cells?.joined(separator: ", ") ?? "the text"
      }
      table[field.csvName] = Setting(
        values: cells?.count ?? 1, repeats: field.kind == .records || field.kind == .texts, layout: layout,
        freeText: field.kind != .date && cells != ["people", "basicUnits"])
    }
    return table
  }()

  /// Required settings, an example row for each, and the path that stays undecoded without it.
  private static let requiredSettings: [(key: String, example: String, path: ModelPath)] = [
    ("formatVersion", "formatVersion,1", [.key("formatVersion")]),
    ("id", "id,company-a-after", [.key("header"), .key("id")]),
    ("name", "name,Company A after the change", [.key("header"), .key("name")]),
    ("organizationalUnit", "organizationalUnit,Company A web services", [.key("header"), .key("organizationalUnit")]),
    ("date", "date,2011-09-30", [.key("header"), .key("date")]),
    ("model", "model,CMMI-SVC", [.key("header"), .key("model")]),
    ("modelVersion", "modelVersion,1.3", [.key("header"), .key("modelVersion")]),
    ("representation", "representation,staged", [.key("scope"), .key("representation")]),
    ("targetLevel", "targetLevel,2", [.key("scope"), .key("targetLevel")]),
    ("processAreas", "processAreas,CAM,IRP,SD", [.key("scope"), .key("processAreas")]),
  ]

  private static let headerKeys = Set(EvidenceFormat.header.map(\.name))

  /// The header row as it must be written.
  static let headerRowText = columns.joined(separator: ",")

  private static let columnNumbers = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })

  /// The numbers of the columns read by name.
  private enum Column {
    static let practice = columnNumbers["practice"]!
    static let instantiation = columnNumbers["instantiation"]!
    static let evidenceId = columnNumbers["evidenceId"]!
    static let indicator = columnNumbers["indicator"]!
    static let document = columnNumbers["document"]!
    static let imported = columnNumbers["imported"]!
    static let characterization = columnNumbers["characterization"]!
    static let characterizationNote = columnNumbers["characterizationNote"]!
    static let weakness = columnNumbers["weakness"]!
    static let weaknessImpact = columnNumbers["weaknessImpact"]!
    static let strength = columnNumbers["strength"]!
    static let weaknessID = columnNumbers["weaknessId"]!
    static let strengthID = columnNumbers["strengthId"]!
  }

  /// Columns that only make sense on a row with an `evidenceId`.
  private static let evidenceColumns = itemColumns.filter { $0 != "evidenceId" }.map { columnNumbers[$0]! }

  /// The evidence item's and the locator's fields read from the table alone, with their column numbers;
  /// the row reader handles the others (id, instantiation, imported, document) itself.
  private static let itemCells = cells(EvidenceFormat.evidenceItem, byHand: ["id", "instantiation", "imported"])
  private static let locatorCells = cells(EvidenceFormat.locator, byHand: ["document"])

  /// The columns of a PIID row that are not the evidence item's: a row with any of them set is read as
  /// usual, even while items are counted.
  private static let rowColumns = [
    Column.characterization, Column.characterizationNote, Column.weakness, Column.weaknessImpact, Column.strength,
    Column.weaknessID, Column.strengthID,
  ]

  /// The item's and the locator's generic cells, each with what makes its text plainly valid: what
  /// ``Decoder/readCells(_:into:_:at:)`` would read without a problem, or a date already ISO (a
  /// spreadsheet's local form is converted with a warning).
  private static let otherItemCells: [(column: Int, accepts: CellCheck)] =
    itemCells.map { ($0.column, accepts($0.field)) } + locatorCells.map { ($0.column, accepts($0.field)) }

  /// Whether a cell's bytes are plainly valid.
  private typealias CellCheck = @Sendable (UnsafeBufferPointer<UInt8>) -> Bool

  private static func accepts<Record>(_ field: EvidenceField<Record>) -> CellCheck {
    switch field.access {
    case .text: { PlainEvidenceValue.isPlain($0) }
    case .optionalText where field.kind == .date: { $0.isEmpty || PlainEvidenceValue.isCalendarDate($0) }
    case .flag: { $0.isEmpty || CSVAppraisalDecoder.bool(String(decoding: $0, as: UTF8.self)) != nil }
    default: { _ in true }
    }
  }

  private static func cells<Record>(_ fields: [EvidenceField<Record>], byHand: Set<String>) -> [(
    column: Int, field: EvidenceField<Record>
  )] {
    fields.compactMap { field in
      guard field.isGeneric, !byHand.contains(field.name), let column = columnNumbers[field.csvName] else {
        return nil
      }
      return (column, field)
    }
  }

  // MARK: - Decoder

  private struct PairKey: Hashable {
    var practice: String
    var instantiation: String
  }

  private struct Decoder {
    typealias V = EvidenceVocabulary

    enum Phase {
      /// Before the first non-empty row.
      case start
      case settings
      /// After the empty row that ends the settings block, before the PIID header row.
      case afterSettings
      case data
      /// The rest of the file cannot be interpreted (its problem is reported).
      case ignoring
    }

    let file: String
    var sourceMap: SourceMap
    var problems: [LocatedProblem] = []
    var failedPaths: Set<ModelPath> = []
    var phase = Phase.start

    // Settings.
    var settingsStart: Field?
    var recognizedSettings = 0
    var startsWithHeaderRow = false
    var firstLine: [String: Int] = [:]
    var formatVersionSeen = false
    var header = Appraisal.Header(id: "", name: "", organizationalUnit: "", date: "", model: "", modelVersion: "")
    var representation: String?
    var targetLevel: Int?
    var includesAdditions = true
    var processAreas: [String] = []
    var notApplicable: [AppraisalScope.Exclusion] = []
    var outOfScope: [AppraisalScope.Exclusion] = []
    var areaTargets: [AppraisalScope.AreaTarget] = []
    var specificGoalsOnly = false
    var coverage = CoveragePolicy.standard
    var disclosure = Disclosure()
    var instantiations: [Instantiation] = []
    var aggregationDecisions: [AggregationDecision] = []
    var significanceDecisions: [SignificanceDecision] = []

    // PIID block.
    /// For each column of ``columns``, the index of its cell in the header row, or -1.
    var columnCell = [Int](repeating: -1, count: columns.count)
    var headerWidth = 0
    var headerLine = 0
    var evidence: [EvidenceItem] = []
    var observations: [Observation] = []
    var characterizations: [TeamCharacterization] = []
    /// Each characterized pair: its index in `characterizations`, the value as written and where.
    var characterized: [PairKey: (index: Int, value: Field)] = [:]
    /// Where each characterization's note came from.
    var noteLines: [Int: Int] = [:]
    /// Notes of pairs that have no characterization (yet).
    var pendingNotes: [PairKey: (note: Field, pair: String)] = [:]
    /// Dates read back from a spreadsheet's local form: how many, and the first with its reading.
    var convertedDates: (count: Int, first: (cell: Field, iso: String)?) = (0, nil)
    /// Dates in a spreadsheet's form that can be read two ways.
    var ambiguousDates: [(cell: Field, monthFirst: String, dayFirst: String)] = []
    /// Parsed practice references by their text (`nil`: malformed).
    var practices: [String: PracticeReference?] = [:]

    // Streaming (see ``decode(bytes:file:recordLocations:summarizingWith:keepingItemsUpTo:)``).
    /// Counts the evidence items instead of ``evidence`` once the PIID rows begin.
    var summarizer: EvidenceSummarizer?
    var keepingItemsUpTo: Int?
    var practiceSpelling = RepeatedSpelling()
    var unitSpelling = RepeatedSpelling()

    init(file: String, sheet: String?, sheets: [String], recording: Bool) {
      self.file = file
      sourceMap = SourceMap(file: file, recording: recording, sheet: sheet, sheets: sheets)
    }

    /// How messages name another row: `line 12` of a CSV file, `row 12` of a worksheet, `SCON row 12` of a
    /// workbook read across sheets.
    func place(_ line: Int) -> String {
      let location = sourceMap.location(line: line, column: nil)
      guard let sheet = location.sheet else { return "line \(line)" }
      return sourceMap.sheets.isEmpty ? "row \(location.line)" : "\(sheet) row \(location.line)"
    }

    /// How messages name another cell: `12:3` of a CSV file, `C12` of a worksheet, `SCON!C12` across sheets.
    func cellName(_ field: Field) -> String {
      let location = sourceMap.location(line: field.line, column: field.column)
      guard let sheet = location.sheet else { return "\(field.line):\(field.column)" }
      let cell = SourceLocation.columnLetters(field.column) + "\(location.line)"
      return sourceMap.sheets.isEmpty ? cell : "\(sheet)!\(cell)"
    }

    // MARK: Reporting

    mutating func error(at field: Field, _ message: String, failed path: ModelPath? = nil) {
      problems.append(
        LocatedProblem(
          severity: .error, location: sourceMap.location(line: field.line, column: field.column),
          file: file,
          message: message))
      if let path { failedPaths.insert(path) }
    }

    mutating func warning(at field: Field, _ message: String) {
      problems.append(
        LocatedProblem(
          severity: .warning,
          location: sourceMap.location(line: field.line, column: field.column),
          file: file, message: message))
    }

    mutating func record(_ path: ModelPath, _ field: Field) {
      sourceMap.record(path, line: field.line, column: field.column)
    }

    // MARK: Rows

    mutating func consume(_ row: CSVRow) {
      if phase == .ignoring { return }
      let blank = row.isBlank
      switch phase {
      case .start:
        if blank { return }
        let fields = CSVAppraisalDecoder.fields(row)
        settingsStart = fields[0]
        record(.root, fields[0])
        phase = .settings
        settingRow(fields)
      case .settings:
        if blank {
          phase = .afterSettings
          return
        }
        settingRow(CSVAppraisalDecoder.fields(row))
      case .afterSettings:
        if blank { return }
        headerRow(CSVAppraisalDecoder.fields(row))
      case .data:
        if blank { return }
        dataRow(CSVAppraisalDecoder.fields(row))
      case .ignoring:
        return
      }
    }

    // MARK: Settings block

    mutating func settingRow(_ fields: [Field]) {
      let keyField = fields[0]
      let key = keyField.text
      if key == "practice" && fields.count > 1 && fields[1].text == "instantiation" {
        if recognizedSettings == 0 {
          startsWithHeaderRow = true
          error(
            at: keyField,
            "the file starts with the PIID header row; expected the settings block first (formatVersion, id, name, "
              + "…), then an empty row (see docs/evidence-format.md)")
          phase = .ignoring
        } else {
          error(
            at: keyField,
            "the PIID header row must follow an empty row; expected an empty row to end the settings block")
          headerRow(fields)
        }
        return
      }
      if key.isEmpty {
        let first = fields.first { !$0.isEmpty } ?? keyField
        error(
          at: keyField, "a settings row needs its key in the first cell; found \"\(first.text)\" in a later cell")
        return
      }
      guard let setting = CSVAppraisalDecoder.settings[key] else {
        if recognizedSettings > 0, V.practice(key) != nil {
          error(
            at: keyField,
            "a PIID row in the settings block; expected an empty row and the header row \(headerRowText) before the "
              + "PIID rows")
          phase = .ignoring
          return
        }
        let hint =
          CSVAppraisalDecoder.settingKeys.first { $0.lowercased() == key.lowercased() }
          .map { " (did you mean \"\($0)\"?)" } ?? ""
        error(
          at: keyField,
          "unknown setting \"\(key)\"\(hint); expected one of "
            + CSVAppraisalDecoder.settingKeys.sorted().joined(separator: ", "))
        return
      }
      recognizedSettings += 1
      if !setting.repeats {
        if let line = firstLine[key] {
          error(at: keyField, "repeated setting \"\(key)\"; it is already set at \(place(line))")
          return
        }
        firstLine[key] = keyField.line
      }
      if let count = setting.values, fields.count > count + 1,
        let extra = fields[(count + 1)...].first(where: { !$0.isEmpty })
      {
        error(
          at: extra,
          "extra cell \"\(extra.text)\" in the \"\(key)\" row; \"\(key)\" takes \(count == 1 ? "1 value" : "\(count) values") "
            + "(\(setting.layout))" + (setting.freeText ? "; quote a value that contains a comma" : ""))
      }
      let values = Array(fields.dropFirst())
      switch key {
      case "formatVersion": formatVersionRow(keyField, values)
      case _ where CSVAppraisalDecoder.headerKeys.contains(key): headerRow(key, keyField, values)
      case "representation": representationRow(keyField, values)
      case "targetLevel": targetLevelRow(keyField, values)
      case "includeAdditions":
        let path: ModelPath = [.key("scope"), .key("includeAdditions")]
        includesAdditions = bool(values.first, named: key, at: keyField, path: path) ?? true
      case "processAreas": processAreasRow(keyField, values)
      case "specificGoalsOnly":
        let path: ModelPath = [.key("scope"), .key("specificGoalsOnly")]
        specificGoalsOnly = bool(values.first, named: key, at: keyField, path: path) ?? false
      case "notApplicable": exclusionRow(key, into: \.notApplicable, keyField, values)
      case "outOfScope": exclusionRow(key, into: \.outOfScope, keyField, values)
      case "areaTarget": areaTargetRow(keyField, values)
      case "coverage": coverageRow(keyField, values)
      case "instantiation": instantiationRow(keyField, values)
      case "aggregationDecision": aggregationRow(keyField, values)
      case "significanceDecision": significanceRow(keyField, values)
      case _ where CSVAppraisalDecoder.disclosureKeys[key] != nil: disclosureRow(key, keyField, values)
      default: break
      }
    }

    /// The value cell, or an empty stand-in at the key cell.
    func value(_ values: [Field], _ index: Int, key keyField: Field) -> Field {
      index < values.count ? values[index] : Field(missingAt: keyField)
    }

    /// A required non-empty value; reports it missing or empty and marks `path` failed otherwise.
    mutating func required(
      _ values: [Field], _ index: Int, named name: String, key keyField: Field, path: ModelPath
    ) -> String? {
      if index < values.count {
        let field = values[index]
        record(path, field)
        if !field.isEmpty { return field.text }
        error(at: field, "\"\(name)\" is empty; expected a non-empty string", failed: path)
      } else {
        let layout = CSVAppraisalDecoder.settings[keyField.text]?.layout ?? ""
        error(
          at: keyField, "the \"\(keyField.text)\" row has no \"\(name)\" cell; expected \(layout)", failed: path)
      }
      return nil
    }

    /// An optional value: `nil` when absent or empty.
    mutating func optional(_ values: [Field], _ index: Int, path: ModelPath) -> String? {
      guard index < values.count, !values[index].isEmpty else { return nil }
      record(path, values[index])
      return values[index].text
    }

    /// `true` or `false` in any case; `nil` for an empty cell, and with a problem for anything else.
    mutating func bool(_ field: Field?, named name: String, at keyField: Field, path: ModelPath) -> Bool? {
      guard let field, !field.isEmpty else { return nil }
      record(path, field)
      if let flag = CSVAppraisalDecoder.bool(field.text) { return flag }
      error(at: field, "\"\(name)\" is \"\(field.text)\"; expected true or false", failed: path)
      return nil
    }

    /// A practice reference; the placeholder `PracticeReference("", "")` when it is missing or malformed.
    mutating func practice(_ values: [Field], _ index: Int, key keyField: Field, path: ModelPath) -> PracticeReference {
      guard let text = required(values, index, named: "practice", key: keyField, path: path) else {
        return PracticeReference("", "")
      }
      if let reference = V.practice(text) { return reference }
      error(at: values[index], V.Message.badPractice(text), failed: path)
      return PracticeReference("", "")
    }

    /// A value that must be one of `choices`; `nil` (with a problem) otherwise.
    mutating func choice<T>(
      _ values: [Field], _ index: Int, named name: String, _ choices: [String: T], key keyField: Field,
      path: ModelPath
    ) -> T? {
      guard let text = required(values, index, named: name, key: keyField, path: path) else { return nil }
      if let value = choices[text] { return value }
      error(at: values[index], V.Message.notOneOf(name, text, choices.keys), failed: path)
      return nil
    }

    mutating func formatVersionRow(_ keyField: Field, _ values: [Field]) {
      formatVersionSeen = true
      let path: ModelPath = [.key("formatVersion")]
      let field = value(values, 0, key: keyField)
      record(path, field)
      if field.isEmpty {
        error(at: field, "\"formatVersion\" is empty; expected \(V.formatVersion)", failed: path)
      } else if let version = Int(field.text) {
        if version != V.formatVersion { error(at: field, V.Message.formatVersion(field.text), failed: path) }
      } else {
        error(at: field, "\"formatVersion\" is \"\(field.text)\"; expected an integer", failed: path)
      }
    }

    mutating func headerRow(_ key: String, _ keyField: Field, _ values: [Field]) {
      let path: ModelPath = [.key("header"), .key(key)]
      guard let field = EvidenceFormat.header.field(key) else { return }
      switch field.access {
      case .text(let value):
        let text = required(values, 0, named: key, key: keyField, path: path)
        header[keyPath: value] = text.map { field.kind == .date ? date($0, values[0], at: path) : $0 } ?? ""
      case .optionalText(let value): header[keyPath: value] = optional(values, 0, path: path)
      case .defaultedText(let value, let standard): header[keyPath: value] = optional(values, 0, path: path) ?? standard
      case .flag(let value, let standard):
        header[keyPath: value] = bool(values.first, named: key, at: keyField, path: path) ?? standard
      case .optionalNumber: break  // no such field in this record
      case .special: break
      }
    }

    mutating func representationRow(_ keyField: Field, _ values: [Field]) {
      let path: ModelPath = [.key("scope"), .key("representation")]
      let choices = Dictionary(uniqueKeysWithValues: V.representations.map { ($0, $0) })
      representation = choice(values, 0, named: "representation", choices, key: keyField, path: path)
      // The level's range depends on the representation; without one it cannot be checked.
      if representation == nil { failedPaths.insert([.key("scope"), .key("targetLevel")]) }
    }

    mutating func targetLevelRow(_ keyField: Field, _ values: [Field]) {
      let path: ModelPath = [.key("scope"), .key("targetLevel")]
      guard let text = required(values, 0, named: "targetLevel", key: keyField, path: path) else { return }
      if let level = Int(text), (1...5).contains(level) {
        targetLevel = level
      } else {
        error(at: values[0], "\"targetLevel\" is \"\(text)\"; expected an integer from 1 to 5", failed: path)
      }
    }

    mutating func processAreasRow(_ keyField: Field, _ values: [Field]) {
      let path: ModelPath = [.key("scope"), .key("processAreas")]
      record(path, keyField)
      for field in values where !field.isEmpty {
        record(path.appending(processAreas.count), field)
        processAreas.append(field.text)
      }
    }

    /// A `notApplicable` or `outOfScope` row (process area, reason) into the list `key` names.
    mutating func exclusionRow(
      _ key: String, into list: WritableKeyPath<Self, [AppraisalScope.Exclusion]>, _ keyField: Field,
      _ values: [Field]
    ) {
      let path = ModelPath([.key("scope"), .key(key), .index(self[keyPath: list].count)])
      record(path, keyField)
      let area = required(values, 0, named: "processArea", key: keyField, path: path.appending("processArea"))
      if values.count > 1 { record(path.appending("reason"), values[1]) }
      self[keyPath: list].append(
        AppraisalScope.Exclusion(processArea: area ?? "", reason: values.count > 1 ? values[1].text : ""))
    }

    mutating func areaTargetRow(_ keyField: Field, _ values: [Field]) {
      let path = ModelPath([.key("scope"), .key("areaTargets"), .index(areaTargets.count)])
      record(path, keyField)
      let area = required(values, 0, named: "processArea", key: keyField, path: path.appending("processArea"))
      var level = 1
      if let text = required(values, 1, named: "level", key: keyField, path: path.appending("level")) {
        if let number = Int(text), (1...5).contains(number) {
          level = number
        } else {
          error(
            at: values[1], "\"level\" is \"\(text)\"; expected an integer from 1 to 5", failed: path.appending("level"))
        }
      }
      areaTargets.append(AppraisalScope.AreaTarget(processArea: area ?? "", level: level))
    }

    mutating func coverageRow(_ keyField: Field, _ values: [Field]) {
      let path: ModelPath = [.key("scope"), .key("coverage")]
      record(path, keyField)
      coverage.isEnabled =
        bool(values.first, named: "enabled", at: keyField, path: path.appending("enabled")) ?? true
      if let text = optional(values, 1, path: path.appending("minimumShare")) {
        // A spreadsheet round trip may leave a percentage, a decimal, or a date made of the fraction.
        if let share = V.fraction(text) ?? SpreadsheetValues.share(text) {
          coverage.minimumShare = share
        } else if SpreadsheetValues.looksLikeDate(text) {
          error(
            at: values[1],
            "minimum share \"\(text)\" looks like a date a spreadsheet made of the fraction typed in; write the share "
              + "as 50% or 0.5, or format the cell as text before typing 1/2", failed: path.appending("minimumShare"))
        } else {
          error(at: values[1], V.Message.badFraction(text), failed: path.appending("minimumShare"))
        }
      }
      if values.count > 2, !values[2].isEmpty {
        record(path.appending("rule"), values[2])
        if let rule = V.coverageRules[values[2].text] {
          coverage.rule = rule
        } else {
          error(
            at: values[2], V.Message.notOneOf("rule", values[2].text, V.coverageRules.keys),
            failed: path.appending("rule"))
        }
      }
    }

    mutating func instantiationRow(_ keyField: Field, _ values: [Field]) {
      let path = ModelPath([.key("instantiations"), .index(instantiations.count)])
      if instantiations.isEmpty { record([.key("instantiations")], keyField) }
      record(path, keyField)
      // The row's cells are the table's fields in order.
      var unit = Instantiation(id: "", name: "", kind: .project)
      var areas: [String]? = nil
      for (index, field) in EvidenceFormat.instantiation.enumerated() {
        let fieldPath = path.appending(field.name)
        switch field.access {
        case .text(let value):
          unit[keyPath: value] = required(values, index, named: field.name, key: keyField, path: fieldPath) ?? ""
        case .optionalText(let value): unit[keyPath: value] = optional(values, index, path: fieldPath)
        case .defaultedText(let value, let standard):
          unit[keyPath: value] = optional(values, index, path: fieldPath) ?? standard
        case .flag(let value, let standard):
          unit[keyPath: value] =
            bool(index < values.count ? values[index] : nil, named: field.name, at: keyField, path: fieldPath)
            ?? standard
        case .special where field.name == "kind":
          unit.kind =
            choice(values, index, named: "kind", V.instantiationKinds, key: keyField, path: fieldPath) ?? .project
        case .optionalNumber: break  // no such field in this record
        case .special: areas = processAreas(values, index, at: fieldPath)
        }
      }
      unit.processAreas = areas
      instantiations.append(unit)
    }

    /// The process areas of an instantiation row's cell `index`, each located inside the cell when it can be.
    mutating func processAreas(_ values: [Field], _ index: Int, at areasPath: ModelPath) -> [String]? {
      var areas: [String]? = nil
      if values.count > index, !values[index].isEmpty {
        let field = values[index]
        record(areasPath, field)
        areas = V.list(field.text)
        // Locate each id inside the cell when the cell is one unquoted line (its text is the file's bytes).
        var offsets: [Int] = []
        if !field.text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
          var offset = 0
          var inWord = false
          for byte in field.text.utf8 {
            let separator = byte == 0x20 || byte == 0x09
            if !separator && !inWord { offsets.append(offset) }
            inWord = !separator
            offset += 1
          }
        }
        let exact = offsets.count == areas!.count && !field.isQuoted
        for index in areas!.indices {
          var position = field
          if exact { position.column += offsets[index] }
          record(areasPath.appending(index), position)
        }
      }
      return areas
    }

    mutating func aggregationRow(_ keyField: Field, _ values: [Field]) {
      let path = ModelPath([.key("aggregationDecisions"), .index(aggregationDecisions.count)])
      record(path, keyField)
      let practice = practice(values, 0, key: keyField, path: path.appending("practice"))
      let value = choice(
        values, 1, named: "value", V.characterizations, key: keyField, path: path.appending("value"))
      if values.count > 2 { record(path.appending("justification"), values[2]) }
      aggregationDecisions.append(
        AggregationDecision(
          practice: practice, value: value ?? .partiallyImplemented,
          justification: values.count > 2 ? values[2].text : ""))
    }

    mutating func significanceRow(_ keyField: Field, _ values: [Field]) {
      let path = ModelPath([.key("significanceDecisions"), .index(significanceDecisions.count)])
      record(path, keyField)
      let area = required(values, 0, named: "processArea", key: keyField, path: path.appending("processArea"))
      let goal = required(values, 1, named: "goal", key: keyField, path: path.appending("goal"))
      let significantPath = path.appending("significant")
      var significant: Bool? = nil
      if values.count > 2, !values[2].isEmpty {
        significant = bool(values[2], named: "significant", at: keyField, path: significantPath)
      } else {
        error(
          at: value(values, 2, key: keyField), "a significance decision needs \"significant\": true or false",
          failed: significantPath)
      }
      if values.count > 3 { record(path.appending("justification"), values[3]) }
      significanceDecisions.append(
        SignificanceDecision(
          processArea: area ?? "", goal: goal ?? "", significant: significant ?? false,
          justification: values.count > 3 ? values[3].text : ""))
    }

    /// A disclosure row. A row whose value cells are all empty gives nothing (the template writes such rows for
    /// the team to fill in); otherwise its cells are the record's fields in table order.
    mutating func disclosureRow(_ key: String, _ keyField: Field, _ values: [Field]) {
      guard let field = CSVAppraisalDecoder.disclosureKeys[key], values.contains(where: { !$0.isEmpty }) else {
        return
      }
      let base = ModelPath([.key("disclosure"), .key(field.name)])
      switch field.name {
      case "startDate", "endDate":
        if let text = optional(values, 0, path: base) {
          let date = date(text, values[0], at: base)
          if field.name == "startDate" { disclosure.startDate = date } else { disclosure.endDate = date }
        }
      case "reportStatus":
        disclosure.reportStatus = choice(values, 0, named: key, V.reportStatuses, key: keyField, path: base)
      case "organizationalUnitDescription": disclosure.organizationalUnitDescription = optional(values, 0, path: base)
      case "locations":
        let path = base.appending(disclosure.locations.count)
        disclosure.locations.append(required(values, 0, named: "location", key: keyField, path: path) ?? "")
      case "globalFindings":
        let path = base.appending(disclosure.globalFindings.count)
        disclosure.globalFindings.append(required(values, 0, named: "text", key: keyField, path: path) ?? "")
      case "teamLeader", "sponsor", "teamMembers":
        let path = field.name == "teamMembers" ? base.appending(disclosure.teamMembers.count) : base
        record(path, keyField)
        var person = Disclosure.Person(name: "")
        cells(EvidenceFormat.person, into: &person, values, key: keyField, at: path)
        switch field.name {
        case "teamLeader": disclosure.teamLeader = person
        case "sponsor": disclosure.sponsor = person
        default: disclosure.teamMembers.append(person)
        }
      case "population":
        record(base, keyField)
        var population = Disclosure.Population()
        cells(EvidenceFormat.population, into: &population, values, key: keyField, at: base)
        disclosure.population = population
      case "samplingFactors":
        let path = base.appending(disclosure.samplingFactors.count)
        record(path, keyField)
        var factor = Disclosure.SamplingFactor(name: "", rationale: "")
        cells(EvidenceFormat.samplingFactor, into: &factor, values, key: keyField, at: path)
        disclosure.samplingFactors.append(factor)
      case "subgroups":
        let path = base.appending(disclosure.subgroups.count)
        record(path, keyField)
        var subgroup = Disclosure.Subgroup(id: "")
        cells(EvidenceFormat.subgroup, into: &subgroup, values, key: keyField, at: path)
        disclosure.subgroups.append(subgroup)
      case "findings":
        let path = base.appending(disclosure.findings.count)
        record(path, keyField)
        var finding = Disclosure.TeamFinding(processArea: "", text: "")
        cells(EvidenceFormat.finding, into: &finding, values, key: keyField, at: path)
        disclosure.findings.append(finding)
      default: break
      }
    }

    /// Reads a settings row's value cells as the fields of `fields`, in table order (generic fields only).
    mutating func cells<Record>(
      _ fields: [EvidenceField<Record>], into record: inout Record, _ values: [Field], key keyField: Field,
      at path: ModelPath
    ) {
      for (index, field) in fields.enumerated() {
        let fieldPath = path.appending(field.name)
        switch field.access {
        case .text(let value):
          record[keyPath: value] = required(values, index, named: field.name, key: keyField, path: fieldPath) ?? ""
        case .optionalText(let value):
          let text = optional(values, index, path: fieldPath)
          record[keyPath: value] = field.kind == .date ? text.map { date($0, values[index], at: fieldPath) } : text
        case .defaultedText(let value, let standard):
          record[keyPath: value] = optional(values, index, path: fieldPath) ?? standard
        case .flag(let value, let standard):
          record[keyPath: value] =
            bool(index < values.count ? values[index] : nil, named: field.name, at: keyField, path: fieldPath)
            ?? standard
        case .optionalNumber(let value):
          guard case .integer(let range) = field.kind, let text = optional(values, index, path: fieldPath) else {
            continue
          }
          if let number = Int(text), range.contains(number) {
            record[keyPath: value] = number
          } else {
            error(
              at: values[index],
              "\"\(field.name)\" is \"\(text)\"; expected an integer from \(range.lowerBound) to \(range.upperBound)",
              failed: fieldPath)
          }
        case .special: break
        }
      }
    }

    // MARK: PIID header row

    mutating func headerRow(_ fields: [Field]) {
      // A spreadsheet pads rows with empty cells up to the widest row of the file.
      var fields = fields
      while fields.count > 1 && fields[fields.count - 1].isEmpty { fields.removeLast() }
      headerLine = fields[0].line
      headerWidth = fields.count
      let known = fields.filter { CSVAppraisalDecoder.columnNumbers[$0.text] != nil }
      if known.isEmpty {
        error(
          at: fields[0],
          "expected the PIID header row \(headerRowText); found \"\(fields[0].text)\" (the settings block ends at "
            + "the first empty row)")
        phase = .ignoring
        return
      }
      var present: [Int] = []
      for (index, field) in fields.enumerated() {
        guard let number = CSVAppraisalDecoder.columnNumbers[field.text] else {
          if field.isEmpty {
            error(at: field, "cell \(index + 1) of the header row is empty; expected a column name of \(headerRowText)")
          } else {
            let hint =
              CSVAppraisalDecoder.columns.first { $0.lowercased() == field.text.lowercased() }
              .map { " (did you mean \"\($0)\"?)" } ?? ""
            error(at: field, "unknown column \"\(field.text)\"\(hint); the header row is \(headerRowText)")
          }
          continue
        }
        if columnCell[number] >= 0 {
          error(
            at: field,
            "column \"\(field.text)\" appears twice in the header row; the first is cell \(columnCell[number] + 1)")
          continue
        }
        columnCell[number] = index
        present.append(number)
      }
      let ordered = present.sorted()
      if let mismatch = present.indices.first(where: { present[$0] != ordered[$0] }) {
        let columns = CSVAppraisalDecoder.columns
        error(
          at: fields[columnCell[present[mismatch]]],
          "column \"\(columns[present[mismatch]])\" is out of order; expected \"\(columns[ordered[mismatch]])\" in "
            + "its place (the header row is \(headerRowText))")
      }
      for (number, name) in CSVAppraisalDecoder.columns.enumerated()
      where columnCell[number] < 0 && CSVAppraisalDecoder.formatOneColumns.contains(name) {
        error(at: fields[0], "missing column \"\(name)\"; the header row is \(headerRowText)")
      }
      // Without the practice and instantiation columns no row can be read.
      phase =
        columnCell[Column.practice] >= 0 && columnCell[Column.instantiation] >= 0 ? .data : .ignoring
      if summarizer != nil { beginSummarizing() }
    }

    // MARK: PIID rows

    mutating func dataRow(_ fields: [Field]) {
      let rowStart = fields[0]
      func cell(_ column: Int) -> Field? {
        let index = columnCell[column]
        return index >= 0 && index < fields.count ? fields[index] : nil
      }

      if fields.count > headerWidth, let extra = fields[headerWidth...].first(where: { !$0.isEmpty }) {
        error(
          at: extra,
          "extra cell \"\(extra.text)\" beyond the last column; the header row at \(place(headerLine)) has "
            + "\(headerWidth) columns (quote a value that contains a comma)")
      }

      // The practice and instantiation every record of the row shares.
      let practiceField = cell(Column.practice) ?? Field(missingAt: rowStart)
      var practice = PracticeReference("", "")
      var practiceFailed = true
      if practiceField.isEmpty {
        error(at: practiceField, "\"practice\" is empty; expected a practice reference, e.g. \"SCON SP 2.3\"")
      } else if let reference = parsedPractice(practiceField.text) {
        practice = reference
        practiceFailed = false
      } else {
        error(at: practiceField, V.Message.badPractice(practiceField.text))
      }
      let instantiationField = cell(Column.instantiation) ?? Field(missingAt: rowStart)
      let instantiation = instantiationField.text
      if instantiation.isEmpty {
        error(at: instantiationField, "\"instantiation\" is empty; expected the id of a declared instantiation")
      }

      /// Records the shared cells for a record at `path`.
      func shared(_ path: ModelPath, into decoder: inout Decoder) {
        let practicePath = path.appending("practice")
        let instantiationPath = path.appending("instantiation")
        decoder.record(practicePath, practiceField)
        decoder.record(instantiationPath, instantiationField)
        if practiceFailed { decoder.failedPaths.insert(practicePath) }
        if instantiation.isEmpty { decoder.failedPaths.insert(instantiationPath) }
      }

      // Evidence item.
      if summarizer != nil, let idField = cell(Column.evidenceId), !idField.isEmpty {
        // Counted, not kept: the trimmed cells must be as plain as a row read on bytes.
        var bytes: [UInt8] = []
        var spans: [Range<Int>] = []
        for field in fields {
          bytes += field.text.utf8
          spans.append((bytes.count - field.text.utf8.count)..<bytes.count)
        }
        let counted = bytes.withUnsafeBufferPointer { p in
          spans.withUnsafeBufferPointer { tallyItem(p, $0) }
        }
        if !counted { summarizer!.abandon() }
      } else if let idField = cell(Column.evidenceId), !idField.isEmpty {
        let path = ModelPath([.key("evidence"), .index(evidence.count)])
        // `evidence[i].id` is the same cell as `evidence[i]`, so the lookup's fallback finds it; fewer entries
        // keep the source map of a large PIID small.
        record(path, idField)
        shared(path, into: &self)
        let indicatorPath = ModelPath([.key("evidence"), .index(evidence.count), .key("indicator")])
        var indicator = EvidenceItem.Indicator.artifact
        if let field = cell(Column.indicator), !field.isEmpty {
          record(indicatorPath, field)
          if let value = V.indicators[field.text] {
            indicator = value
          } else {
            error(at: field, V.Message.notOneOf("indicator", field.text, V.indicators.keys), failed: indicatorPath)
          }
        } else {
          error(
            at: cell(Column.indicator) ?? idField,
            "evidence item \"\(idField.text)\" has no indicator; expected one of "
              + V.indicators.keys.sorted().joined(separator: ", "), failed: indicatorPath)
        }
        let documentPath = ModelPath([.key("evidence"), .index(evidence.count), .key("locator"), .key("document")])
        let documentField = cell(Column.document) ?? Field(missingAt: idField)
        record(documentPath, documentField)
        if documentField.isEmpty {
          error(
            at: documentField,
            "evidence item \"\(idField.text)\" has no document; expected the document, record set or interview the "
              + "evidence is in", failed: documentPath)
        }
        var imported = false
        if let field = cell(Column.imported), !field.isEmpty {
          if let flag = CSVAppraisalDecoder.bool(field.text) {
            imported = flag
          } else {
            error(
              at: field, "\"imported\" is \"\(field.text)\"; expected true or an empty cell",
              failed: path.appending("imported"))
          }
        }
        var item = EvidenceItem(
          id: idField.text, practice: practice, instantiation: instantiation, indicator: indicator,
          locator: EvidenceItem.Locator(document: documentField.text), imported: imported)
        readCells(CSVAppraisalDecoder.itemCells, into: &item, fields, at: path)
        readCells(CSVAppraisalDecoder.locatorCells, into: &item.locator, fields, at: path.appending("locator"))
        evidence.append(item)
      } else if let stray = CSVAppraisalDecoder.evidenceColumns.first(where: { cell($0)?.isEmpty == false }) {
        error(
          at: cell(stray)!,
          "\"\(CSVAppraisalDecoder.columns[stray])\" is set but \"evidenceId\" is empty; an evidence item "
            + "needs an id")
      }

      // Observations: the weakness before the strength.
      let impactField = cell(Column.weaknessImpact)
      if let field = cell(Column.weakness), !field.isEmpty {
        let path = ModelPath([.key("observations"), .index(observations.count)])
        record(path, field)
        shared(path, into: &self)
        var impact = Observation.Impact.minor
        if let impactField, !impactField.isEmpty {
          if let value = V.impacts[impactField.text] {
            impact = value
          } else {
            error(
              at: impactField, V.Message.notOneOf("weaknessImpact", impactField.text, V.impacts.keys),
              failed: path.appending("impact"))
          }
        }
        var weakness = Observation.weakness(practice, in: instantiation, field.text, impact: impact)
        weakness.id = cell(Column.weaknessID).flatMap { $0.isEmpty ? nil : $0.text }
        observations.append(weakness)
      } else if let impactField, !impactField.isEmpty {
        error(
          at: impactField,
          "\"weaknessImpact\" is \"\(impactField.text)\" but \"weakness\" is empty; the impact belongs to a weakness")
      }
      if let idField = cell(Column.weaknessID), !idField.isEmpty, cell(Column.weakness)?.isEmpty ?? true {
        error(
          at: idField, "\"weaknessId\" is \"\(idField.text)\" but \"weakness\" is empty; the id belongs to a weakness")
      }
      if let field = cell(Column.strength), !field.isEmpty {
        let path = ModelPath([.key("observations"), .index(observations.count)])
        record(path, field)
        shared(path, into: &self)
        var strength = Observation.strength(practice, in: instantiation, field.text)
        strength.id = cell(Column.strengthID).flatMap { $0.isEmpty ? nil : $0.text }
        observations.append(strength)
      } else if let idField = cell(Column.strengthID), !idField.isEmpty {
        error(
          at: idField, "\"strengthId\" is \"\(idField.text)\" but \"strength\" is empty; the id belongs to a strength")
      }

      // The team's characterization of the pair.
      let key = PairKey(practice: practiceFailed ? practiceField.text : "\(practice)", instantiation: instantiation)
      let pair = "\(practiceFailed ? practiceField.text : "\(practice)") in \(instantiation)"
      let noteField = cell(Column.characterizationNote).flatMap { $0.isEmpty ? nil : $0 }
      if let field = cell(Column.characterization), !field.isEmpty {
        if let first = characterized[key] {
          if first.value.text != field.text {
            error(
              at: field,
              "characterization \"\(field.text)\" of \(pair) at \(place(field.line)) conflicts with "
                + "\"\(first.value.text)\" at \(place(first.value.line)); repeat the same value or leave the cell empty"
            )
          }
          if let noteField { note(noteField, for: first.index, pair: pair) }
        } else {
          let index = characterizations.count
          let path = ModelPath([.key("characterizations"), .index(index)])
          record(path, field)  // also where `characterizations[i].value` is found
          shared(path, into: &self)
          var value = Characterization.notImplemented
          if let code = V.characterizations[field.text] {
            value = code
          } else {
            error(
              at: field, V.Message.notOneOf("characterization", field.text, V.characterizations.keys),
              failed: path.appending("value"))
          }
          characterized[key] = (index, field)
          characterizations.append(
            TeamCharacterization(practice: practice, instantiation: instantiation, value: value))
          if let pending = pendingNotes.removeValue(forKey: key) { note(pending.note, for: index, pair: pair) }
          if let noteField { note(noteField, for: index, pair: pair) }
        }
      } else if let noteField {
        if let first = characterized[key] {
          note(noteField, for: first.index, pair: pair)
        } else if let pending = pendingNotes[key] {
          if pending.note.text != noteField.text { differentNote(noteField, firstLine: pending.note.line, pair: pair) }
        } else {
          pendingNotes[key] = (noteField, pair)
        }
      }
    }

    /// A date cell's text, read back from a spreadsheet's local form where that is certain
    /// (``SpreadsheetValues/date(_:)``); an ambiguous one is kept for one message at the end.
    mutating func date(_ text: String, _ cell: Field, at path: ModelPath) -> String {
      switch SpreadsheetValues.date(text) {
      case .asWritten: return text
      case .converted(let iso):
        convertedDates.count += 1
        if convertedDates.first == nil { convertedDates.first = (cell, iso) }
        return iso
      case .ambiguous(let monthFirst, let dayFirst):
        ambiguousDates.append((cell, monthFirst, dayFirst))
        failedPaths.insert(path)
        return text
      }
    }

    /// One warning for the dates read back from a spreadsheet's form, one error for the ambiguous ones.
    mutating func reportSpreadsheetDates() {
      if let first = convertedDates.first {
        let count = convertedDates.count
        warning(
          at: first.cell,
          (count == 1 ? "1 date was" : "\(count) dates were") + " in a spreadsheet's local form and read as ISO dates "
            + "(\"\(first.cell.text)\" as \(first.iso)); write dates as YYYY-MM-DD to keep them exact")
      }
      if let first = ambiguousDates.first {
        let others = ambiguousDates.dropFirst().prefix(10).map { cellName($0.cell) }
        let more = ambiguousDates.count > 11 ? ", …" : ""
        error(
          at: first.cell,
          (ambiguousDates.count == 1 ? "1 date" : "\(ambiguousDates.count) dates")
            + " in a spreadsheet's local form can be read two ways (\"\(first.cell.text)\" is \(first.monthFirst) or "
            + "\(first.dayFirst)); write dates as YYYY-MM-DD: format the date cells as text or as an ISO date before "
            + "saving" + (others.isEmpty ? "" : "; also at " + others.joined(separator: ", ") + more))
      }
    }

    /// Reads the generic fields of `fields` (optional texts, flags) from their PIID columns; a column the
    /// header row leaves out leaves the field unset.
    mutating func readCells<Record>(
      _ columns: [(column: Int, field: EvidenceField<Record>)], into record: inout Record, _ cells: [Field],
      at path: @autoclosure () -> ModelPath
    ) {
      for (number, field) in columns {
        let index = columnCell[number]
        guard index >= 0, index < cells.count, !cells[index].isEmpty else {
          if case .text(let value) = field.access {
            let position = index >= 0 && index < cells.count ? cells[index] : cells[0]
            error(
              at: position, "\"\(field.csvName)\" is empty; expected a non-empty string",
              failed: path().appending(field.name)
            )
            record[keyPath: value] = ""
          }
          continue
        }
        let cell = cells[index]
        if sourceMap.isRecording { self.record(path().appending(field.name), cell) }
        switch field.access {
        case .text(let value), .defaultedText(let value, _): record[keyPath: value] = cell.text
        case .optionalText(let value):
          record[keyPath: value] =
            field.kind == .date ? date(cell.text, cell, at: path().appending(field.name)) : cell.text
        case .flag(let value, _):
          if let flag = CSVAppraisalDecoder.bool(cell.text) {
            record[keyPath: value] = flag
          } else {
            error(
              at: cell, "\"\(field.csvName)\" is \"\(cell.text)\"; expected true or false",
              failed: path().appending(field.name))
          }
        case .optionalNumber: break  // no such field in this record
        case .special: break
        }
      }
    }

    /// `V.practice(text)`, remembered: a PIID names few distinct practices in many rows.
    mutating func parsedPractice(_ text: String) -> PracticeReference? {
      if let known = practices[text] { return known }
      let reference = V.practice(text)
      if practices.count < 10_000 { practices[text] = .some(reference) }
      return reference
    }

    /// Gives characterization `index` the note in `field` unless it has one already.
    mutating func note(_ field: Field, for index: Int, pair: String) {
      if let existing = characterizations[index].note {
        if existing != field.text { differentNote(field, firstLine: noteLines[index] ?? field.line, pair: pair) }
        return
      }
      characterizations[index].note = field.text
      noteLines[index] = field.line
      record(ModelPath([.key("characterizations"), .index(index), .key("note")]), field)
    }

    mutating func differentNote(_ field: Field, firstLine: Int, pair: String) {
      warning(
        at: field,
        "characterization note for \(pair) differs from the note at \(place(firstLine)); only the first note is kept")
    }

    // MARK: Counting evidence items

    /// Whether plain PIID rows are offered on bytes (``plainRow(_:_:)``).
    var isTallying: Bool { phase == .data && summarizer?.hasBegun == true }

    /// Starts counting at the PIID header row, from the settings read; keeps the items instead (no
    /// summarizer) when the settings have a problem or the file declares few instantiations.
    mutating func beginSummarizing() {
      guard phase == .data, problems.isEmpty, failedPaths.isEmpty,
        keepingItemsUpTo.map({ instantiations.count > $0 }) ?? true,
        let target = V.target(representation: representation ?? "continuous", level: targetLevel ?? 1)
      else {
        summarizer = nil
        return
      }
      summarizer!.begin(
        scope: AppraisalScope(
          processAreas: processAreas, notApplicable: notApplicable, includesAdditions: includesAdditions,
          outOfScope: outOfScope, areaTargets: areaTargets, specificGoalsOnly: specificGoalsOnly),
        target: target, instantiations: instantiations)
    }

    /// A plain PIID row (cells as written): counts it if it holds an evidence item and nothing else
    /// (skips it if it is empty); `false` leaves it to ``consume(_:)``.
    mutating func plainRow(_ p: UnsafeBufferPointer<UInt8>, _ cells: UnsafeBufferPointer<Range<Int>>) -> Bool {
      if cells.allSatisfy(\.isEmpty) { return true }
      if cells.count > headerWidth && cells[headerWidth...].contains(where: { !$0.isEmpty }) { return false }
      for column in CSVAppraisalDecoder.rowColumns {
        let index = columnCell[column]
        if index >= 0 && index < cells.count && !cells[index].isEmpty { return false }
      }
      return tallyItem(p, cells)
    }

    /// Checks the evidence item of a PIID row whose cells are `cells` (byte ranges of `p`) and counts it;
    /// `false` when a cell is not plainly valid. Gives up counting (``EvidenceSummarizer/isAbandoned``)
    /// on an item the ordinary read would find a problem with.
    mutating func tallyItem(_ p: UnsafeBufferPointer<UInt8>, _ cells: UnsafeBufferPointer<Range<Int>>) -> Bool {
      func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        let index = columnCell[column]
        guard index >= 0 && index < cells.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(rebasing: p[cells[index]])
      }
      let id = cell(Column.evidenceId)
      let practice = cell(Column.practice)
      let instantiation = cell(Column.instantiation)
      guard PlainEvidenceValue.isPlainASCII(id), PlainEvidenceValue.isPlainASCII(practice),
        PlainEvidenceValue.isPlainASCII(instantiation),
        let indicator = PlainEvidenceValue.indicator(cell(Column.indicator)),
        PlainEvidenceValue.isPlain(cell(Column.document))
      else { return false }
      let imported = cell(Column.imported)
      if !imported.isEmpty && CSVAppraisalDecoder.bool(String(decoding: imported, as: UTF8.self)) == nil {
        return false
      }
      for check in CSVAppraisalDecoder.otherItemCells where !check.accepts(cell(check.column)) { return false }
      var practiceNumber = practiceSpelling.number(of: practice)
      if practiceNumber == nil {
        practiceNumber = summarizer!.practice(practice)
        practiceSpelling.remember(practice, practiceNumber!)
      }
      var unitNumber = unitSpelling.number(of: instantiation)
      if unitNumber == nil {
        unitNumber = summarizer!.unit(instantiation)
        unitSpelling.remember(instantiation, unitNumber!)
      }
      guard let practiceNumber = practiceNumber!, let unit = unitNumber! else {
        summarizer!.abandon()
        return true
      }
      summarizer!.add(
        practice: practiceNumber, unit: unit, id: summarizer!.idLog.key(id), indicator: indicator)
      return true
    }

    // MARK: Result

    mutating func finish() -> AppraisalDecoding {
      guard let settingsStart else {
        error(
          at: Field(CSVCell(value: "", line: 1, column: 1)),
          "empty file; expected the settings block of an appraisal (see docs/evidence-format.md)")
        return AppraisalDecoding(appraisal: nil, sourceMap: sourceMap, problems: problems)
      }
      if recognizedSettings == 0 {
        if !startsWithHeaderRow {
          error(
            at: settingsStart,
            "no settings found; expected the settings block of an appraisal (formatVersion, id, name, …; see "
              + "docs/evidence-format.md)")
        }
        return AppraisalDecoding(appraisal: nil, sourceMap: sourceMap, problems: problems, failedPaths: failedPaths)
      }
      for setting in CSVAppraisalDecoder.requiredSettings where firstLine[setting.key] == nil {
        error(
          at: settingsStart,
          "the settings block has no \"\(setting.key)\" row; add one such as \"\(setting.example)\"",
          failed: setting.path)
        if setting.key == "representation" { failedPaths.insert([.key("scope"), .key("targetLevel")]) }
      }
      for pending in pendingNotes.values.sorted(by: { ($0.note.line, $0.note.column) < ($1.note.line, $1.note.column) })
      {
        error(
          at: pending.note,
          "\"characterizationNote\" is set but \(pending.pair) has no characterization; give the value in "
            + "\"characterization\"")
      }
      reportSpreadsheetDates()
      let target = V.target(representation: representation ?? "continuous", level: targetLevel ?? 1)!
      observations.shrinkToFit()
      characterizations.shrinkToFit()
      var appraisal = Appraisal(
        header: header,
        scope: AppraisalScope(
          processAreas: processAreas, notApplicable: notApplicable, includesAdditions: includesAdditions,
          outOfScope: outOfScope, areaTargets: areaTargets, specificGoalsOnly: specificGoalsOnly),
        target: target, coverage: coverage, disclosure: disclosure, instantiations: instantiations, evidence: evidence,
        observations: observations, characterizations: characterizations,
        aggregationDecisions: aggregationDecisions, significanceDecisions: significanceDecisions)
      summarizer?.finish()
      appraisal.evidenceTally = summarizer?.tally
      var decoding = AppraisalDecoding(
        appraisal: appraisal, sourceMap: sourceMap, problems: problems, failedPaths: failedPaths)
      decoding.isIncomplete = summarizer?.isAbandoned ?? false
      return decoding
    }
  }

  /// `true` or `false`, in any case.
  static func bool(_ text: String) -> Bool? {
    switch text {
    case "true": true
    case "false": false
    default:
      switch text.lowercased() {
      case "true": true
      case "false": false
      default: nil
      }
    }
  }
}
