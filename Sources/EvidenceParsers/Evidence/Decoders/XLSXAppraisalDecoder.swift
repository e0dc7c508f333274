import AppraisalModel

/// Decodes an `.xlsx` workbook (docs/xlsx.md): a PIID template (``PIIDTemplateLayout``: it has a
/// `Settings` and an `Instantiations` sheet) through ``PIIDTemplateRows``, any other workbook as the CSV
/// syntax's rows on its first sheet (what "save as .xlsx" of the CSV gives). Either way the rows go, one at a
/// time, to the CSV decoder, so the layout's rules and messages are the CSV syntax's; locations are cells
/// (`file.xlsx:Sheet1!C12`).
///
/// A workbook that cannot be read at all (not a zip, encrypted, hostile, a part missing) is one problem
/// without a location.
package enum XLSXAppraisalDecoder {
  package static func decode(bytes: [UInt8], file: String, recordLocations: Bool = true) -> AppraisalDecoding {
    var workbook: XLSXWorkbook
    do {
      workbook = try XLSXWorkbook(bytes: bytes)
    } catch {
      return unreadable(error, file: file)
    }
    if PIIDTemplateLayout.isTemplate(sheetNames: workbook.sheets.map(\.name)) {
      var rows = PIIDTemplateRows(workbook)
      var decoding = CSVAppraisalDecoder.decode(
        rows: &rows, file: file, sheets: rows.sheetNames, recordLocations: recordLocations)
      let map = decoding.sourceMap
      decoding.problems += rows.problems.map {
        LocatedProblem(
          severity: $0.severity, location: map.location(line: $0.line, column: $0.column), file: file,
          message: $0.message)
      }
      replaceCellProblems(rows.cellProblems, in: &decoding, file: file)
      return decoding
    }
    var rows: XLSXSheetReader
    do {
      rows = try workbook.rows(of: 0)
    } catch {
      return unreadable(error, file: file)
    }
    var decoding = CSVAppraisalDecoder.decode(
      rows: &rows, file: file, sheet: workbook.sheetName, recordLocations: recordLocations)
    replaceCellProblems(rows.cellProblems, in: &decoding, file: file)
    return decoding
  }

  private static func unreadable(_ error: XLSXError, file: String) -> AppraisalDecoding {
    AppraisalDecoding(
      appraisal: nil, sourceMap: SourceMap(file: file),
      problems: [LocatedProblem(severity: .error, location: nil, file: file, message: error.message)])
  }

  /// Cells the reader could not turn into text: its problem stands, the decoder's about the raw text goes.
  private static func replaceCellProblems(
    _ cellProblems: [CSVSyntaxError], in decoding: inout AppraisalDecoding, file: String
  ) {
    guard !cellProblems.isEmpty else { return }
    let map = decoding.sourceMap
    let cells = cellProblems.map { map.location(line: $0.line, column: $0.column) }
    let bad = Set(cells)
    decoding.problems.removeAll { $0.location.map(bad.contains) ?? false }
    decoding.problems += zip(cellProblems, cells).map {
      LocatedProblem(severity: .error, location: $1, file: file, message: $0.message)
    }
  }
}
