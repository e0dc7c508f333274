import Foundation
import TestSupport
import Testing

/// `--format xlsx` end to end on the binary: the workbook is written atomically and is the same bytes on
/// every run; openpyxl finds the sheets and values docs/xlsx.md promises (scripts/check-xlsx.py, against
/// the JSON report of the same appraisal); headless LibreOffice renders it. The last two skip, with the
/// reason, where openpyxl or LibreOffice is missing (`.ci/run` installs both).
@Suite("XLSX reports, end to end")
struct XLSXReportTests {
  static let before = "fixtures/company-a/before.xml"
  static let after = "fixtures/company-a/after.xml"

  /// A scratch folder, removed afterwards.
  final class Folder {
    let path: String
    init() throws {
      path = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-xlsx-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func files() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
    func file(_ name: String) -> String { path + "/" + name }
  }

  static let commands: [(name: String, arguments: [String])] = [
    ("rate", ["rate", after]), ("compare", ["compare", before, after]),
  ]
  /// With the summary too: per practice the count of each value instead of a column per instantiation.
  static let checked =
    commands + [
      ("rate", ["rate", after, "--detail", "summary"]), ("rate", ["rate", after, "--view", "itil", "--itil", "v3"]),
      // Control characters everywhere: escaped in cells and document properties, the workbook still opens.
      ("rate", ["rate", "fixtures/hostile/control-characters.json"]),
      // A CMMI V3.0 appraisal's report: its own sheets.
      ("cmmi3", ["rate", "fixtures/cmmi3/services-gap.xml"]),
    ]

  /// Writes the workbook of `arguments` to `folder/name` and returns its bytes.
  static func workbook(_ arguments: [String], _ folder: Folder, _ name: String, _ extra: [String] = []) throws -> Data {
    let run = try AppraiseRunner.run(arguments + ["--output", folder.file(name)] + extra)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    return try Data(contentsOf: URL(fileURLWithPath: folder.file(name)))
  }

  @Test("a .xlsx output is a workbook, the same bytes on every run and with --format xlsx; nothing else is left")
  func deterministic() throws {
    let folder = try Folder()
    for command in Self.commands {
      let first = try Self.workbook(command.arguments, folder, "\(command.name)-1.xlsx")
      let second = try Self.workbook(command.arguments, folder, "\(command.name)-2.xlsx")
      let named = try Self.workbook(command.arguments, folder, "\(command.name)-3.bin", ["--format", "xlsx"])
      #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]), "not a ZIP container")
      #expect(first == second, "\(command.name): two runs differ")
      #expect(first == named)
    }
    #expect(
      folder.files() == [
        "compare-1.xlsx", "compare-2.xlsx", "compare-3.bin", "rate-1.xlsx", "rate-2.xlsx", "rate-3.bin",
      ])
  }

  @Test("xlsx goes to a pipe as it goes to a file; on a terminal it is a usage error (64)")
  func standardOutput() throws {
    let folder = try Folder()
    let file = try Self.workbook(["rate", Self.after], folder, "r.xlsx")
    let pipe = Pipe()
    let piped = try AppraiseRunner.run(["rate", Self.after, "--format", "xlsx"], standardOutput: pipe)
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(pipe.fileHandleForReading.readDataToEndOfFile() == file)
    // `script` gives the command a terminal as standard output.
    guard OptionalTools.command("script") else { return }
    let terminal = try AppraiseRunner.run(
      ["-qec", "\(AppraiseRunner.executable.path) rate \(Self.after) --format xlsx", "/dev/null"],
      executable: URL(fileURLWithPath: "/usr/bin/script"))
    #expect(terminal.status == 64)
    #expect(terminal.stdout.contains("--format xlsx is binary, not for a terminal: use --output FILE.xlsx"))
    // A terminal named as the output file is refused the same way (the template command shares the check).
    let named = try AppraiseRunner.run(
      ["-qec", "\(AppraiseRunner.executable.path) rate \(Self.after) --format xlsx --output /dev/tty", "/dev/null"],
      executable: URL(fileURLWithPath: "/usr/bin/script"))
    #expect(named.status == 64)
    #expect(named.stdout.contains("--output /dev/tty is a terminal; --format xlsx is binary"))
  }

