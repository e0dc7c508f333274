import AppraisalModel
import AppraiseKit
import ArgumentParser
import EvidenceParsers
import Foundation

/// `appraise template --output FILE.xlsx`: writes a PIID workbook for a team to fill in (docs/xlsx.md,
/// "The PIID template"), for a scope given as options or taken, with everything recorded, from an appraisal.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write a PIID workbook (.xlsx) to fill in: practices × instantiations per process area.",
    discussion: """
      The workbook has an Instructions sheet, the Settings (header, scope, disclosure facts), the Instantiations, \
      and one sheet per process area rated with a row for each practice rated in each instantiation, drop-down lists \
      for every closed vocabulary. Saved again, it is read by validate, rate and compare like any evidence file.

      With --from, the appraisal's header, scope, disclosure facts, instantiations, evidence, observations, \
      characterizations and decisions are all in the workbook; the other options change what they give. Without \
      --from, name the instantiations; the header values not given (id, name, organizational unit, date) and the \
      disclosure's team leader, sponsor, dates and report status are left empty for the team to fill in.

      Examples:
        appraise template --instantiation 'shop=Web shop:service' --instantiation 'portal=Portal' --output piid.xlsx
        appraise template --areas CAM,IRP,SD --representation staged --target-level 2 \\
          --instantiation 'ops=Operations:team:web' --date 2026-03-31 --output piid.xlsx
        appraise template --from fixtures/company-a/after.xml --output after.xlsx
      """)

  @Option(
    name: .shortAndLong, help: "The workbook to write (atomically), FILE.xlsx; - for standard output (not a terminal).")
  var output: String

  @Option(help: "A catalog file (default: the bundled CMMI-SVC V1.3).")
  var catalog: String?

  @Option(help: "An appraisal (.xml, .json, .csv or .xlsx) whose scope, instantiations and records fill the workbook.")
  var from: String?

  @Option(
    help: ArgumentHelp(
      "The process areas rated, comma-separated (default: every area; staged: those up to the target level).",
      valueName: "ids"))
  var areas: String?

  @Option(help: "staged or continuous (default: continuous).")
  var representation: TemplateRequest.Representation?

  @Option(help: "The maturity level (staged, 2–5; default 2) or capability level (continuous; default 1).")
  var targetLevel: Int?

  @Flag(help: "Leave out the model's additions (CMMI-SVC: SSD).")
  var noAdditions = false

  @Option(
    name: .customLong("instantiation"),
    help: ArgumentHelp(
      "A sampled unit, id=Name:kind[:subgroup] (kind: project, team, service or support-function; default service); repeatable.",
      valueName: "unit"))
  var instantiations: [String] = []

  @Option(help: "The appraisal's id.")
  var id: String?

  @Option(help: "The appraisal's name.")
  var name: String?

  @Option(help: "The organizational unit.")
  var organizationalUnit: String?

  @Option(help: "The appraisal's date, YYYY-MM-DD (default: an empty cell for the team to fill in).")
  var date: String?

  func validate() throws {
    try OutputFile.refuseTerminal(output, because: "the template is a binary .xlsx workbook")
    if output != "-", let suffix = OutputPath.fileExtension(output), suffix.lowercased() != ".xlsx",
      !OutputFile.isDevice(output)
    {
      throw ValidationError("--output \(output): the template is an .xlsx workbook; name the file FILE.xlsx")
    }
  }

  func run() throws {
    try MethodCheck.requireSCAMPI([from].compactMap { $0 }, for: "appraise template --from")
    let loaded = try exitOnFailure { try AppraisalPipeline.loadCatalog(path: catalog).catalog }
    if output != "-" {
      try OutputFile.refuse(
        output, ifOneOf: AppraisalPipeline.inputFiles([from].compactMap { $0 }, catalogPath: catalog))
    }
    var base: Appraisal?
    if let from {
      let read = try exitOnFailure { try AppraisalPipeline.readWhole(path: from, catalog: loaded) }
      for warning in read.warnings { printError(warning.description) }
      base = read.appraisal
    }
    let request = try request()
    let appraisal: Appraisal
    do throws(TemplateRequest.Failure) {
      appraisal = try request.appraisal(catalog: loaded, base: base)
    } catch {
      throw ValidationError(error.message)
    }
    let bytes: [UInt8]
    do {
      bytes = try PIIDTemplate.workbook(for: appraisal, catalog: loaded)
    } catch {
      printError("cannot write \(output == "-" ? "the workbook" : output): \(error.reason)")
      throw ExitStatus.cannotCreate
    }
    if output == "-" {
      try Console.output(.binary(bytes))
    } else {
      try OutputFile.writeOrExit(.binary(bytes), to: output)
    }
  }

  /// The options as a request; a malformed `--instantiation` is a usage error.
  private func request() throws -> TemplateRequest {
    var request = TemplateRequest()
    request.areas = areas.map { $0.split(separator: ",").map(\.trimmed).filter { !$0.isEmpty } }
    request.representation = representation
    request.targetLevel = targetLevel
    if noAdditions { request.includesAdditions = false }
    request.id = id
    request.name = name
    request.organizationalUnit = organizationalUnit
    request.date = date
    do throws(TemplateRequest.Failure) {
      request.instantiations = try instantiations.map { text throws(TemplateRequest.Failure) in
        try TemplateRequest.instantiation(parsing: text)
      }
    } catch {
      throw ValidationError(error.message)
    }
    return request
  }
}
