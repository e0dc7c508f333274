import AppraisalModel
import AppraiseKit
import ArgumentParser
import EvidenceParsers

/// `appraise compare BEFORE AFTER`: the before/after table and what moved.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare two appraisals of the same unit: goals before and after, what moved and why.",
    discussion: """
      Prints the table of process areas × goals (Satisfied / Unsatisfied / Not Rated / N/A) before and after, \
      practice characterization transitions, weaknesses closed and new, capability and maturity level deltas, \
      and a warning when the two appraisals differ in unit, scope, sample or catalog, when BEFORE is dated \
      after AFTER, or when both are the same appraisal.

      Example:
        appraise compare fixtures/company-a/before.xml fixtures/company-a/after.xml
      """)

  @Argument(help: "The appraisal before the change.")
  var before: String

  @Argument(help: "The appraisal after the change.")
  var after: String

  @OptionGroup var options: ReportOptions

  func run() throws {
    let (catalog, catalogDigest) = try options.loadCatalog()
    try options.checkOutput(reading: [before, after])
    let printer = try options.printer()
    let old = try RateCommand.report(before, role: "before", catalog: catalog, catalogDigest: catalogDigest)
    let new = try RateCommand.report(after, role: "after", catalog: catalog, catalogDigest: catalogDigest)
    let report = AppraisalPipeline.compare(before: old, after: new)
    for warning in report.comparison.warnings { printError("warning: \(warning)") }
    try options.emit(options.render(report, printer: printer))
    try options.checkFailOn(new.result, appraisal: after)
  }
}
