import AppraisalModel

/// Reads an appraisal file in any of its syntaxes (XML, JSON, CSV, and an .xlsx workbook of the CSV layout) and validates it against the catalog; every
/// problem — syntax, structure, references — comes back together, located and sorted.
public enum AppraisalReader {
  /// A successfully read appraisal and the warnings found on the way.
  public struct Loaded: Sendable {
    public var appraisal: Appraisal
    public var file: String
    public var warnings: [LocatedProblem]
    /// Lower-case hexadecimal SHA-256 of the bytes this appraisal was decoded from.
    public var sha256: String
  }

  /// Reads the file at `path`; the syntax follows its extension (`.xml`, `.json`, `.csv`, `.xlsx`).
  ///
  /// With `streaming`, an XML file's evidence items are validated and counted as they are read rather
  /// than kept (``Appraisal/evidence`` stays empty, ``Appraisal/evidenceTally`` holds the counts), so
  /// memory does not grow with their text. The rating is the same; only the items are not available.
  public static func read(path: String, catalog: Catalog, streaming: Bool = false) throws(ReadFailure) -> Loaded {
    if path.lowercased().hasSuffix(".xlsm") {
      throw .invalid(
        file: path,
        problems: [
          LocatedProblem(
            severity: .error, location: nil, file: path,
            message: "a macro-enabled workbook (.xlsm) is not read; save it as an Excel Workbook (.xlsx)")
        ])
    }
    guard let syntax = EvidenceSyntax(path: path) else {
      throw .invalid(
        file: path,
        problems: [
          LocatedProblem(
            severity: .error, location: nil, file: path,
            message: "unknown file type; expected an evidence file ending in .xml, .json, .csv or .xlsx")
        ])
    }
    // A regular XML file streams from the file itself; anything else is read once into memory.
    if syntax == .xml && InputFile.isRegular(path) {
      try InputFile.requireReadable(path)
      var digester = InputDigester()
      let decodeFile = { (located: Bool, summarizing: Bool) -> AppraisalDecoding in
        digester = InputDigester()
        return XMLAppraisalDecoder.decode(
          path: path, recordLocations: located, summarizingWith: summarizing ? catalog : nil, digester: digester)
      }
      let first = decodeFile(false, streaming)
      if !first.isIncomplete, first.problems.isEmpty, let appraisal = first.appraisal,
        AppraisalValidator.problems(in: appraisal, catalog: catalog).isEmpty
      {
        return Loaded(appraisal: appraisal, file: path, warnings: [], sha256: digester.finish())
      }
      // Something is wrong or in doubt: read again with locations (a second fast pass would only find the
      // same thing again). The digest is of this second read, whose appraisal is the one used.
      let firstDigest = first.isIncomplete || !first.problems.isEmpty ? nil : digester.finish()
      var loaded = try validate(decodeFile(true, false), catalog: catalog, file: path, sha256: "")
      loaded.sha256 = digester.finish()
      if let firstDigest, firstDigest != loaded.sha256 { throw changedWhileRead(path) }
      return loaded
    }
    let contents = try InputFile.read(path)
    return try twoPass(catalog: catalog, file: path, sha256: contents.sha256) {
      decode(bytes: contents.bytes, syntax: syntax, file: path, recordLocations: $0)
    }
  }

  /// The file's bytes differed between two reads.
  static func changedWhileRead(_ path: String) -> ReadFailure {
    .cannotOpen(file: path, reason: "the file changed while it was being read; read it again when it is complete")
  }

  /// Decodes fast without locations; only when anything is wrong (or worth a warning) decodes again with
  /// the source map on, so every problem is reported with its place. Valid files are read once.
  static func twoPass(catalog: Catalog, file: String, sha256: String, decode: (Bool) -> AppraisalDecoding)
    throws(ReadFailure) -> Loaded
  {
    let fast = decode(false)
    if fast.problems.isEmpty, let appraisal = fast.appraisal,
      AppraisalValidator.problems(in: appraisal, catalog: catalog).isEmpty
    {
      return Loaded(appraisal: appraisal, file: file, warnings: [], sha256: sha256)
    }
    return try validate(decode(true), catalog: catalog, file: file, sha256: sha256)
  }

  /// Reads an appraisal from memory; `file` names it in messages.
  public static func read(bytes: [UInt8], syntax: EvidenceSyntax, file: String, catalog: Catalog) throws(ReadFailure)
    -> Loaded
  {
    try twoPass(catalog: catalog, file: file, sha256: InputDigester.sha256(of: bytes)) {
      decode(bytes: bytes, syntax: syntax, file: file, recordLocations: $0)
    }
  }

  /// Decodes without validating against a catalog (for tools that only need the structure).
  public static func decode(bytes: [UInt8], syntax: EvidenceSyntax, file: String, recordLocations: Bool = true)
    -> AppraisalDecoding
  {
    switch syntax {
    case .xml: XMLAppraisalDecoder.decode(bytes: bytes, file: file, recordLocations: recordLocations)
    case .json: JSONAppraisalDecoder.decode(bytes: bytes, file: file, recordLocations: recordLocations)
    case .csv: CSVAppraisalDecoder.decode(bytes: bytes, file: file, recordLocations: recordLocations)
    case .xlsx: XLSXAppraisalDecoder.decode(bytes: bytes, file: file, recordLocations: recordLocations)
    }
  }

  static func validate(_ decoding: AppraisalDecoding, catalog: Catalog, file: String, sha256: String)
    throws(ReadFailure) -> Loaded
  {
    var problems = decoding.problems
    if let appraisal = decoding.appraisal {
      let failed = decoding.failedPaths
      let decoded = !decoding.problems.contains { $0.severity == .error }
      problems += AppraisalValidator.problems(in: appraisal, catalog: catalog, judgingApplicability: decoded)
        .filter { problem in !failed.contains { problem.path.hasPrefix($0) } }
        .map { LocatedProblem($0, in: decoding.sourceMap) }
    }
    problems = Array(Set(problems)).sorted()
    guard let appraisal = decoding.appraisal, !problems.contains(where: { $0.severity == .error }) else {
      throw .invalid(file: file, problems: problems)
    }
    return Loaded(appraisal: appraisal, file: file, warnings: problems, sha256: sha256)
  }
}
