import Foundation

/// Checks that need tools beyond the Swift toolchain and libxml2 (Python packages) run when the tools
/// are there and are skipped, with the reason printed, when they are not. `.ci/run` installs the tools and
/// sets `APPRAISE_REQUIRE_ALL_CHECKS=1`, which makes such checks run (and fail) even without them, so CI
/// can never pass by skipping.
public enum OptionalTools {
  public static let required = ProcessInfo.processInfo.environment["APPRAISE_REQUIRE_ALL_CHECKS"] == "1"

  /// Whether `python3` can import every module in `modules`.
  public static func python(_ modules: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import " + modules.joined(separator: ", ")]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// Python's jsonschema and xmlschema, for scripts/check-schemas.py.
  public static let schemaPackages = required || python(["jsonschema", "xmlschema"])

  /// Python's openpyxl, for scripts/check-xlsx.py.
  public static let openpyxl = required || python(["openpyxl"])

  /// Whether `command` is on PATH.
  public static func command(_ command: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "command -v \"$0\"", command]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  /// Headless LibreOffice and poppler-utils, to render a workbook to PDF and read the pages.
  public static let libreOffice = required || ["soffice", "pdftotext", "pdftoppm"].allSatisfy(command)
}
