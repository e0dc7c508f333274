import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

@testable import AppraiseKit

/// Reports built in-process from the company-a fixtures (the same steps as `appraise rate` / `compare`).
enum HTMLFixtures {
  static func path(_ relative: String) -> String { AppraiseRunner.root.appendingPathComponent(relative).path }

  static func rateReport(_ file: String = "fixtures/company-a/after.xml") throws -> RateReport {
    let catalog = try BundledCatalog.load()
    let loaded = try AppraisalReader.read(path: path(file), catalog: catalog)
    return RateReport(
      result: AppraisalRater.rate(loaded.appraisal, catalog: catalog), catalog: catalog,
      inputs: [
        InputDigest(role: "appraisal", path: file, sha256: String(repeating: "0", count: 64)),
        InputDigest(
          role: "catalog", path: "practice-catalogs/cmmi-svc-1.3.json", sha256: String(repeating: "1", count: 64)),
      ],
      warnings: loaded.warnings.map(\.description))
  }

  static func compareReport() throws -> CompareReport {
    let before = try rateReport("fixtures/company-a/before.xml")
    let after = try rateReport("fixtures/company-a/after.xml")
    return CompareReport(
      comparison: AppraisalComparator.compare(before: before.result, after: after.result), before: before, after: after)
  }

  /// A document whose every text slot holds markup and a URL, to prove both come out as inert text.
  static let hostile = "<script>alert('x')</script> & \"q\" <img src=x> https://evil.example/a.png"

  static var hostileDocument: ReportDocument {
    var doc = ReportDocument(title: "Title " + hostile)
    doc.paragraph("Warning " + hostile, tone: .warning)
    doc.heading("Heading " + hostile)
    doc.heading("Sub " + hostile, level: 3)
    doc.paragraph("Plain " + hostile)
    doc.keyValues([("Key " + hostile, "Value " + hostile)])
    doc.table(
      ["Header " + hostile, "Second"],
      [[.init("Cell " + hostile, .bad), .init("  indented " + hostile, .good)]])
    doc.list([.init("Item " + hostile, .warning), .init("Other " + hostile, .muted)])
    doc.heatmap(
      .init(
        title: "Map " + hostile, columns: ["Column " + hostile, "B"],
        rows: [(label: "Row " + hostile, cells: [hostile, nil])]))
    return doc
  }

  /// The markup of a page: every `<…>` tag, with the text between tags left out.
  static func tags(_ html: String) -> [Substring] {
    var tags: [Substring] = []
    var rest = html[...]
    while let open = rest.firstIndex(of: "<") {
      guard let close = rest[open...].firstIndex(of: ">") else {
        tags.append(rest[open...])
        break
      }
      tags.append(rest[open...close])
      rest = rest[rest.index(after: close)...]
    }
    return tags
  }

  /// Attributes that carry report text (escaped); their values are left out before looking for URLs.
  static let textAttributes = ["title", "data-value"]

  /// Every attribute the renderer may write; none of them loads anything.
  static let inertAttributes: Set<String> = [
    "lang", "charset", "name", "content", "http-equiv", "class", "role", "scope", "title", "data-value",
  ]

  /// A tag without the values of its text-carrying attributes (values are always double-quoted).
  static func withoutTextAttributes(_ tag: Substring) -> String {
    var result = String(tag)
    for name in textAttributes {
      while let start = result.range(of: " \(name)=\""),
        let end = result[start.upperBound...].firstIndex(of: "\"")
      {
        result.replaceSubrange(start.lowerBound...end, with: "")
      }
    }
    return result
  }

  /// The attribute names of a tag (`<td class="a" title="b">` → class, title).
  static func attributeNames(_ tag: Substring) -> [String] {
    var names: [String] = []
    var rest = tag.dropFirst().drop { $0 != " " && $0 != ">" }
    while let equals = rest.firstIndex(of: "=") {
      names.append(rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased())
      let afterEquals = rest[rest.index(after: equals)...]
      guard afterEquals.first == "\"",
        let close = afterEquals.dropFirst().firstIndex(of: "\"")
      else { break }
      rest = afterEquals[afterEquals.index(after: close)...]
    }
    return names
  }

  static func styleSheet(_ html: String) -> Substring {
    guard let start = html.range(of: "<style>"), let end = html.range(of: "</style>") else { return "" }
    return html[start.upperBound..<end.lowerBound]
  }

  static func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
  }
}

