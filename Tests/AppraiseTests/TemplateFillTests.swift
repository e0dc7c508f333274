import Foundation
import TestSupport
import Testing

/// The PIID template's promise (docs/xlsx.md, "The PIID template"): filling it and saving it is all a team
/// needs. The template for Company A's scope is filled through openpyxl, as a team's spreadsheet program
/// would (scripts/fill-template.py), with the evidence of `fixtures/company-a/after.csv`, and the workbook
/// rates exactly as `after.xml` does. Skipped, with the reason, where openpyxl is missing.
@Suite("PIID template, filled in")
struct TemplateFillTests {
  static let scope = [
    "--areas", "CAM,IRP,SCON,SD,SSD,SST,STSM", "--representation", "continuous", "--target-level", "1",
    "--instantiation", "shop=Online shop service:service:web services",
    "--instantiation", "payments=Payment gateway service:service:web services",
    "--instantiation", "portal=Customer portal service:service:web services",
    "--id", "company-a-after",
    "--name", "Company A web services — after adding development and test tied to release management",
    "--organizational-unit", "Company A web services", "--date", "2011-09-30",
  ]

  /// The JSON report of `file` without its inputs (the files and their hashes differ by design).
  static func ratings(_ file: String) throws -> NSDictionary {
    let run = try AppraiseRunner.run(["rate", file, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout.prefix(300))")
    return report.filter { $0.key != "inputs" } as NSDictionary
  }

  @Test(
    "the template for Company A's scope, filled through openpyxl with after.csv's evidence, rates as after.xml",
    .enabled(if: OptionalTools.openpyxl, "python3 with openpyxl not installed: pip install openpyxl"))
  func filledTemplateRatesLikeTheFile() throws {
    let folder = try XLSXReportTests.Folder()
    let template = folder.file("template.xlsx")
    let made = try AppraiseRunner.run(["template"] + Self.scope + ["--output", template])
    #expect(made.status == 0, "\(made.stderr)")

    // As the team leaves it: every pre-filled row unused, the workbook valid but nothing recorded.
    let empty = try AppraiseRunner.run(["validate", template])
    #expect(empty.status == 0, "\(empty.stdout)\(empty.stderr)")

    let filled = folder.file("filled.xlsx")
    let fill = try AppraiseRunner.run(
      [
        "python3", AppraiseRunner.root.appendingPathComponent("scripts/fill-template.py").path, template,
        AppraiseRunner.root.appendingPathComponent("fixtures/company-a/after.csv").path, filled,
      ], executable: URL(fileURLWithPath: "/usr/bin/env"))
    #expect(fill.status == 0, "\(fill.stdout)\(fill.stderr)")
    #expect(fill.stdout.contains("pre-filled rows used"), "\(fill.stdout)")

    let validated = try AppraiseRunner.run(["validate", filled])
    #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
    let expected = try Self.ratings("fixtures/company-a/after.xml")
    let actual = try Self.ratings(filled)
    #expect(actual == expected)
    for key in expected.allKeys as! [String] where actual[key] as? NSObject != expected[key] as? NSObject {
      Issue.record("\(key) differs:\n\(String(describing: actual[key]).prefix(2_000))")
    }
  }

  @Test(
    "headless LibreOffice prints the template: instructions within the page, one area sheet per page width",
    .enabled(
      if: OptionalTools.libreOffice,
      "LibreOffice or poppler-utils not installed: apt-get install -y libreoffice-calc-nogui poppler-utils"))
  func printed() throws {
    let folder = try XLSXReportTests.Folder()
    let template = folder.file("template.xlsx")
    let made = try AppraiseRunner.run(["template", "--from", "fixtures/company-a/after.xml", "--output", template])
    #expect(made.status == 0, "\(made.stderr)")
    let convert = try AppraiseRunner.run(
      [
        "soffice", "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf",
        "--outdir", folder.path, template,
      ], executable: URL(fileURLWithPath: "/usr/bin/env"), timeout: 180)
    #expect(convert.status == 0, "\(convert.stderr)")
    let text = try AppraiseRunner.run(
      ["pdftotext", folder.file("template.pdf"), "-"], executable: URL(fileURLWithPath: "/usr/bin/env"))
    #expect(text.status == 0)
    // Words at the ends of the instructions' lines: a column wider than the page cuts them off.
    let words = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for expected in [
      "save it as an Excel workbook (.xlsx), then check it", "How values derive",
      "SCAMPI-style characterization for gap analysis", "SCON SP 2.3", "Customer portal service",
    ] {
      #expect(words.contains(expected), "template.pdf has no \"\(expected)\"")
    }
  }
}
