import Foundation
import TestSupport
import Testing

@testable import AppraiseKit

/// poppler-utils, to read a PDF's pages (`pdftotext`), size (`pdfinfo`) and pixels (`pdftoppm`).
enum Poppler {
  static let isAvailable =
    OptionalTools.required || ["pdftotext", "pdfinfo", "pdftoppm"].allSatisfy(OptionalTools.command)

  /// Chromium to print and poppler-utils to read the print; under `.ci/run` both are required.
  static let canCheckPDF = Chromium.isAvailable && isAvailable

  static func tool(_ arguments: [String]) throws -> AppraiseRunner.Result {
    try AppraiseRunner.run(arguments, executable: URL(fileURLWithPath: "/usr/bin/env"), timeout: 60)
  }

  /// The number of pages and the page size line of `pdfinfo` (`612 x 792 pts (letter)`).
  static func info(_ pdf: String) throws -> (pages: Int, size: String) {
    let run = try tool(["pdfinfo", pdf])
    #expect(run.status == 0, "pdfinfo: \(run.stderr)")
    var pages = 0
    var size = ""
    for line in run.stdout.split(separator: "\n") {
      if line.hasPrefix("Pages:") { pages = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0 }
      if line.hasPrefix("Page size:") { size = line.dropFirst(10).trimmingCharacters(in: .whitespaces) }
    }
    return (pages, size)
  }

  /// The text of page `number` (1-based), laid out.
  static func text(_ pdf: String, page number: Int) throws -> String {
    let run = try tool(["pdftotext", "-layout", "-f", "\(number)", "-l", "\(number)", pdf, "-"])
    #expect(run.status == 0, "pdftotext: \(run.stderr)")
    return run.stdout
  }

  /// The pixels of page `number` rendered in grey at `dpi`: (width, height, one byte per pixel).
  static func grey(_ pdf: String, page number: Int, dpi: Int = 30, in folder: String) throws -> (Int, Int, [UInt8])? {
    let prefix = folder + "/page-\(number)"
    let run = try tool([
      "pdftoppm", "-r", "\(dpi)", "-gray", "-f", "\(number)", "-l", "\(number)", "-singlefile", pdf, prefix,
    ])
    #expect(run.status == 0, "pdftoppm: \(run.stderr)")
    guard let data = FileManager.default.contents(atPath: prefix + ".pgm") else { return nil }
    return pgm([UInt8](data))
  }

  /// A binary PGM (`P5`, 8-bit): its header has four whitespace-separated fields, then the pixels.
  static func pgm(_ bytes: [UInt8]) -> (Int, Int, [UInt8])? {
    var fields: [String] = []
    var index = 0
    var field = ""
    while fields.count < 4 && index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
        if !field.isEmpty { fields.append(field) }
        field = ""
      } else {
        field.append(Character(UnicodeScalar(byte)))
      }
    }
    guard fields.count == 4, fields[0] == "P5", let width = Int(fields[1]), let height = Int(fields[2]),
      fields[3] == "255", bytes.count - index >= width * height
    else { return nil }
    return (width, height, Array(bytes[index..<index + width * height]))
  }
}

/// `--format pdf` end to end on the binary: headless Chromium prints the print layout, poppler-utils reads
/// it back — the cover on page 1, the executive summary on page 2, the running header and page numbers on
/// every page, no blank page, the paper size — and the failures: no Chromium (69), a Chromium that fails
/// or hangs (70), never an output file or a temporary folder left behind. Serialized: each print starts a
/// Chromium, and the machine has two cores.
@Suite("PDF reports, end to end", .serialized)
struct PDFReportTests {
  static let before = "fixtures/company-a/before.xml"
  static let after = "fixtures/company-a/after.xml"

  /// A scratch folder, removed afterwards, and a short temporary folder for `appraise` (`TMPDIR`): under a
  /// long one appraise prints elsewhere (Chromium's socket path must fit 107 bytes), and nothing is checked.
  final class Folder {
    let path: String
    let temporary: String
    init() throws {
      path =
        FileManager.default.temporaryDirectory.appendingPathComponent("appraise-pdf-test-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      temporary = "/tmp/appraise-t-" + UUID().uuidString.prefix(8)
      try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    }
    deinit {
      try? FileManager.default.removeItem(atPath: path)
      try? FileManager.default.removeItem(atPath: temporary)
    }
    func files() -> [String] { Self.list(path) }
    func temporaryFiles() -> [String] { Self.list(temporary) }
    func file(_ name: String) -> String { path + "/" + name }
    static func list(_ folder: String) -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
  }

