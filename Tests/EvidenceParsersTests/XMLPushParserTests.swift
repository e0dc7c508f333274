import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers

/// ``XMLPushParser`` against ``XMLStreamReader``: the same events (as ``XMLStreamReader/advance()`` sees them)
/// and the same errors, whatever the chunk size, including for the hostile fixtures.
@Suite("XML push parser")
struct XMLPushParserTests {
  static let names = ["a", "b", "id", "t"]

  /// Writes every event down as text.
  final class Recorder: XMLPushHandler {
    var trace: [String] = []

    func startElement(_ name: Int, attributes: XMLPushAttributes) -> Bool {
      var line = "start \(name)"
      _ = attributes.visit { name, value in
        line += " \(name)=\(String(decoding: value, as: UTF8.self))"
        return true
      }
      trace.append(line)
      return true
    }

    func endElement(_ name: Int) -> Bool {
      trace.append("end \(name)")
      return true
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      trace.append("text " + String(decoding: bytes, as: UTF8.self))
      return true
    }
  }

  /// The push parser's trace and error, fed `chunkSize` bytes at a time.
  static func pushed(_ bytes: [UInt8], chunkSize: Int) -> (trace: [String], error: XMLReadError?) {
    let recorder = Recorder()
    do {
      let parser = try XMLPushParser(
        bytes: bytes, name: "t.xml", names: names, chunkSize: chunkSize, handler: recorder)
      while try parser.parseNext() {}
      return (recorder.trace, nil)
    } catch {
      return (recorder.trace, error)
    }
  }

  /// The reader's trace and error.
  static func read(_ bytes: [UInt8]) -> (trace: [String], error: XMLReadError?) {
    var trace: [String] = []
    do {
      let reader = try XMLStreamReader(bytes: bytes, name: "t.xml")
      reader.internNames(names)
      while true {
        switch try reader.advance() {
        case .endOfDocument: return (trace, nil)
        case .startElement:
          var line = "start \(reader.currentName)"
          _ = reader.forEachAttribute { name, value in
            line += " \(name)=\(String(decoding: value, as: UTF8.self))"
            return true
          }
          trace.append(line)
        case .endElement: trace.append("end \(reader.currentName)")
        case .text: trace.append("text " + reader.currentText)
        }
      }
    } catch {
      return (trace, error)
    }
  }

  static let documents = [
    "<a id=\"1\"><b>x</b><b/> <t>  </t><c>a &amp; b &lt; c &#233;&#x10000;</c></a>",
    "<a id=\"x &amp; y &#38; &lt;z&gt;\" t='&quot;'><![CDATA[one]]>two<![CDATA[ ]]></a>",
    "<?xml version=\"1.0\"?>\n<a>\n  <b xml:space=\"preserve\"> </b>\n  <b>1<!--c-->2</b><b> <!--c-->3</b><?pi x?>4</a>\n",
    "<p:a xmlns:p=\"urn:p\" p:id=\"2\" id=\"3\"><b xmlns=\"urn:q\">é</b></p:a>",
  ]

  @Test("the same events as XMLStreamReader, whole or in chunks down to 1 byte", arguments: documents)
  func sameEvents(document: String) {
    let bytes = Array(document.utf8)
    let expected = Self.read(bytes)
    #expect(expected.error == nil)
    for chunkSize in [1, 2, 3, 7, bytes.count, 16 * 1024] {
      let found = Self.pushed(bytes, chunkSize: chunkSize)
      #expect(found.error == nil, "chunk \(chunkSize)")
      #expect(found.trace == expected.trace, "chunk \(chunkSize)")
    }
  }

  @Test(
    "the same error as XMLStreamReader for malformed documents",
    arguments: [
      "", "   ", "<a>", "<a></b>", "<a>&x;</a>", "<a>&#1;</a>", "<a/><b/>", "<?xml version=\"1.0\"?>",
      "<a b='1' b='2'/>", "<x:a/>", "<a>\n<b>&</b></a>", "<a b='<'/>", "<a>x</a>garbage", "\u{1F}\u{8B}\u{8}",
      "text", "<a>&#xD800;</a>", "<a>&#99999999;</a>", "<!DOCTYPE a><a/>",
      "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "<a>\n<!DOCTYPE a></a>",
    ])
  func sameErrors(document: String) {
    let bytes = Array(document.utf8)
    let expected = Self.read(bytes)
    #expect(expected.error != nil)
    for chunkSize in [1, 5, 16 * 1024] {
      let found = Self.pushed(bytes, chunkSize: chunkSize)
      #expect(found.error == expected.error, "chunk \(chunkSize)")
    }
  }

  @Test(
    "documents libxml2 only warns about end as they end with the reader",
    arguments: ["<a xmlns=\"foo\"><b/></a>", "<a xmlns:p=\"urn:p\" xmlns:q=\"urn:p\" p:x=\"1\" q:x=\"2\"/>"])
  func warnings(document: String) {
    let bytes = Array(document.utf8)
    let expected = Self.read(bytes)
    for chunkSize in [1, 16 * 1024] {
      let found = Self.pushed(bytes, chunkSize: chunkSize)
      #expect(found.error == expected.error, "chunk \(chunkSize)")
      #expect(found.trace.starts(with: expected.trace), "chunk \(chunkSize)")
    }
  }

  @Test(
    "the hostile fixtures: the same result as XMLStreamReader, nothing read from outside",
    arguments: [
      "billion-laughs.xml", "doctype-internal-subset.xml", "encoding-lie-latin1.xml", "encoding-lie-utf16.xml",
      "external-dtd.xml", "gzip-compressed.xml", "invalid-utf8.xml", "parameter-entities.xml", "utf16-bom.xml",
      "xinclude.xml", "xxe-file.xml", "xxe-http.xml",
    ])
  func hostile(name: String) throws {
    let bytes = try Golden.bytes("fixtures/hostile/\(name)")
    let expected = Self.read(bytes)
    let found = Self.pushed(bytes, chunkSize: 16 * 1024)
    #expect(found.error == expected.error)
    // The reader stops at an error libxml2 found up to a chunk ahead of the node it is on; the push parser's
    // events go up to the error itself.
    #expect(found.trace.starts(with: expected.trace))
    if expected.error == nil { #expect(found.trace == expected.trace) }
  }

  @Test("a handler that returns false stops the parse: no more events, and parseNext says the end")
  func stop() throws {
    final class Stopper: XMLPushHandler {
      var starts = 0
      func startElement(_ name: Int, attributes: XMLPushAttributes) -> Bool {
        starts += 1
        return starts < 2
      }
      func endElement(_ name: Int) -> Bool { true }
      func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { true }
    }
    let stopper = Stopper()
    let parser = try XMLPushParser(
      bytes: Array("<a><b/><b/><b/></a>".utf8), name: "t.xml", names: [], chunkSize: 1, handler: stopper)
    while try parser.parseNext() {}
    #expect(stopper.starts == 2)
    #expect(try parser.parseNext() == false)
  }

  @Test("a text run beyond libxml2's 10,000,000-byte text node limit is refused as the reader refuses it")
  func hugeText() {
    let bytes = Array("<a>".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_100) + Array("</a>".utf8)
    let expected = Self.read(bytes)
    let found = Self.pushed(bytes, chunkSize: 64 * 1024)
    #expect(expected.error?.message.hasPrefix("a text value longer than 10,000,000 bytes") == true)
    #expect(found.error?.message == expected.error?.message)
    #expect(found.error?.line == expected.error?.line)
  }
}
