import Foundation
import XLSXWriterLoader

/// Writes ``XLSXSheet``s into an `.xlsx` file through libxlsxwriter (the only Swift file that calls it,
/// docs/xlsx.md). libxlsxwriter writes to a path, so the workbook goes to a private temporary file whose
/// bytes are returned and which is then removed; the command writes those bytes atomically like any report.
/// Its functions are called through XLSXWriterLoader's table (`x`), filled when the first workbook is written.
///
/// Deterministic: the document's creation time is the appraisal's date (never the clock), and libxlsxwriter
/// stamps the ZIP entries with that time too, so the same report gives the same bytes.
enum XLSXWorkbook {
  /// The document properties: what Excel shows under File → Info.
  struct Properties {
    var title: String
    var subject: String
    var comments: String
    /// `YYYY-MM-DD`; the creation time is its midnight UTC (2000-01-01 when it is not such a date).
    var date: String
  }

  /// The workbook's bytes, or the reason libxlsxwriter gave.
  static func bytes(_ sheets: [XLSXSheet], properties: Properties) throws(XLSXFailure) -> [UInt8] {
    var template = Array((NSTemporaryDirectory() + "/appraise-xlsx-XXXXXX.xlsx").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
    guard descriptor >= 0 else { throw XLSXFailure(reason: "cannot create a temporary file: \(errorText(errno))") }
    close(descriptor)
    let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    defer { unlink(path) }
    try write(sheets, properties: properties, to: path)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw XLSXFailure(reason: "cannot read back the temporary workbook \(path)")
    }
    return [UInt8](data)
  }

