import AppraisalModel
import AppraiseKit
import EvidenceParsers
import Foundation
import TestSupport
import Testing

/// A client of the `AppraiseKit` product alone (no `@testable`): what another Swift program — a web service,
/// an IDE plug-in — can do with the public API. It rates and compares the Company A fixtures and produces
/// every report format in-process, byte for byte what `appraise` writes (the golden files).
@Suite("AppraiseKit as a library")
struct LibraryClientTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// The goldens were written by the binary run from the repository root with relative paths; a library
  /// client names files as it likes, so the report's inputs are renamed to the relative paths.
  static func relative(_ report: RateReport) -> RateReport {
    var report = report
    for index in report.inputs.indices {
      report.inputs[index].path = report.inputs[index].path.replacingOccurrences(of: root.path + "/", with: "")
    }
    return report
  }

  @Test(
    "every text format of the rate report, in-process, equals what the command writes",
    arguments: ReportFormat.textFormats)
  func rate(_ format: ReportFormat) throws {
    let (catalog, catalogDigest) = try AppraisalPipeline.loadCatalog()
    let report = try AppraisalPipeline.rate(
      path: Self.path("fixtures/company-a/after.xml"), catalog: catalog, catalogDigest: catalogDigest)
    let rendered = try AppraisalPipeline.render(Self.relative(report), format: format)
    // Bytes, not String: decoding would drop the CSV's byte-order mark.
    let golden = try Data(
      contentsOf: URL(fileURLWithPath: Self.path("Tests/AppraiseTests/Golden/rate-after.\(Self.ending(format))")))
    #expect(Data(rendered.bytes) == golden)
  }

  @Test(
    "every text format of the compare report, in-process, equals what the command writes",
    arguments: ReportFormat.textFormats)
  func compare(_ format: ReportFormat) throws {
    let (catalog, catalogDigest) = try AppraisalPipeline.loadCatalog()
    let before = try AppraisalPipeline.rate(
      path: Self.path("fixtures/company-a/before.xml"), role: "before", catalog: catalog, catalogDigest: catalogDigest)
    let after = try AppraisalPipeline.rate(
      path: Self.path("fixtures/company-a/after.xml"), role: "after", catalog: catalog, catalogDigest: catalogDigest)
    let report = AppraisalPipeline.compare(before: Self.relative(before), after: Self.relative(after))
    let rendered = try AppraisalPipeline.render(report, format: format)
    // Bytes, not String: decoding would drop the CSV's byte-order mark.
    let golden = try Data(
      contentsOf: URL(fileURLWithPath: Self.path("Tests/AppraiseTests/Golden/compare.\(Self.ending(format))")))
    #expect(Data(rendered.bytes) == golden)
  }

  @Test("the xlsx workbook in-process is binary, the same bytes twice, and what the command writes to a pipe")
  func workbook() throws {
    let (catalog, catalogDigest) = try AppraisalPipeline.loadCatalog()
    let report = try AppraisalPipeline.rate(
      path: Self.path("fixtures/company-a/after.xml"), catalog: catalog, catalogDigest: catalogDigest)
    #expect(AppraisalPipeline.renderer(for: .xlsx) == nil)
    let first = try AppraisalPipeline.render(Self.relative(report), format: .xlsx)
    let second = try AppraisalPipeline.render(Self.relative(report), format: .xlsx)
    #expect(first.isBinary)
    #expect(first == second)
    #expect(first.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    let pipe = Pipe()
    let run = try AppraiseRunner.run(
      ["rate", "fixtures/company-a/after.xml", "--format", "xlsx"], standardOutput: pipe)
    #expect(run.status == 0)
    #expect(pipe.fileHandleForReading.readDataToEndOfFile() == Data(first.bytes))
  }

  @Test("a bad file is a ReadFailure with every located problem, not a crash")
  func invalidInput() throws {
    let (catalog, catalogDigest) = try AppraisalPipeline.loadCatalog()
    let file = Self.path("fixtures/invalid/evidence/xml-bad-values.xml")
    #expect {
      _ = try AppraisalPipeline.rate(path: file, catalog: catalog, catalogDigest: catalogDigest)
    } throws: { error in
      guard let failure = error as? ReadFailure, case .invalid(_, let problems) = failure else { return false }
      return problems.count > 1 && problems.allSatisfy { $0.location?.line ?? 0 > 0 }
    }
  }

  static func ending(_ format: ReportFormat) -> String {
    switch format {
    case .text: "txt"
    case .markdown: "md"
    default: format.rawValue
    }
  }
}