  /// Runs `appraise` with `folder`'s temporary folder as `TMPDIR`, to see that the print's is removed.
  static func appraise(_ arguments: [String], _ folder: Folder, environment: [String: String] = [:]) throws
    -> AppraiseRunner.Result
  {
    var env = environment
    env["TMPDIR"] = folder.temporary
    return try AppraiseRunner.run(arguments, environment: env, timeout: 180)
  }

  /// How many pixels of a grey page are not white (anti-aliased edges count).
  static func inked(_ pixels: ArraySlice<UInt8>) -> Int { pixels.reduce(0) { $0 + ($1 < 230 ? 1 : 0) } }

  @Test(
    "rate --format pdf: cover on page 1, executive summary on page 2, header and page N of M on every page, no blank page",
    .enabled(
      if: Poppler.canCheckPDF, "chromium or poppler-utils not installed: apt-get install -y chromium poppler-utils"),
    .timeLimit(.minutes(3)))
  func rate() throws {
    let folder = try Folder()
    let pdf = folder.file("r.pdf")
    let clock = ContinuousClock()
    let start = clock.now
    let run = try Self.appraise(["rate", Self.after, "--format", "pdf", "--output", pdf], folder)
    let elapsed = clock.now - start
    print("rate --format pdf of \(Self.after): \(elapsed)")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(folder.temporaryFiles().isEmpty, "a temporary folder was left: \(folder.temporaryFiles())")
    let (pages, size) = try Poppler.info(pdf)
    try #require(pages >= 3, "pdfinfo found \(pages) pages")
    #expect(size.hasSuffix("(A4)"), "page size \(size)")

    let cover = try Poppler.text(pdf, page: 1)
    for expected in [
      "APPRAISAL RATING REPORT", "company-a-after", "Final report", "Appraisal disclosure", "Team leader",
      "Dana Whitfield", "Jonas Eberle", "Priya Raman", "Sponsor", "Martina Kessler", "Population and sample",
      "40 people, 5 basic units; sample: 3 instantiations", "Sampling factors", "2011-09-19 – 2011-09-30",
      "SCAMPI-style characterization for gap analysis", "Appraisal team leader — lead appraiser", "Date",
    ] {
      #expect(cover.contains(expected), "page 1 has no \(expected)")
    }
    #expect(!cover.contains("Executive summary"))
    // Page 2 begins, under the running header, with the executive summary.
    let summary = try Poppler.text(pdf, page: 2).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    #expect(
      summary.count > 2 && summary[0].hasPrefix("company-a-after") && summary[1] == "Executive summary",
      "\(summary.prefix(3))")

    var whole = ""
    for page in 1...pages {
      let text = try Poppler.text(pdf, page: page)
      whole += text
      #expect(text.contains("page \(page) of \(pages)"), "page \(page) has no page number")
      #expect(text.contains("company-a-after"), "page \(page) has no appraisal id")
      #expect(text.contains("Final report"), "page \(page) has no report status")
    }
    // The evidence appendix lists the documents behind SCON SP 2.3, affirmations by their record.
    let appendix = try #require(whole.range(of: "Appendix A: Evidence trail"), "no evidence appendix")
    let scon = try #require(
      whole.range(of: "SCON Service Continuity", range: appendix.upperBound..<whole.endIndex), "no SCON trail")
    let end =
      whole.range(of: "SD Service Delivery", range: scon.upperBound..<whole.endIndex)?.lowerBound ?? whole.endIndex
    // Table cells wrap inside their column, so a document's name may come in pieces on consecutive lines.
    let trail = whole[scon.upperBound..<end].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(trail.contains("SP 2.3"))
    #expect(trail.contains("attendance records"), "\(trail)")
    #expect(trail.contains("SCON practitioners"))
    #expect(whole.range(of: "Appendix B: Team judgments", range: appendix.upperBound..<whole.endIndex) != nil)
    for page in 1...min(pages, 4) {
      let image = try #require(try Poppler.grey(pdf, page: page, in: folder.path), "page \(page) not rendered")
      let (width, height, pixels) = image
      #expect(width > 200 && height > 300)
      #expect(Self.inked(pixels[...]) > width * height / 100, "page \(page) is (nearly) blank")
      if page == 1 {
        // The cover's title block is at the top of the page, under the header.
        #expect(Self.inked(pixels[0..<(width * height / 4)]) > width * height / 200, "page 1 has an empty top")
      }
    }