  private static func write(_ sheets: [XLSXSheet], properties: Properties, to path: String) throws(XLSXFailure) {
    // Constant memory: each row goes to a temporary file as soon as the next starts (strings inline, no
    // shared-string table), so a workbook of a million cells does not hold them all in memory.
    var failure: UnsafePointer<CChar>?
    guard let x = appraise_xlsxwriter_load(&failure)?.pointee else {
      throw XLSXFailure(reason: failure.map { String(cString: $0) } ?? "libxlsxwriter cannot be loaded")
    }
    var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 0)
    guard let workbook = x.workbook_new_opt(path, &options) else {
      throw XLSXFailure(reason: "cannot create the workbook")
    }
    // libxlsxwriter copies the property strings; these C copies only need to outlive the call.
    var strings: [UnsafeMutablePointer<CChar>] = []
    defer { for string in strings { free(string) } }
    func c(_ text: String) -> UnsafeMutablePointer<CChar> {
      let copy = strdup(text)!
      strings.append(copy)
      return copy
    }
    var info = lxw_doc_properties()
    info.title = c(properties.title)
    info.subject = c(properties.subject)
    info.comments = c(properties.comments)
    info.author = c("appraise")
    info.created = creationTime(properties.date)
    _ = x.workbook_set_properties(workbook, &info)
    let styles = Styles(workbook, x)
    var problem: String?
    for sheet in sheets where problem == nil {
      guard let worksheet = x.workbook_add_worksheet(workbook, sheet.name) else {
        problem = "cannot add the sheet \(sheet.name)"
        break
      }
      problem = fill(worksheet, with: sheet, styles: styles, x)
      if problem == nil, let chart = sheet.lineChart, !sheet.rows.isEmpty {
        problem = insert(chart, of: sheet, into: worksheet, workbook: workbook, x)
      }
    }
    // Closing writes the file and frees the workbook, also after a failure.
    let closed = x.workbook_close(workbook)
    if let problem { throw XLSXFailure(reason: problem) }
    if closed != LXW_NO_ERROR { throw XLSXFailure(reason: describe(closed, x)) }
  }

  /// Writes the table and sets the sheet up; the first failure's reason, if any.
  private static func fill(
    _ worksheet: UnsafeMutablePointer<lxw_worksheet>, with sheet: XLSXSheet, styles: Styles, _ x: appraise_xlsxwriter
  ) -> String? {
    let columns = sheet.header.count
    guard columns > 0, columns <= Int(LXW_COL_MAX), sheet.rows.count < Int(LXW_ROW_MAX) else {
      return "the sheet \(sheet.name) would have \(sheet.rows.count + 1) rows of \(columns) columns; a sheet holds "
        + "1,048,576 rows of 16,384 columns (--detail summary lists per practice)"
    }
    let widths = sheet.columnWidths()
    // A column's default style, also what its plain cells take.
    let columnStyles = widths.indices.map {
      sheet.columnStyles[$0] ?? (sheet.wrappedColumns.contains($0) ? .wrapped : .plain)
    }
    for (index, width) in widths.enumerated() {
      _ = x.worksheet_set_column(worksheet, lxw_col_t(index), lxw_col_t(index), width, styles[columnStyles[index]])
    }
    for (index, title) in sheet.header.enumerated() {
      _ = x.worksheet_write_string(worksheet, 0, lxw_col_t(index), title, styles.header)
    }
    let headerLines = sheet.lineCount(sheet.header.map { XLSXSheet.Cell($0, .wrapped) }, widths: widths)
    if headerLines > 1 { _ = x.worksheet_set_row(worksheet, 0, 15 * Double(headerLines), nil) }
    for (number, row) in sheet.rows.enumerated() {
      let lines = sheet.lineCount(row, widths: widths)
      if lines > 1 { _ = x.worksheet_set_row(worksheet, lxw_row_t(number + 1), 15 * Double(lines), nil) }
      for (index, cell) in row.prefix(max(columns, widths.count)).enumerated() {
        let style = styles[cell.style == .plain ? columnStyles[index] : cell.style]
        let result: lxw_error
        switch cell.value {
        case .text(let text):
          result = x.worksheet_write_string(worksheet, lxw_row_t(number + 1), lxw_col_t(index), cellText(text), style)
        case .number(let value):
          result = x.worksheet_write_number(worksheet, lxw_row_t(number + 1), lxw_col_t(index), value, style)
        }
        if result != LXW_NO_ERROR {
          return "\(sheet.name) row \(number + 2) column \(index + 1): \(describe(result, x))"
        }
      }
    }
    let last = lxw_col_t(columns - 1)
    if sheet.isTable {
      // Over the rows a person may fill in too (those with drop-downs).
      let lastRow = max(sheet.rows.count, sheet.validations.map { $0.rows.upperBound + 1 }.max() ?? 0)
      _ = x.worksheet_autofilter(worksheet, 0, 0, lxw_row_t(min(lastRow, Int(LXW_ROW_MAX) - 1)), last)
      x.worksheet_freeze_panes(worksheet, 1, lxw_col_t(sheet.frozenColumns))
    }
    for validation in sheet.validations {
      if let failure = validate(worksheet, validation, sheet: sheet.name, x) { return failure }
    }
    x.worksheet_set_landscape(worksheet)
    x.worksheet_fit_to_pages(worksheet, 1, 0)
    _ = x.worksheet_repeat_rows(worksheet, 0, 0)
    _ = x.worksheet_set_footer(worksheet, "&L&A&RPage &P of &N")
    return nil
  }

  /// Adds a line chart of the sheet's columns (libxlsxwriter's chart API), right of the table; the reason
  /// when it cannot. The series refer to the cells, so a spreadsheet draws them from the written values.
  private static func insert(
    _ chart: XLSXSheet.LineChart, of sheet: XLSXSheet, into worksheet: UnsafeMutablePointer<lxw_worksheet>,
    workbook: UnsafeMutablePointer<lxw_workbook>, _ x: appraise_xlsxwriter
  ) -> String? {
    guard let drawing = x.workbook_add_chart(workbook, UInt8(LXW_CHART_LINE.rawValue)) else {
      return "\(sheet.name): cannot add the chart"
    }
    let name = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
    // Columns A–Z are enough for the sheets that carry a chart.
    func column(_ index: Int) -> String { String(UnicodeScalar(UInt8(65 + index))) }
    func range(_ index: Int) -> String { "=\(name)!$\(column(index))$2:$\(column(index))$\(sheet.rows.count + 1)" }
    x.chart_title_set_name(drawing, chart.title)
    for index in chart.valueColumns {
      let series = x.chart_add_series(drawing, range(chart.categoryColumn), range(index))
      x.chart_series_set_name(series, "=\(name)!$\(column(index))$1")
      x.chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
    }
    x.chart_axis_set_min(drawing.pointee.y_axis, 0)
    let result = x.worksheet_insert_chart(worksheet, 1, lxw_col_t(sheet.header.count + 1), drawing)
    return result == LXW_NO_ERROR ? nil : "\(sheet.name): the chart: \(describe(result, x))"
  }

  /// Adds a drop-down list (a list validation that refuses other values); the reason when libxlsxwriter
  /// does not take it.
  private static func validate(
    _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ validation: XLSXSheet.Validation, sheet: String,
    _ x: appraise_xlsxwriter
  ) -> String? {
    // libxlsxwriter copies the strings; these C copies only need to outlive the call.
    var strings: [UnsafeMutablePointer<CChar>?] = []
    defer { for string in strings { free(string) } }
    func c(_ text: String) -> UnsafeMutablePointer<CChar> {
      let copy = strdup(text)!
      strings.append(copy)
      return copy
    }
    var rule = lxw_data_validation()
    rule.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
    rule.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
    rule.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
    rule.error_title = c("Not a \(validation.name)")
    let result: lxw_error
    switch validation.source {
    case .values(let values):
      rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
      rule.error_message = c("Choose one of the list: " + values.joined(separator: ", "))
      var list: [UnsafeMutablePointer<CChar>?] = values.map { c($0) } + [nil]
      result = list.withUnsafeMutableBufferPointer { buffer in
        rule.value_list = buffer.baseAddress
        return add(worksheet, validation, &rule, x)
      }
    case .range(let formula):
      rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST_FORMULA.rawValue)
      rule.error_message = c("Choose one of the list (\(formula.dropFirst()))")
      rule.value_formula = c(formula)
      result = add(worksheet, validation, &rule, x)
    }
    guard result == LXW_NO_ERROR else {
      return "\(sheet): the \(validation.name) list: \(describe(result, x))"
    }
    return nil
  }

  private static func add(
    _ worksheet: UnsafeMutablePointer<lxw_worksheet>, _ validation: XLSXSheet.Validation,
    _ rule: inout lxw_data_validation, _ x: appraise_xlsxwriter
  ) -> lxw_error {
    let last = min(validation.rows.upperBound + 1, Int(LXW_ROW_MAX) - 1)
    return x.worksheet_data_validation_range(
      worksheet, lxw_row_t(validation.rows.lowerBound + 1), lxw_col_t(validation.column), lxw_row_t(last),
      lxw_col_t(validation.column), &rule)
  }

  /// A cell holds at most 32,767 characters (Excel's limit); longer text is cut with a marker.
  private static func cellText(_ text: String) -> String {
    guard text.utf16.count > 32_767 else { return text }
    return String(text.prefix(32_000)) + " … (cut: a cell holds 32,767 characters)"
  }

  /// Midnight UTC of a `YYYY-MM-DD` date; 2000-01-01 when `date` is not one (libxlsxwriter would take the
  /// clock for 0).
  static func creationTime(_ date: String) -> time_t {
    let parts = date.prefix(10).split(separator: "-").compactMap { Int32($0) }
    var fields = tm()
    if parts.count == 3, (1970...9999).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) {
      fields.tm_year = parts[0] - 1900
      fields.tm_mon = parts[1] - 1
      fields.tm_mday = parts[2]
    } else {
      fields.tm_year = 100
      fields.tm_mday = 1
    }
    let time = timegm(&fields)
    return time > 0 ? time : 946_684_800
  }

  /// libxlsxwriter's wording of `error`.
  private static func describe(_ error: lxw_error, _ x: appraise_xlsxwriter) -> String {
    x.lxw_strerror(error).map { String(cString: $0) } ?? "libxlsxwriter error \(error.rawValue)"
  }

  private static func errorText(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

  /// The workbook's formats, made once: libxlsxwriter keeps them for the workbook's life.
  private struct Styles {
    let header: UnsafeMutablePointer<lxw_format>
    private let formats: [XLSXSheet.Style: UnsafeMutablePointer<lxw_format>]

    subscript(style: XLSXSheet.Style) -> UnsafeMutablePointer<lxw_format>? { formats[style] }

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>, _ x: appraise_xlsxwriter) {
      func format(fill: UInt32? = nil, font: UInt32? = nil, bold: Bool = false, wrap: Bool = false)
        -> UnsafeMutablePointer<lxw_format>
      {
        let format = x.workbook_add_format(workbook)!
        x.format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        if let fill {
          x.format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
          x.format_set_bg_color(format, lxw_color_t(fill))
        }
        if let font { x.format_set_font_color(format, lxw_color_t(font)) }
        if bold { x.format_set_bold(format) }
        if wrap { x.format_set_text_wrap(format) }
        return format
      }
      header = format(fill: 0xD5DCE6, bold: true, wrap: true)
      x.format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
      x.format_set_border_color(header, lxw_color_t(0x8B95A3))
      // The HTML report's colours (HTMLRenderer's stylesheet).
      formats = [
        .plain: format(),
        .wrapped: format(wrap: true),
        .good: format(fill: 0xE3F4E6, font: 0x146C2E, wrap: true),
        .bad: format(fill: 0xFDE7E5, font: 0xB3261E, wrap: true),
        .unknown: format(fill: 0xFDF2D8, font: 0x8A5A00, wrap: true),
        .muted: format(font: 0x6B7280, wrap: true),
        .warning: format(fill: 0xFFE08A, font: 0x3D2800, bold: true, wrap: true),
        .fi: format(fill: 0x1A7F37, font: 0xFFFFFF),
        .li: format(fill: 0x9AD89C, font: 0x0F3D17),
        .pi: format(fill: 0xF4B43C, font: 0x3D2800),
        .ni: format(fill: 0xD1342B, font: 0xFFFFFF),
        .ny: format(fill: 0x5C7BA6, font: 0xFFFFFF),
        .notCharacterized: format(fill: 0xECEFF3, font: 0x4B5563),
        .notApplicable: format(fill: 0xE5E7EB, font: 0x9CA3AF),
        .prefilled: format(fill: 0xEEF1F5, wrap: true),
        .text: format(),
        .heading: format(bold: true, wrap: true),
      ]
      // Text, not General: a typed `1/2` or date stays what was typed.
      x.format_set_num_format(formats[.text]!, "@")
    }
  }
}
