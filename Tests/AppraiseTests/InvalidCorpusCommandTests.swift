import Foundation
import TestSupport
import Testing

/// The bad-input corpus (fixtures/invalid, listed in docs/invalid-inputs.md) through the built binary: every
/// evidence file given to `appraise validate` and every catalog given to `appraise catalog --catalog` exits
/// with 65, prints nothing on stdout and exactly its golden error list on stderr. (The library-level tests
/// that record the golden files are in EvidenceParsersTests: AppraisalReaderTests and CatalogReaderTests.)
@Suite("Bad-input corpus, end to end")
struct InvalidCorpusCommandTests {
  struct Case: Sendable, CustomTestStringConvertible {
    /// Relative to the repository root, as a user would type it.
    var path: String
    var isCatalog: Bool

    var arguments: [String] { isCatalog ? ["catalog", "--catalog", path] : ["validate", path] }
    /// Catalogs: `name.expected` beside `name.json`; evidence: `name.ext.expected`.
    var golden: String { isCatalog ? String(path.dropLast(".json".count)) + ".expected" : path + ".expected" }
    var syntax: String { isCatalog ? "catalog" : String(path.split(separator: ".").last ?? "") }
    var testDescription: String { path }
  }

  static let cases: [Case] = {
    func list(_ folder: String, catalog: Bool) -> [Case] {
      let names =
        (try? FileManager.default.contentsOfDirectory(atPath: AppraiseRunner.root.appendingPathComponent(folder).path))
        ?? []
      return names.filter { !$0.hasSuffix(".expected") }.sorted().map {
        Case(path: "\(folder)/\($0)", isCatalog: catalog)
      }
    }
    return list("fixtures/invalid/evidence", catalog: false) + list("fixtures/invalid/catalogs", catalog: true)
  }()

  @Test("the corpus has at least 40 cases, at least 6 in each syntax, each with its golden file")
  func corpusSize() {
    #expect(Self.cases.count >= 40)
    for syntax in ["xml", "json", "csv", "catalog"] {
      #expect(Self.cases.filter { $0.syntax == syntax }.count >= 6, "\(syntax)")
    }
    for item in Self.cases {
      #expect(
        FileManager.default.fileExists(atPath: AppraiseRunner.root.appendingPathComponent(item.golden).path),
        "\(item.golden) is missing")
    }
  }

  @Test("exit 65, nothing on stdout, the golden error list on stderr", arguments: cases)
  func badInput(_ item: Case) throws {
    let result = try AppraiseRunner.run(item.arguments)
    #expect(result.status == 65, "stderr: \(result.stderr)")
    #expect(result.stdout.isEmpty)
    let expected = try String(contentsOf: AppraiseRunner.root.appendingPathComponent(item.golden), encoding: .utf8)
    #expect(result.stderr == expected)
    // Every problem line is `file:line[:col]: error|warning: message`, naming the file as given.
    for line in result.stderr.split(separator: "\n").dropFirst() {
      #expect(line.hasPrefix(item.path + ":"), "\(line)")
      #expect(line.contains(": error: ") || line.contains(": warning: "), "\(line)")
    }
  }
}