  @Test("a workbook that cannot be written is exit 73 and leaves nothing")
  func unwritable() throws {
    let folder = try Folder()
    let run = try AppraiseRunner.run(["rate", Self.after, "--output", folder.file("missing/r.xlsx")])
    #expect(run.status == 73)
    #expect(run.stderr.contains("cannot write \(folder.file("missing/r.xlsx")): cannot create a file in"))
    #expect(folder.files().isEmpty)
  }

  #if os(Linux)
    /// glibc's loader names every library it opens under `LD_DEBUG=libs` (on standard error).
    @Test("libxlsxwriter is loaded when a workbook is written, not when the command starts")
    func loadedWhenUsed() throws {
      let folder = try Folder()
      let version = try AppraiseRunner.run(["--version"], environment: ["LD_DEBUG": "libs"])
      #expect(version.status == 0)
      #expect(version.stderr.contains("libxml2"), "LD_DEBUG gave no trace: \(version.stderr.prefix(300))")
      #expect(!version.stderr.contains("libxlsxwriter"))
      #expect(!version.stderr.contains("libcrypto"))
      let text = try AppraiseRunner.run(["rate", Self.after], environment: ["LD_DEBUG": "libs"])
      #expect(text.status == 0)
      #expect(!text.stderr.contains("libxlsxwriter"))
      let workbook = try AppraiseRunner.run(
        ["rate", Self.after, "--output", folder.file("r.xlsx")], environment: ["LD_DEBUG": "libs"])
      #expect(workbook.status == 0)
      #expect(workbook.stderr.contains("find library=libxlsxwriter.so"))
      #expect(folder.files() == ["r.xlsx"])
    }
  #endif

  @Test(
    "openpyxl finds every sheet a table, and the ratings, heat-map cells and transitions of the JSON report",
    .enabled(if: OptionalTools.openpyxl, "python3 with openpyxl not installed: pip install openpyxl"))
  func openpyxl() throws {
    let folder = try Folder()
    for command in Self.checked {
      _ = try Self.workbook(command.arguments, folder, "\(command.name).xlsx")
      let json = try AppraiseRunner.run(command.arguments + ["--format", "json", "--output", folder.file("r.json")])
      #expect(json.status == 0)
      let check = try AppraiseRunner.run(
        [
          "python3", AppraiseRunner.root.appendingPathComponent("scripts/check-xlsx.py").path, command.name,
          folder.file("\(command.name).xlsx"), folder.file("r.json"),
        ], executable: URL(fileURLWithPath: "/usr/bin/env"))
      #expect(check.status == 0, "scripts/check-xlsx.py \(command.name):\n\(check.stdout)\(check.stderr)")
      #expect(check.stdout.contains("ok: "))
    }
  }

  @Test(
    "headless LibreOffice renders the workbook: the pages show the sheets, ratings and codes",
    .enabled(
      if: OptionalTools.libreOffice,
      "LibreOffice or poppler-utils not installed: apt-get install -y libreoffice-calc-nogui poppler-utils"))
  func libreOffice() throws {
    let folder = try Folder()
    for command in Self.commands {
      _ = try Self.workbook(command.arguments, folder, "\(command.name).xlsx")
      let convert = try AppraiseRunner.run(
        [
          "soffice", "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf",
          "--outdir", folder.path, folder.file("\(command.name).xlsx"),
        ], executable: URL(fileURLWithPath: "/usr/bin/env"), timeout: 180)
      #expect(convert.status == 0, "\(convert.stderr)")
      let text = try AppraiseRunner.run(
        ["pdftotext", "-layout", folder.file("\(command.name).pdf"), "-"],
        executable: URL(fileURLWithPath: "/usr/bin/env"))
      #expect(text.status == 0)
      for expected in ["Section", "SCAMPI-style characterization for gap analysis", "Satisfied", "Unsatisfied", "SG 2"]
      {
        #expect(text.stdout.contains(expected), "\(command.name).pdf has no \(expected)")
      }
      #expect(text.stdout.contains(command.name == "rate" ? "OU basis" : "CL before"))
      let image = try AppraiseRunner.run(
        [
          "pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", folder.file("\(command.name).pdf"), folder.file("page"),
        ],
        executable: URL(fileURLWithPath: "/usr/bin/env"))
      #expect(image.status == 0)
      #expect(folder.files().contains { $0.hasPrefix("page") && $0.hasSuffix(".png") })
    }
  }
}
