import EvidenceParsers
import Foundation
import TestSupport
import Testing

@Suite("appraise catalog import, end to end")
struct CatalogImportCommandTests {
  static let example = "fixtures/cmmi3/statements-example.csv"
  static let invalid = "fixtures/cmmi3/statements-invalid.csv"

  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static func arguments(_ statements: String, output: String) -> [String] {
    [
      "catalog", "import", "--statements", statements, "--source", "Invented test text", "--licence",
      "None (test data)", "--output", output,
    ]
  }

  @Test("writes the local copy (exit 0); it reads back with the titles and the provenance; the CSV is unchanged")
  func writes() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("local.json").path
    let before = try Golden.bytes(Self.example)
    let result = try AppraiseRunner.run(Self.arguments(Self.example, output: output))
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    let catalog = try PracticeAreaCatalogReader.read(path: output)
    #expect(catalog.provenance?.source == "Invented test text")
    #expect(catalog.provenance?.licence == "None (test data)")
    #expect(catalog.practiceArea("IRP")?.title == "Example title for IRP (invented for tests)")
    #expect(try Golden.bytes(Self.example) == before)
  }

  @Test("bad rows: every problem located, exit 65, nothing written")
  func badRows() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("local.json").path
    let result = try AppraiseRunner.run(Self.arguments(Self.invalid, output: output))
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    let expected = try String(
      contentsOf: AppraiseRunner.root.appendingPathComponent("fixtures/cmmi3/statements-invalid.expected"),
      encoding: .utf8)
    #expect(result.stderr == expected)
    #expect(!FileManager.default.fileExists(atPath: output))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
  }

  @Test("a missing CSV exits 66")
  func missing() throws {
    let result = try AppraiseRunner.run(Self.arguments("no-such.csv", output: "/tmp/never-written-\(UUID()).json"))
    #expect(result.status == 66)
    #expect(result.stderr == "cannot read no-such.csv: no such file\n")
  }

  @Test("usage errors exit 64: no --licence, an empty --source, --output naming the input")
  func usage() throws {
    let noLicence = try AppraiseRunner.run([
      "catalog", "import", "--statements", Self.example, "--source", "S", "--output", "/tmp/x.json",
    ])
    #expect(noLicence.status == 64)
    #expect(noLicence.stderr.contains("Missing expected argument '--licence <licence>'"))
    var arguments = Self.arguments(Self.example, output: "/tmp/x.json")
    arguments[5] = " "
    let emptySource = try AppraiseRunner.run(arguments)
    #expect(emptySource.status == 64)
    #expect(emptySource.stderr.hasPrefix("Error: --source is empty; expected a non-empty text\n"))
    let overwrite = try AppraiseRunner.run(Self.arguments(Self.example, output: Self.example))
    #expect(overwrite.status == 64)
    #expect(overwrite.stderr.contains("--output \(Self.example) is one of the input files"))
  }

  @Test("an output that cannot be written exits 73")
  func cannotWrite() throws {
    let result = try AppraiseRunner.run(Self.arguments(Self.example, output: "/no-such-folder/local.json"))
    #expect(result.status == 73)
    #expect(result.stderr.hasPrefix("cannot write /no-such-folder/local.json: "))
  }

  @Test("the listing still works beside the subcommand")
  func listing() throws {
    let result = try AppraiseRunner.run(["catalog", "SCON"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("SCON — Service Continuity\n"))
  }
}
