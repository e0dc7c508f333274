import AppraisalModel
import AppraiseKit
import ArgumentParser
import EvidenceParsers
import Foundation

/// `appraise plan FILE`: the smallest set of practice improvements that reaches a target, checked by
/// rating the appraisal again with the plan carried out.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "List the smallest set of practice improvements that reaches a maturity or capability level.",
    discussion: """
      For each goal the target needs that is not Satisfied, the practices that block it and, per \
      instantiation, what to do: the weaknesses to close, the artifacts and affirmations missing; then the \
      scope changes, data-coverage shortfalls and team judgments outstanding. Items are ordered by what \
      each unblocks (goal → area → level). The plan is carried out on a copy of the appraisal and rated \
      again: the report says whether the target is then reached (docs/plan.md). Exit status 0 when a plan \
      is printed, also when the target is reached already.

      Examples:
        appraise plan fixtures/company-a/after.xml --target 'CL 1'
        appraise plan fixtures/company-a/before.xml --target cl1 --areas SCON,SSD --format markdown
        appraise plan evidence.xml --target 'ML 2' --output plan.xlsx
      """)

  @Argument(help: "The appraisal's evidence file (.xml, .json, .csv or .xlsx).")
  var file: String

  @Option(
    help: ArgumentHelp(
      "The target: ML 2–5 or CL 1–3 ('ML 2', 'ml2', 'CL 1', 'cl1'; default: the appraisal's own target).",
      valueName: "level"))
  var target: String?

  @Option(
    help: ArgumentHelp(
      "With a CL target: the process areas, comma-separated (default: the areas the appraisal rates).",
      valueName: "areas"))
  var areas: String?

  @Option(help: "Output format: text, markdown, csv, json or xlsx (default: from --output's extension, else text).")
  var format: PlanFormat?

  @Option(name: .shortAndLong, help: "Write the plan to this file (atomically) instead of standard output.")
  var output: String?

  @Option(help: "A catalog file (default: the bundled CMMI-SVC V1.3).")
  var catalog: String?

  var resolvedFormat: PlanFormat { format ?? output.flatMap(PlanFormat.init(outputPath:)) ?? .text }

  /// `--target` read, `nil` when not given.
  var parsedTarget: PlanTarget? { target.flatMap(PlanTarget.init(parsing:)) }

  func validate() throws {
    if let target, PlanTarget(parsing: target) == nil {
      throw ValidationError("--target '\(target)' is not a target; expected \(PlanTarget.accepted)")
    }
    if areas != nil {
      guard case .capabilityLevel = parsedTarget else {
        throw ValidationError(
          "--areas needs a capability-level target (--target 'CL N')"
            + (target.map { "; --target '\($0)' is a maturity level, which needs every area at or below it" } ?? ""))
      }
    }
    if format == nil, let output, let unclaimed = PlanFormat.unclaimedExtension(outputPath: output) {
      throw ValidationError(
        "--output \(output): plan writes no \(unclaimed) files; expected one of \(PlanFormat.extensions), "
          + "or name the format with --format " + PlanFormat.allCases.map(\.rawValue).joined(separator: "|"))
    }
  }

  func run() throws {
    try MethodCheck.requireSCAMPI([file], for: "appraise plan")
    if resolvedFormat.isBinary {
      try OutputFile.refuseTerminal(
        output, because: "--format \(resolvedFormat.rawValue) is binary", fileExtension: resolvedFormat.rawValue)
    }
    let (loadedCatalog, catalogDigest) = try exitOnFailure { try AppraisalPipeline.loadCatalog(path: catalog) }
    let planTarget = try resolveAreas(in: loadedCatalog)
    if let output {
      try OutputFile.refuse(output, ifOneOf: AppraisalPipeline.inputFiles([file], catalogPath: catalog))
    }
    let loaded = try Timings.measure("read and validate") {
      try exitOnFailure { try AppraisalPipeline.read(path: file, catalog: loadedCatalog) }
    }
    for warning in loaded.warnings { printError(warning.description) }
    let report = Timings.measure("plan") {
      AppraisalPipeline.plan(loaded, target: planTarget, catalog: loadedCatalog, catalogDigest: catalogDigest)
    }
    let rendered: RenderedReport
    do {
      rendered = try report.render(resolvedFormat)
    } catch {
      printError("cannot write \(output ?? "the workbook"): \(error)")
      throw ExitStatus.cannotCreate
    }
    if let output { try OutputFile.writeOrExit(rendered, to: output) } else { try Console.output(rendered) }
  }

  /// The target with `--areas` checked against the catalog (any case; an unknown one is a usage error
  /// naming the closest id).
  private func resolveAreas(in catalog: Catalog) throws -> PlanTarget? {
    guard let areas, case .capabilityLevel(let level, _) = parsedTarget else { return parsedTarget }
    var ids: [String] = []
    for name in areas.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
      guard let area = catalog.processArea(ignoringCase: name) else {
        let hint = catalog.closestProcessAreaID(to: name).map { " (did you mean \($0)?)" } ?? ""
        throw ValidationError(
          "--areas: unknown process area '\(name)'\(hint); the catalog has "
            + catalog.processAreas.map(\.id).joined(separator: ", "))
      }
      ids.append(area.id)
    }
    if ids.isEmpty { throw ValidationError("--areas names no process area") }
    return .capabilityLevel(level, areas: ids)
  }
}
