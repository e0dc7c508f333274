import Foundation
import TestSupport
import Testing

/// `appraise trend` through the built binary on the three Company A appraisals: the three-point series, the
/// reworded finding followed as one finding, files given out of order put in date order, warnings between
/// neighbours, the SVG chart, the workbook, and the usage and input errors of `compare`.
@Suite("appraise trend, end to end")
struct TrendCommandTests {
  static let files = ["before", "after", "later"].map { "fixtures/company-a/\($0).xml" }

  static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

  @Test("before, after, later: the three-point series, the reworded finding tracked as one")
  func series() throws {
    let result = try AppraiseRunner.run(["trend"] + Self.files)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(result.stderr.isEmpty)
    let text = result.stdout
    #expect(text.contains("3 appraisals from 2010-11-19 to 2012-09-28; 7 process areas, 18 goals."))
    #expect(text.contains("Goals satisfied: 10 of 18 → 15 of 18 → 16 of 18."))
    #expect(!text.contains("put in date order"))
    let rows = Self.lines(text)
    let cam = try #require(rows.first { $0.hasPrefix("  SG 2 Monitor and Analyze Capacity") })
    #expect(cam.contains("✔ Satisfied") && cam.hasSuffix("✘ Unsatisfied              *"))
    let practice = try #require(rows.first { $0.hasPrefix("SST SP 2.2") })
    #expect(practice.hasSuffix("LI          FI          LI"))
    // IRP SP 3.3: one finding in all three appraisals (by text, then by id), reworded, never closed + opened.
    let irp = rows.filter { $0.contains("IRP SP 3.3") }
    #expect(
      irp == [
        "  • IRP SP 3.3: structural fixes are tracked for priority-1 and priority-2 problems only — in 2010-11-19 "
          + "(company-a-before), 2011-09-30 (company-a-after), 2012-09-28 (company-a-later)",
        "  • IRP SP 3.3: 2010-11-19: \"structural fixes are tracked only for priority-1 problems\" → 2012-09-28: "
          + "\"structural fixes are tracked for priority-1 and priority-2 problems only\" (same id W-IRP-3.3)",
      ])
    let recurring = try #require(rows.firstIndex(of: "Recurring: 2"))
    #expect(rows[recurring + 1] == irp[0])
    #expect(
      text.contains("Regressed: 1\n  • SST SP 2.2: post-implementation reviews are held irregularly — in 2010-11-19"))
    #expect(text.contains("Reworded (the same finding with new wording): 1"))
  }

  @Test("the same series from the CSV files: their weaknessId column keeps the reworded finding one finding")
  func csvSeries() throws {
    let xml = try AppraiseRunner.run(["trend"] + Self.files)
    let csv = try AppraiseRunner.run(["trend"] + Self.files.map { $0.replacingOccurrences(of: ".xml", with: ".csv") })
    #expect(csv.status == 0, "stderr: \(csv.stderr)")
    // Equal but for the input files' names and hashes.
    let body = { (text: String) in text.components(separatedBy: "Input files and tool")[0] }
    #expect(body(csv.stdout) == body(xml.stdout))
    #expect(csv.stdout.contains("(same id W-IRP-3.3)"))
  }

  @Test("files given out of order are put in date order, and the report says so")
  func reordered() throws {
    let shuffled = [Self.files[2], Self.files[0], Self.files[1]]
    let text = try AppraiseRunner.run(["trend"] + shuffled)
    #expect(text.status == 0)
    #expect(text.stderr == "note: the appraisals were put in date order\n")
    #expect(
      text.stdout.contains(
        "The appraisals were put in date order; they were given as: company-a-later, company-a-before, company-a-after."
      ))
    #expect(text.stdout.contains("Goals satisfied: 10 of 18 → 15 of 18 → 16 of 18."))
    let json = try AppraiseRunner.run(["trend"] + shuffled + ["--format", "json"])
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(report["reordered"] as? Bool == true)
    let appraisals = try #require(report["appraisals"] as? [[String: Any]])
    #expect(appraisals.map { $0["id"] as? String } == ["company-a-before", "company-a-after", "company-a-later"])
    #expect(appraisals.map { $0["given"] as? Int } == [2, 3, 1])
    // The same series as in date order, but for the order note and the input roles.
    let ordered = try AppraiseRunner.run(["trend"] + Self.files + ["--format", "json"])
    let plain = try #require(try JSONSerialization.jsonObject(with: Data(ordered.stdout.utf8)) as? [String: Any])
    #expect((report["areas"] as? NSArray) == (plain["areas"] as? NSArray))
    #expect((report["findings"] as? NSArray) == (plain["findings"] as? NSArray))
  }

  @Test("neighbours that differ in unit, scope and sample are warned about, in the report and on stderr")
  func warnings() throws {
    let result = try AppraiseRunner.run(["trend", Self.files[1], "fixtures/evidence/sample.xml"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("⚠ Warning: the series may not be like-for-like"))
    #expect(
      result.stderr.contains(
        "warning: 2011-09-30 (company-a-after) → 2026-11-02 (sample-2026): the organizational units differ"))
    #expect(result.stderr.contains("the scope differs"))
    #expect(result.stderr.contains("the sample (instantiations) differ"))
  }

  @Test("the HTML has an inline SVG per chart, one point per appraisal, and loads nothing")
  func svg() throws {
    let result = try AppraiseRunner.run(["trend"] + Self.files + ["--format", "html"])
    #expect(result.status == 0)
    let html = result.stdout
    #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
    let forbidden = ["http://", "https://", "src=", "href=", "<link", "<img", "<script", "<iframe", "url(", "@import"]
    for word in forbidden { #expect(!html.contains(word), "the page contains \(word)") }
    let charts = html.components(separatedBy: "<svg ").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
    #expect(charts.count == 2)
    let goals = try #require(charts.first)
    #expect(goals.contains("Satisfied goals over time"))
    #expect(goals.components(separatedBy: "<circle class=\"point\"").count - 1 == 3)
    #expect(goals.contains("<title>Satisfied goals (of 18), 2012-09-28: 16</title>"))
    // The level chart: one point per appraisal for each of its two lines.
    #expect(charts[1].components(separatedBy: "<circle class=\"point\"").count - 1 == 6)
  }

  @Test("the workbook: its sheets, the line chart, and openpyxl's reading of it against the JSON report")
  func workbook() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trend-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let xlsx = folder.appendingPathComponent("trend.xlsx").path
    let json = folder.appendingPathComponent("trend.json").path
    #expect(try AppraiseRunner.run(["trend"] + Self.files + ["--output", xlsx]).status == 0)
    #expect(try AppraiseRunner.run(["trend"] + Self.files + ["--output", json]).status == 0)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: xlsx))
    #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    // The ZIP's part names are stored uncompressed: the sheets and the chart are there.
    let names = String(decoding: bytes, as: UTF8.self)
    for part in ["xl/worksheets/sheet5.xml", "xl/charts/chart1.xml", "xl/workbook.xml"] {
      #expect(names.contains(part), "no \(part)")
    }
    guard OptionalTools.openpyxl else { return }
    let check = try AppraiseRunner.run(
      ["python3", AppraiseRunner.root.appendingPathComponent("scripts/check-xlsx.py").path, "trend", xlsx, json],
      executable: URL(fileURLWithPath: "/usr/bin/env"))
    #expect(check.status == 0, "scripts/check-xlsx.py trend:\n\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains("ok: satisfied goals [10, 15, 16] and the line chart"))
  }

  @Test("usage errors are 64: one file, pdf, an output naming an input, an unclaimed extension")
  func usage() throws {
    let one = try AppraiseRunner.run(["trend", Self.files[0]])
    #expect(one.status == 64)
    #expect(one.stderr.contains("a trend needs at least two appraisals; got 1"))
    let pdf = try AppraiseRunner.run(["trend"] + Self.files + ["--format", "pdf"])
    #expect(pdf.status == 64)
    #expect(pdf.stderr.contains("it has no pdf layout"))
    let overwrite = try AppraiseRunner.run(["trend"] + Self.files + ["--output", Self.files[1]])
    #expect(overwrite.status == 64)
    let unclaimed = try AppraiseRunner.run(["trend"] + Self.files + ["--output", "/tmp/trend.ods"])
    #expect(unclaimed.status == 64)
    #expect(unclaimed.stderr.contains("no report format writes .ods files"))
  }

  @Test("a missing file is 66, a bad one 65, and nothing is written")
  func inputs() throws {
    let missing = try AppraiseRunner.run(["trend", Self.files[0], "fixtures/company-a/none.xml"])
    #expect(missing.status == 66)
    #expect(missing.stdout.isEmpty)
    let bad = try AppraiseRunner.run(["trend", Self.files[0], "fixtures/invalid/evidence/semantic-references.xml"])
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("semantic-references.xml:"))
    #expect(bad.stdout.isEmpty)
  }
}
