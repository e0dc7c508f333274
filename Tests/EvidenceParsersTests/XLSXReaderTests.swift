import AppraisalModel
import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import EvidenceParsers

/// `.xlsx` evidence (docs/xlsx.md): workbooks written by real clients load to the model the CSV gives, cells
/// map as documented, problems are located by cell, and hostile workbooks are refused with one clear message.
@Suite("XLSX evidence")
struct XLSXReaderTests {
  static let catalog = try! BundledCatalog.load()

  static func load(_ relative: String) throws -> Appraisal {
    try AppraisalReader.read(path: Golden.url(relative).path, catalog: catalog).appraisal
  }

  // MARK: - Real clients

  @Test(
    "workbooks saved by openpyxl and LibreOffice load to the CSV's model",
    arguments: [
      ("sample", "fixtures/evidence/sample"), ("company-a-before", "fixtures/company-a/before"),
      ("company-a-after", "fixtures/company-a/after"),
    ])
  func realClients(name: String, stem: String) throws {
    let csv = try Self.load(stem + ".csv")
    #expect(try Self.load("fixtures/xlsx/\(name).openpyxl.xlsx") == csv)
    #expect(try Self.load("fixtures/xlsx/\(name).libreoffice.xlsx") == csv)
    #expect(!csv.evidence.isEmpty)
  }

  @Test("XLSX, XML, JSON and CSV of the same appraisal load to equal models")
  func fourSyntaxes() throws {
    let xlsx = try Self.load("fixtures/xlsx/company-a-after.openpyxl.xlsx")
    // Observation ids included (the CSV layout's weaknessId and strengthId columns).
    #expect(xlsx == (try Self.load("fixtures/company-a/after.xml")))
    #expect(xlsx == (try Self.load("fixtures/company-a/after.json")))
    #expect(xlsx == (try Self.load("fixtures/company-a/after.csv")))
  }

  @Test(
    "hand-made cells (dates in both date systems, booleans, a fraction, inline strings, rich text, no r) load",
    arguments: ["sample-cells-1900.xlsx", "sample-cells-1904.xlsx"])
  func handMadeCells(name: String) throws {
    #expect(try Self.load("fixtures/xlsx/" + name) == (try Self.load("fixtures/evidence/sample.csv")))
  }

  // MARK: - Cells

  @Test("serial numbers become ISO dates in the 1900 and 1904 date systems")
  func dates() {
    let cases: [(Double, Bool, String?)] = [
      (1, false, "1900-01-01"), (59, false, "1900-02-28"), (60, false, "1900-02-29"), (61, false, "1900-03-01"),
      (25_569, false, "1970-01-01"), (46_328, false, "2026-11-02"), (46_328.75, false, "2026-11-02"),
      (0, false, nil), (-3, false, nil), (0, true, "1904-01-01"), (44_866, true, "2026-11-02"), (-1, true, nil),
      (2_958_465, false, "9999-12-31"), (2_958_466, false, nil),
    ]
    for (serial, date1904, expected) in cases {
      #expect(XLSXCellFormat.isoDate(serial: serial, date1904: date1904) == expected, "\(serial) \(date1904)")
    }
  }

  @Test("number formats: built-in and custom dates, fractions, times that are no dates")
  func formats() {
    #expect(XLSXCellFormat.kind(formatID: 14, code: nil) == .date)
    #expect(XLSXCellFormat.kind(formatID: 22, code: nil) == .date)
    #expect(XLSXCellFormat.kind(formatID: 45, code: nil) == .date)
    #expect(XLSXCellFormat.kind(formatID: 12, code: nil) == .fraction)
    #expect(XLSXCellFormat.kind(formatID: 0, code: nil) == .plain)
    #expect(XLSXCellFormat.kind(formatID: 164, code: "yyyy\\-mm\\-dd") == .date)
    #expect(XLSXCellFormat.kind(formatID: 164, code: "[$-409]d mmm yyyy;@") == .date)
    #expect(XLSXCellFormat.kind(formatID: 164, code: "mmm") == .date)
    #expect(XLSXCellFormat.kind(formatID: 164, code: "hh:mm:ss") == .plain)
    #expect(XLSXCellFormat.kind(formatID: 164, code: "mm:ss") == .plain)
    #expect(XLSXCellFormat.kind(formatID: 164, code: "[Red]0.00;\"days\"") == .decimals(2))
    #expect(XLSXCellFormat.kind(formatID: 164, code: "0\" days\"") == .plain)
    #expect(XLSXCellFormat.kind(formatID: 164, code: "# ??/??") == .fraction)
    #expect(XLSXCellFormat.kind(formatID: 164, code: "General") == .plain)
    #expect(XLSXCellFormat.kind(formatID: 2, code: nil) == .decimals(2))
    #expect(XLSXCellFormat.kind(formatID: 164, code: "0.0") == .decimals(1))
    #expect(XLSXCellFormat.kind(formatID: 164, code: "#,##0.000;[Red]-#,##0.000") == .decimals(3))
    #expect(XLSXCellFormat.kind(formatID: 164, code: "0.0%") == .plain)
  }

