import ArgumentParser
import EvidenceParsers

/// The command's exit statuses (sysexits style), documented in README.md.
enum ExitStatus {
  /// EX_DATAERR: an input file's content is wrong.
  static let dataError = ExitCode(65)
  /// EX_NOINPUT: an input file does not exist or cannot be read.
  static let noInput = ExitCode(66)
  /// EX_UNAVAILABLE: a program the command needs is missing (Chromium for `--format pdf`).
  static let unavailable = ExitCode(69)
  /// EX_SOFTWARE: a program the command ran failed (Chromium did not print the PDF).
  static let software = ExitCode(70)
  /// EX_CANTCREAT: the output file cannot be written.
  static let cannotCreate = ExitCode(73)
  /// EX_IOERR: standard output (or, for a run that would otherwise succeed, standard error) could not be
  /// written: a closed stream, a full disk, a broken pipe.
  static let ioError = ExitCode(74)
}

/// Prints a read failure to stderr in the compiler style and exits with its status.
func fail(_ failure: ReadFailure) -> ExitCode {
  printError(failure.errorDescription ?? "\(failure)")
  switch failure {
  case .cannotOpen: return ExitStatus.noInput
  case .invalid: return ExitStatus.dataError
  }
}

/// The value `read` returns; a ``ReadFailure`` it throws is printed (``fail(_:)``) and ends the command.
func exitOnFailure<T>(_ read: () throws -> T) throws -> T {
  do {
    return try read()
  } catch let failure as ReadFailure {
    throw fail(failure)
  }
}
