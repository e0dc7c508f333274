import AppraisalModel

/// Decodes an `.xlsx` workbook whose first sheet holds the CSV syntax's rows (docs/xlsx.md): the workbook
/// is opened by ``XLSXWorkbook`` and the sheet's rows go, one at a time, to the CSV decoder, so the layout,
/// its rules and its messages are the CSV syntax's; locations are cells (`file.xlsx:Sheet1!C12`).
///
/// A workbook that cannot be read at all (not a zip, encrypted, hostile, a part missing) is one problem
/// without a location.
package enum XLSXAppraisalDecoder {
  package static func decode(bytes: [UInt8], file: String, recordLocations: Bool = true) -> AppraisalDecoding {
    let workbook: XLSXWorkbook
    do {
      workbook = try XLSXWorkbook(bytes: bytes)
    } catch {
      return AppraisalDecoding(
        appraisal: nil, sourceMap: SourceMap(file: file),
        problems: [LocatedProblem(severity: .error, location: nil, file: file, message: error.message)])
    }
    var rows = XLSXSheetReader(workbook.sheet, part: workbook.sheetPath, format: workbook.cells)
    var decoding = CSVAppraisalDecoder.decode(
      rows: &rows, file: file, sheet: workbook.sheetName, recordLocations: recordLocations)
    // Cells the reader could not turn into text: its problem stands, the decoder's about the raw text goes.
    let cells = rows.cellProblems.map {
      SourceLocation(file: file, line: $0.line, column: $0.column, sheet: workbook.sheetName)
    }
    if !cells.isEmpty {
      let bad = Set(cells)
      decoding.problems.removeAll { $0.location.map(bad.contains) ?? false }
      decoding.problems += zip(rows.cellProblems, cells).map {
        LocatedProblem(severity: .error, location: $1, file: file, message: $0.message)
      }
    }
    return decoding
  }
}