@Suite("HTML report renderer")
struct HTMLRendererTests {
  @Test("a rate report is one self-contained HTML5 page")
  func structure() throws {
    let report = try HTMLFixtures.rateReport()
    let html = HTMLRenderer().render(report)
    #expect(html.hasPrefix("<!DOCTYPE html>\n"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("<title>\(HTMLRenderer.escape(report.document().title))</title>"))
    #expect(HTMLFixtures.count("<style>", in: html) == 1)
    #expect(html.contains("@media print"))
    #expect(!html.contains("<script"))
    #expect(html.contains("<thead>") && html.contains("<tbody>"))
    #expect(html.contains("<p class=\"banner\" role=\"note\">\(HTMLRenderer.escape(RatingRules.methodStatement))</p>"))
    #expect(html.hasSuffix("</html>\n"))
  }

  @Test("nothing in the markup or style sheet can reach the network")
  func noNetwork() throws {
    let pages = [
      HTMLRenderer().render(try HTMLFixtures.rateReport()), HTMLRenderer().render(try HTMLFixtures.compareReport()),
      HTMLRenderer().render(HTMLFixtures.hostileDocument),
    ]
    for html in pages {
      for tag in HTMLFixtures.tags(html) {
        // Report text may sit in a tooltip or data-value; that is text, not a resource: judge the rest.
        let lower = HTMLFixtures.withoutTextAttributes(tag).lowercased()
        for name in HTMLFixtures.attributeNames(tag) {
          #expect(HTMLFixtures.inertAttributes.contains(name), "markup \(tag) has attribute \(name)")
        }
        for forbidden in [
          "http://", "https://", "src=", "href=", "<link", "<img", "<script", "<iframe", "url(", "@import",
        ] {
          #expect(!lower.contains(forbidden), "markup \(tag) contains \(forbidden)")
        }
      }
      let style = HTMLFixtures.styleSheet(html).lowercased()
      #expect(!style.isEmpty)
      for forbidden in ["http", "url(", "@import", "@font-face", "//"] {
        #expect(!style.contains(forbidden), "style sheet contains \(forbidden)")
      }
    }
    // The hostile URL survives only as escaped text between tags.
    let hostile = pages[2]
    #expect(hostile.contains("&lt;img src=x&gt; https://evil.example/a.png"))
  }

  @Test("every < & > \" ' in report text is escaped")
  func escaping() {
    let html = HTMLRenderer().render(HTMLFixtures.hostileDocument)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("alert('x')"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
    // Every slot shows the escaped text: title and h1, 2 headings, 2 paragraphs, key, value, header,
    // 2 cells, 2 items, map title, column, row label, the odd cell's data-value, tooltip (row, column,
    // value) and text, and the row label in the second cell's tooltip.
    #expect(HTMLFixtures.count("&lt;script&gt;", in: html) == 22)
    // Every `<` left in the page opens one of the renderer's own tags.
    let allowed: Set<String> = [
      "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "dl", "dt", "dd",
      "div", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "figure", "figcaption", "span",
    ]
    for tag in HTMLFixtures.tags(html) {
      let name = tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber || $0 == "!" }
      #expect(allowed.contains(String(name)), "unexpected tag \(tag)")
    }
  }

  @Test("a heatmap whose columns differ per row names each cell's practice, in the cell and its tooltip")
  func heatmapCellLabels() {
    var doc = ReportDocument(title: "Map")
    doc.heatmap(
      .init(
        title: "Areas", columns: ["1", "2"],
        rows: [(label: "SCON", cells: ["FI", "PI"]), (label: "SD", cells: ["LI"])],
        cellLabels: [["SP 1.1", "SP 2.3"], ["SP 1.1"]]))
    let html = HTMLRenderer().render(doc)
    #expect(
      html.contains(
        "<td class=\"hm hm-pi\" data-value=\"PI\" title=\"SCON · SP 2.3: PI, partially implemented\">"
          + "<span class=\"hm-id\">SP 2.3</span>PI</td>"))
    #expect(html.contains("title=\"SD · SP 1.1: LI, largely implemented\"><span class=\"hm-id\">SP 1.1</span>LI</td>"))
    #expect(HTMLFixtures.styleSheet(html).contains(".hm-id {"))
  }

  @Test("heatmap cells show all seven states with distinct classes, tooltips and a legend")
  func heatmap() {
    var doc = ReportDocument(title: "Map")
    doc.heatmap(
      .init(
        title: "States", columns: ["a", "b", "c", "d", "e", "f", "g"],
        rows: [(label: "row", cells: ["FI", "LI", "PI", "NI", "NY", nil, ""])]))
    let html = HTMLRenderer().render(doc)
    let expected = [
      ("FI", "hm-fi", "FI"), ("LI", "hm-li", "LI"), ("PI", "hm-pi", "PI"), ("NI", "hm-ni", "NI"),
      ("NY", "hm-ny", "NY"), ("none", "hm-none", "—"), ("na", "hm-na", ""),
    ]
    for (index, (value, cssClass, shown)) in expected.enumerated() {
      let column = ["a", "b", "c", "d", "e", "f", "g"][index]
      #expect(html.contains("<td class=\"hm \(cssClass)\" data-value=\"\(value)\" title=\"row · \(column): "))
      #expect(html.contains("<span class=\"swatch hm \(cssClass)\">\(shown)</span>"))
      #expect(HTMLFixtures.styleSheet(html).contains(".\(cssClass) {"))
    }
    #expect(html.contains("title=\"row · f: not characterized\">—</td>"))
    #expect(html.contains("title=\"row · g: not applicable\"></td>"))
    #expect(html.contains("<ul class=\"legend\">"))
    if let keep = ProcessInfo.processInfo.environment["APPRAISE_KEEP_HTML"], !keep.isEmpty {
      try? FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
      try? html.write(toFile: keep + "/states.html", atomically: true, encoding: .utf8)
    }
  }

  @Test("tones become classes; a list of warnings is a banner")
  func tones() {
    var doc = ReportDocument(title: "Tones")
    doc.table(["A"], [[.init("ok", .good), .init("no", .bad), .init("?", .unknown), .init("-", .muted), .init("p")]])
    doc.list([.init("careful", .warning)])
    doc.paragraph("fine", tone: .good)
    let html = HTMLRenderer().render(doc)
    #expect(html.contains("<td class=\"good\">ok</td><td class=\"bad\">no</td><td class=\"unknown\">?</td>"))
    #expect(html.contains("<td class=\"muted\">-</td><td>p</td>"))
    #expect(html.contains("<ul class=\"banner-list\" role=\"note\">\n<li class=\"warning\">careful</li>"))
    #expect(html.contains("<p class=\"good\">fine</p>"))
  }

  @Test("the output is deterministic")
  func deterministic() throws {
    let report = try HTMLFixtures.compareReport()
    #expect(HTMLRenderer().render(report) == HTMLRenderer().render(report))
    let rate = try HTMLFixtures.rateReport()
    #expect(HTMLRenderer().render(rate) == HTMLRenderer().render(rate))
  }
}

