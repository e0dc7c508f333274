import Foundation
import TestSupport
import Testing

/// Reports depend on the appraisal, not on the run or on the order of records in the file: two runs give
/// the same bytes, and a copy of Company A's files with its lists reversed (evidence items, weaknesses and
/// strengths, characterizations, judgments; in CSV the decision rows and the PIID rows) gives the same
/// report in every format, for `rate` and `compare`. Instantiations are the exception (see
/// `instantiationOrder`).
@Suite("Determinism, end to end")
struct DeterminismTests {
  static let formats = ["text", "markdown", "json", "csv", "html"]

  @Test("two runs give byte-identical reports", arguments: formats)
  func twoRuns(format: String) throws {
    for arguments in [
      ["rate", "fixtures/company-a/after.xml"], ["rate", "fixtures/evidence/sample.csv"],
      ["compare", "fixtures/company-a/before.json", "fixtures/company-a/after.csv"],
    ] {
      let first = try AppraiseRunner.run(arguments + ["--format", format])
      let second = try AppraiseRunner.run(arguments + ["--format", format])
      #expect(first.status == 0, "\(first.stderr)")
      #expect(!first.stdout.isEmpty)
      #expect(first.stdout == second.stdout, "\(arguments)")
    }
  }

  @Test(
    "the order of evidence items, observations, characterizations and judgments changes no report",
    arguments: ["xml", "json", "csv"])
  func recordOrder(syntax: String) throws {
    for (command, original, permuted) in try Self.reports(syntax: syntax, reversingInstantiations: false) {
      let difference = Self.firstDifference(original, permuted)
      #expect(difference == nil, "\(command) depends on the order of records: \(difference ?? "")")
    }
  }

  /// Reports list instantiations in the order the file declares them — the team's sample order, which
  /// is part of the appraisal (docs/report-format.md): the sample table, the columns of the
  /// characterization table and heat map, the per-instantiation CSV rows, and the instantiation lists of
  /// weaknesses (`[shop, payments, portal]`). Reversing the declarations therefore reorders every report,
  /// and nothing but that order changes: the same lines appear, only in another order or sequence.
  @Test("reports keep the declared order of instantiations, and only the order changes")
  func instantiationOrder() throws {
    let reports = try Self.reports(syntax: "xml", reversingInstantiations: true)
    #expect(reports.allSatisfy { $0.1 != $0.2 }, "declared order should show in every report")
    for (command, original, permuted) in reports {
      #expect(original.utf8.count == permuted.utf8.count, "\(command): more than the order changed")
    }
  }

