import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers

/// What a spreadsheet does to a CSV file (docs/evidence-format.md, "Spreadsheet round trips"): semicolons,
/// shares as percentages, decimals or dates, dates in local forms.
@Suite("CSV through a spreadsheet and back")
struct SpreadsheetRoundTripTests {
  static let catalog = try! BundledCatalog.load()

  static func read(_ text: String) throws -> AppraisalReader.Loaded {
    try AppraisalReader.read(bytes: Array(text.utf8), syntax: .csv, file: "piid.csv", catalog: catalog)
  }

  static func messages(_ text: String) -> [String] {
    do {
      return try read(text).warnings.map { "\($0)" }
    } catch {
      guard case .invalid(_, let problems) = error as? ReadFailure else { return ["\(error)"] }
      return problems.map { "\($0)" }
    }
  }

  static let companyA = try! String(contentsOf: Golden.url("fixtures/company-a/after.csv"), encoding: .utf8)

  @Test("the Company A file saved with semicolons and a BOM, CR LF, reads to the same appraisal")
  func semicolons() throws {
    // As Excel writes it where the decimal separator is a comma: `;` between cells, quotes where a cell holds one.
    let rows = try CSVTokenizer.rows(Array(Self.companyA.utf8)).map { row in
      row.cells.map { cell in
        cell.value.contains(where: { ";\"\r\n".contains($0) })
          ? "\"" + cell.value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell.value
      }.joined(separator: ";")
    }
    let text = "\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n"
    #expect(text.contains("formatVersion;1\r\n"))
    #expect(try Self.read(text).appraisal == Self.read(Self.companyA).appraisal)
    let fixture = try AppraisalReader.read(
      path: Golden.url("fixtures/evidence/semicolons-bom-crlf.csv").path, catalog: Self.catalog)
    #expect(fixture.appraisal.evidence.count == 1)
  }

  @Test(
    "shares as a spreadsheet leaves them",
    arguments: [
      ("1/2", "1/2"), ("50%", "1/2"), ("50 %", "1/2"), ("0.5", "1/2"), ("\"0,5\"", "1/2"), (".5", "1/2"), ("1", "1/1"),
      ("0", "0/1"), ("33.3%", "333/1000"), ("100%", "1/1"),
    ])
  func shares(written: String, read: String) throws {
    let text = Self.companyA.replacingOccurrences(of: "coverage,true,1/2", with: "coverage,true,\(written)")
    #expect(written == "1/2" || text != Self.companyA)
    #expect(try Self.read(text).appraisal.coverage.minimumShare.description == read)
  }

  @Test("a share that is not one, or that a spreadsheet made a date, says so")
  func badShares() {
    #expect(SpreadsheetValues.share("150%") == nil)
    #expect(SpreadsheetValues.share("0.0005") == nil)  // 1/2000: finer than the allowed denominators
    #expect(SpreadsheetValues.share("half") == nil)
    #expect(SpreadsheetValues.share("") == nil)
    for date in ["01/02/2026", "2-Jan", "1/2/2026"] {
      let text = Self.companyA.replacingOccurrences(of: "coverage,true,1/2", with: "coverage,true,\(date)")
      #expect(
        Self.messages(text).contains { $0.contains("minimum share \"\(date)\" looks like a date a spreadsheet made") },
        "\(date)")
    }
  }

  @Test(
    "dates in a spreadsheet's local form",
    arguments: [
      ("2011-09-30", SpreadsheetValues.DateReading.asWritten), ("9/30/2011", .converted("2011-09-30")),
      ("30/9/2011", .converted("2011-09-30")), ("30.09.2011", .converted("2011-09-30")),
      ("1.2.2011", .converted("2011-02-01")), ("5/5/2011", .converted("2011-05-05")),
      ("2011/09/30", .converted("2011-09-30")), ("9/30/11", .converted("2011-09-30")),
      ("9/30/99", .converted("1999-09-30")), ("3/4/2011", .ambiguous("2011-03-04", "2011-04-03")),
      ("2/30/2011", .asWritten), ("13/13/2011", .asWritten), ("next week", .asWritten), ("30.09.11.1", .asWritten),
    ])
  func dates(written: String, reading: SpreadsheetValues.DateReading) {
    #expect(SpreadsheetValues.date(written) == reading)
  }

  @Test("Company A with every date as a German spreadsheet writes it: the same appraisal and one warning")
  func germanDates() throws {
    let iso = try NSRegularExpression(pattern: "\\b(\\d{4})-(\\d{2})-(\\d{2})\\b")
    let text = iso.stringByReplacingMatches(
      in: Self.companyA, range: NSRange(Self.companyA.startIndex..., in: Self.companyA), withTemplate: "$3.$2.$1")
    let converted = text.components(separatedBy: ".2011").count - 1
    #expect(converted > 3)
    let loaded = try Self.read(text)
    #expect(loaded.appraisal == (try Self.read(Self.companyA).appraisal))
    #expect(loaded.warnings.count == 1)
    #expect(
      loaded.warnings.map(\.message).first?.hasPrefix(
        "\(converted) dates were in a spreadsheet's local form and read as ISO dates") == true)
  }

  @Test("Company A as a US spreadsheet saves it (every date 9/30/2011): the same appraisal and one warning")
  func usDates() throws {
    let text = Self.companyA.replacingOccurrences(of: "2011-09-30", with: "9/30/2011")
    let loaded = try Self.read(text)
    #expect(loaded.appraisal == (try Self.read(Self.companyA).appraisal))
    #expect(
      loaded.warnings.map { "\($0)" } == [
        "piid.csv:5:6: warning: 206 dates were in a spreadsheet's local form and read as ISO dates (\"9/30/2011\" as "
          + "2011-09-30); write dates as YYYY-MM-DD to keep them exact"
      ])
  }

  @Test("dates that can be read two ways are one error at the first, naming both readings and the others")
  func ambiguousDates() {
    let text = Self.companyA.replacingOccurrences(of: "date,2011-09-30", with: "date,3/4/2011")
      .replacingOccurrences(of: ",2011-09-30,", with: ",1/2/2011,")
    let messages = Self.messages(text).filter { $0.contains("local form") }
    #expect(messages.count == 1)
    #expect(
      messages.first?.contains(
        "piid.csv:5:6: error: 205 dates in a spreadsheet's local form can be read two ways (\"3/4/2011\" is "
          + "2011-03-04 or 2011-04-03); write dates as YYYY-MM-DD") == true, "\(messages)")
    #expect(
      messages.first?.hasSuffix("; also at 38:81, 40:94, 41:85, 43:83, 45:90, 47:94, 48:94, 50:92, 52:92, 54:89, …")
        == true, "\(messages)")
    #expect(!Self.messages(text).contains { $0.contains("not a calendar date") })
  }
}