// MARK: - Chromium

/// Headless Chromium, when installed: loads the page as a browser would, to check the DOM it builds and
/// that a screenshot shows a real page.
enum Chromium {
  /// The first `chromium` / `chromium-browser` on PATH.
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for name in ["chromium", "chromium-browser"] {
      for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  /// True when Chromium is installed, and under `.ci/run` (APPRAISE_REQUIRE_ALL_CHECKS=1), where a missing
  /// Chromium must fail the run rather than skip these checks.
  static var isAvailable: Bool {
    executable != nil || ProcessInfo.processInfo.environment["APPRAISE_REQUIRE_ALL_CHECKS"] == "1"
  }

  struct Run {
    var status: Int32
    var timedOut: Bool
    var stdout: String
  }

  /// Runs headless Chromium with `arguments`, killing it after `timeout` seconds. Its stderr (dbus and GPU
  /// noise) is discarded; callers judge by exit status and files.
  static func run(_ arguments: [String], in folder: URL, timeout: TimeInterval = 60) throws -> Run {
    let profile = folder.appendingPathComponent("profile-\(UUID().uuidString)")
    let output = folder.appendingPathComponent("stdout-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    let handle = try FileHandle(forWritingTo: output)
    defer { try? handle.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/chromium")
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--hide-scrollbars", "--user-data-dir=\(profile.path)",
      ] + arguments
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    var timedOut = false
    if process.isRunning {
      timedOut = true
      process.terminate()
      let grace = Date().addingTimeInterval(5)
      while process.isRunning && Date() < grace { Thread.sleep(forTimeInterval: 0.05) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    process.waitUntilExit()
    let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    return Run(status: process.terminationStatus, timedOut: timedOut, stdout: text)
  }

  /// The page's DOM after Chromium parsed it.
  static func dumpDOM(_ page: URL, in folder: URL) throws -> Run {
    try run(["--dump-dom", page.absoluteString], in: folder)
  }

  /// A screenshot of the page at 1200 × `height`; returns the PNG's bytes, or nil when none was written.
  static func screenshot(_ page: URL, to png: URL, height: Int = 2000, in folder: URL) throws -> (Run, Data?) {
    let run = try run(
      ["--screenshot=\(png.path)", "--window-size=1200,\(height)", page.absoluteString], in: folder)
    return (run, FileManager.default.contents(atPath: png.path))
  }

  /// Width and height from a PNG's IHDR chunk, or nil when the bytes are not a PNG.
  static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
      bytes[12..<16].elementsEqual(Array("IHDR".utf8))
    else { return nil }
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    return (width, height)
  }

  /// A fresh folder for one test's files (kept under the system temporary folder).
  static func scratchFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}

@Suite("HTML report in headless Chromium", .serialized)
struct HTMLChromiumTests {
  // Skipped, never passed, when Chromium is missing; CI installs it (Debian package `chromium`).
  @Test(
    "Chromium parses the rate report into the expected DOM",
    .enabled(if: Chromium.isAvailable, "chromium not installed: apt-get install -y chromium"),
    .timeLimit(.minutes(2)))
  func dom() throws {
    let folder = try Chromium.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = try HTMLFixtures.rateReport()
    let document = report.document()
    let page = folder.appendingPathComponent("after.html")
    try HTMLRenderer().render(report).write(to: page, atomically: true, encoding: .utf8)

    let run = try Chromium.dumpDOM(page, in: folder)
    #expect(!run.timedOut, "chromium --dump-dom did not finish within 60 s")
    #expect(run.status == 0)
    let dom = run.stdout
    #expect(dom.contains("<title>\(HTMLRenderer.escape(document.title))</title>"))
    #expect(dom.contains("not a SCAMPI A / Benchmark rating"))
    // As many FI cells as the document's heatmaps hold.
    var fullyImplemented = 0
    for case .heatmap(let map) in document.blocks {
      fullyImplemented += map.rows.flatMap(\.cells).filter { $0 == "FI" }.count
    }
    #expect(fullyImplemented > 0)
    #expect(HTMLFixtures.count("data-value=\"FI\"", in: dom) == fullyImplemented)
    #expect(dom.contains("<ul class=\"legend\">"))
    #expect(!dom.contains("<script"))
  }

  @Test(
    "markup in report text stays text in Chromium's DOM",
    .enabled(if: Chromium.isAvailable, "chromium not installed: apt-get install -y chromium"),
    .timeLimit(.minutes(2)))
  func hostileText() throws {
    let folder = try Chromium.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("hostile.html")
    try HTMLRenderer().render(HTMLFixtures.hostileDocument).write(to: page, atomically: true, encoding: .utf8)
    let run = try Chromium.dumpDOM(page, in: folder)
    #expect(!run.timedOut && run.status == 0)
    #expect(run.stdout.contains("</html>"))
    #expect(!run.stdout.contains("<script"))
    #expect(!run.stdout.contains("<img"))
    #expect(run.stdout.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
  }

  @Test(
    "a 1200 px screenshot of the rate report is a real, non-blank page",
    .enabled(if: Chromium.isAvailable, "chromium not installed: apt-get install -y chromium"),
    .timeLimit(.minutes(3)))
  func screenshot() throws {
    let folder = try Chromium.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("after.html")
    try HTMLRenderer().render(try HTMLFixtures.rateReport()).write(to: page, atomically: true, encoding: .utf8)
    let blankPage = folder.appendingPathComponent("blank.html")
    try "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>\n"
      .write(to: blankPage, atomically: true, encoding: .utf8)

    let (run, png) = try Chromium.screenshot(page, to: folder.appendingPathComponent("after.png"), in: folder)
    #expect(!run.timedOut, "chromium --screenshot did not finish within 60 s")
    #expect(run.status == 0)
    let image = try #require(png, "chromium wrote no screenshot")
    let size = try #require(Chromium.pngSize(image), "the screenshot is not a PNG")
    #expect(size.width == 1200 && size.height == 2000)
    #expect(image.count > 10_000)

    // A single-colour page compresses to almost nothing; the report must be far larger.
    let (_, blank) = try Chromium.screenshot(blankPage, to: folder.appendingPathComponent("blank.png"), in: folder)
    let empty = try #require(blank, "chromium wrote no screenshot of the blank page")
    #expect(image.count > empty.count * 5, "screenshot \(image.count) B vs blank page \(empty.count) B")

    // For a person to look at: APPRAISE_KEEP_HTML=/some/folder keeps the pages and the screenshot there.
    if let keep = ProcessInfo.processInfo.environment["APPRAISE_KEEP_HTML"], !keep.isEmpty {
      let target = URL(fileURLWithPath: keep)
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
      try image.write(to: target.appendingPathComponent("after.png"))
      try HTMLRenderer().render(try HTMLFixtures.rateReport()).write(
        to: target.appendingPathComponent("after.html"), atomically: true, encoding: .utf8)
      try HTMLRenderer().render(try HTMLFixtures.compareReport()).write(
        to: target.appendingPathComponent("compare.html"), atomically: true, encoding: .utf8)
    }
  }
}

@Suite("Compare report at scale")
struct CompareScaleTests {
  @Test("the appraisals table names up to ten units, beyond that the first three and a count")
  func sampleRow() {
    let units = (1...12).map { Instantiation(id: "u\($0)", name: "Unit \($0)", kind: .service) }
    #expect(CompareReport.sample(Array(units.prefix(10))) == (1...10).map { "u\($0)" }.joined(separator: ", "))
    #expect(CompareReport.sample(units) == "u1, u2, u3, … (12 instantiations)")
  }
}
