import AppraisalModel

/// Reads a CMMI V3.0 appraisal file (docs/cmmi-3-evidence-format.md) in any of its syntaxes — XML, JSON,
/// CSV, or an `.xlsx` workbook whose first sheet holds the CSV layout — chosen by the file's extension, and
/// validates it against a structure catalog with ``CMMI3Validator``.
///
/// Every problem comes back at once, located (`file:line:col: error: …`), in a
/// ``ReadFailure/invalid(file:problems:)`` as ``AppraisalReader`` reports a SCAMPI file's; each input is
/// read once (``InputFile``: size limits for pipes, no second read).
public enum CMMI3AppraisalReader {
  /// The format versions this reader understands.
  public static let supportedFormatVersions = CMMI3EvidenceFormat.supportedFormatVersions

  /// Reads, decodes and validates the file at `path`.
  public static func read(path: String, catalog: PracticeAreaCatalog) throws(ReadFailure) -> CMMI3Appraisal {
    guard let syntax = EvidenceSyntax(path: path) else {
      throw .unknownFileType(path)
    }
    return try read(bytes: InputFile.bytes(at: path), syntax: syntax, file: path, catalog: catalog)
  }

  /// Decodes and validates `bytes`; `file` names them in messages.
  public static func read(bytes: [UInt8], syntax: EvidenceSyntax, file: String, catalog: PracticeAreaCatalog)
    throws(ReadFailure) -> CMMI3Appraisal
  {
    try load(bytes: bytes, syntax: syntax, file: file, catalog: catalog).appraisal
  }

  /// Decodes and validates `bytes` once, returning the appraisal with its validation warnings (such as
  /// records above an area's rated level); any error throws, with every problem.
  public static func load(bytes: [UInt8], syntax: EvidenceSyntax, file: String, catalog: PracticeAreaCatalog)
    throws(ReadFailure) -> (appraisal: CMMI3Appraisal, warnings: [LocatedProblem])
  {
    let decoding = decode(bytes: bytes, syntax: syntax, file: file)
    let problems = problems(of: decoding, catalog: catalog)
    guard let appraisal = decoding.appraisal, !problems.contains(where: { $0.severity == .error }) else {
      throw .invalid(file: file, problems: problems)
    }
    return (appraisal, problems.filter { $0.severity == .warning })
  }

  /// Decodes without validating against a catalog.
  public static func decode(bytes: [UInt8], syntax: EvidenceSyntax, file: String) -> CMMI3AppraisalDecoding {
    var map = SourceMap(file: file)
    let tree: (root: JSONNode?, problems: [(line: Int, column: Int?, message: String)])
    switch syntax {
    case .json:
      do {
        tree = (try JSONNode.parse(bytes: bytes), [])
      } catch {
        tree = (nil, [(error.position.line, error.position.column, error.message)])
      }
    case .xml:
      tree = CMMI3XMLTree.read(bytes: bytes, file: file)
    case .csv:
      var rows = CSVTokenizer(bytes: bytes)
      tree = CMMI3CSVTree.read(rows: &rows)
    case .xlsx:
      do {
        var workbook = try XLSXWorkbook(bytes: bytes)
        var rows = try workbook.rows(of: 0)
        map = SourceMap(file: file, sheet: workbook.sheetName)
        tree = CMMI3CSVTree.read(rows: &rows)
      } catch {
        tree = (nil, [(0, nil, error.message)])
      }
    }
    var problems = tree.problems.map { problem in
      LocatedProblem(
        severity: .error, location: problem.line > 0 ? map.location(line: problem.line, column: problem.column) : nil,
        file: file, message: problem.message)
    }
    guard let root = tree.root else {
      return CMMI3AppraisalDecoding(appraisal: nil, sourceMap: map, problems: problems)
    }
    var decoder = CMMI3TreeDecoder(sourceMap: map)
    let appraisal = decoder.decode(root)
    problems += decoder.problems.map { LocatedProblem($0, in: decoder.sourceMap) }
    return CMMI3AppraisalDecoding(
      appraisal: appraisal, sourceMap: decoder.sourceMap, problems: problems, failedPaths: decoder.failedPaths)
  }

  /// Every problem of `decoding` and of its appraisal against `catalog`, located and sorted: ``CMMI3Validator``'s
  /// problems are mapped from model paths to the file's (``CMMI3EvidenceFormat/filePath(of:)``). Problems
  /// under a value that failed to decode are dropped as repeats; while anything failed to decode, whether
  /// team OU values and practice group decisions apply is not judged (their placeholders would mislead).
  public static func problems(of decoding: CMMI3AppraisalDecoding, catalog: PracticeAreaCatalog) -> [LocatedProblem] {
    var problems = decoding.problems
    if let appraisal = decoding.appraisal {
      let decoded = !problems.contains { $0.severity == .error }
      let judged: Set<String> = ["teamOUValues", "practiceGroupDecisions"]
      for problem in CMMI3Validator.problems(in: appraisal, catalog: catalog) {
        let path = CMMI3EvidenceFormat.filePath(of: problem.path)
        if decoding.failedPaths.contains(where: { path.hasPrefix($0) }) { continue }
        if !decoded, case .key(let list)? = path.components.first, judged.contains(list),
          case .key("value")? = path.components.last
        {
          continue
        }
        problems.append(
          LocatedProblem(ModelProblem(problem.severity, at: path, problem.message), in: decoding.sourceMap))
      }
    }
    return Array(Set(problems)).sorted()
  }
}