  /// Writes Company A's before and after files in `syntax` to one folder and a permuted copy to another,
  /// then runs `rate` (after) and `compare` in every format on both: (command, original report, permuted
  /// report), masked.
  static func reports(syntax: String, reversingInstantiations: Bool) throws -> [(String, String, String)] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "appraise-determinism-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    // Two folders whose names have the same length, so that the input paths in the reports do too (the text
    // report pads its file column to the longest path).
    let original = folder.appendingPathComponent("original")
    let permuted = folder.appendingPathComponent("permuted")
    for subfolder in [original, permuted] {
      try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
    }
    for stem in ["before", "after"] {
      let name = "\(stem).\(syntax)"
      let text = try String(
        contentsOf: AppraiseRunner.root.appendingPathComponent("fixtures/company-a/\(name)"), encoding: .utf8)
      let reversed = try permute(text, syntax: syntax, reversingInstantiations: reversingInstantiations)
      #expect(reversed != text)
      try Data(text.utf8).write(to: original.appendingPathComponent(name))
      try Data(reversed.utf8).write(to: permuted.appendingPathComponent(name))
    }
    var result: [(String, String, String)] = []
    for format in formats {
      for command in ["rate", "compare"] {
        var pair: [String] = []
        for subfolder in [original, permuted] {
          let before = subfolder.appendingPathComponent("before.\(syntax)").path
          let after = subfolder.appendingPathComponent("after.\(syntax)").path
          let arguments = command == "rate" ? ["rate", after] : ["compare", before, after]
          let run = try AppraiseRunner.run(arguments + ["--format", format])
          #expect(run.status == 0, "\(run.stderr)")
          #expect(run.stderr.isEmpty)
          pair.append(masked(run.stdout, folders: [original.path, permuted.path]))
        }
        result.append(("\(command) --format \(format)", pair[0], pair[1]))
      }
    }
    return result
  }

  /// The first line where `a` and `b` differ, with both versions; nil when they are equal.
  static func firstDifference(_ a: String, _ b: String) -> String? {
    guard a != b else { return nil }
    let left = a.split(separator: "\n", omittingEmptySubsequences: false)
    let right = b.split(separator: "\n", omittingEmptySubsequences: false)
    let index = left.indices.first { $0 >= right.count || left[$0] != right[$0] } ?? left.count
    let line = { (lines: [Substring]) in index < lines.count ? String(lines[index].prefix(200)) : "(end)" }
    return "line \(index + 1): \"\(line(left))\" ≠ \"\(line(right))\""
  }

  /// Reports name each input file and its SHA-256. The two copies live in different folders and their
  /// bytes differ, so the folder is replaced by `<folder>` and every 64-hex-digit digest by `<sha256>`;
  /// nothing else is masked.
  static func masked(_ report: String, folders: [String]) -> String {
    var text = report
    for folder in folders { text = text.replacingOccurrences(of: folder, with: "<folder>") }
    let digest = try! NSRegularExpression(pattern: "\\b[0-9a-f]{64}\\b")
    return digest.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "<sha256>")
  }

  // MARK: - Permutations

  static func permute(_ text: String, syntax: String, reversingInstantiations: Bool) throws -> String {
    switch syntax {
    case "xml": return permuteXML(text, reversingInstantiations: reversingInstantiations)
    case "json": return try permuteJSON(text, reversingInstantiations: reversingInstantiations)
    default: return permuteCSV(text, reversingInstantiations: reversingInstantiations)
    }
  }

  /// Reverses, each within its list, the elements matched by each pattern (empty or with content).
  static func permuteXML(_ text: String, reversingInstantiations: Bool) -> String {
    var result = text
    let lists = ["item", "weakness|strength", "characterization", "aggregation", "significance"]
    for names in (reversingInstantiations ? ["instantiation"] : []) + lists {
      let element = "(?:\(names))\\b"
      result = reversingMatches(of: "<\(element)[^>]*/>|(?s)<\(element)[^>]*(?<!/)>.*?</\(element)>", in: result)
    }
    return result
  }

  /// Reverses the order of the (non-overlapping) matches of `pattern`, leaving the text between them.
  static func reversingMatches(of pattern: String, in text: String) -> String {
    let expression = try! NSRegularExpression(pattern: pattern)
    let source = text as NSString
    let matches = expression.matches(in: text, range: NSRange(location: 0, length: source.length)).map(\.range)
    guard matches.count > 1 else { return text }
    var result = source.substring(to: matches[0].location)
    for (index, range) in matches.enumerated() {
      result += source.substring(with: matches[matches.count - 1 - index])
      let next = index + 1 < matches.count ? matches[index + 1].location : source.length
      result += source.substring(
        with: NSRange(location: range.location + range.length, length: next - range.location - range.length))
    }
    return result
  }

  static func permuteJSON(_ text: String, reversingInstantiations: Bool) throws -> String {
    guard var object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
      throw CocoaError(.propertyListReadCorrupt)
    }
    let lists = ["evidence", "observations", "characterizations", "aggregationDecisions", "significanceDecisions"]
    for key in (reversingInstantiations ? ["instantiations"] : []) + lists {
      if let list = object[key] as? [Any] { object[key] = Array(list.reversed()) }
    }
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Reverses the instantiation rows, the decision rows and the PIID rows (the fixtures have no line
  /// breaks inside quoted cells).
  static func permuteCSV(_ text: String, reversingInstantiations: Bool) -> String {
    let separator = text.contains("\r\n") ? "\r\n" : "\n"
    var lines = text.components(separatedBy: separator)
    let trailing = lines.last == "" ? lines.removeLast() : nil
    let rows = ["aggregationDecision,", "significanceDecision,"]
    for prefix in (reversingInstantiations ? ["instantiation,"] : []) + rows {
      let indices = lines.indices.filter { lines[$0].hasPrefix(prefix) }
      let reversed = indices.reversed().map { lines[$0] }
      for (index, line) in zip(indices, reversed) { lines[index] = line }
    }
    if let blank = lines.firstIndex(of: "") {
      let header = blank + 1
      lines[(header + 1)...].reverse()
    }
    return lines.joined(separator: separator) + (trailing.map { _ in separator } ?? "")
  }
}
