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
  /// With `streaming`, an XML, JSON or CSV file's evidence items are validated and counted as they are
  /// read rather than kept (``Appraisal/evidence`` stays empty, ``Appraisal/evidenceTally`` holds the
  /// counts), so memory does not grow with their text. The rating is the same; only the items are not
  /// available. (A JSON or CSV file is still read into memory whole; its items are never decoded.)
  ///
  /// The file is read once, whether it is valid, has warnings or has errors, and ``Loaded/sha256`` is of
  /// the bytes read. A regular XML file is also decoded once: that decode records where every value is
  /// (items streamed past are not recorded, so it costs nothing measurable), and every problem is located
  /// from it. A file read into memory (JSON, CSV, XLSX, XML from a pipe) is decoded fast, without
  /// locations; only when that finds a problem or a warning is it decoded again, from the same bytes, with
  /// locations (recording them on every decode would cost a valid file a fifth to a half more time).
  /// One case still reads a file twice: when streaming, if something inside `<evidence>` is not plainly
  /// valid (an error there, an item whose practice the target does not rate, duplicate ids), the streaming
  /// scanner gives up and the file is read again the ordinary way.
  ///
  /// With `streaming` and `keepingItemsUpTo` N, a file that declares at most N instantiations (before
  /// its evidence) keeps its items all the same, in the same single pass: for a report that lists every
  /// instantiation with the evidence behind it.
  public static func read(
    path: String, catalog: Catalog, streaming: Bool = false, keepingItemsUpTo limit: Int? = nil
  ) throws(ReadFailure) -> Loaded {
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
      throw .unknownFileType(path)
    }
    // A regular XML file streams from the file itself; anything else is read once into memory. Either
    // way one decode records every value's place (cheap: see ``SourceMap``), so problems and warnings
    // are located without reading the file again.
    if syntax == .xml && InputFile.isRegular(path) {
      try InputFile.requireReadable(path)
      let digester = InputDigester()
      let decoding = XMLAppraisalDecoder.decode(
        path: path, summarizingWith: streaming ? catalog : nil, keepingItemsUpTo: limit, digester: digester)
      ReadCounter.current?.countRead(bytes: digester.byteCount, decoded: true)
      if !decoding.isIncomplete {
        return try validate(decoding, catalog: catalog, file: path, sha256: digester.finish())
      }
      // The streaming scanner gave up inside <evidence> (something there is not plainly valid): it keeps
      // neither the items nor, then, their counts, so the evidence is read again the ordinary way. The
      // digest is of this second read, whose appraisal is the one used.
      let again = InputDigester()
      let full = XMLAppraisalDecoder.decode(path: path, digester: again)
      ReadCounter.current?.countRead(bytes: again.byteCount, decoded: true)
      return try validate(full, catalog: catalog, file: path, sha256: again.finish())
    }
    let contents = try InputFile.read(path)
    ReadCounter.current?.countRead(bytes: contents.bytes.count, decoded: false)
    return try read(
      bytes: contents.bytes, syntax: syntax, file: path, catalog: catalog, sha256: contents.sha256,
      summarizing: streaming, keepingItemsUpTo: limit)
  }

  /// Reads an appraisal from memory; `file` names it in messages.
  public static func read(bytes: [UInt8], syntax: EvidenceSyntax, file: String, catalog: Catalog) throws(ReadFailure)
    -> Loaded
  {
    try read(bytes: bytes, syntax: syntax, file: file, catalog: catalog, sha256: InputDigester.sha256(of: bytes))
  }

  /// With `summarizing`, a JSON or CSV file's evidence items are counted rather than kept on the fast
  /// decode (see ``read(path:catalog:streaming:keepingItemsUpTo:)``); the located decode that follows a
  /// problem keeps them.
  static func read(
    bytes: [UInt8], syntax: EvidenceSyntax, file: String, catalog: Catalog, sha256: String,
    summarizing: Bool = false, keepingItemsUpTo limit: Int? = nil
  ) throws(ReadFailure) -> Loaded {
    ReadCounter.current?.countDecode()
    let summarizer = summarizing ? catalog : nil
    let fast: AppraisalDecoding
    switch syntax {
    case .json:
      fast = JSONAppraisalDecoder.decode(
        bytes: bytes, file: file, recordLocations: false, summarizingWith: summarizer, keepingItemsUpTo: limit)
    case .csv:
      fast = CSVAppraisalDecoder.decode(
        bytes: bytes, file: file, recordLocations: false, summarizingWith: summarizer, keepingItemsUpTo: limit)
    default:
      fast = decode(bytes: bytes, syntax: syntax, file: file, recordLocations: false)
    }
    if !fast.isIncomplete, fast.problems.isEmpty, let appraisal = fast.appraisal,
      AppraisalValidator.problems(in: appraisal, catalog: catalog).isEmpty
    {
      return Loaded(appraisal: appraisal, file: file, warnings: [], sha256: sha256)
    }
    // Something to report (or items a summarizer gave up counting): decode the same bytes again, keeping
    // every item and recording where each value is.
    ReadCounter.current?.countDecode()
    return try validate(decode(bytes: bytes, syntax: syntax, file: file), catalog: catalog, file: file, sha256: sha256)
  }

  /// Counts, in the current task, how often the reader reads its input and decodes it, and the bytes it
  /// read: for tests that check each input is read and decoded once.
  package final class ReadCounter: @unchecked Sendable {
    @TaskLocal package static var current: ReadCounter?
    /// Reads of the input from its start (a streaming pass, or a read into memory).
    package private(set) var reads = 0
    /// Bytes consumed by all the reads.
    package private(set) var bytes = 0
    package private(set) var decodes = 0

    package init() {}

    func countRead(bytes: Int, decoded: Bool) {
      reads += 1
      self.bytes += bytes
      if decoded { decodes += 1 }
    }

    func countDecode() { decodes += 1 }
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
