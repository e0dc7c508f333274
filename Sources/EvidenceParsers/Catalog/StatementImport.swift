import AppraisalModel

/// Merges a licensed user's practice-area titles and practice statements, from a CSV file, into a copy of a
/// structure catalog (`appraise catalog import`; docs/cmmi-3.md, "Importing licensed text").
///
/// The CSV (RFC 4180, UTF-8, a header row required) has the columns `id`, `title` and `statement`, in any
/// order (`title` or `statement` may be left out when no row needs it):
///
/// - a row whose `id` is a practice area acronym (`IRP`) gives the area's `title`; its `statement` stays empty;
/// - a row whose `id` is a practice id (`IRP 2.3`) gives the practice's `statement`, and optionally its
///   `title`.
///
/// Cells are trimmed; blank rows are skipped. Every problem is reported, located at its cell: a missing or
/// unknown column, an id the catalog does not have, an id given twice, a missing text, text where none
/// belongs, and a catalog already carrying text from another provenance. Nothing is returned unless the
/// whole file is right, so the caller writes all or nothing.
public enum StatementImport {
  /// The columns the CSV may have.
  public static let columns = ["id", "title", "statement"]

  /// Appended to the model's `reference` in the local copy, whose structure came with no model text.
  public static let localCopyNote = "; this local copy adds the user's licensed titles and statements (see provenance)"

  /// The catalog with the titles and statements of the CSV at `path` and `provenance`.
  public static func merge(
    csvPath path: String, into catalog: PracticeAreaCatalog, provenance: PracticeAreaCatalog.Provenance,
    catalogFile: String = PracticeAreaCatalogReader.bundledFile
  ) throws(ReadFailure) -> PracticeAreaCatalog {
    try merge(
      csv: try InputFile.bytes(at: path), file: path, into: catalog, provenance: provenance, catalogFile: catalogFile)
  }

  /// The catalog with the titles and statements of `csv` (named `file` in messages) and `provenance`;
  /// `catalogFile` names the catalog in a message about its existing provenance.
  public static func merge(
    csv: [UInt8], file: String, into catalog: PracticeAreaCatalog, provenance: PracticeAreaCatalog.Provenance,
    catalogFile: String = PracticeAreaCatalogReader.bundledFile
  ) throws(ReadFailure) -> PracticeAreaCatalog {
    if let existing = catalog.provenance, catalog.hasModelText, existing != provenance {
      throw .invalid(
        file: catalogFile,
        problems: [
          LocatedProblem(
            severity: .error, location: nil, file: catalogFile,
            message: Message.otherProvenance(existing))
        ])
    }
    let rows: [CSVRow]
    do {
      rows = try CSVTokenizer.rows(csv)
    } catch {
      throw .invalid(file: file, problems: [problem(file, error.line, error.column, error.message)])
    }
    var problems: [LocatedProblem] = []
    guard let header = rows.first(where: { !$0.isBlank }) else {
      throw .invalid(file: file, problems: [problem(file, 1, 1, Message.noHeader)])
    }
    var columns: [String: Int] = [:]
    for (index, cell) in header.cells.enumerated() {
      let name = trimmed(cell.value)
      if Self.columns.contains(name) {
        if columns[name] == nil {
          columns[name] = index
        } else {
          problems.append(problem(file, cell.line, cell.column, Message.duplicateColumn(name)))
        }
      } else {
        problems.append(problem(file, cell.line, cell.column, Message.unknownColumn(name)))
      }
    }
    guard columns["id"] != nil else {
      problems.append(problem(file, header.line, 1, Message.noIDColumn))
      throw .invalid(file: file, problems: problems.sorted())
    }
    if columns["title"] == nil && columns["statement"] == nil {
      problems.append(problem(file, header.line, 1, Message.noTextColumn))
      throw .invalid(file: file, problems: problems.sorted())
    }
    var merged = catalog
    var firstLine: [String: Int] = [:]
    for row in rows where row.line > header.line && !row.isBlank {
      func cell(_ name: String) -> CSVCell? {
        columns[name].flatMap { $0 < row.cells.count ? row.cells[$0] : nil }
      }
      func text(_ name: String) -> String? { cell(name).map { trimmed($0.value) }.flatMap { $0.isEmpty ? nil : $0 } }
      // Where a missing cell would have been: after the row's last cell.
      func place(_ name: String) -> (line: Int, column: Int) {
        if let cell = cell(name) { return (cell.line, cell.column) }
        let last = row.cells[row.cells.count - 1]
        return (last.line, last.column + last.value.utf8.count + 1)
      }
      func report(_ name: String, _ message: String) {
        let at = place(name)
        problems.append(problem(file, at.line, at.column, message))
      }
      if row.cells.count > header.cells.count {
        let extra = row.cells[header.cells.count]
        problems.append(
          problem(file, extra.line, extra.column, Message.extraCells(row.cells.count, header.cells.count)))
      }
      let id = cell("id").map { trimmed($0.value) } ?? ""
      if id.isEmpty {
        report("id", Message.emptyID)
        continue
      }
      if let first = firstLine[id] {
        report("id", Message.duplicate(id, firstLine: first))
        continue
      }
      firstLine[id] = row.line
      if let areaIndex = merged.practiceAreas.firstIndex(where: { $0.id == id }) {
        if text("statement") != nil { report("statement", Message.statementForArea(id)) }
        guard let title = text("title") else {
          report("title", Message.emptyTitle(id))
          continue
        }
        merged.practiceAreas[areaIndex].title = title
      } else if let location = merged.location(ofPractice: id) {
        guard let statement = text("statement") else {
          report("statement", Message.emptyStatement(id))
          continue
        }
        let areaIndex = merged.practiceAreas.firstIndex { $0.id == location.practiceArea }!
        let groupIndex = merged.practiceAreas[areaIndex].practiceGroups.firstIndex { $0.level == location.level }!
        let practiceIndex = merged.practiceAreas[areaIndex].practiceGroups[groupIndex].practices.firstIndex {
          $0.id == id
        }!
        var practice = merged.practiceAreas[areaIndex].practiceGroups[groupIndex].practices[practiceIndex]
        practice.statement = statement
        practice.title = text("title") ?? practice.title
        merged.practiceAreas[areaIndex].practiceGroups[groupIndex].practices[practiceIndex] = practice
      } else {
        report("id", Message.unknownID(id, catalog: catalog))
      }
    }
    if !problems.isEmpty { throw .invalid(file: file, problems: problems.sorted()) }
    if firstLine.isEmpty { throw .invalid(file: file, problems: [problem(file, header.line, 1, Message.noRows)]) }
    merged.provenance = provenance
    // The bundled reference says the structure carries no model text; the local copy now does.
    if let reference = merged.model.reference, !reference.hasSuffix(localCopyNote) {
      merged.model.reference = reference + localCopyNote
    }
    return merged
  }

