import AppraisalModel
import AppraiseKit
import ArgumentParser
import Foundation

/// Options shared by `rate` and `compare`.
struct ReportOptions: ParsableArguments {
  @Option(
    help:
      "Output format: text, markdown, json, csv, html, xlsx or pdf (default: from --output's extension, else text; pdf needs Chromium)."
  )
  var format: ReportFormat?

  @Option(
    name: [.customShort("o"), .customLong("output")],
    help: "Write the report to this file (atomically) instead of standard output; - is standard output.")
  var outputOption: String?

  /// The file to write, `nil` for standard output (no `--output`, or `--output -`).
  var output: String? { outputOption == "-" ? nil : outputOption }

  @Option(help: "A catalog file (default: the bundled CMMI-SVC V1.3).")
  var catalog: String?

  @Option(
    help: ArgumentHelp(
      "Exit with status 1 when the (after) appraisal has goals that are: unsatisfied, or not-satisfied (Unsatisfied or Not Rated).",
      valueName: "condition"))
  var failOn: FailCondition?

  @Flag(help: "Colour the text report even when standard output is not a terminal.")
  var colour = false

  @Option(
    help: ArgumentHelp(
      "Per-instantiation detail: full (every practice × instantiation value), summary (counts per practice) or auto (full up to \(ReportDetail.automaticLimit) instantiations).",
      valueName: "level"))
  var detail: ReportDetail.Choice = .auto

  @Option(
    help: ArgumentHelp(
      "Paper for --format pdf: a4 or letter (default: a4); a usage error with any other format.", valueName: "size"))
  var paper: PrintSettings.Paper?

  var resolvedFormat: ReportFormat { format ?? output.flatMap(ReportFormat.init(outputPath:)) ?? .text }

  /// Whether the text report is coloured: on a terminal, never with NO_COLOR set (https://no-color.org).
  /// Whether text output is coloured (a terminal, no `NO_COLOR`, or `--colour`).
  var colourOutput: Bool { coloured }

  private var coloured: Bool {
    let terminal = output == nil && isatty(STDOUT_FILENO) == 1
    return colour || (terminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
  }

  func validate() throws {
    if let paper, resolvedFormat != .pdf {
      throw ValidationError(
        "--paper \(paper.rawValue) is for --format pdf only; the report is \(resolvedFormat.rawValue)")
    }
  }

  /// For `--format pdf`, the Chromium that will print it, found before any input is read so a missing one
  /// fails at once (69); `nil` for every other format.
  func printer() throws -> ChromiumPrinter? {
    guard resolvedFormat == .pdf else { return nil }
    do {
      return try ChromiumPrinter.locate()
    } catch {
      printError("cannot print the PDF: \(error)")
      throw ExitStatus.unavailable
    }
  }

  /// The rate report in the chosen format, `--paper` and colour.
  func render(_ report: RateReport, printer: ChromiumPrinter?) throws -> RenderedReport {
    try render { () throws(RenderFailure) in
      try AppraisalPipeline.render(
        report, format: resolvedFormat, colour: coloured, paper: paper ?? .a4, printer: printer)
    }
  }

  /// The compare report in the chosen format, `--paper` and colour.
  func render(_ report: CompareReport, printer: ChromiumPrinter?) throws -> RenderedReport {
    try render { () throws(RenderFailure) in
      try AppraisalPipeline.render(
        report, format: resolvedFormat, colour: coloured, paper: paper ?? .a4, printer: printer)
    }
  }

  /// The CMMI V3.0 report in the chosen format, `--paper` and colour.
  func render(_ report: CMMI3Report, printer: ChromiumPrinter?) throws -> RenderedReport {
    try render { () throws(RenderFailure) in
      try AppraisalPipeline.render(
        report, format: resolvedFormat, colour: coloured, paper: paper ?? .a4, printer: printer)
    }
  }

  /// What `render` returns; a workbook that cannot be written ends the command (73), a missing Chromium
  /// (69), a Chromium that printed no PDF (70).
  private func render(_ render: () throws(RenderFailure) -> RenderedReport) throws -> RenderedReport {
    do {
      return try render()
    } catch .workbook(let failure) {
      printError("cannot write \(output ?? "the workbook"): \(failure.reason)")
      throw ExitStatus.cannotCreate
    } catch .print(let failure) {
      printError("cannot print the PDF: \(failure)")
      if case .notFound = failure { throw ExitStatus.unavailable }
      throw ExitStatus.software
    }
  }

  /// The catalog and the digest of the bytes it was read from; a failure ends the command (65/66).
  func loadCatalog() throws -> (Catalog, InputDigest) {
    try exitOnFailure { try AppraisalPipeline.loadCatalog(path: catalog) }
  }

  /// Refuses an output path that names one of the report's inputs (``OutputFile/refuse(_:ifOneOf:)``,
  /// ``AppraisalPipeline/inputFiles(_:catalogPath:others:)``), then one whose extension no format writes.
  func checkOutput(reading files: [String], viewMapping: String? = nil) throws {
    if resolvedFormat.isBinary {
      try OutputFile.refuseTerminal(
        output, because: "--format \(resolvedFormat.rawValue) is binary", fileExtension: resolvedFormat.rawValue)
    }
    guard let output else { return }
    try OutputFile.refuse(
      output, ifOneOf: AppraisalPipeline.inputFiles(files, catalogPath: catalog, others: [viewMapping]))
    try checkOutputFormat()
  }

  /// Refuses an `--output` whose extension no format claims (`report.ods`, `report.pdf`) unless
  /// `--format` says what to write: the file would otherwise hold a text report under a misleading name.
  func checkOutputFormat() throws {
    guard format == nil, let output, let unclaimed = ReportFormat.unclaimedExtension(outputPath: output) else { return }
    throw ValidationError(
      "--output \(output): no report format writes \(unclaimed) files; expected one of "
        + ReportFormat.extensions + ", or name the format with --format "
        + ReportFormat.allCases.map(\.rawValue).joined(separator: "|"))
  }

  /// Writes the report to --output atomically (``OutputFile/writeOrExit(_:to:)``) or to stdout (a failure
  /// there is ``Console/WriteFailure``, exit 74).
  func emit(_ report: RenderedReport) throws {
    if let output { try OutputFile.writeOrExit(report, to: output) } else { try Console.output(report) }
  }

  /// Exits with status 1, naming on stderr the goals that tripped `--fail-on`, when the rating of
  /// `appraisal` meets it.
  func checkFailOn(_ result: AppraisalResult, appraisal: String) throws {
    guard let failure = failOn?.failure(in: result, appraisal: appraisal) else { return }
    printError(failure)
    throw ExitCode(1)
  }

  /// The same gate over a V3 rating's practice groups.
  func checkFailOn(_ result: CMMI3Result, appraisal: String) throws {
    guard let failure = failOn?.failure(in: result, appraisal: appraisal) else { return }
    printError(failure)
    throw ExitCode(1)
  }
}
