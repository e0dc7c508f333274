import Foundation
import TestSupport
import Testing

/// `.xlsx` evidence through the built binary (docs/xlsx.md): `validate`, `rate` and `compare` read the
/// workbooks of fixtures/xlsx as they read the CSV they were saved from; problems are located by cell.
@Suite("xlsx evidence, end to end")
struct XLSXCommandTests {
  /// The report text up to its list of input files (their paths, SHA-256 and column widths differ).
  static func withoutInputs(_ text: String) -> [String] {
    Array(text.split(separator: "\n").map(String.init).prefix { !$0.contains("Input files") })
  }

  @Test("validate accepts the workbooks of real clients")
  func validate() throws {
    let result = try AppraiseRunner.run([
      "validate", "fixtures/xlsx/sample.openpyxl.xlsx", "fixtures/xlsx/company-a-after.libreoffice.xlsx",
      "fixtures/xlsx/sample-cells-1904.xlsx",
    ])
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test("rate and compare of workbooks give the ratings of the CSV files", arguments: ["text", "markdown"])
  func sameRatings(format: String) throws {
    let xlsx = try AppraiseRunner.run([
      "compare", "fixtures/xlsx/company-a-before.openpyxl.xlsx", "fixtures/xlsx/company-a-after.libreoffice.xlsx",
      "--format", format,
    ])
    let csv = try AppraiseRunner.run([
      "compare", "fixtures/company-a/before.csv", "fixtures/company-a/after.csv", "--format", format,
    ])
    #expect(xlsx.status == 0, "\(xlsx.stderr)")
    #expect(Self.withoutInputs(xlsx.stdout) == Self.withoutInputs(csv.stdout))
    let rate = try AppraiseRunner.run(["rate", "fixtures/xlsx/company-a-after.openpyxl.xlsx", "--format", format])
    let rateCSV = try AppraiseRunner.run(["rate", "fixtures/company-a/after.csv", "--format", format])
    #expect(rate.status == 0)
    #expect(Self.withoutInputs(rate.stdout) == Self.withoutInputs(rateCSV.stdout))
  }

  @Test("a macro-enabled name is refused with exit 65")
  func xlsm() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("evidence.xlsm").path
    try FileManager.default.copyItem(
      atPath: Golden.url("fixtures/xlsx/sample.openpyxl.xlsx").path, toPath: path)
    let result = try AppraiseRunner.run(["validate", path])
    #expect(result.status == 65)
    #expect(
      result.stderr.contains("a macro-enabled workbook (.xlsm) is not read; save it as an Excel Workbook (.xlsx)"))
  }
}
