import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers

/// ``XMLEventStream`` against ``XMLStreamReader``: the same events with the same lines and columns, the same
/// namespaces, and the same error after the same events, from memory and from a file, on the fixtures and
/// on generated documents (white space, comments, CDATA, references, long text, multi-line tags, CRLF,
/// namespaces, errors at random places).
@Suite("XML event stream replays xmlTextReader")
struct XMLEventStreamTests {
  /// Every event as text, then how the document ended.
  static func describe(_ event: XMLEvent, namespace: String?) -> String {
    switch event {
    case .startElement(let name, let attributes, let line, let column, let isEmpty):
      let attributes = attributes.map {
        "\($0.prefix ?? "")|\($0.namespace ?? "")|\($0.name)=\($0.value)@\($0.line):\($0.column)"
      }
      return "start \(name) {\(namespace ?? "")} \(attributes) @\(line):\(column)\(isEmpty ? " empty" : "")"
    case .endElement(let name): return "end \(name)"
    case .text(let text, let line, let column): return "text \(text.debugDescription) @\(line):\(column)"
    }
  }

  static func readerTrace(_ make: () throws(XMLReadError) -> XMLStreamReader) -> [String] {
    var trace: [String] = []
    do {
      let reader = try make()
      while let event = try reader.next() { trace.append(describe(event, namespace: reader.elementNamespace)) }
      trace.append("end of document")
    } catch {
      trace.append("error \(error)")
    }
    return trace
  }

  static func streamTrace(_ make: () throws(XMLReadError) -> XMLEventStream) -> [String] {
    var trace: [String] = []
    do {
      let stream = try make()
      while let event = try stream.next() { trace.append(describe(event, namespace: stream.elementNamespace)) }
      trace.append("end of document")
    } catch {
      trace.append("error \(error)")
    }
    return trace
  }

