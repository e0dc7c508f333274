import AppraisalModel

/// Reads a V3 evidence file in the XML syntax into the JSON syntax's tree (for ``CMMI3TreeDecoder``):
/// `<appraisal>` with its `formatVersion` and `method` attributes; `<header>` and `<scope>` (with
/// `<areaTarget>` children) as objects of their attributes; each list (`<projects>`, `<practiceInputs>`, …)
/// as a wrapper element with one element per record; `<weakness>` elements inside a practice input or an
/// organizational process value, their text the weakness. Attributes named in
/// ``CMMI3EvidenceFormat/idLists`` hold space-separated ids.
///
/// Unknown elements and attributes, repeated single elements and stray text are problems here, located by
/// line (libxml2's streaming reader knows no start columns).
package enum CMMI3XMLTree {
  /// One problem of the XML layer: a line (0 when unknown), a column when known, and the message.
  package typealias Problem = (line: Int, column: Int?, message: String)

  private static let xsi = "http://www.w3.org/2001/XMLSchema-instance"

  private enum Kind {
    /// An element whose attributes are members of the record; its children are named by `children`.
    case record(String)
    /// A list's wrapper: its children are records `item`.
    case wrapper(list: String, item: String)
    /// An unknown element being skipped.
    case skipped
  }

  private struct Frame {
    var name: String
    var kind: Kind
    var position: JSONPosition
    var members: [JSONMember] = []
    var elements: [JSONNode] = []
    var lists: [(key: String, position: JSONPosition, nodes: [JSONNode])] = []
    var text = ""
    var textPosition: JSONPosition?
  }

  /// The elements a record element may contain: child element → (array member, record), or a single object.
  private static func child(of record: String, named name: String) -> (member: String, kind: Kind, repeated: Bool)? {
    switch (record, name) {
    case ("appraisal", "header"): ("header", .record("header"), false)
    case ("appraisal", "scope"): ("scope", .record("scope"), false)
    case ("appraisal", _):
      CMMI3EvidenceFormat.lists.first { $0.list == name }.map { (name, .wrapper(list: name, item: $0.record), false) }
    case ("scope", "areaTarget"): ("areaTargets", .record("areaTarget"), true)
    case ("practiceInput", "weakness"), ("organizationalProcessValue", "weakness"):
      ("weaknesses", .record("weakness"), true)
    default: nil
    }
  }

  /// `no child elements`, `<weakness>` or `one of <a>, <b>`.
  private static func expected(_ names: [String]) -> String {
    switch names.count {
    case 0: "no child elements"
    case 1: "<\(names[0])>"
    default: "one of " + names.map { "<\($0)>" }.joined(separator: ", ")
    }
  }

  private static func childNames(of record: String) -> [String] {
    switch record {
    case "appraisal": ["header", "scope"] + CMMI3EvidenceFormat.lists.map(\.list)
    case "scope": ["areaTarget"]
    case "practiceInput", "organizationalProcessValue": ["weakness"]
    default: []
    }
  }

  /// The tree, or `nil` with the problems when the document cannot be read as a V3 appraisal.
  package static func read(bytes: [UInt8], file: String) -> (root: JSONNode?, problems: [Problem]) {
    var problems: [Problem] = []
    var stack: [Frame] = []
    var result: JSONNode?
    do {
      let reader = try XMLStreamReader(bytes: bytes, name: file)
      while let event = try reader.next() {
        switch event {
        case .startElement(let name, let attributes, let line, _, _):
          let position = JSONPosition(line: line, column: 0)
          guard let parent = stack.last else {
            if name != "appraisal" {
              problems.append((line, nil, "the root element is <\(name)>; expected <appraisal>"))
              return (nil, problems)
            }
            var frame = Frame(name: name, kind: .record("appraisal"), position: position)
            frame.members = members(of: attributes, record: "appraisal", element: name, &problems)
            stack.append(frame)
            continue
          }
          var frame = Frame(name: name, kind: .skipped, position: position)
          switch parent.kind {
          case .skipped: break
          case .wrapper(_, let item):
            if name == item {
              frame.kind = .record(item)
            } else {
              problems.append((line, nil, "unknown element <\(name)> in <\(parent.name)>; expected <\(item)>"))
            }
          case .record(let record):
            if let child = child(of: record, named: name) {
              if !child.repeated && parent.members.contains(where: { $0.key == child.member }) {
                problems.append((line, nil, "duplicate element <\(name)> in <\(parent.name)>; expected it once"))
              } else {
                frame.kind = child.kind
              }
            } else {
              let expected = childNames(of: record)
              problems.append(
                (
                  line, nil,
                  "unknown element <\(name)> in <\(parent.name)>; expected "
                    + Self.expected(expected)
                ))
            }
          }
          if case .record(let record) = frame.kind {
            frame.members = members(of: attributes, record: record, element: name, &problems)
          }
          stack.append(frame)
        case .text(let text, let line, let column):
          guard var frame = stack.popLast() else { continue }
          if case .record("weakness") = frame.kind {
            frame.text += text
            if frame.textPosition == nil { frame.textPosition = JSONPosition(line: line, column: 0) }
          } else if case .skipped = frame.kind {
          } else {
            problems.append(
              (
                line, column > 0 ? column : nil,
                "unexpected text in <\(frame.name)>; expected only elements and attributes"
              ))
          }
          stack.append(frame)
        case .endElement:
          let frame = stack.removeLast()
          let node: JSONNode
          switch frame.kind {
          case .skipped: continue
          case .wrapper: node = JSONNode(.array(frame.elements), at: frame.position)
          case .record(let record):
            var members = frame.members
            for list in frame.lists {
              members.append(
                JSONMember(
                  key: list.key, keyPosition: list.position, value: JSONNode(.array(list.nodes), at: list.position)))
            }
            if record == "weakness", !frame.text.isEmpty {
              let position = frame.textPosition ?? frame.position
              members.append(
                JSONMember(
                  key: "text", keyPosition: position,
                  value: JSONNode(.string(frame.text.trimmed), at: position)))
            }
            node = JSONNode(.object(members), at: frame.position)
          }
          guard var parent = stack.popLast() else {
            result = node
            continue
          }
          switch parent.kind {
          case .wrapper: parent.elements.append(node)
          case .record(let record):
            let child = child(of: record, named: frame.name)!
            if child.repeated {
              if let index = parent.lists.firstIndex(where: { $0.key == child.member }) {
                parent.lists[index].nodes.append(node)
              } else {
                parent.lists.append((child.member, frame.position, [node]))
              }
            } else {
              parent.members.append(JSONMember(key: child.member, keyPosition: frame.position, value: node))
            }
          case .skipped: break
          }
          stack.append(parent)
        }
      }
    } catch {
      problems.append((error.line, error.column, error.message))
      return (nil, problems)
    }
    return (result, problems)
  }

  /// The attributes of a record element as members: ids lists split at spaces, integers as numbers.
  private static func members(
    of attributes: [XMLAttribute], record: String, element: String, _ problems: inout [Problem]
  ) -> [JSONMember] {
    let childMembers: Set<String> = ["areaTargets", "weaknesses", "header", "scope", "text"]
    let lists = Set(CMMI3EvidenceFormat.lists.map(\.list))
    let allowed = (CMMI3EvidenceFormat.members[record] ?? []).filter { name in
      !childMembers.contains(name) && !(record == "appraisal" && lists.contains(name))
    }
    var members: [JSONMember] = []
    for attribute in attributes {
      if attribute.namespace == xsi { continue }
      guard attribute.namespace == nil, allowed.contains(attribute.name) else {
        problems.append(
          (
            attribute.line, nil,
            "unknown attribute \"\(attribute.qualifiedName)\" on <\(element)>; expected "
              + (allowed.isEmpty ? "none" : "one of " + allowed.sorted().joined(separator: ", "))
          ))
        continue
      }
      let position = JSONPosition(line: attribute.line, column: 0)
      let value: JSONValue
      if CMMI3EvidenceFormat.idLists.contains(attribute.name) {
        value = .array(
          attribute.value.split(whereSeparator: { $0 == " " }).map { JSONNode(.string(String($0)), at: position) })
      } else if CMMI3EvidenceFormat.integers.contains(attribute.name), Int(attribute.value) != nil {
        value = .number(attribute.value)
      } else {
        value = .string(attribute.value)
      }
      members.append(JSONMember(key: attribute.name, keyPosition: position, value: JSONNode(value, at: position)))
    }
    return members
  }
}
