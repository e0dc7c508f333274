import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

@Suite("Catalog reader")
struct CatalogReaderTests {
  @Test("the bundled CMMI-SVC V1.3 catalog loads with 24 / 53 / 181 / 3 / 13")
  func bundledCounts() throws {
    let catalog = try BundledCatalog.load()
    #expect(catalog.model.id == "CMMI-SVC")
    #expect(catalog.model.version == "1.3")
    #expect(
      catalog.counts
        == Catalog.Counts(
          processAreas: 24, specificGoals: 53, specificPractices: 181, genericGoals: 3, genericPractices: 13))
  }

  @Test("CMMI-SVC facts: levels, kinds and the SSD addition")
  func facts() throws {
    let catalog = try BundledCatalog.load()
    let serviceSpecific = catalog.processAreas.filter { $0.kind == .serviceSpecific }.map(\.id)
    #expect(serviceSpecific == ["CAM", "IRP", "SCON", "SD", "SSD", "SST", "STSM"])
    #expect(catalog.processAreas.filter(\.isAddition).map(\.id) == ["SSD"])
    #expect(catalog.processAreas.filter { $0.kind == .shared }.map(\.id) == ["SAM"])
    #expect(catalog.processAreas.filter { $0.kind == .core }.count == 16)
    let byLevel = Dictionary(grouping: catalog.processAreas, by: \.maturityLevel).mapValues { $0.map(\.id).sorted() }
    #expect(byLevel[2] == ["CM", "MA", "PPQA", "REQM", "SAM", "SD", "WMC", "WP"])
    #expect(byLevel[3] == ["CAM", "DAR", "IRP", "IWM", "OPD", "OPF", "OT", "RSKM", "SCON", "SSD", "SST", "STSM"])
    #expect(byLevel[4] == ["OPP", "QWM"])
    #expect(byLevel[5] == ["CAR", "OPM"])
    #expect(catalog.processArea("SSD")?.goal("SG 3")?.practices.map(\.id) == ["SP 3.1", "SP 3.2", "SP 3.3", "SP 3.4"])
    #expect(catalog.genericGoals.map(\.capabilityLevel) == [1, 2, 3])
  }

  @Test("an in-house catalog loads through the same code")
  func inHouse() throws {
    let catalog = try CatalogReader.read(path: Golden.url("fixtures/catalogs/acme-service-model-1.0.json").path)
    #expect(catalog.model.id == "ACME-SERVICE")
    #expect(
      catalog.counts
        == Catalog.Counts(processAreas: 3, specificGoals: 4, specificPractices: 6, genericGoals: 2, genericPractices: 3)
    )
    #expect(catalog.processArea("LRN")?.isAddition == true)
    #expect(catalog.processArea("OPS")?.kind == .custom)
  }

  /// Every catalog case in fixtures/invalid/catalogs (docs/invalid-inputs.md), by name without `.json`.
  static let invalidCatalogs: [String] = {
    let folder = Golden.url("fixtures/invalid/catalogs")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }.sorted()
  }()

  @Test("invalid catalogs give their golden error lists", arguments: invalidCatalogs)
  func invalid(name: String) throws {
    let relative = "fixtures/invalid/catalogs/\(name).json"
    let bytes = try Golden.bytes(relative)
    do {
      _ = try CatalogReader.read(bytes: bytes, file: relative)
      Issue.record("\(relative) was accepted")
    } catch {
      try Golden.check((error.errorDescription ?? "") + "\n", against: "fixtures/invalid/catalogs/\(name).expected")
    }
  }

  @Test("a missing file is reported as such")
  func missing() {
    #expect(throws: ReadFailure.cannotOpen(file: "/nonexistent/catalog.json", reason: "no such file")) {
      try CatalogReader.read(path: "/nonexistent/catalog.json")
    }
  }
}