  /// Compares both from memory and, when `viaFile`, from a file; returns the first difference.
  static func compare(_ bytes: [UInt8], viaFile: Bool = true) throws -> String? {
    let expected = readerTrace { () throws(XMLReadError) in try XMLStreamReader(bytes: bytes, name: "t.xml") }
    let actual = streamTrace { () throws(XMLReadError) in try XMLEventStream(bytes: bytes, name: "t.xml") }
    if let difference = firstDifference(expected, actual) { return "memory: " + difference }
    guard viaFile else { return nil }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).xml").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let digester = InputDigester()
    let fromFile = readerTrace { () throws(XMLReadError) in try XMLStreamReader(path: path) }
    let streamed = streamTrace { () throws(XMLReadError) in try XMLEventStream(path: path, digester: digester) }
    if let difference = firstDifference(
      fromFile.map { $0.replacingOccurrences(of: path, with: "t.xml") },
      streamed.map { $0.replacingOccurrences(of: path, with: "t.xml") })
    {
      return "file: " + difference
    }
    if streamed.last == "end of document" && digester.finish() != InputDigester.sha256(of: bytes) {
      return "file: digest differs"
    }
    return nil
  }

  static func firstDifference(_ expected: [String], _ actual: [String]) -> String? {
    for index in 0..<max(expected.count, actual.count) {
      let left = index < expected.count ? expected[index] : "(nothing)"
      let right = index < actual.count ? actual[index] : "(nothing)"
      if left != right { return "event \(index):\n  reader: \(left)\n  stream: \(right)" }
    }
    return nil
  }

  @Test("the fixtures")
  func fixtures() throws {
    let root = Golden.url("fixtures")
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" }
    #expect(files.count > 20)
    for file in files {
      let bytes = Array(try Data(contentsOf: file))
      if let difference = try Self.compare(bytes) { Issue.record("\(file.lastPathComponent): \(difference)") }
    }
  }

  @Test("generated documents, well-formed or not", arguments: 0..<8)
  func generated(batch: Int) throws {
    var random = SplitMix(seed: UInt64(batch) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
    for round in 0..<150 {
      let document = DocumentGenerator(random: &random).document()
      var bytes = Array(document.utf8)
      // A third of them broken somewhere.
      switch random.below(6) {
      case 0: bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
      case 1:
        let at = random.below(bytes.count)
        bytes.insert(
          contentsOf: Array(["<", "&", "</x>", "\u{0}", "]]>", "<!--", "\"", "<?", "\r"][random.below(9)].utf8), at: at)
      default: break
      }
      if let difference = try Self.compare(bytes, viaFile: round % 10 == 0) {
        Issue.record(
          "batch \(batch) round \(round): \(difference)\n--- document:\n\(String(decoding: bytes.prefix(3000), as: UTF8.self))"
        )
        return
      }
    }
  }

  @Test(
    "what only libxml2's tree builder refuses",
    arguments: [
      "<a xml:id=\"x\">\n  <b xml:id=\"x\"/>\n</a>", "<a>\n <b xml:id=\"1 2\"/>\n</a>",
      "<a>\n <b\n   xml:id=\"y\"/><c xml:id=\"y\"\n/>\n</a>", "<a>\n <b xml:id=\"\"/></a>",
      "<a xml:id=\"a&amp;b\"/>", "<p:a xmlns:p=\"urn:p\" p:id=\"1\" xml:id=\"ok\"><b xml:id=\"ok2\"/></p:a>",
      "<a>" + String(repeating: "<d>", count: 300) + String(repeating: "</d>", count: 300) + "</a>",
      "<a>" + String(repeating: "<d>", count: 256) + String(repeating: "</d>", count: 256) + "</a>",
      "<a>" + String(repeating: "<d>\n", count: 100_000) + String(repeating: "</d>", count: 100_000) + "</a>",
    ])
  func treeBuilderErrors(document: String) throws {
    if let difference = try Self.compare(Array(document.utf8)) { Issue.record(Comment(rawValue: difference)) }
  }

  /// Found by the streaming fuzzer: the push parser never closed a file it opened itself.
  @Test("a stream closes its file, read to the end or dropped early, valid or not")
  func closesItsFile() throws {
    guard FileManager.default.fileExists(atPath: "/proc/self/fd") else { return }
    // Copies at paths of this test's own, so files other tests open meanwhile are not counted.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("closes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for fixture in ["fixtures/evidence/sample.xml", "fixtures/invalid/evidence/xml-malformed.xml"] {
      let copy = folder.appendingPathComponent(URL(fileURLWithPath: fixture).lastPathComponent)
      try FileManager.default.copyItem(at: Golden.url(fixture), to: copy)
      paths.append(copy.path)
    }
    /// The descriptors of this process open on one of the copies.
    func openCopies() throws -> Int {
      try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + fd)
        return target.map { $0.hasPrefix(folder.path) } ?? false
      }.count
    }
    for _ in 0..<50 {
      for path in paths {
        let digester = InputDigester()
        _ = XMLAppraisalDecoder.decode(path: path, digester: digester)
        _ = digester.finish()
        let stream = try XMLEventStream(path: path)
        _ = try? stream.next()
      }
    }
    #expect(try openCopies() == 0)
  }

  @Test("lines past 65535")
  func bigLines() throws {
    var random = SplitMix(seed: 7)
    var text = "<?xml version=\"1.0\"?>\n<root>\n"
    var line = 3
    while line < 70_500 {
      switch random.below(8) {
      case 0:
        text += "  <e a=\"1\"\n     b=\"2\">x&amp;y\n\nz</e>\n"
        line += 4
      case 1:
        text += "  <e/><f>t</f>\n"
        line += 1
      case 2:
        text += "  <g>\r\n  text\r\n</g>\n"
        line += 3
      case 3:
        text += "  <!-- c -->\n  <h a='\n'>\n  <i/>\n  </h>\n"
        line += 5
      case 4:
        text += "  <j>" + String(repeating: "long ", count: random.below(300)) + "</j>\n"
        line += 1
      default:
        text += "  <k v=\"\(line)\"/>\n"
        line += 1
      }
    }
    text += "</root>\n"
    if let difference = try Self.compare(Array(text.utf8)) { Issue.record(Comment(rawValue: difference)) }
  }
}

