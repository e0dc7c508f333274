import Foundation
import Testing

@testable import EvidenceParsers

// MARK: - Helpers

/// All events of an in-memory document.
private func events(_ bytes: [UInt8], name: String = "test.xml") throws(XMLReadError) -> [XMLEvent] {
  let reader = try XMLStreamReader(bytes: bytes, name: name)
  var result: [XMLEvent] = []
  while let event = try reader.next() { result.append(event) }
  return result
}

private func events(_ text: String) throws(XMLReadError) -> [XMLEvent] {
  try events(Array(text.utf8))
}

/// All events of a file.
private func events(path: String) throws(XMLReadError) -> [XMLEvent] {
  let reader = try XMLStreamReader(path: path)
  var result: [XMLEvent] = []
  while let event = try reader.next() { result.append(event) }
  return result
}

/// The error from reading `bytes` to the end, or nil (and a recorded issue) if it was read fine.
private func readError(
  _ bytes: [UInt8], name: String = "test.xml", sourceLocation: SourceLocation = #_sourceLocation
) -> XMLReadError? {
  do {
    let all = try events(bytes, name: name)
    Issue.record("expected an error, got \(all.count) events", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error
  }
}

private func readError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLReadError? {
  readError(Array(text.utf8), sourceLocation: sourceLocation)
}

private func readError(path: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLReadError? {
  do {
    let all = try events(path: path)
    Issue.record("expected an error, got \(all.count) events", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error
  }
}

/// A fresh directory under the system temporary directory, removed by `body`'s caller via `defer`.
private final class TemporaryDirectory {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("xml-stream-reader-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let file = path + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  func write(_ text: String, to name: String) throws -> String {
    try write(Array(text.utf8), to: name)
  }
}

private func element(
  _ name: String, _ attributes: [(String, String)] = [], line: Int, column: Int = 0, isEmpty: Bool = false
) -> XMLEvent {
  .startElement(
    name: name,
    attributes: attributes.map { attribute in
      // `p:name` stands for an attribute with prefix p in the test documents' namespace urn:x.
      let parts = attribute.0.split(separator: ":").map(String.init)
      return XMLAttribute(
        name: parts.last!, value: attribute.1, line: line, column: column,
        namespace: parts.count == 2 ? "urn:x" : nil, prefix: parts.count == 2 ? parts[0] : nil)
    },
    line: line, column: column, isEmpty: isEmpty)
}

private let smallDocument = """
  <?xml version="1.0" encoding="UTF-8"?>
  <evidence version="1.3" xmlns="urn:appraise:evidence" xmlns:x="urn:x">
    <practice id="PP SP 1.1" note='a &amp; b &#x41;&#10;c' x:scope="org">
      <!-- a comment and a PI are not reported -->
      <?appraise ignore?>
      <artifact kind="direct"
                path="plans/project-plan.docx"/>
      <summary>Plan &lt;v2&gt; approved</summary>
      <raw><![CDATA[if (a < b) { x(); }]]></raw>
      <mixed>before <![CDATA[<in>]]> after</mixed>
      <empty></empty>
      <blank>   </blank>
      <multi>first
  second
  third</multi>
      <x:prefixed x:flag="yes"/>
    </practice>
  </evidence>

  """

private let smallDocumentEvents: [XMLEvent] = [
  element("evidence", [("version", "1.3")], line: 2),
  element("practice", [("id", "PP SP 1.1"), ("note", "a & b A\nc"), ("x:scope", "org")], line: 3),
  // The line is that of the start tag's end (`/>` on line 7).
  element("artifact", [("kind", "direct"), ("path", "plans/project-plan.docx")], line: 7, isEmpty: true),
  .endElement(name: "artifact"),
  element("summary", line: 8),
  .text("Plan <v2> approved", line: 8, column: 0),
  .endElement(name: "summary"),
  element("raw", line: 9),
  .text("if (a < b) { x(); }", line: 9, column: 0),
  .endElement(name: "raw"),
  element("mixed", line: 10),
  .text("before <in> after", line: 10, column: 0),
  .endElement(name: "mixed"),
  element("empty", line: 11),
  .endElement(name: "empty"),
  // libxml2 happened to stop parsing (at its 512-byte chunk boundary) on this line, just after `</blank>`.
  element("blank", line: 12, column: 23),
  .endElement(name: "blank"),
  element("multi", line: 13),
  .text("first\nsecond\nthird", line: 13, column: 0),
  .endElement(name: "multi"),
  element("prefixed", [("x:flag", "yes")], line: 16, isEmpty: true),
  .endElement(name: "prefixed"),
  .endElement(name: "practice"),
  .endElement(name: "evidence"),
]

// MARK: - Events

@Suite struct XMLStreamReaderTests {
  @Test func advanceGivesKindsNamesAndAttributeBytes() throws {
    let reader = try XMLStreamReader(
      bytes: Array("<a><item id='x&amp;y' p:practice='P' xmlns:p='urn:p' other=''/><note>hi</note><zz/></a>".utf8),
      name: "t.xml")
    guard case .startElement(name: "a", _, _, _, _) = try reader.next() else {
      Issue.record("expected <a>")
      return
    }
    reader.internNames(["item", "note", "id", "practice"])
    var seen: [String] = []
    while true {
      let kind = try reader.advance()
      if kind == .endOfDocument { break }
      switch kind {
      case .startElement(let isEmpty):
        seen.append("start \(reader.currentName) \(isEmpty)")
        _ = reader.forEachAttribute { name, value in
          seen.append("  \(name)=\(String(decoding: value, as: UTF8.self))")
          return true
        }
      case .endElement: seen.append("end")
      case .text: seen.append("text")
      case .endOfDocument: break
      }
    }
    #expect(
      seen == [
        // p:practice is in a namespace: not the interned unprefixed name.
        "start 0 true", "  2=x&y", "  -1=P", "  -1=", "end", "start 1 false", "text", "end", "start -1 true", "end",
        "end",
      ])
  }

  @Test func advanceAndNextMix() throws {
    let reader = try XMLStreamReader(bytes: Array("<a><b/><c>t</c></a>".utf8), name: "t.xml")
    _ = try reader.next()
    #expect(try reader.advance() == .startElement(isEmpty: true))
    #expect(try reader.next() == .endElement(name: "b"))
    guard case .startElement(name: "c", _, _, _, isEmpty: false) = try reader.next() else {
      Issue.record("expected <c>")
      return
    }
    #expect(try reader.advance() == .text)
    #expect(try reader.advance() == .endElement)
    #expect(try reader.next() == .endElement(name: "a"))
    #expect(try reader.advance() == .endOfDocument)
  }

  @Test func advanceStopsOnMalformedXML() throws {
    let reader = try XMLStreamReader(bytes: Array("<a><b></a>".utf8), name: "t.xml")
    #expect(throws: XMLReadError.self) {
      while try reader.advance() != .endOfDocument {}
    }
  }

  @Test func smallDocumentGivesExactEvents() throws {
    let all = try events(smallDocument)
    #expect(all.count == smallDocumentEvents.count)
    for (actual, expected) in zip(all, smallDocumentEvents) { #expect(actual == expected) }
  }

  @Test func emptyElementIsFollowedByItsEndElement() throws {
    let all = try events("<a><b/><c></c></a>")
    #expect(all.map(\.kindAndName) == ["start a", "start b (empty)", "end b", "start c", "end c", "end a"])
  }

  /// libxml2 parses ahead of the node it hands out, so on a one-line document every column is the
  /// one where the parser stopped: here the end of the input (column 32 = after `</a>`).
  @Test func columnIsWhereTheParserStoppedOnTheSameLine() throws {
    let all = try events(#"<a x="1"><b y="2"/>text<c/></a>"#)
    #expect(
      all == [
        element("a", [("x", "1")], line: 1, column: 32),
        element("b", [("y", "2")], line: 1, column: 32, isEmpty: true),
        .endElement(name: "b"),
        .text("text", line: 1, column: 32),
        element("c", line: 1, column: 32, isEmpty: true),
        .endElement(name: "c"),
        .endElement(name: "a"),
      ])
  }

  /// libxml2 stores element lines in 16 bits; lines past 65535 must still be right.
  @Test func lineNumbersPast65535() throws {
    var text = "<r>\n"
    let count = 70_000
    for index in 0..<count { text += "<i n=\"\(index)\">v\(index)</i>\n" }
    // Lines count + 2 ... count + 6.
    text += "<g>\n<h/>\n</g>\n<j/>\n<k>two\nlines</k></r>\n"
    let all = try events(text)
    var checked = 0
    for event in all {
      switch event {
      case .startElement("i", let attributes, let line, _, _):
        let index = Int(attributes[0].value)!
        #expect(line == index + 2, "element \(index)")
        checked += 1
      case .text(let value, let line, _) where value.hasPrefix("v"):
        let index = Int(value.dropFirst())!
        #expect(line == index + 2, "text \(value)")
      default:
        break
      }
    }
    #expect(checked == count)
    let tail = all.suffix(10).map(\.kindAndLine)
    #expect(
      tail == [
        "start g 70002", "start h 70003", "end h", "end g", "start j 70005", "end j", "start k 70006",
        "text 70006", "end k", "end r",
      ])
  }

  @Test func memoryAndFileGiveTheSameEvents() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write(smallDocument, to: "small.xml")
    #expect(try events(path: path) == events(smallDocument))
    #expect(try events(path: path) == smallDocumentEvents)
  }

  @Test func utf16WithByteOrderMarkIsDecoded() throws {
    let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a k=\"é\">\n<b>h€llo 𝄞</b>\n</a>\n"
    let units = Array(text.utf16)
    let littleEndian: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let bigEndian: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let expected: [XMLEvent] = [
      element("a", [("k", "é")], line: 2),
      element("b", line: 3),
      .text("h€llo 𝄞", line: 3, column: 0),
      .endElement(name: "b"),
      .endElement(name: "a"),
    ]
    #expect(try events(littleEndian) == expected)
    #expect(try events(bigEndian) == expected)
    let directory = try TemporaryDirectory()
    #expect(try events(path: directory.write(littleEndian, to: "utf16.xml")) == expected)
  }

  @Test func declaredLatin1IsDecoded() throws {
    let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf".utf8) + [0xE9] + Array("</a>".utf8)
    #expect(try events(bytes).compactMap(\.textValue) == ["café"])
  }

  @Test func afterTheEndNextKeepsReturningNil() throws {
    let reader = try XMLStreamReader(bytes: Array("<a/>".utf8), name: "a.xml")
    #expect(try reader.next()?.kindAndName == "start a (empty)")
    #expect(try reader.next()?.kindAndName == "end a")
    #expect(try reader.next() == nil)
    #expect(try reader.next() == nil)
  }

  /// Each reader routes libxml2's errors to itself, whatever thread it runs on.
  @Test func readersOnSeveralThreadsKeepTheirOwnResults() async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<8 {
        group.addTask { () throws -> Void in
          for _ in 0..<25 {
            if index % 2 == 0 {
              #expect(try events(smallDocument) == smallDocumentEvents)
            } else {
              #expect(readError("<a>\n<b></a>")?.message == "opening and ending tag mismatch: b line 2 and a")
            }
          }
        }
      }
      try await group.waitForAll()
    }
  }

  // MARK: - Malformed documents

  @Test func mismatchedTag() throws {
    let error = try #require(readError("<evidence>\n  <practice>\n</evidence>\n"))
    #expect(
      error
        == XMLReadError(
          file: "test.xml", line: 3, column: 12,
          message: "opening and ending tag mismatch: practice line 2 and evidence"))
  }

  @Test func namesInMessagesKeepTheirCase() throws {
    let error = try #require(readError("<Evidence>\n  <PracticeArea>\n</Evidence>\n"))
    #expect(error.message == "opening and ending tag mismatch: PracticeArea line 2 and Evidence")
  }

  @Test func truncatedFile() throws {
    let error = try #require(readError("<?xml version=\"1.0\"?>\n<evidence>\n  <practice>text"))
    #expect(
      error
        == XMLReadError(
          file: "test.xml", line: 3, column: 17, message: "premature end of document: element practice is not closed"))
    let inTag = try #require(readError("<a>\n<b att=\"x"))
    #expect(inTag.line == 2)
    #expect(
      inTag.message == "an attribute value is not closed; expected a closing quote before '<' or the end of the file")
  }

  @Test func twoRootElements() throws {
    let error = try #require(readError("<a/>\n<b/>\n"))
    #expect(
      error == XMLReadError(file: "test.xml", line: 2, column: 1, message: "extra content at the end of the document"))
  }

  @Test func invalidUTF8() throws {
    let bytes = Array("<a>\n<b>ok".utf8) + [0xFF, 0xFE] + Array("</b></a>\n".utf8)
    let error = try #require(readError(bytes))
    #expect(error.line == 2)
    #expect(error.column == 6)
    #expect(error.message.hasPrefix("invalid UTF-8 byte 0xFF; expected UTF-8 text"))
  }

  @Test func otherWellFormednessErrors() throws {
    #expect(readError("<a x=\"1\" x=\"2\"/>")?.message == "attribute x redefined")
    #expect(readError("<a>&nbsp;</a>")?.message == "entity 'nbsp' not defined")
    #expect(
      readError("<a>\n<p:b/></a>")
        == XMLReadError(file: "test.xml", line: 2, column: 5, message: "namespace prefix p on b is not defined"))
    #expect(readError("   \n\n")?.message == "document has no root element")
    #expect(readError("<!-- only a comment -->")?.message == "document has no root element")
    #expect(
      readError("not xml at all")?.message
        == "the file starts with 'n' byte 0x6E; expected an XML document starting with '<'")
    #expect(readError("<a>\n<b>x</b>\n")?.message == "premature end of document: element a is not closed")
  }

  @Test func encodingErrors() throws {
    // An unpaired UTF-16 surrogate: libxml2 raises this outside the reader's error handler.
    let badUTF16: [UInt8] = [
      0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00, 0x3E, 0x00, 0x00, 0xD8, 0x78, 0x00, 0x3C, 0x00, 0x2F, 0x00, 0x61, 0x00,
      0x3E, 0x00,
    ]
    #expect(
      readError(badUTF16)
        == XMLReadError(
          file: "test.xml", line: 1, column: nil,
          message: "input conversion failed due to input error, bytes 0x00 0xd8 0x78 0x00"))
    // UCS-4 in an unusual byte order, detected while the reader is created.
    #expect(readError([0x00, 0x00, 0x3C, 0x00, 0x61, 0x00, 0x00, 0x00])?.message == "encoding not supported ucs4 2143")
    #expect(readError(#"<?xml version="1.0" encoding="x-nope"?><a/>"#)?.message == "unsupported encoding x-nope")
  }

  @Test func emptyInput() throws {
    let expected = XMLReadError(
      file: "empty.xml", line: 1, column: 1, message: "empty file; expected an XML document")
    #expect(readError([], name: "empty.xml") == expected)
    let directory = try TemporaryDirectory()
    let path = try directory.write([], to: "empty.xml")
    #expect(readError(path: path) == XMLReadError(file: path, line: 1, column: 1, message: expected.message))
    #expect(!expected.isFileAccessError)
  }

  @Test func missingFileAndDirectory() throws {
    let directory = try TemporaryDirectory()
    let missing = directory.path + "/missing.xml"
    #expect(
      throws: XMLReadError(file: missing, line: 0, column: nil, message: "cannot open file: no such file")
    ) {
      _ = try XMLStreamReader(path: missing)
    }
    #expect(
      throws: XMLReadError(file: directory.path, line: 0, column: nil, message: "cannot open file: Is a directory")
    ) {
      _ = try XMLStreamReader(path: directory.path)
    }
    do throws(XMLReadError) {
      _ = try XMLStreamReader(path: missing)
      Issue.record("expected an error")
    } catch {
      #expect(error.isFileAccessError)
    }
  }

  /// The reader must not gunzip: a gzip file is just bytes that are not XML.
  @Test func gzipFileIsNotDecompressed() throws {
    let gzip: [UInt8] = [
      0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xb3, 0x49, 0xb4, 0xab, 0xca, 0x2c, 0x28, 0x48,
      0x4d, 0xb1, 0xd1, 0x4f, 0xb4, 0x03, 0x00, 0xd3, 0x7f, 0x2f, 0x0a, 0x0d, 0x00, 0x00, 0x00,
    ]  // gzip of "<a>zipped</a>"
    let directory = try TemporaryDirectory()
    let path = try directory.write(gzip, to: "zipped.xml.gz")
    #expect(
      readError(path: path)
        == XMLReadError(
          file: path, line: 1, column: 1,
          message: "the file is gzip-compressed; expected an uncompressed XML document (gunzip it first)"))
  }

  @Test func anErrorIsThrownAgainOnTheNextCall() throws {
    let reader = try XMLStreamReader(bytes: Array("<a>\n<b></a>".utf8), name: "bad.xml")
    var first: XMLReadError?
    do {
      while try reader.next() != nil {}
    } catch {
      first = error
    }
    let error = try #require(first)
    #expect(error.message == "opening and ending tag mismatch: b line 2 and a")
    #expect(throws: error) { _ = try reader.next() }
  }

  @Test func errorDescription() {
    #expect(
      XMLReadError(file: "e.xml", line: 3, column: 12, message: "boom").description == "e.xml:3:12: boom")
    #expect(XMLReadError(file: "e.xml", line: 3, column: nil, message: "boom").description == "e.xml:3: boom")
    #expect(XMLReadError(file: "e.xml", line: 0, column: nil, message: "boom").description == "e.xml: boom")
  }

  // MARK: - DTDs and entities

  @Test func doctypeIsRejected() throws {
    #expect(
      readError("<?xml version=\"1.0\"?>\n<!DOCTYPE evidence>\n<evidence/>")
        == XMLReadError(file: "test.xml", line: 2, column: 1, message: XMLReadError.doctypeMessage))
    #expect(
      readError("<!DOCTYPE x [<!ENTITY e \"internal\">]><x>&e;</x>")
        == XMLReadError(file: "test.xml", line: 1, column: 1, message: XMLReadError.doctypeMessage))
  }

  @Test func externalEntitiesAreNeverFetched() throws {
    let directory = try TemporaryDirectory()
    let marker = "MARKER-\(UUID().uuidString)"
    let markerPath = try directory.write(marker, to: "marker.txt")
    let documents = [
      "<!DOCTYPE x [<!ENTITY e SYSTEM \"file://\(markerPath)\">]><x>&e;</x>",
      "<!DOCTYPE x [<!ENTITY e SYSTEM \"\(markerPath)\">]><x a=\"&e;\">&e;</x>",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"file://\(markerPath)\">\n<x/>",
      "<!DOCTYPE x [<!ENTITY % p SYSTEM \"file://\(markerPath)\"> %p;]><x/>",
    ]
    for (index, document) in documents.enumerated() {
      for fromFile in [false, true] {
        let path = try directory.write(document, to: "xxe\(index).xml")
        var seen: [XMLEvent] = []
        var caught: XMLReadError?
        do throws(XMLReadError) {
          let reader =
            fromFile
            ? try XMLStreamReader(path: path)
            : try XMLStreamReader(bytes: Array(document.utf8), name: path)
          while let event = try reader.next() { seen.append(event) }
        } catch {
          caught = error
        }
        let error = try #require(caught, "document \(index)")
        #expect(error.message == XMLReadError.doctypeMessage, "document \(index)")
        #expect(!error.description.contains(marker))
        #expect(!"\(seen)".contains(marker))
      }
    }
  }

  @Test func billionLaughsFailsFast() throws {
    var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
    for level in 1...9 {
      let reference = "&lol\(level == 1 ? "" : String(level - 1));"
      text += " <!ENTITY lol\(level) \"\(String(repeating: reference, count: 10))\">\n"
    }
    text += "]>\n<lolz a=\"&lol9;\">&lol9;</lolz>\n"
    let clock = ContinuousClock()
    var error: XMLReadError?
    let elapsed = clock.measure { error = readError(text) }
    #expect(error == XMLReadError(file: "test.xml", line: 2, column: 1, message: XMLReadError.doctypeMessage))
    #expect(elapsed < .seconds(1))
  }

  @Test func elementAndAttributeNamespaces() throws {
    let reader = try XMLStreamReader(
      bytes: Array(
        """
        <a xmlns="urn:e" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:e e.xsd" b="1">\
        <o:c xmlns:o="urn:o"/><d xmlns=""/></a>
        """.utf8),
      name: "t.xml")
    guard case .startElement("a", let attributes, _, _, _) = try reader.next() else {
      Issue.record("expected <a>")
      return
    }
    #expect(reader.elementNamespace == "urn:e")
    #expect(attributes.map(\.qualifiedName) == ["xsi:schemaLocation", "b"])
    #expect(attributes.map(\.namespace) == ["http://www.w3.org/2001/XMLSchema-instance", nil])
    _ = try reader.next()
    #expect(reader.elementNamespace == "urn:o")
    // advance() tells the namespace of the element it stopped on.
    #expect(try reader.next() == .endElement(name: "c"))
    #expect(try reader.advance() == .startElement(isEmpty: true))
    #expect(reader.currentNamespace == nil)
  }

  @Test(
    "a character reference to a character XML does not allow is named in the user's terms, located",
    arguments: [
      (
        "<a>x&#x1B;y</a>",
        "character reference &#x1B; (&#27;) names U+001B, which XML does not allow; remove it or write it as text"
      ),
      (
        "<a>&#0;</a>",
        "character reference &#x0; (&#0;) names U+0000, which XML does not allow; remove it or write it as text"
      ),
      (
        "<a b='&#27;'/>",
        "character reference &#x1B; (&#27;) names U+001B, which XML does not allow; remove it or write it as text"
      ),
      (
        "<a>&#xFFFE;</a>",
        "character reference &#xFFFE; (&#65534;) names U+FFFE, which XML does not allow; remove it or write it as text"
      ),
      (
        "<a>&#x110000;</a>",
        "a character reference beyond U+10FFFF, the last Unicode character; remove it or write it as text"
      ),
      (
        "<a>&#12a;</a>",
        "a character reference &#…; holds a non-digit; expected &#NNN; (decimal) or &#xHHH; (hexadecimal)"
      ),
      ("<a>R&D</a>", "a reference starting with '&' is not closed by ';'; write a bare '&' as &amp;"),
      ("<a>R & D</a>", "a bare '&'; write it as &amp; (XML starts references with '&')"),
      ("<a>1 < 2</a>", "'<' starts no element name; write a literal '<' as &lt;"),
      ("<a>x\u{1B}y</a>", "character U+001B in text, which XML does not allow; remove it (is the file binary?)"),
    ])
  func disallowedCharacters(document: String, message: String) throws {
    let error = try #require(readError("\n" + document))
    #expect(error.message == message)
    #expect(error.line == 2 && error.column != nil)
  }
}

extension XMLEvent {
  fileprivate var kindAndName: String {
    switch self {
    case .startElement(let name, _, _, _, let isEmpty): "start \(name)\(isEmpty ? " (empty)" : "")"
    case .endElement(let name): "end \(name)"
    case .text(let value, _, _): "text \(value)"
    }
  }

  fileprivate var kindAndLine: String {
    switch self {
    case .startElement(let name, _, let line, _, _): "start \(name) \(line)"
    case .endElement(let name): "end \(name)"
    case .text(_, let line, _): "text \(line)"
    }
  }

  fileprivate var textValue: String? {
    if case .text(let value, _, _) = self { return value }
    return nil
  }
}
