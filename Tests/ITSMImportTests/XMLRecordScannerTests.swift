import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import EvidenceParsers
@testable import ITSMImport

/// The one-pass SAX2 record scanner hands out the records, positions and errors the xmlTextReader-based
/// reader handed out (kept here as the reference), for the fixtures and for documents whose records start
/// at every offset of libxml2's 512-byte chunks.
@Suite("ITSM import: XML record scanner")
struct XMLRecordScannerTests {
  static let serviceNow = ServiceNowProfile.xmlShape!
  static let jira = JiraProfile.xmlShape!

  /// The records as the reader built on ``XMLStreamReader`` read them, or its error.
  static func reference(
    _ path: String, shape: NativeRecordReader.XMLShape, only: Set<String>? = nil
  ) -> Result<[NativeRecord], ReadFailure> {
    var records: [NativeRecord] = []
    do {
      let reader = try XMLStreamReader(path: path)
      let recordDepth = shape.wrappers.count + 1
      var depth = 0
      var open: [NativeNode] = []
      var openNames: [String] = []
      var skipping: Int?
      while let event = try reader.next() {
        switch event {
        case .startElement(let name, let attributes, let line, let column, _):
          defer { depth += 1 }
          if skipping != nil { continue }
          let node = NativeNode(
            kind: .object, attributes: attributes.map { ($0.name, $0.value) }, line: line,
            column: column > 0 ? column : nil)
          if depth == 0 {
            if name != shape.root {
              return .failure(
                NativeRecordReader.located(
                  path, line, column,
                  "the root element is <\(name)>; expected <\(shape.root)> (\(shape.description))"))
            }
          } else if depth < recordDepth {
            if name != shape.wrappers[depth - 1] { skipping = depth }
          } else if depth == recordDepth {
            if shape.records?.contains(name) ?? true {
              open = [node]
              openNames = [name]
            } else {
              skipping = depth
            }
          } else if depth == recordDepth + 1, let only, !only.contains(name) {
            skipping = depth
          } else {
            open.append(node)
            openNames.append(name)
          }
        case .text(let text, _, _):
          if skipping == nil, depth > recordDepth, !open.isEmpty {
            open[open.count - 1].rawText = (open[open.count - 1].rawText ?? "") + text
          }
        case .endElement:
          depth -= 1
          if let level = skipping {
            if depth == level { skipping = nil }
            continue
          }
          guard depth >= recordDepth, let node = open.popLast() else { continue }
          let name = openNames.removeLast()
          if open.isEmpty {
            records.append(NativeRecord(container: name, node: node, line: node.line, column: node.column))
          } else {
            open[open.count - 1].members.append(.init(name, node))
          }
        }
      }
    } catch {
      // The reader throws only XMLReadError (typed throws).
      return .failure(.invalid(file: path, problems: [XMLAppraisalDecoder.located(error, file: path)]))
    }
    return .success(records)
  }

  /// The records as ``NativeRecordReader/readXML(path:shape:only:envelope:_:)`` reads them, or its error.
  static func scanned(
    _ path: String, shape: NativeRecordReader.XMLShape, only: Set<String>? = nil
  ) -> Result<[NativeRecord], ReadFailure> {
    var records: [NativeRecord] = []
    do throws(ReadFailure) {
      try NativeRecordReader.readXML(path: path, shape: shape, only: only) { records.append($0) }
    } catch {
      return .failure(error)
    }
    return .success(records)
  }

  /// A node as text: name, line, attributes, text and members, nested; the column of records only.
  static func describe(_ node: NativeNode, name: String, indent: String = "", column: Int? = nil) -> String {
    let attributes = node.attributes.map { " \($0.name)=\"\($0.value)\"" }.joined()
    var text = "\(indent)<\(name)\(attributes)> line \(node.line) column \(column.map(String.init) ?? "-")"
    if let raw = node.rawText { text += " text \(raw.debugDescription)" }
    for member in node.members { text += "\n" + describe(member.node, name: member.name, indent: indent + "  ") }
    return text
  }

  static func describe(_ result: Result<[NativeRecord], ReadFailure>) -> [String] {
    switch result {
    case .success(let records):
      records.map { describe($0.node, name: $0.container, column: $0.column) + " @\($0.line):\($0.column ?? 0)" }
    case .failure(let failure): ["error: " + (failure.errorDescription ?? "\(failure)")]
    }
  }

  static func expectSame(_ path: String, shape: NativeRecordReader.XMLShape, only: Set<String>? = nil) {
    let expected = describe(reference(path, shape: shape, only: only))
    let found = describe(scanned(path, shape: shape, only: only))
    #expect(found.count == expected.count, "\(path): \(found.count) records, expected \(expected.count)")
    for (index, (left, right)) in zip(found, expected).enumerated() where left != right {
      Issue.record("\(path): record \(index) differs:\n\(left)\nexpected\n\(right)")
      return
    }
  }