/// A small deterministic random source (SplitMix64).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}

/// Random XML: nested elements with attributes, text, white space, comments, PIs, CDATA, references,
/// namespaces, long runs that cross xmlTextReader's 512-byte chunks, tags over several lines.
struct DocumentGenerator {
  var random: UnsafeMutablePointer<SplitMix>

  init(random: inout SplitMix) { self.random = withUnsafeMutablePointer(to: &random) { $0 } }

  func below(_ bound: Int) -> Int { random.pointee.below(bound) }

  func document() -> String {
    var text = ""
    if below(2) == 0 { text += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + space() }
    if below(4) == 0 { text += "<!-- top -->" + (below(2) == 0 ? "\n" : "") }
    if below(6) == 0 { text += "<?pi data?>\n" }
    text += element(depth: 0, budget: 20 + below(400))
    if below(3) == 0 { text += space() }
    if below(6) == 0 { text += "<!-- tail -->\n" }
    return text
  }

  func space() -> String {
    ["", " ", "\n", "\n  ", "\n    ", "\r\n  ", "\t", "\n\n"][below(8)]
  }

  func name() -> String { ["a", "b", "item", "locator", "note", "p:q", "x", "evidence"][below(8)] }

  func attributeValue() -> String {
    [
      "1", "x y", "a &amp; b", "&lt;tag&gt;", "&#233;t&#xE9;", "line\nbreak", "\u{E9}\u{1D11E}", "",
      String(repeating: "v", count: below(700)), "tab\there", "&#38;&#38;", "q&quot;",
    ][below(12)]
  }

  func textContent() -> String {
    [
      "text", "a &amp; b", "x &lt; y", "<![CDATA[ raw <stuff> ]]>", "\u{E9}t\u{E9}", "one\ntwo\nthree",
      String(repeating: "long text ", count: below(120)), "&#233;", "r\r\nn", "<!-- inner -->", "<?pi x?>",
      String(repeating: "\n", count: below(5)) + "z",
    ][below(12)]
  }

  func element(depth: Int, budget: Int) -> String {
    let tag = name()
    var text = "<" + tag
    if tag.hasPrefix("p:") { text += " xmlns:p=\"urn:p\"" }
    if below(5) == 0 { text += " xmlns=\"urn:d\"" }
    for index in 0..<below(4) {
      let attribute = ["id", "k", tag.hasPrefix("p:") ? "p:z" : "z", below(4) == 0 ? "xml:id" : "xml:lang"][index]
      text += (below(4) == 0 ? "\n   " : " ") + attribute + "=\"" + attributeValue() + "\""
    }
    if below(6) == 0 { text += "\n" }
    if depth > 0 && (budget <= 0 || depth > 6 || below(5) == 0) {
      return text + (below(2) == 0 ? "/>" : "></" + tag + ">")
    }
    text += ">"
    var left = budget
    while left > 0 && (depth == 0 || below(6) != 0) {
      switch below(5) {
      case 0: text += space()
      case 1: text += textContent()
      default:
        let share = 1 + below(left)
        text += space() + element(depth: depth + 1, budget: share - 1)
        left -= share
      }
      left -= 1
    }
    return text + space() + "</" + tag + ">"
  }
}

/// ``XMLEventStream/scan(_:)`` on generated appraisals: the sample's items repeated in random layouts (white
/// space, comments, empty and non-empty locators, notes, the tail sometimes in one chunk with the end of the
/// root), streamed counts against the full read, and the rest of the file read alike.
@Suite("Streaming scan on generated evidence")
struct StreamingScanLayoutTests {
  static let catalog = try! BundledCatalog.load()

