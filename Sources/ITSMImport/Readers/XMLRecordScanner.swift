import AppraisalModel
import EvidenceParsers

/// Builds the records of an XML export from libxml2's SAX2 events (``XMLPushParser``), one pass, no tree
/// of the document: a record is its element, child elements become members (repeated names kept, in
/// order), attributes stay attributes, text is the element's text — the nodes ``NativeRecordReader`` has
/// always handed out. A record whose children hold only text and attributes is kept flat
/// (``FlatElement``) until it is asked for a field; one with deeper elements becomes a tree when the
/// first of them starts.
///
/// Positions are those ``XMLStreamReader`` reports: a node's line is where its start tag ends; the root's
/// and each record's column is libxml2's column after the 512-byte chunk in which the element started,
/// when that is still on the element's line (``chunkEnded(line:column:)``). Members carry no column (no
/// message names one).
final class XMLRecordScanner: XMLPushHandler {
  private let shape: NativeRecordReader.XMLShape
  private let only: Set<String>?
  private let recordDepth: Int
  /// Set once the parser exists; it owns this handler.
  unowned(unsafe) var parser: XMLPushParser?

  private var depth = 0
  /// Depth of an element being skipped (not on the way to records), with its subtree.
  private var skipping: Int?
  /// The record being read while it is flat, and its element's name.
  private var flat: FlatElement?
  private var recordName = ""
  /// Whether a field of the flat record is open (not skipped by `only`).
  private var fieldOpen = false
  /// The open elements of the current record once it is a tree, the record first.
  private var open: [NativeNode] = []
  private var openNames: [String] = []
  /// Whether the open record started in the chunk being parsed (its column is known when the chunk ends).
  private var recordColumnPending = false
  /// Records completed in the chunk being parsed, handed out when it ends, and whether their column is
  /// still to be set.
  private var ready: [NativeRecord] = []
  private var readyColumnPending: [Bool] = []
  /// The root element, once it started; its column is pending until the chunk ends.
  private(set) var root: NativeNode?
  private(set) var rootName = ""
  private var rootColumnPending = false
  /// How many fields the last flat record had (to size the next one's list once).
  private var lastFieldCount = 0

  /// Names already turned into strings, by libxml2's interned pointer (a document has few distinct names).
  private var names: [(UnsafePointer<UInt8>, String)] = []

  init(shape: NativeRecordReader.XMLShape, only: Set<String>?) {
    self.shape = shape
    self.only = only
    recordDepth = shape.wrappers.count + 1
  }

  // MARK: - Events

  func startElement(_ index: Int, attributes: XMLPushAttributes) -> Bool {
    defer { depth += 1 }
    if skipping != nil { return true }
    if depth == recordDepth + 1, flat != nil {
      let name = name(attributes.elementName)
      if let only, !only.contains(name) {
        skipping = depth
        return true
      }
      fieldOpen = true
      flat!.addField(name, line: parser?.line ?? 0) { flat in
        _ = attributes.visitNamed { name, value in
          flat.addAttribute(self.name(name), value: value)
          return true
        }
      }
      return true
    }
    if depth > recordDepth + 1, flat != nil { makeTree() }
    let line = parser?.line ?? 0
    if depth == 0 {
      rootName = name(attributes.elementName)
      root = node(attributes, line: line)
      rootColumnPending = true
      return true
    }
    if depth < recordDepth {
      if name(attributes.elementName) != shape.wrappers[depth - 1] { skipping = depth }
      return true
    }
    let name = name(attributes.elementName)
    if depth == recordDepth {
      if shape.records?.contains(name) ?? true {
        let node = node(attributes, line: line)
        var record = FlatElement(attributes: node.attributes, line: line)
        record.fields.reserveCapacity(lastFieldCount)
        flat = record
        recordName = name
        recordColumnPending = true
      } else {
        skipping = depth
      }
    } else if depth == recordDepth + 1, let only, !only.contains(name) {
      skipping = depth
    } else {
      open.append(node(attributes, line: line))
      openNames.append(name)
    }
    return true
  }

  func endElement(_ index: Int) -> Bool {
    depth -= 1
    if let level = skipping {
      if depth == level { skipping = nil }
      return true
    }
    if flat != nil {
      if depth == recordDepth + 1 {
        fieldOpen = false
      } else if depth == recordDepth {
        lastFieldCount = flat!.fields.count
        ready.append(NativeRecord(container: recordName, flat: flat!))
        readyColumnPending.append(recordColumnPending)
        recordColumnPending = false
        flat = nil
      }
      return true
    }
    guard depth >= recordDepth, let node = open.popLast() else { return true }
    let name = openNames.removeLast()
    if open.isEmpty {
      ready.append(NativeRecord(container: name, node: node, line: node.line, column: node.column))
      readyColumnPending.append(recordColumnPending)
      recordColumnPending = false
    } else {
      open[open.count - 1].members.append(.init(name, node))
    }
    return true
  }

  func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard skipping == nil, depth > recordDepth else { return true }
    if flat != nil {
      if depth == recordDepth + 2 {
        if fieldOpen { flat!.addText(bytes) }
      } else {
        let text = String(decoding: bytes, as: UTF8.self)
        flat!.rawText = (flat!.rawText ?? "") + text
      }
    } else if !open.isEmpty {
      let text = String(decoding: bytes, as: UTF8.self)
      open[open.count - 1].rawText = (open[open.count - 1].rawText ?? "") + text
    }
    return true
  }

  /// The flat record as the open elements of a tree: the record, with the fields before the open one as
  /// members, and the open field.
  private func makeTree() {
    guard let record = flat else { return }
    var node = record.tree
    var last = node.members.popLast()
    last?.node.column = nil
    open = [node]
    openNames = [recordName]
    if let last {
      node = last.node
      open.append(node)
      openNames.append(last.name)
    }
    flat = nil
  }

  // MARK: - Chunks

  /// The chunk ended with libxml2 at `line` and `column`: the columns of the root and the records that
  /// started in it are now known (reported only on their own line, as ``XMLStreamReader`` reports them).
  func chunkEnded(line: Int, column: Int) {
    let reached = column
    func found(at nodeLine: Int) -> Int? { line == nodeLine && reached > 0 ? reached : nil }
    if rootColumnPending, root != nil {
      root!.column = found(at: root!.line)
      rootColumnPending = false
    }
    for index in ready.indices where readyColumnPending[index] {
      ready[index].locate(column: found(at: ready[index].line))
    }
    if recordColumnPending {
      if flat != nil {
        flat!.column = found(at: flat!.line)
      } else if !open.isEmpty {
        open[0].column = found(at: open[0].line)
      }
      recordColumnPending = false
    }
  }

  /// Hands out the records completed so far and forgets them.
  func takeReady() -> [NativeRecord] {
    defer {
      ready.removeAll(keepingCapacity: true)
      readyColumnPending.removeAll(keepingCapacity: true)
    }
    return ready
  }

  // MARK: - Values

  private func node(_ attributes: XMLPushAttributes, line: Int) -> NativeNode {
    var node = NativeNode(kind: .object, line: line, column: nil)
    _ = attributes.visitNamed { name, value in
      node.attributes.append((self.name(name), String(decoding: value, as: UTF8.self)))
      return true
    }
    return node
  }

  /// The string of an element or attribute name.
  private func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard let pointer = bytes.baseAddress else { return "" }
    for entry in names where entry.0 == pointer { return entry.1 }
    let name = String(decoding: bytes, as: UTF8.self)
    if names.count < 256 { names.append((pointer, name)) }
    return name
  }
}
