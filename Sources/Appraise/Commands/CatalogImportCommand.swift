import AppraisalModel
import ArgumentParser
import EvidenceParsers

/// `appraise catalog import --statements FILE.csv --source TEXT --licence TEXT --output LOCAL.json`: writes a
/// local copy of the CMMI V3.0 structure catalog with a licensed user's practice-area titles and practice
/// statements (``StatementImport``) and their provenance. The inputs are only read; the output is written
/// atomically, and not at all when anything is wrong.
struct CatalogImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Write a local copy of the V3.0 structure catalog with your licensed titles and statements.",
    discussion: """
      Reads a CSV file (RFC 4180, UTF-8, header row id,title,statement): a practice area acronym (IRP) with its \
      title, or a practice id (IRP 2.3) with its statement. Writes the structure catalog with that text and a \
      provenance naming --source and --licence. ISACA's CMMI V2.0/V3.0 text is never shipped with appraise; \
      the local copy is yours to keep out of any repository (docs/cmmi-3.md).

      Every bad row is reported as FILE:LINE:COL: error: MESSAGE and nothing is written. Exit status: 0 \
      written, 64 usage error, 65 a problem in the CSV or the catalog, 66 an input is missing, 73 the output \
      cannot be written.

      Examples:
        appraise catalog import --statements my-statements.csv \\
          --source 'CMMI V3.0 model, licensed copy' \\
          --licence 'ISACA licence 1234, internal use' \\
          --output local/cmmi-3.0-licensed.json
      """)

  @Option(help: "The CSV file of titles and statements (columns id, title, statement).")
  var statements: String

  @Option(help: "The structure catalog to add them to (default: the bundled CMMI V3.0 structure).")
  var catalog: String?

  @Option(help: "Where the titles and statements come from (recorded as provenance.source).")
  var source: String

  @Option(help: "The licence under which you hold them (recorded as provenance.licence).")
  var licence: String

  @Option(name: .shortAndLong, help: "The local catalog file to write (atomically).")
  var output: String

  func validate() throws {
    for (name, value) in [("--source", source), ("--licence", licence), ("--output", output)]
    where value.allSatisfy(\.isWhitespace) {
      throw ValidationError("\(name) is empty; expected \(name == "--output" ? "a file path" : "a non-empty text")")
    }
    if output == "-" { throw ValidationError("--output - is not a file; expected a file path for the local catalog") }
    try OutputFile.refuse(output, ifOneOf: [statements] + [catalog].compactMap { $0 })
  }

  func run() throws {
    let structure = try exitOnFailure {
      try catalog.map { try PracticeAreaCatalogReader.read(path: $0) } ?? PracticeAreaCatalogReader.loadBundled()
    }
    let provenance = PracticeAreaCatalog.Provenance(source: source, licence: licence)
    let merged = try exitOnFailure {
      try StatementImport.merge(
        csvPath: statements, into: structure, provenance: provenance,
        catalogFile: catalog ?? PracticeAreaCatalogReader.bundledFile)
    }
    try OutputFile.writeOrExit(PracticeAreaCatalogWriter.json(merged), to: output)
  }
}