  static func write(_ text: String, name: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xml-record-scanner-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("the ServiceNow and Jira fixtures read alike, whole and with a field filter")
  func fixtures() throws {
    let root = Golden.url("fixtures/itsm").path + "/"
    for file in [
      "incident.xml", "incident-malformed.xml", "problem.xml", "change_request.xml", "task_sla.xml",
      "kb_knowledge.xml", "sys_user_group.xml",
    ] {
      Self.expectSame(root + "servicenow/" + file, shape: Self.serviceNow)
      Self.expectSame(
        root + "servicenow/" + file, shape: Self.serviceNow,
        only: ServiceNowProfile.lookupFields(ITSMImportOptions()))
    }
    for file in ["issues.xml", "partial-export.xml"] { Self.expectSame(root + "jira-sm/" + file, shape: Self.jira) }
    // Another tool's shape: the wrong root, located as before.
    Self.expectSame(root + "jira-sm/issues.xml", shape: Self.serviceNow)
  }

  @Test("ServiceNow reads a flat record's fields without nodes exactly as it reads them through the nodes")
  func flatFieldReads() throws {
    let root = Golden.url("fixtures/itsm").path + "/servicenow/"
    // White space around text and display values, empty and repeated fields, a field with other
    // attributes, a record attribute, an element inside a field (that record is a tree: the node path).
    let edges = try Self.write(
      """
      <unload><incident action="INSERT_OR_UPDATE" number="attr-number">
        <number>  INC1 </number><assignment_group display_value=" Service  Desk ">  </assignment_group>
        <business_service display_value="">0123456789abcdef0123456789abcdef</business_service>
        <caused_by link="x" display_value="CHG1"/><known_error> TRUE </known_error><category/>
        <category>second</category><close_notes>

        </close_notes><opened_at display_value="2026-03-02 10:00:00">garbled</opened_at>
      </incident><incident><number>INC2</number><rfc><inner>x</inner></rfc></incident></unload>
      """, name: "flat-fields.xml")
    var flat = 0
    for path in ["incident.xml", "problem.xml", "change_request.xml", "task_sla.xml", "kb_knowledge.xml"].map({
      root + $0
    }) + [edges] {
      let records = try Self.scanned(path, shape: Self.serviceNow).get()
      for record in records {
        if record.flatField("number") != nil { flat += 1 }
        let names =
          record.node.members.map(\.name) + record.node.attributes.map(\.name) + [
            "absent", "display_value", "dv_assignment_group", "value",
          ]
        for name in names {
          let read = ServiceNowProfile.field(record, name)
          let node = ServiceNowProfile.Field(record[name])
          let shown = "\(path) line \(record.line): \(name)"
          #expect(read.isScalar == node.isScalar, "\(shown)")
          #expect(read.value == node.value, "\(shown)")
          #expect(read.label == node.label, "\(shown)")
          #expect(read.text == node.text, "\(shown)")
          #expect(read.reference == node.reference, "\(shown)")
          #expect(read.flag == node.flag, "\(shown)")
          #expect(read.link == node.link, "\(shown)")
        }
      }
    }
    #expect(flat > 10, "the fixtures' records were not read flat")
  }

  @Test("records starting at every offset of the 512-byte chunks get the reader's lines and columns")
  func chunkOffsets() throws {
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<unload unload_date=\"2026-03-02 09:14:27\">\n"
    for index in 0..<700 {
      // Record lengths that drift against the chunks, start tags of several lengths, some on one line with
      // their fields, entities, CDATA, comments, CRLF line ends and non-ASCII text.
      let padding = String(repeating: "x", count: index % 37)
      let table = ["incident", "problem", "change_request", "u_custom_table"][index % 4]
      let end = index % 5 == 0 ? "\r\n" : "\n"
      if index % 7 == 0 {
        text += "  <\(table) action=\"INSERT\"><number>N\(index)</number><state>\(index % 9)</state></\(table)>\(end)"
        continue
      }
      text += "  <\(table) action=\"INSERT_OR_UPDATE\" note=\"\(padding) &amp; ü\">\(end)"
      text += "    <number>N\(index)</number>\(end)"
      text += "    <short_description>Störung \(padding) &lt;\(index)&gt; <![CDATA[a < b]]></short_description>\(end)"
      text += "    <assignment_group display_value=\"Réseau &amp; Télécom\">287ebd7da9fe</assignment_group>\(end)"
      if index % 3 == 0 { text += "    <!-- \(padding) -->\(end)    <category/>\(end)" }
      text += "    <close_notes>line one\(end)line two \(padding)</close_notes>\(end)"
      text += "  </\(table)>\(end)"
    }
    text += "</unload>\n"
    let path = try Self.write(text, name: "chunks.xml")
    Self.expectSame(path, shape: Self.serviceNow)
    // Both kinds of record occur: with a column (the chunk ended on its line) and without.
    let records = try Self.reference(path, shape: Self.serviceNow).get()
    #expect(records.contains { $0.column != nil } && records.contains { $0.column == nil })
    let narrow = NativeRecordReader.XMLShape(
      root: "unload", wrappers: [], records: ["incident", "problem"], description: "test")
    Self.expectSame(path, shape: narrow, only: ["number", "assignment_group"])
  }

  @Test("malformed documents fail with the reader's error")
  func malformed() throws {
    let documents = [
      "truncated.xml": "<unload>\n  <incident>\n    <number>INC1</number>\n",
      "mismatch.xml": "<unload>\n  <incident>\n    <number>INC1</numbr>\n  </incident>\n</unload>\n",
      "doctype.xml": "<?xml version=\"1.0\"?>\n<!DOCTYPE unload [<!ENTITY x \"y\">]>\n<unload><incident/></unload>\n",
      "empty.xml": "",
      "text.xml": "incident,number\n",
      "wrong-root.xml": "<?xml version=\"1.0\"?>\n<records>\n  <incident><number>1</number></incident>\n</records>\n",
      "late-error.xml": "<unload>\n" + String(repeating: "  <incident><number>INC1</number></incident>\n", count: 40)
        + "  <incident><number>INC2</number></incident>\n  <incident>&bogus;</incident>\n</unload>\n",
    ]
    for (name, text) in documents.sorted(by: { $0.key < $1.key }) {
      Self.expectSame(try Self.write(text, name: name), shape: Self.serviceNow)
    }
  }

  /// An incident of a ServiceNow unload.
  static func incident(
    _ number: String, group: String = "<assignment_group display_value=\"Desk\">a1</assignment_group>"
  )
    -> String
  {
    "  <incident>\n    <number>\(number)</number>\n    <state>7</state>\n    \(group)\n  </incident>\n"
  }

  /// Reads `files` (name → text) as one ServiceNow import, both as the command does (records handed out
  /// as the first pass reads them) and held until each file ends; both must agree.
  static func importing(_ files: [(String, String)]) throws -> (records: [String], results: [ITSMFileResult]) {
    let paths = try files.map { try write($0.1, name: $0.0) }
    var held: [String] = []
    let results = ITSMImportReader.read(paths: paths, tool: .servicenow, policy: .skip) { record, _ in
      held.append("\(record.id) \(record.group)")
    }
    var provisional: [String] = []
    let early = ITSMImportReader.read(
      paths: paths, tool: .servicenow, options: ITSMImportOptions(), policy: .skip, problems: nil, provisional: true
    ) { record, file in
      provisional.append("\(record.id) \(record.group)")
    }
    #expect(early.map(\.recordCount) == results.map(\.recordCount))
    #expect(early.map { $0.problems.map(\.description) } == results.map { $0.problems.map(\.description) })
    return (held, results)
  }

  @Test("records needing look-ups wait for every file; a rejected file leaves no duplicates behind")
  func lookupsAndRejectedFiles() throws {
    let unload = { (body: String) in "<?xml version=\"1.0\"?>\n<unload>\n\(body)</unload>\n" }
    // INC2's group is a sys_id named by the sys_user_group file that comes last; the records after it are
    // normalized in the second pass, in order.
    let (records, results) = try Self.importing([
      (
        "incident.xml",
        unload(
          Self.incident("INC1") + Self.incident("INC2", group: "<assignment_group>g2</assignment_group>")
            + Self.incident("INC3"))
      ),
      (
        "broken.xml",
        "<?xml version=\"1.0\"?>\n<unload>\n" + Self.incident("INC4") + Self.incident("INC1") + "  <incident>\n"
      ),
      ("more.xml", unload(Self.incident("INC4") + Self.incident("INC5"))),
      (
        "sys_user_group.xml",
        unload("  <sys_user_group>\n    <sys_id>g2</sys_id>\n    <name>Network</name>\n  </sys_user_group>\n")
      ),
    ])
    #expect(records == ["INC1 Desk", "INC2 Network", "INC3 Desk", "INC4 Desk", "INC5 Desk"])
    #expect(results.map(\.recordCount) == [3, 0, 2, 0])
    #expect(results[1].failure != nil)
    // INC4 and INC1 of the rejected file are no duplicates.
    #expect(results.map(\.duplicateCount) == [0, 0, 0, 0])
    #expect(results.flatMap(\.problems).isEmpty)
  }
}
