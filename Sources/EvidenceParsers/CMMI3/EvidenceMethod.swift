import AppraisalModel

/// The appraisal method an evidence file is for (a ``MethodProfile``), as its first lines declare it: a V3 file
/// names `cmmi-3.0` (XML `<appraisal method="cmmi-3.0">`, JSON `"method": "cmmi-3.0"`, CSV row
/// `method,cmmi-3.0`); a file without `method` is a SCAMPI V1.3 appraisal (docs/evidence-format.md).
public typealias EvidenceMethod = MethodProfile

extension MethodProfile {
  /// How much of a file ``detect(path:)`` reads at most (64 KiB): the declaration must come before it.
  public static let prefixLimit = 64 << 10

  /// The method of the evidence file at `path`, from the start of the file only: the XML root element's
  /// attributes, the JSON top-level members up to the first 64 KiB, or the CSV settings rows up to the first
  /// blank row. A workbook (`.xlsx`) is a zip whose directory is at its end, so it is read whole.
  ///
  /// Fails like the readers do: ``ReadFailure/cannotOpen(file:reason:)`` for a file that cannot be read, and
  /// ``ReadFailure/invalid(file:problems:)`` for an unknown extension or a `method` other than `cmmi-3.0`.
  /// A file too broken to find the declaration is reported as SCAMPI V1.3, whose reader then says what is
  /// wrong. Reading a pipe consumes what was read; use ``detect(bytes:syntax:file:)`` on bytes read once.
  public static func detect(path: String) throws(ReadFailure) -> EvidenceMethod {
    guard let syntax = EvidenceSyntax(path: path) else {
      throw .unknownFileType(path)
    }
    let bytes = try syntax == .xlsx ? InputFile.bytes(at: path) : InputFile.prefix(of: path, limit: prefixLimit)
    return try detect(bytes: bytes, syntax: syntax, file: path)
  }

  /// The method declared at the start of `bytes` (see ``detect(path:)``); `file` names them in messages.
  public static func detect(bytes: [UInt8], syntax: EvidenceSyntax, file: String) throws(ReadFailure)
    -> EvidenceMethod
  {
    guard let (value, line, column) = CMMI3MethodDeclaration.find(in: bytes, syntax: syntax) else {
      return .scampi13
    }
    if value == cmmi30.rawValue { return .cmmi30 }
    throw .invalid(
      file: file,
      problems: [
        LocatedProblem(
          severity: .error, location: SourceLocation(file: file, line: line, column: column), file: file,
          message: "method \"\(value)\" is not known; expected \"\(cmmi30.rawValue)\" "
            + "(a file without a method is a SCAMPI V1.3 appraisal)")
      ])
  }
}