  @Test("numbers print without a needless .0; fractions where exact")
  func numbers() {
    let format = XLSXCellFormat(styles: [.plain, .fraction, .date, .decimals(1)])
    #expect(format.number("2", style: 3) == "2.0")
    #expect(format.number("1.25", style: 3) == "1.3")
    #expect(format.number("-0.04", style: 3) == "0.0")
    #expect(format.number("-2.06", style: 3) == "-2.1")
    #expect(XLSXCellFormat.fixed(12.5, places: 2) == "12.50")
    #expect(XLSXSheetReader.wholeNumber(" 42 ") == 42)
    #expect(XLSXSheetReader.wholeNumber("4 2") == nil)
    #expect(XLSXSheetReader.wholeNumber("") == nil)
    #expect(XLSXSheetReader.wholeNumber("-1") == nil)
    #expect(format.number("2", style: 0) == "2")
    #expect(format.number("2.0", style: 0) == "2")
    #expect(format.number("1.3", style: 0) == "1.3")
    #expect(format.number("-7", style: -1) == "-7")
    #expect(format.number("0.5", style: 1) == "1/2")
    #expect(format.number("0.75", style: 1) == "3/4")
    #expect(format.number("0.3333333333333333", style: 1) == "1/3")
    #expect(format.number("0.123456", style: 1) == "0.123456")
    #expect(format.number("46328", style: 2) == "2026-11-02")
    #expect(format.number("46328", style: 99) == "46328")
    #expect(format.number("abc", style: 0) == nil)
    #expect(format.number("inf", style: 0) == nil)
  }

