import AppraisalModel
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

    func isMet(by result: AppraisalResult) -> Bool {
      let goals = result.ratedProcessAreas.flatMap(\.goals)
      switch self {
      case .unsatisfied: return goals.contains { $0.value == .unsatisfied }
      case .notSatisfied: return goals.contains { $0.value != .satisfied }
      }
    }
  }

  var resolvedFormat: ReportFormat { format ?? output.flatMap(ReportFormat.init(outputPath:)) ?? .text }

  func renderer() -> any ReportRenderer {
    switch resolvedFormat {
    case .text:
      // Colour only on a terminal and never with NO_COLOR set (https://no-color.org).
      let terminal = output == nil && isatty(STDOUT_FILENO) == 1
      let allowed = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
      return TextRenderer(colour: colour || (terminal && allowed))
    case .markdown: return MarkdownRenderer()
    case .json: return JSONRenderer()
    case .csv: return CSVRenderer()
    case .html: return HTMLRenderer()
    }
  }

  /// The catalog and its digest (the bundled one is named by its repository path, so reports do not
  /// depend on where appraise is installed).
  func loadCatalog() throws -> (Catalog, InputDigest) {
    if let catalog {
      return (try readCatalog(catalog), try digest(role: "catalog", path: catalog))
    }
    let loaded = try readCatalog(nil)
    guard let path = BundledCatalog.path() else { throw ExitStatus.noInput }
    let full = try InputDigest(role: "catalog", path: path)
    return (
      loaded,
      InputDigest(
        role: "catalog", path: "(bundled) practice-catalogs/\(BundledCatalog.defaultFile)", sha256: full.sha256)
    )
  }

  /// Refuses an output path that names one of the inputs (``OutputFile/refuse(_:ifOneOf:)``); the bundled
  /// catalog counts as an input when it is used.
  func checkOutput(against inputs: [String]) throws {
    guard let output else { return }
    var candidates = inputs
    if catalog == nil, let bundled = BundledCatalog.path() { candidates.append(bundled) }
    try OutputFile.refuse(output, ifOneOf: candidates)
  }

  /// Writes the report to --output atomically (a temporary file beside it, then a rename) or to stdout.
  func emit(_ text: String) throws {
    guard let output else {
      FileHandle.standardOutput.write(Data(text.utf8))
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

/// Hashes an input, mapping failure to the missing-input status.
func digest(role: String, path: String) throws -> InputDigest {
  do {
    return try InputDigest(role: role, path: path)
  } catch {
    printError("cannot read \(path): \(error.localizedDescription)")
    throw ExitStatus.noInput
  }
}

/// Reads and validates an appraisal file; problems go to stderr and end the command (65/66).
func loadAppraisal(_ path: String, catalog: Catalog) throws -> AppraisalReader.Loaded {
  do {
    return try AppraisalReader.read(path: path, catalog: catalog, streaming: true)
  } catch {
    throw fail(error)
  }
}
