import Foundation
import TestSupport
import Testing

/// `appraise template` end to end on the binary: the workbook from an appraisal or from options, written
/// atomically, the same bytes every run and from equal appraisals in any syntax; refused on a terminal;
/// bad options and invalid appraisals refused as `validate` refuses them; openpyxl finds the layout, the
/// drop-downs and the appraisal's records (scripts/check-template.py; skipped where openpyxl is missing).
@Suite("appraise template")
struct TemplateCommandTests {
  typealias Folder = XLSXReportTests.Folder
  static let after = "fixtures/company-a/after.xml"
  static let options = [
    "template", "--areas", "CAM,IRP", "--representation", "staged", "--instantiation", "shop=Web shop:service:web",
    "--instantiation", "ops=Operations:team",
  ]

  static func workbook(_ arguments: [String], _ folder: Folder, _ name: String) throws -> Data {
    let run = try AppraiseRunner.run(arguments + ["--output", folder.file(name)])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty && run.stderr.isEmpty)
    return try Data(contentsOf: URL(fileURLWithPath: folder.file(name)))
  }

  @Test("--from an appraisal writes a workbook: the same bytes every run and from the XML, JSON or CSV of it")
  func fromAppraisal() throws {
    let folder = try Folder()
    let xml = try Self.workbook(["template", "--from", Self.after], folder, "t.xlsx")
    #expect(xml.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    #expect(try Self.workbook(["template", "--from", Self.after], folder, "again.xlsx") == xml)
    #expect(try Self.workbook(["template", "--from", "fixtures/company-a/after.json"], folder, "json.xlsx") == xml)
    #expect(try Self.workbook(["template", "--from", "fixtures/company-a/after.csv"], folder, "csv.xlsx") == xml)
    let options = try Self.workbook(Self.options, folder, "options.xlsx")
    #expect(options != xml)
    #expect(folder.files() == ["again.xlsx", "csv.xlsx", "json.xlsx", "options.xlsx", "t.xlsx"])
  }

  /// The JSON report of `file` without its inputs (their paths and hashes differ by design).
  static func ratings(_ file: String) throws -> NSDictionary {
    let run = try AppraiseRunner.run(["rate", file, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    return report.filter { $0.key != "inputs" } as NSDictionary
  }

  @Test("the template of an appraisal reads back to the same rating, and its own template is the same bytes")
  func roundTrip() throws {
    let folder = try Folder()
    let first = try Self.workbook(["template", "--from", Self.after], folder, "t.xlsx")
    #expect(try Self.ratings(folder.file("t.xlsx")) == Self.ratings(Self.after))
    #expect(try Self.workbook(["template", "--from", folder.file("t.xlsx")], folder, "again.xlsx") == first)
  }

  @Test("--output - goes to a pipe; a terminal is a usage error (64)")
  func terminal() throws {
    let folder = try Folder()
    let file = try Self.workbook(Self.options, folder, "t.xlsx")
    let pipe = Pipe()
    let piped = try AppraiseRunner.run(Self.options + ["--output", "-"], standardOutput: pipe)
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(pipe.fileHandleForReading.readDataToEndOfFile() == file)
    guard OptionalTools.command("script") else { return }
    let command = "\(AppraiseRunner.executable.path) template --instantiation a=A"
    for output in ["-", "/dev/tty"] {
      let run = try AppraiseRunner.run(
        ["-qec", "\(command) --output \(output)", "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
      #expect(run.status == 64, "--output \(output)")
      #expect(run.stdout.contains("binary .xlsx workbook"), "--output \(output): \(run.stdout)")
    }
  }

  @Test(
    "bad options are usage errors (64) that say what is allowed",
    arguments: [
      (["--areas", "CAM,NOPE"], "--areas: unknown process area NOPE; the catalog's are CAM, CAR, CM,"),
      (
        ["--instantiation", "a=A:robot"],
        "unknown kind \"robot\"; expected one of project, team, service, support-function"
      ),
      (["--instantiation", "justaname"], "expected id=Name:kind[:subgroup]"),
      ([], "name at least one instantiation"),
      (
        ["--instantiation", "a=A", "--representation", "staged", "--target-level", "1"], "a maturity level from 2 to 5"
      ),
      (["--instantiation", "a=A", "--target-level", "4"], "a capability level from 1 to 3"),
      (["--instantiation", "a=A", "--date", "30/09/2011"], "--date 30/09/2011: expected a calendar date YYYY-MM-DD"),
      (["--instantiation", "a=A", "--instantiation", "a=B"], "--instantiation a is given twice"),
      (["--instantiation", "a=A", "--representation", "linear"], "representation"),
    ])
  func badOptions(_ arguments: [String], _ message: String) throws {
    let folder = try Folder()
    let run = try AppraiseRunner.run(["template"] + arguments + ["--output", folder.file("t.xlsx")])
    #expect(run.status == 64)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(folder.files().isEmpty)
  }

  @Test("an --output that is no .xlsx, or an input, is refused; an unwritable one is exit 73 and leaves nothing")
  func output() throws {
    let folder = try Folder()
    let csv = try AppraiseRunner.run(Self.options + ["--output", folder.file("t.csv")])
    #expect(csv.status == 64)
    #expect(csv.stderr.contains("the template is an .xlsx workbook; name the file FILE.xlsx"))
    let copy = folder.file("after.xlsx")
    _ = try Self.workbook(["template", "--from", Self.after], folder, "after.xlsx")
    let input = try AppraiseRunner.run(["template", "--from", copy, "--output", copy])
    #expect(input.status == 64)
    #expect(input.stderr.contains("is one of the input files"))
    let missing = try AppraiseRunner.run(Self.options + ["--output", folder.file("missing/t.xlsx")])
    #expect(missing.status == 73)
    #expect(missing.stderr.contains("cannot write \(folder.file("missing/t.xlsx"))"))
    #expect(folder.files() == ["after.xlsx"])
  }

  @Test("an invalid --from is refused with validate's problems and exit status; a missing one is 66")
  func invalidFrom() throws {
    let folder = try Folder()
    let bad = "fixtures/invalid/evidence/xml-bad-values.xml"
    let validate = try AppraiseRunner.run(["validate", bad])
    let template = try AppraiseRunner.run(["template", "--from", bad, "--output", folder.file("t.xlsx")])
    #expect(validate.status == 65)
    #expect(template.status == 65)
    #expect(template.stderr == validate.stderr)
    let missing = try AppraiseRunner.run(["template", "--from", "nowhere.xml", "--output", folder.file("t.xlsx")])
    #expect(missing.status == 66)
    #expect(folder.files().isEmpty)
  }

  @Test(
    "openpyxl finds the sheets, headers, drop-downs, frozen panes, widths and every record of the appraisal",
    .enabled(if: OptionalTools.openpyxl, "python3 with openpyxl not installed: pip install openpyxl"))
  func openpyxl() throws {
    let folder = try Folder()
    _ = try Self.workbook(["template", "--from", Self.after], folder, "after.xlsx")
    _ = try Self.workbook(Self.options, folder, "options.xlsx")
    for (workbook, appraisal) in [("after.xlsx", "fixtures/company-a/after.json"), ("options.xlsx", nil)] {
      let check = try AppraiseRunner.run(
        [
          "python3", AppraiseRunner.root.appendingPathComponent("scripts/check-template.py").path,
          folder.file(workbook),
        ]
          + [appraisal].compactMap { $0 }, executable: URL(fileURLWithPath: "/usr/bin/env"))
      #expect(check.status == 0, "scripts/check-template.py \(workbook):\n\(check.stdout)\(check.stderr)")
      #expect(check.stdout.contains("ok: "))
    }
  }
}