  @Test("shared strings: plain, rich-text runs, phonetic runs left out, empty items, CDATA")
  func sharedStrings() throws {
    let xml =
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>plain</t></si>"
      + "<si><r><rPr><b/></rPr><t xml:space=\"preserve\">rich </t></r><r><t>text</t></r><rPh sb=\"0\" eb=\"1\">"
      + "<t>ruby</t></rPh></si><si/><si><t/></si><si><t><![CDATA[a<b]]></t></si></sst>"
    #expect(
      try XLSXWorkbook.sharedStrings(Array(xml.utf8), part: "xl/sharedStrings.xml")
        == ["plain", "rich text", "", "", "a<b"])
    #expect(throws: XLSXError.self) { try XLSXWorkbook.sharedStrings(Array("<sst><si>".utf8), part: "s.xml") }
  }

  @Test("A1 references and column letters")
  func references() {
    #expect(XLSXSheetReader.column(of: "A1") == 1)
    #expect(XLSXSheetReader.column(of: "C12") == 3)
    #expect(XLSXSheetReader.column(of: "$AA$3") == 27)
    #expect(XLSXSheetReader.column(of: "XFD1048576") == 16_384)
    #expect(XLSXSheetReader.column(of: "XFE1") == nil)
    #expect(XLSXSheetReader.column(of: "1A") == nil)
    #expect(SourceLocation.columnLetters(1) == "A")
    #expect(SourceLocation.columnLetters(26) == "Z")
    #expect(SourceLocation.columnLetters(27) == "AA")
    #expect(SourceLocation.columnLetters(16_384) == "XFD")
    #expect(SourceLocation(file: "f.xlsx", line: 12, column: 3, sheet: "Sheet1").description == "f.xlsx:Sheet1!C12")
    #expect(SourceLocation(file: "f.csv", line: 12, column: 3).description == "f.csv:12:3")
  }

  // MARK: - Hostile and broken workbooks

  /// A zip of `parts` (path → text), deflated.
  static func zip(_ parts: [(String, [UInt8])], method: CompressionMethod = .deflate) throws -> [UInt8] {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, bytes) in parts {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: method,
        provider: { position, size in Data(bytes[Int(position)..<Int(position) + size]) })
    }
    return [UInt8](archive.data!)
  }

  /// The parts of the hand-made sample workbook, to break one at a time.
  static func sampleParts() throws -> [(String, [UInt8])] {
    let archive = try Archive(data: Data(try Golden.bytes("fixtures/xlsx/sample-cells-1900.xlsx")), accessMode: .read)
    return try archive.map { entry in
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      return (entry.path, [UInt8](data))
    }
  }

  /// The one message reading `bytes` as `file` gives.
  static func message(_ bytes: [UInt8], file: String = "w.xlsx") -> String {
    do {
      _ = try AppraisalReader.read(bytes: bytes, syntax: .xlsx, file: file, catalog: catalog)
      return "accepted"
    } catch {
      return error.problems.map(\.description).joined(separator: "\n")
    }
  }

  @Test("a zip whose directory points past its end is refused, not a trap in ZIPFoundation")
  func offsetsPastTheEnd() throws {
    let found = try Self.message(Golden.bytes("fuzz/regressions/xlsx/xlsx-central-directory-past-the-end.xlsx"))
    #expect(found == "w.xlsx: error: the zip archive is damaged or truncated (its central directory cannot be read)")
    // Each header offset of a sound workbook moved past the end, one at a time.
    let sound = try Self.zip(try Self.sampleParts())
    let directory = try #require(
      (0..<(sound.count - 4)).last { sound[$0..<($0 + 4)] == [0x50, 0x4B, 0x05, 0x06] })
    for field in [directory + 16, 42, 20] {
      var broken = sound
      let at =
        field == directory + 16
        ? field
        : (try #require(
          (0..<(sound.count - 4)).first { sound[$0..<($0 + 4)] == [0x50, 0x4B, 0x01, 0x02] })) + field
      broken.replaceSubrange(at..<(at + 4), with: [0xF0, 0xFF, 0xFF, 0x0F])
      #expect(Self.message(broken).contains("the zip archive is damaged or truncated"), "field \(field)")
    }
  }

  @Test("the parts of a sample rebuilt by ZIPFoundation still load (the baseline of the cases below)")
  func rebuilt() throws {
    #expect(Self.message(try Self.zip(try Self.sampleParts())) == "accepted")
  }

  @Test("stored (uncompressed) entries are read too, the sheet streamed from them")
  func stored() throws {
    #expect(Self.message(try Self.zip(try Self.sampleParts(), method: .none)) == "accepted")
  }

  @Test("a sheet streamed in pieces as small as 1 byte gives the same rows as the whole sheet")
  func streamedInPieces() throws {
    let parts = try Self.sampleParts()
    let xml = try #require(parts.first { $0.0 == "xl/worksheets/sheet1.xml" }?.1)
    func rows(_ input: XLSXSheetReader.Input) throws -> [CSVRow] {
      var reader = XLSXSheetReader(input, part: "sheet", format: XLSXCellFormat())
      var rows: [CSVRow] = []
      while let row = try reader.nextRow() { rows.append(row) }
      return rows
    }
    let whole = try rows(.bytes(xml))
    #expect(whole.count > 20)
    var archive = try XLSXArchive(bytes: try Self.zip(parts))
    let inflater = try #require(try archive.stream("xl/worksheets/sheet1.xml"))
    var tiny = [UInt8](repeating: 0, count: 1)
    var inflated: [UInt8] = []
    while true {
      let count = tiny.withUnsafeMutableBytes { inflater.read(into: $0) }
      if count <= 0 { break }
      inflated += tiny[..<count]
    }
    #expect(inflated == xml)
    var again = try XLSXArchive(bytes: try Self.zip(parts))
    #expect(try rows(.stream(try #require(try again.stream("xl/worksheets/sheet1.xml")))) == whole)
  }

  /// Every row and cell problem of `input` read with `format`, fed to the parser `chunkSize` bytes at a time,
  /// and the error that ended it.
  static func sheetRows(_ input: XLSXSheetReader.Input, format: XLSXCellFormat = XLSXCellFormat(), chunkSize: Int)
    -> (rows: [CSVRow], problems: [CSVSyntaxError], error: CSVSyntaxError?)
  {
    var reader = XLSXSheetReader(input, part: "sheet", format: format, chunkSize: chunkSize)
    var rows: [CSVRow] = []
    do {
      while let row = try reader.nextRow() { rows.append(row) }
      return (rows, reader.cellProblems, nil)
    } catch {
      return (rows, reader.cellProblems, error)
    }
  }

  @Test("the sample sheet fed to the SAX parser 1 byte at a time, streamed or not, gives the rows of the whole")
  func fedByteByByte() throws {
    let bytes = try Golden.bytes("fixtures/xlsx/sample-cells-1900.xlsx")
    let format = try XLSXWorkbook(bytes: bytes).cells
    let parts = try Self.sampleParts()
    let xml = try #require(parts.first { $0.0 == "xl/worksheets/sheet1.xml" }?.1)
    let whole = Self.sheetRows(.bytes(xml), format: format, chunkSize: xml.count)
    #expect(whole.rows.count > 20)
    #expect(whole.error == nil)
    for chunkSize in [1, 3, 64] {
      let pieces = Self.sheetRows(.bytes(xml), format: format, chunkSize: chunkSize)
      #expect(pieces.rows == whole.rows, "chunk \(chunkSize)")
      #expect(pieces.problems == whole.problems, "chunk \(chunkSize)")
      var archive = try XLSXArchive(bytes: try Self.zip(parts))
      let inflater = try #require(try archive.stream("xl/worksheets/sheet1.xml"))
      let streamed = Self.sheetRows(.stream(inflater), format: format, chunkSize: chunkSize)
      #expect(streamed.rows == whole.rows, "streamed, chunk \(chunkSize)")
      #expect(streamed.problems == whole.problems, "streamed, chunk \(chunkSize)")
    }
  }

  @Test("a row split between chunks inside a cell value and inside an entity reference reads whole")
  func splitInsideValuesAndReferences() throws {
    let xml = Array(
      ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Tom &amp; Jerry &lt;3 &#233;t&#xE9;</t></is></c>"
        + "<c r=\"B1\"><v>12345</v></c><c r=\"C1\" t=\"str\"><v>a&quot;b</v></c></row>"
        + "<row r=\"3\"><c r=\"A3\" t=\"e\"><v>#N/A</v></c></row></sheetData></worksheet>").utf8)
    let expected = [
      CSVRow(cells: [
        CSVCell(value: "Tom & Jerry <3 été", line: 1, column: 1, isQuoted: true),
        CSVCell(value: "12345", line: 1, column: 2, isQuoted: true),
        CSVCell(value: "a\"b", line: 1, column: 3, isQuoted: true),
      ]),
      CSVRow(cells: [CSVCell(value: "", line: 2, column: 1, isQuoted: true)]),
      CSVRow(cells: [CSVCell(value: "#N/A", line: 3, column: 1, isQuoted: true)]),
    ]
    // The first chunk ends inside `&amp;`, inside `&#233;`, inside `12345`, inside `&quot;`; then every size.
    func offset(_ text: String, plus: Int) throws -> Int {
      let needle = Array(text.utf8)
      return try #require((0..<xml.count).first { xml[$0...].starts(with: needle) }) + plus
    }
    let inside = [
      try offset("&amp;", plus: 2), try offset("&#233;", plus: 3), try offset("12345", plus: 2),
      try offset("&quot;", plus: 4),
    ]
    for chunkSize in inside + Array(1...xml.count) {
      let read = Self.sheetRows(.bytes(xml), chunkSize: chunkSize)
      #expect(read.rows == expected, "chunk \(chunkSize)")
      #expect(read.error == nil, "chunk \(chunkSize)")
      #expect(read.problems.map(\.message).first?.hasPrefix("the cell holds the spreadsheet error #N/A") == true)
    }
  }

  @Test("rows before malformed XML or a cell out of order come first, then the error, at any chunk size")
  func rowsThenError() {
    let head = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>one</t></is></c></row>"
    for (tail, message) in [
      (
        "<row r=\"2\"><c r=\"B2\"/><c r=\"A2\"/></row></sheetData></worksheet>", "cell A2 in sheet comes after column B"
      ),
      ("<row r=\"2\"><c r=\"A2\"><v>1</v></c></sheetData>", "the part sheet is not well-formed XML at line 1"),
      ("<row r=\"2\"><c r=\"A&amp;2\"/></row></sheetData></worksheet>", "cell reference \"A&2\" in sheet"),
    ] {
      for chunkSize in [1, 9, 16 * 1024] {
        let read = Self.sheetRows(.bytes(Array((head + tail).utf8)), chunkSize: chunkSize)
        #expect(read.rows.map { $0.cells.map(\.value) } == [["one"]], "\(tail) chunk \(chunkSize)")
        #expect(
          read.error?.message.hasPrefix(message) == true,
          "\(tail) chunk \(chunkSize): \(String(describing: read.error))")
        #expect(read.error?.line == 2, "\(tail) chunk \(chunkSize)")
      }
    }
  }

  @Test("an encrypted workbook or legacy .xls (OLE compound file) is refused as such")
  func encrypted() {
    let message = Self.message([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100))
    #expect(message.hasPrefix("w.xlsx: error: the file is an OLE compound document"))
    #expect(message.contains("encrypted (password-protected) workbook or a legacy .xls"))
  }

  @Test("not a zip, a damaged zip, a zip that is no workbook")
  func notWorkbooks() throws {
    #expect(Self.message(Array("formatVersion,1\n".utf8)).contains("error: not a zip archive"))
    #expect(Self.message([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).contains("error: the zip archive is damaged or truncated"))
    #expect(Self.message([]).contains("error: not a zip archive"))
    let other = try Self.zip([("hello.txt", Array("hi".utf8))])
    #expect(Self.message(other).contains("error: the zip is not an Excel workbook (it has no _rels/.rels part)"))
    let word = try Self.zip([
      ("[Content_Types].xml", Array("<Types/>".utf8)),
      (
        "_rels/.rels",
        Array(
          ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
            + "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            + "Target=\"word/document.xml\"/></Relationships>").utf8)
      ),
    ])
    #expect(Self.message(word).contains("not an Excel workbook (its main part is word/document.xml)"))
  }

  @Test("a missing or malformed part is named")
  func missingParts() throws {
    let parts = try Self.sampleParts()
    let noSheet = try Self.zip(parts.filter { $0.0 != "xl/worksheets/sheet1.xml" })
    #expect(
      Self.message(noSheet)
        == "w.xlsx: error: the workbook has no part xl/worksheets/sheet1.xml (a damaged or incomplete .xlsx)")
    let noWorkbook = try Self.zip(parts.filter { $0.0 != "xl/workbook.xml" })
    #expect(Self.message(noWorkbook).contains("the workbook has no part xl/workbook.xml"))
    let broken = try Self.zip(parts.map { $0.0 == "xl/workbook.xml" ? ($0.0, Array("<workbook><sheets>".utf8)) : $0 })
    #expect(Self.message(broken).hasPrefix("w.xlsx: error: the part xl/workbook.xml is not well-formed XML"))
    let doctype = try Self.zip(
      parts.map {
        $0.0 == "xl/sharedStrings.xml"
          ? (
            $0.0, Array("<!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst><si><t>&x;</t></si></sst>".utf8)
          )
          : $0
      })
    #expect(Self.message(doctype).contains("document type declarations (DOCTYPE) are not accepted"))
  }

  @Test("entries with .. or absolute paths refuse the file")
  func traversal() throws {
    for path in ["../evil.xml", "xl/../../evil.xml", "/etc/evil.xml"] {
      let bytes = try Self.zip(try Self.sampleParts() + [(path, Array("x".utf8))])
      #expect(Self.message(bytes).contains("the zip entry \"\(path)\" has an absolute path or one that climbs out"))
    }
  }

  @Test("zip bombs: an entry expanding more than 200 times, sizes that lie")
  func bombs() throws {
    let zeros = [UInt8](repeating: 0x20, count: 3 << 19)
    let bomb = try Self.zip(try Self.sampleParts() + [("xl/media/padding.bin", zeros)])
    #expect(
      Self.message(bomb).contains("error: refusing a possible zip bomb: the zip entry \"xl/media/padding.bin\" expands")
    )
    // A central directory that declares the sheet smaller than it inflates.
    var lying = try Self.zip(try Self.sampleParts())
    let name = Array("xl/worksheets/sheet1.xml".utf8)
    var patched = false
    for i in 0..<(lying.count - 46) where lying[i..<(i + 4)] == [0x50, 0x4B, 0x01, 0x02] {
      let nameLength = Int(lying[i + 28]) | Int(lying[i + 29]) << 8
      if Array(lying[(i + 46)..<(i + 46 + nameLength)]) == name {
        lying.replaceSubrange((i + 24)..<(i + 28), with: [100, 0, 0, 0])
        patched = true
      }
    }
    #expect(patched)
    #expect(
      Self.message(lying).contains(
        "error: refusing a possible zip bomb: the zip entry \"xl/worksheets/sheet1.xml\" inflates to more than its "
          + "declared 100 bytes"))
  }

  @Test("macros are never read: a vbaProject.bin is ignored, an .xlsm file refused by name")
  func macros() throws {
    let withMacros = try Self.zip(
      try Self.sampleParts() + [("xl/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0] + [UInt8](repeating: 7, count: 64))])
    #expect(Self.message(withMacros) == "accepted")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("evidence.xlsm").path
    try Data(withMacros).write(to: URL(fileURLWithPath: path))
    #expect(throws: ReadFailure.self) { try AppraisalReader.read(path: path, catalog: Self.catalog) }
    do {
      _ = try AppraisalReader.read(path: path, catalog: Self.catalog)
    } catch {
      #expect(
        error.problems.first?.message
          == "a macro-enabled workbook (.xlsm) is not read; save it as an Excel Workbook (.xlsx)")
    }
  }

  @Test("cells out of order, beyond the grid, error cells and bad shared strings are located by cell")
  func badCells() throws {
    func sheet(_ rows: String) throws -> String {
      let parts = try Self.sampleParts().map {
        $0.0 == "xl/worksheets/sheet1.xml"
          ? (
            $0.0,
            Array(
              ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
                + "</sheetData></worksheet>").utf8)
          ) : $0
      }
      return Self.message(try Self.zip(parts))
    }
    #expect(
      try sheet("<row r=\"3\"><c r=\"B3\"/><c r=\"A3\"/></row>")
        == "w.xlsx:PIID evidence!A3: error: cell A3 in xl/worksheets/sheet1.xml comes after column B; expected cells "
        + "in increasing order")
    #expect(try sheet("<row r=\"5\"/><row r=\"4\"/>").contains("w.xlsx:PIID evidence!A4: error: row 4 in"))
    #expect(
      try sheet("<row r=\"2\"><c r=\"C2\" t=\"e\"><v>#DIV/0!</v></c></row>").contains(
        "w.xlsx:PIID evidence!C2: error: the cell holds the spreadsheet error #DIV/0!; expected a value (fix the "
          + "formula or type the value)"))
    #expect(
      try sheet("<row><c t=\"s\"><v>99999</v></c></row>").contains(
        "PIID evidence!A1: error: shared string \"99999\" does not exist"))
    #expect(
      try sheet("<row r=\"9999999\"/>").contains("!A1048576: error: row 9999999 in xl/worksheets/sheet1.xml is beyond"))
    #expect(try sheet("<row r=\"99999999\"/>").contains("error: row number \"99999999\""))
    #expect(try sheet("<row><c r=\"ZZZZ1\"/></row>").contains("is not an A1-style reference"))
    #expect(try sheet("<row><c t=\"b\"><v>yes</v></c></row>").contains("boolean cell holds \"yes\"; expected 1 or 0"))
    #expect(try sheet("<row><c><v>x</v></c></row>").contains("PIID evidence!A1: error: number cell holds \"x\""))
    #expect(try sheet("<row><c><v>1</v>").contains("not well-formed XML"))
    #expect(try sheet("").contains("error: empty file; expected the settings block"))
  }
}
