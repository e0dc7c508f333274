import AppraisalModel
import EvidenceParsers
import Testing

@Suite("Cross-model mapping: the bundled ITIL links load and check against the catalog")
struct CrossModelMappingReaderTests {
  static let catalog = try! BundledCatalog.load()

  @Test("the bundled ITIL links cover ITIL V2, V3/2011 and ITIL 4, none authoritative")
  func itilLinks() throws {
    let mapping = try CrossModelMappingReader.read(
      path: BundledCatalog.path("mappings/itil-cmmi-svc-1.3.json")!, catalog: Self.catalog)
    #expect(mapping.frameworks.count == 3)
    #expect(mapping.links.count >= 100)
    #expect(mapping.sources.allSatisfy { !$0.isAuthoritative })
  }
}
