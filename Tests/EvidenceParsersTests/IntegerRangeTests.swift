import AppraisalModel
import EvidenceParsers
import Foundation
import TestSupport
import Testing

/// Integers from an evidence file are range-checked where they are read, with the place, the value and
/// the allowed range, in every syntax alike — a file `validate` accepts never makes `rate` trap.
@Suite("Integer ranges in evidence files")
struct IntegerRangeTests {
  static let catalog = try! BundledCatalog.load()
  static let range = "whole numbers n/d with 0 ≤ n ≤ d and 1 ≤ d ≤ 1000, e.g. 1/2"

  /// The sample appraisal with its minimum share `1/2` replaced by `share`.
  static func sample(_ syntax: EvidenceSyntax, share: String) throws -> [UInt8] {
    let text = String(decoding: try Golden.bytes("fixtures/evidence/sample.\(syntax.rawValue)"), as: UTF8.self)
    #expect(text.components(separatedBy: "1/2").count == 2)
    return Array(text.replacingOccurrences(of: "1/2", with: share).utf8)
  }

  static func problems(_ syntax: EvidenceSyntax, share: String) throws -> [LocatedProblem] {
    let file = "share.\(syntax.rawValue)"
    let bytes = try sample(syntax, share: share)
    do {
      _ = try AppraisalReader.read(bytes: bytes, syntax: syntax, file: file, catalog: catalog)
      Issue.record("a minimum share of \(share) was accepted")
      return []
    } catch {
      return error.problems
    }
  }

  /// Where each syntax puts the share in the sample: line and column of the value.
  static let places: [EvidenceSyntax: String] = [
    .xml: "share.xml:6", .json: "share.json:28:23", .csv: "share.csv:14:15",
  ]

  @Test(
    "a share whose rounding would overflow is refused with its place, value and the allowed range",
    arguments: [EvidenceSyntax.xml, .json, .csv])
  func overflowingShare(syntax: EvidenceSyntax) throws {
    let problems = try Self.problems(syntax, share: "1/9223372036854775807")
    #expect(problems.count == 1)
    let line = try #require(problems.first).description
    #expect(line.hasPrefix(Self.places[syntax]! + ":") || line.hasPrefix(Self.places[syntax]! + " "), "\(line)")
    #expect(line.hasSuffix("error: minimum share 1/9223372036854775807 is out of range; expected \(Self.range)"))
  }

  @Test(
    "numbers too long for an integer are out of range too, not a syntax puzzle",
    arguments: [EvidenceSyntax.xml, .json, .csv])
  func hugeNumbers(syntax: EvidenceSyntax) throws {
    let problems = try Self.problems(syntax, share: "1/99999999999999999999")
    #expect(problems.count == 1)
    #expect(
      problems.first?.message == "minimum share \"1/99999999999999999999\" is out of range; expected \(Self.range)")
    #expect(problems.first?.location?.line == Int(Self.places[syntax]!.split(separator: ":")[1]))
  }

  @Test("a denominator above 1000 is refused in every syntax", arguments: [EvidenceSyntax.xml, .json, .csv])
  func largeDenominator(syntax: EvidenceSyntax) throws {
    let problems = try Self.problems(syntax, share: "500/1001")
    #expect(problems.map(\.message) == ["minimum share 500/1001 is out of range; expected \(Self.range)"])
  }
}
