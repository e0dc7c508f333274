import AppraisalModel
import EvidenceParsers

extension AppraisalPipeline {
  /// A CMMI V3.0 appraisal read and validated, with the digest of its bytes and its warnings.
  public struct CMMI3Loaded: Sendable {
    public var appraisal: CMMI3Appraisal
    public var file: String
    public var digest: InputDigest
    public var warnings: [LocatedProblem]
  }

  /// The method the evidence file at `path` declares at its start (``EvidenceMethod``). Only a regular file is
  /// looked at ahead of reading: a pipe or device can be read once only, so it is read as SCAMPI V1.3 (save a
  /// V3 file to a regular file first; docs/cmmi-3-evidence-format.md).
  /// A file of no evidence syntax is left to the SCAMPI reader too, whose message says what it is (`.xlsm`).
  public static func method(of path: String) throws(ReadFailure) -> MethodProfile {
    guard InputFile.isRegular(path), EvidenceSyntax(path: path) != nil else { return .scampi13 }
    return try EvidenceMethod.detect(path: path)
  }

  /// The structure catalog at `path` (a licensed local copy written by `appraise catalog import`), or the
  /// bundled `cmmi-3.0-structure.json`, with the digest of its bytes.
  public static func loadStructureCatalog(path: String? = nil) throws(ReadFailure) -> (
    catalog: PracticeAreaCatalog, digest: InputDigest
  ) {
    let file: String
    if let path { file = path } else { file = try BundledCatalog.locate(PracticeAreaCatalogReader.bundledFile) }
    let contents = try InputFile.read(file)
    let catalog = try PracticeAreaCatalogReader.read(bytes: contents.bytes, file: file)
    return (
      catalog,
      InputDigest(
        role: "catalog", path: path ?? "practice-catalogs/\(PracticeAreaCatalogReader.bundledFile)",
        sha256: contents.sha256)
    )
  }

  /// Reads and validates the CMMI V3.0 appraisal at `path` (XML, JSON, CSV or `.xlsx`), read once.
  public static func readCMMI3(path: String, catalog: PracticeAreaCatalog, role: String = "appraisal")
    throws(ReadFailure) -> CMMI3Loaded
  {
    guard let syntax = EvidenceSyntax(path: path) else {
      throw .unknownFileType(path)
    }
    let contents = try InputFile.read(path)
    let loaded = try CMMI3AppraisalReader.load(bytes: contents.bytes, syntax: syntax, file: path, catalog: catalog)
    return CMMI3Loaded(
      appraisal: loaded.appraisal, file: path, digest: InputDigest(role: role, path: path, sha256: contents.sha256),
      warnings: loaded.warnings)
  }

  /// The report of a read V3 appraisal rated against `catalog`.
  public static func rate(_ loaded: CMMI3Loaded, catalog: PracticeAreaCatalog, catalogDigest: InputDigest)
    -> CMMI3Report
  {
    CMMI3Report(
      rating: loaded.appraisal, catalog: catalog, inputs: [loaded.digest, catalogDigest],
      warnings: loaded.warnings.map(\.description))
  }

  /// `validate`'s line for a valid V3 file.
  public static func validSummary(_ loaded: CMMI3Loaded, catalog: PracticeAreaCatalog) -> String {
    let appraisal = loaded.appraisal
    let inputs = appraisal.practiceInputs
    let notYet = inputs.filter { $0.artifact == .notYet && $0.affirmation == .notYet }.count
    func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
    return "\(loaded.file): valid (\(MethodProfile.cmmi30.title), \(appraisal.type.title)) — "
      + count(appraisal.practiceAreas(in: catalog).count, "practice area") + ", "
      + count(appraisal.projects.count, "project") + ", " + count(inputs.count, "practice × project input")
      + " (\(notYet) not yet examined)"
      + (loaded.warnings.isEmpty ? "" : ", " + count(loaded.warnings.count, "warning"))
      + "\n"
  }
}