    // The same bytes again (the PDF's dates are the appraisal's), and through a pipe.
    let again = try Self.appraise(["rate", Self.after, "--output", folder.file("again.pdf")], folder)
    #expect(again.status == 0, "\(again.stderr)")
    let first = try Data(contentsOf: URL(fileURLWithPath: pdf))
    let second = try Data(contentsOf: URL(fileURLWithPath: folder.file("again.pdf")))
    #expect(first == second, "two prints differ")
    // Through a shell pipe: a Pipe read only after the run would fill (64 KiB) and block the command.
    let piped = try AppraiseRunner.run(
      [
        "-c", "\"$0\" rate \"$1\" --format pdf | cat > \"$2\"", AppraiseRunner.executable.path, Self.after,
        folder.file("piped.pdf"),
      ],
      executable: URL(fileURLWithPath: "/bin/sh"), timeout: 120)
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(FileManager.default.contents(atPath: folder.file("piped.pdf")) == first)
    let info = try Poppler.tool(["pdfinfo", pdf]).stdout
    #expect(info.contains("CreationDate:    Fri Sep 30 00:00:00 2011 UTC"), "\(info)")
  }

  @Test(
    "--paper letter prints on Letter, the default on A4",
    .enabled(
      if: Poppler.canCheckPDF, "chromium or poppler-utils not installed: apt-get install -y chromium poppler-utils"),
    .timeLimit(.minutes(3)))
  func paper() throws {
    let folder = try Folder()
    let run = try Self.appraise(
      ["rate", Self.after, "--output", folder.file("letter.pdf"), "--paper", "letter"], folder)
    #expect(run.status == 0, "\(run.stderr)")
    let (pages, size) = try Poppler.info(folder.file("letter.pdf"))
    try #require(pages >= 1)
    #expect(size == "612 x 792 pts (letter)")
    #expect(try Poppler.text(folder.file("letter.pdf"), page: pages).contains("page \(pages) of \(pages)"))
  }

  @Test(
    "compare --format pdf: a cover naming both appraisals, then the comparison, page N of M everywhere",
    .enabled(
      if: Poppler.canCheckPDF, "chromium or poppler-utils not installed: apt-get install -y chromium poppler-utils"),
    .timeLimit(.minutes(3)))
  func compare() throws {
    let folder = try Folder()
    let pdf = folder.file("c.pdf")
    let run = try Self.appraise(["compare", Self.before, Self.after, "--format", "pdf", "--output", pdf], folder)
    #expect(run.status == 0, "\(run.stderr)")
    let (pages, _) = try Poppler.info(pdf)
    try #require(pages >= 2, "pdfinfo found \(pages) pages")
    let cover = try Poppler.text(pdf, page: 1)
    for expected in [
      "BEFORE/AFTER COMPARISON", "company-a-before", "company-a-after", "Appraisal disclosure (after)",
      "Dana Whitfield", "Martina Kessler",
    ] {
      #expect(cover.contains(expected), "page 1 has no \(expected)")
    }
    #expect(try Poppler.text(pdf, page: 2).contains("Appraisals"))
    for page in 1...pages {
      let text = try Poppler.text(pdf, page: page)
      #expect(text.contains("page \(page) of \(pages)") && text.contains("company-a-after"), "page \(page)")
    }
    let image = try #require(try Poppler.grey(pdf, page: 1, in: folder.path))
    #expect(Self.inked(image.2[...]) > image.0 * image.1 / 100)
  }

  @Test("no Chromium: exit 69 with the install hint, before any input is read, and no output file")
  func notFound() throws {
    let folder = try Folder()
    let named = try Self.appraise(
      ["rate", Self.after, "--output", folder.file("r.pdf")], folder, environment: ["APPRAISE_CHROMIUM": "/nonexistent"]
    )
    #expect(named.status == 69)
    #expect(
      named.stderr.contains(
        "cannot print the PDF: APPRAISE_CHROMIUM=/nonexistent is not an executable file; install Chromium "
          + "(Debian/Ubuntu: apt-get install chromium) or set APPRAISE_CHROMIUM to its path"), "\(named.stderr)")
    // An empty PATH folder: nothing to find (appraise itself is run by its full path).
    try FileManager.default.createDirectory(atPath: folder.file("bin"), withIntermediateDirectories: true)
    let none = try AppraiseRunner.run(
      ["compare", Self.before, Self.after, "--output", folder.file("c.pdf")],
      environment: ["PATH": folder.file("bin")], unset: ["APPRAISE_CHROMIUM"])
    #expect(none.status == 69)
    #expect(none.stderr.contains("no Chromium found (looked for chromium, chromium-browser, google-chrome"))
    #expect(none.stderr.contains("apt-get install chromium"))
    // Found before the input is read: a missing input still says Chromium first.
    let early = try Self.appraise(
      ["rate", "missing.xml", "--format", "pdf", "--output", folder.file("r.pdf")], folder,
      environment: ["APPRAISE_CHROMIUM": "/nonexistent"])
    #expect(early.status == 69)
    #expect(folder.files() == ["bin"])
  }

  /// A stand-in for Chromium: a shell script in `folder`.
  static func fakeChromium(_ script: String, _ folder: Folder) throws -> String {
    let path = folder.file("fake-chromium")
    try ("#!/bin/sh\n" + script).write(toFile: path, atomically: true, encoding: .utf8)
    chmod(path, 0o755)
    return path
  }

  @Test("a Chromium that fails, writes no PDF or hangs: exit 70 with its last lines; the target keeps its bytes")
  func failures() throws {
    let folder = try Folder()
    let target = folder.file("r.pdf")
    try "old report".write(toFile: target, atomically: true, encoding: .utf8)
    let cases: [(script: String, timeout: String?, message: String)] = [
      (
        "echo 'fake chromium: cannot print' >&2\nexit 1\n", nil,
        "failed (exit status 1); its last lines on stderr:\n  fake chromium: cannot print"
      ),
      ("exit 0\n", nil, "wrote no PDF"),
      (
        "for a; do case \"$a\" in --print-to-pdf=*) echo hello > \"${a#--print-to-pdf=}\";; esac; done\n", nil,
        "wrote a file that is not a PDF"
      ),
      ("sleep 30 &\nsleep 30\n", "1", "did not finish printing within 1 s; killed"),
    ]
    for (script, timeout, message) in cases {
      let chromium = try Self.fakeChromium(script, folder)
      var environment = ["APPRAISE_CHROMIUM": chromium]
      if let timeout { environment["APPRAISE_CHROMIUM_TIMEOUT"] = timeout }
      let run = try Self.appraise(
        ["rate", Self.after, "--format", "pdf", "--output", target], folder, environment: environment)
      #expect(run.status == 70, "\(script): \(run.stderr)")
      #expect(run.stderr.contains("cannot print the PDF: \(chromium) \(message)"), "\(run.stderr)")
      #expect(try String(contentsOfFile: target, encoding: .utf8) == "old report")
      #expect(folder.files() == ["fake-chromium", "r.pdf"])
      #expect(folder.temporaryFiles().isEmpty, "a temporary folder was left: \(folder.temporaryFiles())")
    }
  }

  @Test(
    "SIGTERM while Chromium prints: Chromium's group is stopped, nothing temporary is left, the signal ends the run")
  func interrupted() throws {
    let folder = try Folder()
    let started = folder.file("chromium.pid")
    // The stand-in records its pid, then waits on a child of its own (both must be stopped).
    let chromium = try Self.fakeChromium("echo $$ > '\(started)'\nsleep 60 &\nwait\n", folder)
    let target = folder.file("r.pdf")
    let process = Process()
    process.executableURL = AppraiseRunner.executable
    process.arguments = ["rate", Self.after, "--format", "pdf", "--output", target]
    process.currentDirectoryURL = AppraiseRunner.root
    var environment = ProcessInfo.processInfo.environment
    environment["APPRAISE_CHROMIUM"] = chromium
    environment["TMPDIR"] = folder.temporary
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(60)
    var pid: pid_t?
    while pid == nil && clock.now < deadline && process.isRunning {
      pid = (try? String(contentsOfFile: started, encoding: .utf8)).flatMap {
        pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      if pid == nil { usleep(20_000) }
    }
    let chromiumPID = try #require(pid, "the stand-in Chromium never started")
    #expect(!folder.temporaryFiles().isEmpty, "the print folder should exist while printing")
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
    #expect(kill(chromiumPID, 0) != 0, "the stand-in Chromium still runs")
    #expect(folder.temporaryFiles().isEmpty, "a temporary folder was left: \(folder.temporaryFiles())")
    #expect(folder.files() == ["chromium.pid", "fake-chromium"])
  }

  @Test("--paper with another format is a usage error; .pdf implies pdf; a terminal is refused")
  func paperUsage() throws {
    let run = try AppraiseRunner.run(["rate", Self.after, "--format", "html", "--paper", "letter"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--paper letter is for --format pdf only; the report is html"))
    #expect(ReportFormat(outputPath: "Report.PDF") == .pdf)
    #expect(ReportFormat.pdf.isBinary && !ReportFormat.textFormats.contains(.pdf))
    // Binary like xlsx: refused on a terminal (`script` gives the command one), before Chromium is looked for.
    guard OptionalTools.command("script") else { return }
    let terminal = try AppraiseRunner.run(
      ["-qec", "\(AppraiseRunner.executable.path) rate \(Self.after) --format pdf", "/dev/null"],
      environment: ["APPRAISE_CHROMIUM": "/nonexistent"], executable: URL(fileURLWithPath: "/usr/bin/script"))
    #expect(terminal.status == 64)
    #expect(terminal.stdout.contains("--format pdf is binary, not for a terminal: use --output FILE.pdf"))
  }

  @Test(
    "a Chromium screenshot of the print page's first page (A4 at 96 dpi) shows the cover, not a blank page",
    .enabled(if: Chromium.isAvailable, "chromium not installed: apt-get install -y chromium"), .timeLimit(.minutes(2)))
  func screenshot() throws {
    let folder = try Chromium.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("print.html")
    try HTMLRenderer(print: PrintSettings()).render(try HTMLFixtures.rateReport()).write(
      to: page, atomically: true, encoding: .utf8)
    let blankPage = folder.appendingPathComponent("blank.html")
    try "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>blank</title></head><body></body></html>\n"
      .write(to: blankPage, atomically: true, encoding: .utf8)
    // A4 at 96 dpi is 794 × 1123 px; the top 280 px hold the cover's title and first facts.
    func shot(_ url: URL, _ name: String, height: Int) throws -> Data {
      let png = folder.appendingPathComponent(name)
      let run = try Chromium.run(
        ["--screenshot=\(png.path)", "--window-size=794,\(height)", url.absoluteString], in: folder)
      #expect(!run.timedOut && run.status == 0)
      return try #require(FileManager.default.contents(atPath: png.path), "chromium wrote no \(name)")
    }
    let full = try shot(page, "page.png", height: 1123)
    let top = try shot(page, "top.png", height: 280)
    let blankFull = try shot(blankPage, "blank.png", height: 1123)
    let blankTop = try shot(blankPage, "blank-top.png", height: 280)
    #expect(Chromium.pngSize(full).map { $0.width == 794 && $0.height == 1123 } == true)
    // A single-colour image compresses to almost nothing; text and rules make it many times larger.
    #expect(full.count > blankFull.count * 5, "page \(full.count) B vs blank \(blankFull.count) B")
    #expect(top.count > blankTop.count * 5, "top \(top.count) B vs blank \(blankTop.count) B")
    if let keep = ProcessInfo.processInfo.environment["APPRAISE_KEEP_HTML"], !keep.isEmpty {
      try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
      try full.write(to: URL(fileURLWithPath: keep + "/print-first-page.png"))
    }
  }
}