  private static func trimmed(_ text: String) -> String {
    String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  private static func problem(_ file: String, _ line: Int, _ column: Int, _ message: String) -> LocatedProblem {
    LocatedProblem(
      severity: .error, location: SourceLocation(file: file, line: line, column: column), file: file, message: message)
  }

  enum Message {
    static let noHeader = "the file is empty; expected a header row naming the columns id, title, statement"
    static let noIDColumn = "the header row has no \"id\" column; expected the columns id, title, statement"
    static let noTextColumn = "the header row has neither \"title\" nor \"statement\"; expected at least one of them"
    static let noRows = "no row after the header; expected one row per practice area title or practice statement"
    static let emptyID = "empty id; expected a practice area acronym (IRP) or a practice id (IRP 2.3)"

    static func unknownColumn(_ name: String) -> String {
      "unknown column \"\(name)\"; expected one of id, title, statement"
    }
    static func duplicateColumn(_ name: String) -> String { "column \"\(name)\" appears twice; expected it once" }
    static func extraCells(_ count: Int, _ columns: Int) -> String {
      "the row has \(count) cells; expected at most \(columns), one per column of the header"
    }
    static func duplicate(_ id: String, firstLine: Int) -> String {
      "\"\(id)\" appears again (first on line \(firstLine)); expected each id once"
    }
    static func statementForArea(_ id: String) -> String {
      "\"\(id)\" is a practice area, which has a title, not a statement; expected the statement cell empty"
    }
    static func emptyTitle(_ id: String) -> String { "empty title for \(id); expected the practice area's title" }
    static func emptyStatement(_ id: String) -> String {
      "empty statement for \(id); expected the practice's statement"
    }
    static func unknownID(_ id: String, catalog: PracticeAreaCatalog) -> String {
      let model = "\(catalog.model.id) \(catalog.model.version)"
      let prefix = String(id.prefix { $0 != " " })
      if prefix != id, let area = catalog.practiceArea(prefix) {
        let ids = area.practiceIDs
        return
          "unknown practice \"\(id)\"; expected a practice of \(area.id) in \(model) (\(ids.first!) … \(ids.last!))"
      }
      if let practice = CMMI3PracticeID(id) {
        return "unknown practice \"\(id)\": no practice area \(practice.practiceArea) in \(model)"
      }
      if id.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
        return "unknown practice area \"\(id)\"; expected an acronym of \(model) (\(catalog.practiceAreas.first!.id) … "
          + "\(catalog.practiceAreas.last!.id))"
      }
      return "\"\(id)\" is neither a practice area acronym (IRP) nor a practice id (IRP 2.3)"
    }
    static func otherProvenance(_ existing: PracticeAreaCatalog.Provenance) -> String {
      "the catalog already carries text from \"\(existing.source)\" under \"\(existing.licence)\"; expected the same "
        + "--source and --licence, or the bundled structure catalog"
    }
  }
}
