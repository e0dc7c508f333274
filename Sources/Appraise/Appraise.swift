import ArgumentParser

@main
struct Appraise: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "appraise", abstract: "SCAMPI-style gap analysis against CMMI process models.", version: "0.1.0")
}
