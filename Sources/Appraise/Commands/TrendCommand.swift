import AppraisalModel
import AppraiseKit
import ArgumentParser
import Foundation

/// `appraise trend A B C …`: how ratings and findings moved over a series of appraisals of one unit.
struct TrendCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trend",
    abstract: "Follow one unit over several appraisals: goals, levels, practices and findings over time.",
    discussion: """
      Puts the appraisals in order of their date (equal dates keep the order given; the report says when it \
      reordered them) and shows per process area and goal the rating at each appraisal, the capability \
      levels (and maturity level or equivalent staging), the practices whose characterization changed, and \
      the weaknesses followed by identity (the same id, else the same practice and text but for case, \
      spacing and punctuation): opened, recurring, closed, regressed (closed once, then back) and reworded. \
      Warns when neighbouring appraisals differ in unit, scope, target, sample or catalog.

      Example:
        appraise trend fixtures/company-a/before.xml fixtures/company-a/after.xml fixtures/company-a/later.xml
      """)

  @Argument(help: "Two or more appraisals of the same unit, in any order.")
  var files: [String]

  @Option(
    help:
      "Output format: text, markdown, json, csv, html or xlsx (default: from --output's extension, else text)."
  )
  var format: ReportFormat?

  @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

  @Option(help: "A catalog file (default: the bundled CMMI-SVC V1.3).")
  var catalog: String?

  @Flag(help: "Colour the text report even when standard output is not a terminal.")
  var colour = false

  var resolvedFormat: ReportFormat { format ?? output.flatMap(ReportFormat.init(outputPath:)) ?? .text }

  func validate() throws {
    guard files.count >= 2 else {
      throw ValidationError("a trend needs at least two appraisals; got \(files.count)")
    }
    if resolvedFormat == .pdf {
      throw ValidationError("trend writes text, markdown, json, csv, html or xlsx; it has no pdf layout")
    }
  }

  func run() throws {
    try MethodCheck.requireSCAMPI(files, for: "appraise trend")
    let (catalog, catalogDigest) = try exitOnFailure { try AppraisalPipeline.loadCatalog(path: self.catalog) }
    try checkOutput()
    var reports: [RateReport] = []
    for (index, file) in files.enumerated() {
      reports.append(
        try RateCommand.report(
          file, role: "appraisal \(index + 1)", catalog: catalog, catalogDigest: catalogDigest, detail: .summary))
    }
    let report = AppraisalPipeline.trend(reports)
    if report.trend.reordered { printError("note: the appraisals were put in date order") }
    for warning in report.trend.warnings {
      printError("warning: \(report.step(warning.from, warning.to)): \(warning.text)")
    }
    let rendered: RenderedReport?
    do {
      rendered = try AppraisalPipeline.render(report, format: resolvedFormat, colour: coloured)
    } catch {
      printError("cannot write \(output ?? "the workbook"): \(error)")
      throw ExitStatus.cannotCreate
    }
    guard let rendered else { throw ValidationError("trend has no \(resolvedFormat.rawValue) layout") }
    if let output { try OutputFile.writeOrExit(rendered, to: output) } else { try Console.output(rendered) }
  }

  /// Whether the text report is coloured: on a terminal, never with NO_COLOR set (https://no-color.org).
  private var coloured: Bool {
    let terminal = output == nil && isatty(STDOUT_FILENO) == 1
    return colour || (terminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
  }

  /// Like `rate` and `compare`: xlsx never to a terminal, an output never one of the inputs, an output
  /// extension no format claims only with --format.
  private func checkOutput() throws {
    if resolvedFormat.isBinary {
      try OutputFile.refuseTerminal(
        output, because: "--format \(resolvedFormat.rawValue) is binary", fileExtension: resolvedFormat.rawValue)
    }
    guard let output else { return }
    try OutputFile.refuse(output, ifOneOf: AppraisalPipeline.inputFiles(files, catalogPath: catalog))
    guard format == nil, let unclaimed = ReportFormat.unclaimedExtension(outputPath: output) else { return }
    throw ValidationError(
      "--output \(output): no report format writes \(unclaimed) files; expected one of "
        + ReportFormat.extensions + ", or name the format with --format text|markdown|json|csv|html|xlsx")
  }
}
