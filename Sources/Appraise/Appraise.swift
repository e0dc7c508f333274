import AppraiseKit
import ArgumentParser
import Foundation

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
        appraise plan fixtures/company-a/after.xml --target 'CL 1'
        appraise validate my-evidence.csv
        appraise template --instantiation 'shop=Web shop:service' --output piid.xlsx
        appraise catalog SCON
      """,
    version: ToolIdentity.version,
    subcommands: [
      RateCommand.self, CompareCommand.self, PlanCommand.self, ValidateCommand.self, TemplateCommand.self,
      ImportCommand.self, CatalogCommand.self, TrendCommand.self,
    ]
  )

  /// Parses, runs, and maps every outcome to an exit status (README, "Exit codes"). Unlike the parser's
  /// own `main()`, every write is checked (``Console``), an interrupted report write leaves no temporary
  /// file (``OutputFile``), and a usage error found after parsing shows the subcommand's usage.
  static func main() {
    Console.prepare()
    OutputFile.installSignalHandlers()
    if let status = answerVersionRequest() { terminate(status) }
    var command: ParsableCommand?
    var status: Int32
    do {
      var parsed = try parseAsRoot()
      command = parsed
      try parsed.run()
      status = 0
    } catch {
      status = exitStatus(for: error, in: command)
    }
    if status == 0 && Console.lostDiagnostics { status = ExitStatus.ioError.rawValue }
    terminate(status)
  }

  /// `appraise --version` alone is answered before the argument parser is built: the parser's first use
  /// reflects over every command and looks up protocol conformances across the whole static binary, which
  /// is most of the start-up (docs/performance.md, "Start-up"). Same output and exit status as the parser's
  /// own `--version`; `nil` for any other command line.
  static func answerVersionRequest() -> Int32? {
    // argc/argv, not `CommandLine.arguments`: building that array of strings costs as much again.
    guard CommandLine.argc == 2, let argument = CommandLine.unsafeArgv[1], strcmp(argument, "--version") == 0 else {
      return nil
    }
    do {
      try Console.output(ToolIdentity.version + "\n")
    } catch {
      printError(error.description)
      return ExitStatus.ioError.rawValue
    }
    return Console.lostDiagnostics ? ExitStatus.ioError.rawValue : 0
  }

  /// Prints what `error` means for the user and returns the exit status.
  static func exitStatus(for error: Error, in command: ParsableCommand?) -> Int32 {
    if let failure = error as? Console.WriteFailure {
      printError(failure.description)
      return ExitStatus.ioError.rawValue
    }
    if let code = error as? ExitCode { return code.rawValue }
    if let validation = error as? ValidationError, let command {
      let subcommand = type(of: command)
      let name = ([configuration.commandName ?? "appraise"] + commandPath(to: subcommand)).joined(separator: " ")
      printError(
        "Error: \(validation.message)\nUsage: \(usageString(for: subcommand))\n  See '\(name) --help' for more information."
      )
      return ExitCode.validationFailure.rawValue
    }
    let code = exitCode(for: error).rawValue
    let message = fullMessage(for: error)
    guard !message.isEmpty else { return code }
    if code == 0 {
      // --help, --version, completion scripts: the output the user asked for.
      do {
        try Console.output(message.hasSuffix("\n") ? message : message + "\n")
      } catch {
        printError(error.description)
        return ExitStatus.ioError.rawValue
      }
      return 0
    }
    printError(message)
    return code
  }
}

extension Appraise {
  /// The subcommand names leading from `parent` to `command` (`catalog import`), leaving out a default
  /// subcommand, which the user does not type (`catalog` for `catalog list`); empty for `parent` itself.
  static func commandPath(to command: ParsableCommand.Type, from parent: ParsableCommand.Type = Appraise.self)
    -> [String]
  {
    for child in parent.configuration.subcommands {
      let name = child == parent.configuration.defaultSubcommand ? [] : [child.configuration.commandName ?? ""]
      if child == command { return name }
      let below = commandPath(to: command, from: child)
      if !below.isEmpty || child.configuration.subcommands.contains(where: { $0 == command }) { return name + below }
    }
    return []
  }
}

/// Ends the process with `status` (the C library's `exit`, out of reach of the command's own `exit`).
private func terminate(_ status: Int32) -> Never { exit(status) }