  static func document(_ random: inout SplitMix) -> String {
    let text = try! String(contentsOf: Golden.url("fixtures/evidence/sample.xml"), encoding: .utf8)
    let head = text[..<text.range(of: "  <evidence>")!.lowerBound]
    let tail = text[text.range(of: "</evidence>")!.upperBound...]
    let practices = [("IRP SP 2.1", "desk"), ("IRP SP 2.1", "hosting"), ("IRP SP 2.2", "desk")]
    var body = "  <evidence>"
    for number in 0..<random.below(400) {
      let (practice, unit) = practices[random.below(practices.count)]
      let space = ["\n    ", " ", "", "\n\n", "\r\n  ", "\n<!-- c -->\n"][random.below(6)]
      body +=
        space + "<item id=\"G-\(number)\" practice=\"\(practice)\" instantiation=\"\(unit)\" indicator=\""
        + ["direct-artifact", "affirmation", "indirect-artifact"][random.below(3)] + "\">"
      body += [" ", "", "\n      "][random.below(3)]
      body +=
        random.below(2) == 0
        ? "<locator document=\"Doc \(number)\"/>"
        : "<locator document=\"Doc\" date=\"2026-10-0\(1 + random.below(9))\"></locator>"
      if random.below(4) == 0 { body += "<note>n \(String(repeating: "x", count: random.below(900)))</note>" }
      body += [" ", "", "\n    "][random.below(3)] + "</item>"
    }
    body += ["\n  ", "", "<!-- end -->"][random.below(3)] + "</evidence>"
    var rest = String(tail)
    if random.below(3) == 0 { rest = rest.replacingOccurrences(of: "\n", with: "") }
    return String(head) + body + rest
  }

  /// `SCAN_BATCHES` and `SCAN_ROUNDS` run more (12 × 150 passed when the scan was written).
  @Test(
    "streamed counts equal the full read's",
    arguments: 0..<Int(ProcessInfo.processInfo.environment["SCAN_BATCHES"] ?? "4")!)
  func layouts(batch: Int) throws {
    var random = SplitMix(seed: UInt64(100 + batch))
    for round in 0..<Int(ProcessInfo.processInfo.environment["SCAN_ROUNDS"] ?? "25")! {
      let text = Self.document(&random)
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID().uuidString).xml").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      defer { try? FileManager.default.removeItem(atPath: path) }
      let full = XMLAppraisalDecoder.decode(path: path)
      let streamed = XMLAppraisalDecoder.decode(path: path, summarizingWith: Self.catalog)
      guard let appraisal = full.appraisal, full.problems.isEmpty else {
        Issue.record("round \(round): the full read failed: \(full.problems)")
        return
      }
      #expect(!streamed.isIncomplete, "round \(round): the scanner gave up")
      #expect(streamed.problems == full.problems)
      #expect(streamed.appraisal?.evidenceTally?.itemCount == appraisal.evidence.count, "round \(round)")
      var expected = EvidenceTally(
        practices: streamed.appraisal?.evidenceTally?.practices ?? [],
        units: streamed.appraisal?.evidenceTally?.units ?? [])
      let practiceNumbers = Dictionary(uniqueKeysWithValues: expected.practices.enumerated().map { ($1, $0) })
      let unitNumbers = Dictionary(uniqueKeysWithValues: expected.units.enumerated().map { ($1, $0) })
      for item in appraisal.evidence {
        expected.add(
          practice: practiceNumbers[item.practice]!, unit: unitNumbers[item.instantiation]!, indicator: item.indicator)
      }
      #expect(streamed.appraisal?.evidenceTally == expected, "round \(round)")
      var rest = streamed.appraisal
      rest?.evidenceTally = nil
      var reference = appraisal
      reference.evidence = []
      #expect(rest == reference, "round \(round)")
    }
  }
}
