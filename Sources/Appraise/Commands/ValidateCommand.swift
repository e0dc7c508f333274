import AppraisalModel
import AppraiseKit
import ArgumentParser
import EvidenceParsers

/// `appraise validate FILE…`: checks evidence files against the catalog without rating them.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check evidence files and list every problem, without rating.",
    discussion: """
      Each problem is printed to standard error as FILE:LINE:COL: error: MESSAGE (or warning:). Valid files \
      are confirmed on standard output. Exit status: 0 all valid, 65 a file has errors, 66 a file is missing.

      Example:
        appraise validate fixtures/company-a/before.xml fixtures/company-a/after.csv
      """)

  @Argument(help: "Evidence files (.xml, .json, .csv or .xlsx).")
  var files: [String]

  @Option(help: "A catalog file (default: the bundled CMMI-SVC V1.3).")
  var catalog: String?

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one evidence file") }
  }

  func run() throws {
    let loaded = try exitOnFailure { try AppraisalPipeline.loadCatalog(path: catalog).catalog }
    var status: ExitCode = .success
    for file in files {
      let result: AppraisalReader.Loaded
      do {
        result = try AppraisalPipeline.read(path: file, catalog: loaded)
      } catch {
        // A missing file decides the status (66) over a file with errors (65).
        let code = fail(error)
        if status != ExitStatus.noInput { status = code }
        continue
      }
      for warning in result.warnings { printError(warning.description) }
      try Console.output(AppraisalPipeline.validSummary(result) + "\n")
    }
    if status != .success { throw status }
  }
}
