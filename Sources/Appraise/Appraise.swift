import ArgumentParser

/// The `appraise` command: subcommands only; every decision lives in the library targets.
@main
struct Appraise: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "appraise",
    abstract: "SCAMPI-style gap analysis against CMMI process models (default: CMMI for Services V1.3).",
    discussion: """
      Rates an organization's process evidence the way a SCAMPI appraisal team would: practices are \
      characterized per instantiation (FI/LI/PI/NI/NY), aggregated to the organizational unit, and goals, \
      process areas and maturity or capability levels follow. Results are a gap analysis, not an official \
      SCAMPI A benchmark rating.

      Examples:
        appraise compare fixtures/company-a/before.xml fixtures/company-a/after.xml
        appraise rate fixtures/company-a/after.json --format html --output after.html
        appraise validate my-evidence.csv
        appraise catalog SCON
      """,
    version: "0.1.0",
    subcommands: [RateCommand.self, CompareCommand.self, ValidateCommand.self, ImportCommand.self, CatalogCommand.self]
  )
}
