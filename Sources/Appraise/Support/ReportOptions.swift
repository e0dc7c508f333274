import AppraisalModel
import AppraiseKit
import ArgumentParser
import EvidenceParsers
import Foundation

/// Options shared by `rate` and `compare`.
struct ReportOptions: ParsableArguments {
  @Option(help: "Output format: text, markdown, json, csv or html (default: from --output's extension, else text).")
  var format: ReportFormat?

  @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

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
  var detail: DetailChoice = .auto

  enum DetailChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, full, summary
    var level: ReportDetail? { ReportDetail(rawValue: rawValue) }
  }

  enum FailCondition: String, ExpressibleByArgument, CaseIterable {
    case unsatisfied
    case notSatisfied = "not-satisfied"

    /// The goals that meet the condition, as `AREA GOAL` (`SCON SG 2`).
    func trippingGoals(in result: AppraisalResult) -> [String] {
      result.ratedProcessAreas.flatMap { area in
        area.goals.filter { goal in
          switch self {
          case .unsatisfied: goal.value == .unsatisfied
          case .notSatisfied: goal.value != .satisfied
          }
        }.map { "\(area.processArea) \($0.goal)" }
      }
    }

    /// Exits with status 1, naming on stderr the goals that tripped the condition, when it is met.
    func check(_ result: AppraisalResult, appraisal: String) throws {
      let goals = trippingGoals(in: result)
      guard !goals.isEmpty else { return }
      let listed = goals.count > 20 ? goals.prefix(20).joined(separator: ", ") + ", …" : goals.joined(separator: ", ")
      printError(
        "--fail-on \(rawValue): \(goals.count) goal\(goals.count == 1 ? "" : "s") of \(appraisal) "
          + "\(self == .unsatisfied ? "unsatisfied" : "not satisfied"): \(listed)")
      throw ExitCode(1)
    }
  }

  var resolvedFormat: ReportFormat { format ?? output.flatMap(ReportFormat.init(outputPath:)) ?? .text }

  func renderer() -> any ReportRenderer {
    // Colour only on a terminal and never with NO_COLOR set (https://no-color.org).
    let terminal = output == nil && isatty(STDOUT_FILENO) == 1
    let allowed = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    return AppraisalPipeline.renderer(for: resolvedFormat, colour: colour || (terminal && allowed))
  }

  /// The catalog and the digest of the bytes it was read from (the bundled one is named by its repository
  /// path, so reports do not depend on where appraise is installed).
  func loadCatalog() throws -> (Catalog, InputDigest) {
    do throws(ReadFailure) {
      return try AppraisalPipeline.loadCatalog(path: catalog)
    } catch {
      throw fail(error)
    }
  }

  /// Refuses an output path that names one of the inputs (``OutputFile/refuse(_:ifOneOf:)``; the bundled
  /// catalog counts as an input when it is used), then one whose extension no format writes.
  func checkOutput(against inputs: [String]) throws {
    guard let output else { return }
    var candidates = inputs
    if catalog == nil, let bundled = BundledCatalog.path() { candidates.append(bundled) }
    try OutputFile.refuse(output, ifOneOf: candidates)
    try checkOutputFormat()
  }

  /// Refuses an `--output` whose extension no format claims (`report.xlsx`, `report.pdf`) unless
  /// `--format` says what to write: the file would otherwise hold a text report under a misleading name.
  func checkOutputFormat() throws {
    guard format == nil, let output, ReportFormat(outputPath: output) == nil else { return }
    let name = output.split(separator: "/").last.map(String.init) ?? output
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return }
    throw ValidationError(
      "--output \(output): no report format writes \(name[dot...]) files; expected one of "
        + ReportFormat.extensions + ", or name the format with --format "
        + ReportFormat.allCases.map(\.rawValue).joined(separator: "|"))
  }

  /// Writes the report to --output atomically (a temporary file beside it, then a rename) or to stdout
  /// (a failure there is ``Console/WriteFailure``, exit 74).
  func emit(_ text: String) throws {
    guard let output else {
      try Console.output(text)
      return
    }
    do {
      try OutputFile.write(text, to: output)
    } catch {
      printError("cannot write \(output): \(error.localizedDescription)")
      throw ExitStatus.cannotCreate
    }
  }
}

/// Reads and validates an appraisal file; problems go to stderr and end the command (65/66).
func loadAppraisal(_ path: String, catalog: Catalog) throws -> AppraisalReader.Loaded {
  do {
    return try AppraisalPipeline.read(path: path, catalog: catalog)
  } catch {
    throw fail(error)
  }
}
