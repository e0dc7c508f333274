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

      A SCAMPI V1.3 appraisal and a CMMI V3.0 one (its file declares method="cmmi-3.0"), in either order, are \
      compared area by area through the derived V1.3 → V3.0 crosswalk: both sides' levels side by side and a \
      verdict per V3.0 practice area, every row labelled approximate (docs/cmmi-3.md, "Cross-version \
      comparison"); text, markdown, html, json or csv. --catalog names the V1.3 catalog there.

      Examples:
        appraise compare fixtures/company-a/before.xml fixtures/company-a/after.xml
        appraise compare fixtures/company-a/after.xml fixtures/cmmi3/services-gap.xml
      """)

  @Argument(help: "The appraisal before the change.")
  var before: String

  @Argument(help: "The appraisal after the change.")
  var after: String

  @OptionGroup var options: ReportOptions

  func run() throws {
    let methods = (
      try exitOnFailure { try AppraisalPipeline.method(of: before) },
      try exitOnFailure { try AppraisalPipeline.method(of: after) }
    )
    switch methods {
    case (.scampi13, .scampi13): break
    case (.cmmi30, .cmmi30):
      throw ValidationError(
        "both \(before) and \(after) are CMMI V3.0 appraisals; compare takes two SCAMPI V1.3 appraisals, or one "
          + "of each (rate each V3.0 appraisal on its own)")
    case (.scampi13, .cmmi30): return try runCrossVersion(v13: before, v3: after)
    case (.cmmi30, .scampi13): return try runCrossVersion(v13: after, v3: before)
    }
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

  /// A V1.3 appraisal beside a V3.0 one through the bundled crosswalk (labelled approximate).
  private func runCrossVersion(v13: String, v3: String) throws {
    let format = options.resolvedFormat
    guard ![.xlsx, .pdf].contains(format) else {
      throw ValidationError(
        "--format \(format.rawValue): a comparison across model versions is written as text, markdown, html, "
          + "json or csv")
    }
    let (catalog, catalogDigest) = try options.loadCatalog()
    try options.checkOutput(reading: [before, after])
    let old = try RateCommand.report(v13, role: "V1.3", catalog: catalog, catalogDigest: catalogDigest)
    let (structure, _) = try exitOnFailure { try AppraisalPipeline.loadStructureCatalog() }
    let loaded = try exitOnFailure { try AppraisalPipeline.readCMMI3(path: v3, catalog: structure, role: "V3.0") }
    for warning in loaded.warnings { printError(warning.description) }
    let units = (old.appraisal.header.organizationalUnit, loaded.appraisal.header.organizationalUnit)
    if units.0 != units.1 {
      printError("warning: the appraisals are of different organizational units: \(units.0) (V1.3), \(units.1) (V3.0)")
    }
    let crosswalk = try exitOnFailure { try ModelCrosswalkReader.loadBundled() }
    let result = CMMI3Rater.rate(loaded.appraisal, catalog: structure)
    let report = CrossVersionReport(
      comparison: CrossVersionComparison(
        v13: old.result, v3Appraisal: loaded.appraisal, v3: result, crosswalk: crosswalk, catalog: structure))
    guard let rendered = report.render(format: format, colour: options.colourOutput) else { return }
    try options.emit(rendered)
    if after == v3 {
      try options.checkFailOn(result, appraisal: after)
    } else {
      try options.checkFailOn(old.result, appraisal: after)
    }
  }
}
