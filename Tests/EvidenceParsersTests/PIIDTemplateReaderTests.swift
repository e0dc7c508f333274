import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers

/// Reading the PIID template's layout (docs/xlsx.md, "Reading a template"): sheets in any order, labels
/// instead of column names, unused pre-filled rows left out, generated evidence ids, and every problem on
/// the cell of the sheet it is in.
@Suite("PIID template reader")
struct PIIDTemplateReaderTests {
  static let catalog = XLSXReaderTests.catalog

  /// A workbook of `sheets` (name, rows of cells as inline strings; an empty text leaves the cell out).
  static func workbook(_ sheets: [(String, [[String]])]) throws -> [UInt8] {
    func escaped(_ text: String) -> String {
      text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: "\"", with: "&quot;")
    }
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var parts: [(String, [UInt8])] = [
      (
        "_rels/.rels",
        Array(
          """
          <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" Type="\(relations)/officeDocument" Target="xl/workbook.xml"/></Relationships>
          """.utf8)
      )
    ]
    var list = ""
    var links = ""
    for (number, (name, rows)) in sheets.enumerated() {
      list += "<sheet name=\"\(escaped(name))\" sheetId=\"\(number + 1)\" r:id=\"rId\(number + 1)\"/>"
      links +=
        "<Relationship Id=\"rId\(number + 1)\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet\(number + 1).xml\"/>"
      var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\"><sheetData>"
      for (row, cells) in rows.enumerated() {
        xml += "<row r=\"\(row + 1)\">"
        for (column, text) in cells.enumerated() where !text.isEmpty {
          let reference = SourceLocation.columnLetters(column + 1) + "\(row + 1)"
          xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped(text))</t></is></c>"
        }
        xml += "</row>"
      }
      xml += "</sheetData></worksheet>"
      parts.append(("xl/worksheets/sheet\(number + 1).xml", Array(xml.utf8)))
    }
    parts.append(
      (
        "xl/workbook.xml",
        Array(
          "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets>\(list)</sheets></workbook>"
            .utf8)
      ))
    parts.append(
      (
        "xl/_rels/workbook.xml.rels",
        Array(
          "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links)</Relationships>"
            .utf8)
      ))
    return try XLSXReaderTests.zip(parts)
  }

  static let settings: (String, [[String]]) = (
    "Settings",
    [
      ["Setting", "Value", "More values"],
      ["formatVersion", "1"],
      ["id", "t1"], ["name", "Template test"], ["organizationalUnit", "OU"], ["date", "2011-09-30"],
      ["model", "CMMI-SVC"], ["modelVersion", "1.3"],
      [],
      ["representation", "continuous"], ["targetLevel", "1"], ["processAreas", "SCON", "SD"],
    ]
  )
  static let instantiations: (String, [[String]]) = (
    "Instantiations",
    [
      ["Id", "Name", "Kind", "Subgroup", "Process areas"], ["shop", "Shop", "service"],
      ["portal", "Portal", "service"],
    ]
  )
  static let header = [
    "Practice", "Title", "Instantiation", "Evidence id", "Indicator", "Document", "Section", "Version", "Date", "URL",
    "Note", "Imported", "Characterization", "Characterization note", "Weakness", "Weakness impact", "Strength",
  ]

  static func read(_ bytes: [UInt8]) throws(ReadFailure) -> Appraisal {
    try AppraisalReader.read(bytes: bytes, syntax: .xlsx, file: "t.xlsx", catalog: catalog).appraisal
  }

  static func problems(_ bytes: [UInt8]) -> [String] {
    do {
      let loaded = try AppraisalReader.read(bytes: bytes, syntax: .xlsx, file: "t.xlsx", catalog: catalog)
      return loaded.warnings.map(\.description)
    } catch {
      return error.problems.map(\.description)
    }
  }

  @Test("a filled template loads to the model of the same rows in CSV; unused pre-filled rows are left out")
  func equalsCSV() throws {
    let scon: (String, [[String]]) = (
      "SCON",
      [
        Self.header,
        [
          "SCON SP 1.1", "Identify essential service dependencies", "shop", "", "direct-artifact", "BIA", "2", "",
          "2011-09-30",
        ],
        ["SCON SP 1.1", "Identify essential service dependencies", "shop", "", "affirmation", "Interview"],
        ["SCON SP 1.1", "Identify essential service dependencies", "portal", "", "direct-artifact"],
        [
          "SCON SP 1.1", "Identify essential service dependencies", "portal", "", "affirmation", "", "", "", "", "", "",
          "", "PI",
        ],
        [
          "SCON SP 1.2", "", "portal", "E-9", "indirect-artifact", "Minutes", "", "", "", "", "", "", "", "", "no plan",
          "major",
        ],
      ]
    )
    // Sheets in another order than the template writes them; a notes sheet is not read.
    let notes = ("Notes", [["anything the team keeps"]])
    let bytes = try Self.workbook([Self.instantiations, scon, notes, Self.settings])
    let csv = """
      formatVersion,1
      id,t1
      name,Template test
      organizationalUnit,OU
      date,2011-09-30
      model,CMMI-SVC
      modelVersion,1.3
      representation,continuous
      targetLevel,1
      processAreas,SCON,SD
      instantiation,shop,Shop,service,,
      instantiation,portal,Portal,service,,

      \(CSVAppraisalDecoder.columns.joined(separator: ","))
      SCON SP 1.1,shop,SCON-2,direct-artifact,BIA,2,,2011-09-30,,,,,,,,
      SCON SP 1.1,shop,SCON-3,affirmation,Interview,,,,,,,,,,,
      SCON SP 1.1,portal,,,,,,,,,,PI,,,,
      SCON SP 1.2,portal,E-9,indirect-artifact,Minutes,,,,,,,,,no plan,major,

      """
    let expected = try AppraisalReader.read(bytes: Array(csv.utf8), syntax: .csv, file: "t.csv", catalog: Self.catalog)
      .appraisal
    #expect(try Self.read(bytes) == expected)
    #expect(
      Self.problems(bytes) == [
        "t.xlsx:Notes!A1: warning: the sheet \"Notes\" is not read: its first row has no Practice or Instantiation "
          + "column, so it is not a PIID sheet (notes may stay in such a sheet)",
        "t.xlsx:SCON!M5: warning: SCON SP 1.1 in portal is PI but no weakness is recorded; SCAMPI expects one",
      ])
  }

  @Test("problems land on the cell of the sheet they are in, and messages name other rows by sheet")
  func locatedProblems() throws {
    let scon: (String, [[String]]) = (
      "SCON",
      [
        Self.header + ["Owner"],
        ["SCON SP 1.1", "", "shop", "", "direct-artifact", "BIA", "", "", "", "", "", "", "FI"],
        ["SCON SP 1.1", "", "shop", "", "affirmation", "Interview", "", "", "", "", "", "", "LI"],
        ["SCON SP 9.9", "", "nowhere", "", "direct-artifact", "", "2"],
      ]
    )
    let settings = (Self.settings.0, Self.settings.1 + [["coverage", "maybe", "1/2"]])
    let problems = Self.problems(try Self.workbook([settings, Self.instantiations, scon]))
    #expect(
      problems.contains(
        "t.xlsx:SCON!R1: error: unknown column \"Owner\" in the header row of \"SCON\"; its cells are not read "
          + "(expected: " + PIIDTemplateLayout.piidColumns.map(\.label).joined(separator: ", ") + ")"), "\(problems)")
    #expect(
      problems.contains {
        $0.hasPrefix("t.xlsx:SCON!M3: error: characterization \"LI\" of SCON SP 1.1 in shop at SCON row 3 conflicts")
          && $0.contains("\"FI\" at SCON row 2")
      }, "\(problems)")
    #expect(
      problems.contains { $0.hasPrefix("t.xlsx:SCON!F4: error: evidence item \"SCON-4\" has no document") },
      "\(problems)")
    #expect(problems.contains { $0.hasPrefix("t.xlsx:SCON!A4: error:") && $0.contains("SCON SP 9.9") }, "\(problems)")
    #expect(problems.contains { $0.hasPrefix("t.xlsx:SCON!C4: error:") && $0.contains("nowhere") }, "\(problems)")
    #expect(problems.contains { $0.hasPrefix("t.xlsx:Settings!B13: error:") && $0.contains("maybe") }, "\(problems)")
  }

  @Test(
    "a PIID sheet without a Practice column is refused by name; a workbook without a Settings sheet is not a template")
  func layout() throws {
    let scon: (String, [[String]]) = ("SCON", [["Instantiation", "Document"], ["shop", "BIA"]])
    let problems = Self.problems(try Self.workbook([Self.settings, Self.instantiations, scon]))
    #expect(
      problems.contains(
        "t.xlsx:SCON!A1: error: the header row of \"SCON\" has no Practice column; the sheet is not read"),
      "\(problems)")
    // Without the settings sheet the first sheet holds the CSV syntax's rows.
    let plain = Self.problems(try Self.workbook([Self.instantiations, scon]))
    #expect(plain.first?.hasPrefix("t.xlsx:Instantiations!A1: error:") == true, "\(plain)")
  }

  @Test(
    "the template of after.xml, as written and as LibreOffice saves it again, loads to after.xml's model",
    arguments: ["company-a-after.template.xlsx", "company-a-after.template.libreoffice.xlsx"])
  func companyA(name: String) throws {
    let workbook = try XLSXReaderTests.load("fixtures/xlsx/" + name)
    // Observation ids included: the template writes and reads the Weakness id and Strength id columns.
    let xml = try XLSXReaderTests.load("fixtures/company-a/after.xml")
    #expect(workbook == xml)
    #expect(workbook.evidence.count == 360 && workbook.observations.count == 17)
  }
}
