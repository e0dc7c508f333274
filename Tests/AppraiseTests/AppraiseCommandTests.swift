import Foundation
import TestSupport
import Testing

@Suite("appraise catalog, end to end")
struct CatalogCommandTests {
  @Test("lists the bundled CMMI-SVC catalog")
  func overview() throws {
    let result = try AppraiseRunner.run(["catalog"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "CMMI for Services (CMMI-SVC 1.3)")
    #expect(
      lines.dropFirst().first
        == "24 process areas, 53 specific goals, 181 specific practices, 3 generic goals, 13 generic practices")
    #expect(result.stdout.contains("SSD   ML3  Service System Development"))
    #expect(result.stdout.contains("(addition)"))
  }

  @Test("lists one process area's goals and practices")
  func oneArea() throws {
    let result = try AppraiseRunner.run(["catalog", "SCON"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("SCON — Service Continuity\n"))
    #expect(result.stdout.contains("  SP 2.3  Provide and Evaluate Service Continuity Training\n"))
    #expect(result.stdout.contains("GG 3  Institutionalize a Defined Process  (capability level 3)\n"))
  }

  @Test("an unknown process area is a usage error (64)")
  func unknownArea() throws {
    let result = try AppraiseRunner.run(["catalog", "XYZ"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("unknown process area \"XYZ\"; expected one of CAM, CAR"))
    #expect(result.stdout.isEmpty)
  }

  @Test("a broken catalog lists every problem and exits 65")
  func brokenCatalog() throws {
    let result = try AppraiseRunner.run(["catalog", "--catalog", "fixtures/invalid/catalogs/broken-cmmi-svc.json"])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    let expected = try String(
      contentsOf: AppraiseRunner.root.appendingPathComponent("fixtures/invalid/catalogs/broken-cmmi-svc.expected"),
      encoding: .utf8)
    #expect(result.stderr == expected)
  }

  @Test("a missing catalog exits 66")
  func missingCatalog() throws {
    let result = try AppraiseRunner.run(["catalog", "--catalog", "no-such-catalog.json"])
    #expect(result.status == 66)
    #expect(result.stderr == "cannot read no-such-catalog.json: no such file\n")
  }

  @Test("an in-house catalog lists through the same code")
  func inHouse() throws {
    let result = try AppraiseRunner.run(["catalog", "--catalog", "fixtures/catalogs/acme-service-model-1.0.json"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("ACME in-house service process model (ACME-SERVICE 1.0)\n3 process areas"))
  }

  @Test("--version prints the version")
  func version() throws {
    let result = try AppraiseRunner.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == "0.1.0\n")
  }

  @Test("--version answered early prints what the argument parser prints")
  func versionEarly() throws {
    // `--version` alone takes the early path; with another argument the parser answers it.
    let early = try AppraiseRunner.run(["--version"])
    let parsed = try AppraiseRunner.run(["--version", "--version"])
    #expect(parsed.status == early.status)
    #expect(parsed.stdout == early.stdout)
    #expect(early.stderr.isEmpty && parsed.stderr.isEmpty)
  }
}
