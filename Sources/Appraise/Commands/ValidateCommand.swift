import AppraisalModel
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

  @Argument(help: "Evidence files (.xml, .json or .csv).")
  var files: [String]

  @Option(help: "A catalog file (default: the bundled CMMI-SVC V1.3).")
  var catalog: String?

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one evidence file") }
  }

  func run() throws {
    let loaded = try readCatalog(catalog)
    var status: ExitCode = .success
    for file in files {
      let result: AppraisalReader.Loaded
      do {
        result = try AppraisalReader.read(path: file, catalog: loaded, streaming: true)
      } catch {
        printError(error.errorDescription ?? "\(error)")
        switch error {
        case .cannotOpen: status = ExitStatus.noInput
        case .invalid: if status != ExitStatus.noInput { status = ExitStatus.dataError }
        }
        continue
      }
      for warning in result.warnings { printError(warning.description) }
      let summary = result.appraisal
      try Console.output(
        "\(file): valid — \(summary.instantiations.count) instantiations, \(summary.evidenceCount) evidence items, "
          + "\(summary.observations.count) observations"
          + (result.warnings.isEmpty ? "" : ", \(result.warnings.count) warnings") + "\n")
    }
    if status != .success { throw status }
  }
}
