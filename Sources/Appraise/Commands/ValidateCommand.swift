import AppraisalModel
import AppraiseKit
import ArgumentParser
import EvidenceParsers

/// `appraise validate FILE…`: checks evidence files against the catalog without rating them, and says how
/// ready each valid file is to be rated.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check evidence files and list every problem, without rating.",
    discussion: """
      Each problem is printed to standard error as FILE:LINE:COL: error: MESSAGE (or warning:). Valid files \
      are confirmed on standard output, each with a readiness summary: how many practice × instantiation \
      cells have artifacts and affirmations, one kind only, no evidence or a team value, and which goals \
      would be Not Rated. Readiness is information, not an error. Exit status: 0 all valid, 65 a file has \
      errors, 66 a file is missing.

      With --readiness (one FILE), the whole to-do list instead: every goal that would be Not Rated with \
      each reason, and every cell that lacks an artifact, an affirmation or both, as text, CSV or JSON \
      (docs/report-format.md).

      Examples:
        appraise validate fixtures/company-a/before.xml fixtures/company-a/after.csv
        appraise validate --readiness fixtures/company-a/before.xml --output todo.csv
      """)

  @Argument(help: "Evidence files (.xml, .json, .csv or .xlsx).")
  var files: [String]

  @Option(help: "A catalog file (default: the bundled CMMI-SVC V1.3).")
  var catalog: String?

  @Flag(help: "List everything that keeps the file from a full rating, instead of the summary (one FILE).")
  var readiness = false

  @Option(help: "With --readiness: text, csv or json (default: from --output's extension, else text).")
  var format: ReadinessFormat?

  @Option(name: .shortAndLong, help: "With --readiness: write the list to this file (atomically).")
  var output: String?

  var resolvedFormat: ReadinessFormat { format ?? output.flatMap(ReadinessFormat.init(outputPath:)) ?? .text }

  func validate() throws {
    if files.isEmpty { throw ValidationError("name at least one evidence file") }
    if !readiness {
      if format != nil { throw ValidationError("--format needs --readiness") }
      if output != nil { throw ValidationError("--output needs --readiness") }
      return
    }
    if files.count > 1 { throw ValidationError("--readiness takes one evidence file; \(files.count) were named") }
    if format == nil, let output, let unclaimed = ReadinessFormat.unclaimedExtension(outputPath: output) {
      throw ValidationError(
        "--output \(output): --readiness writes no \(unclaimed) files; expected one of "
          + ReadinessFormat.extensions + ", or name the format with --format "
          + ReadinessFormat.allCases.map(\.rawValue).joined(separator: "|"))
    }
  }

  func run() throws {
    if readiness {
      if try exitOnFailure({ try AppraisalPipeline.method(of: files[0]) }) == .cmmi30 {
        throw ValidationError(
          "--readiness lists SCAMPI V1.3 cells; \(files[0]) is a CMMI V3.0 appraisal (rate it: its report lists "
            + "every NY project value)")
      }
      return try runReadiness(catalog: try exitOnFailure { try AppraisalPipeline.loadCatalog(path: catalog).catalog })
    }
    // Each catalog is read when a file needs it: --catalog names a V1.3 catalog or a V3.0 structure catalog.
    var scampiCatalog: Catalog? = nil
    var structureCatalog: PracticeAreaCatalog? = nil
    var status: ExitCode = .success
    for file in files {
      do {
        if try AppraisalPipeline.method(of: file) == .cmmi30 {
          let structure = try structureCatalog ?? AppraisalPipeline.loadStructureCatalog(path: catalog).catalog
          structureCatalog = structure
          let loaded = try AppraisalPipeline.readCMMI3(path: file, catalog: structure)
          for warning in loaded.warnings { printError(warning.description) }
          try Console.output(AppraisalPipeline.validSummary(loaded, catalog: structure))
          continue
        }
      } catch let failure as ReadFailure {
        let code = fail(failure)
        if status != ExitStatus.noInput { status = code }
        continue
      }
      let loaded = try scampiCatalog ?? exitOnFailure { try AppraisalPipeline.loadCatalog(path: catalog).catalog }
      scampiCatalog = loaded
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
      // Counts only: listing every cell would cost time and memory on a large sample for nothing.
      let summary = AppraisalPipeline.readiness(result, catalog: loaded, listingCells: false).summary
      try Console.output(AppraisalPipeline.validSummary(result) + "\n" + summary)
    }
    if status != .success { throw status }
  }

  /// `--readiness`: the to-do list of the one file, to stdout or `--output`; an invalid file ends the
  /// command as without the flag (65/66) and writes nothing.
  private func runReadiness(catalog: Catalog) throws {
    let file = files[0]
    if let output {
      try OutputFile.refuse(output, ifOneOf: AppraisalPipeline.inputFiles(files, catalogPath: self.catalog))
    }
    let loaded = try exitOnFailure { try AppraisalPipeline.read(path: file, catalog: catalog) }
    for warning in loaded.warnings { printError(warning.description) }
    let text = AppraisalPipeline.readiness(loaded, catalog: catalog).render(resolvedFormat)
    if let output { try OutputFile.writeOrExit(text, to: output) } else { try Console.output(text) }
  }
}
