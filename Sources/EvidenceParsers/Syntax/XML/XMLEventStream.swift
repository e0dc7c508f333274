/// ``XMLStreamReader``'s events — the same events, with the same positions and the same errors, at the same
/// points — from libxml2's SAX2 push parser (``XMLPushParser``), which builds no node per element and
/// attribute: what the evidence decoder reads a large file with.
///
/// ```swift
/// let stream = try XMLEventStream(path: "evidence.xml")
/// while let event = try stream.next() { … }
/// ```
///
/// xmlTextReader places events by where libxml2's parser happens to be when it hands a node out: a start
/// tag's column is the parser's if it is still on the tag's line, an element past line 65535 gets its line
/// from the text after it as far as that has been read, and an error in the input stops the events at the
/// node the reader was about to hand out. So this stream feeds libxml2 exactly as xmlTextReader feeds it
/// (``XMLPushParser/init(path:digester:names:handler:)``: libxml2 is then in the same state after each
/// chunk), keeps a model of the tree xmlTextReader would build (links and the chunk each node was made in,
/// no names or values), and replays xmlTextReader's walk over it (``TextReaderReplica``, a transcription of
/// libxml2 2.9.14's xmlTextReaderRead): each event comes out when, and where, xmlTextReader would give it.
///
/// ``scan(_:)`` hands the content of an element straight from the SAX callbacks to an ``XMLDirectScanner``
/// (no event, no `String`), for the evidence items; the model then records only what the walk needs to
/// resume after the element.
///
/// Not thread-safe: use one stream from one task at a time (it is not `Sendable`).
package final class XMLEventStream {
  private let replica: TextReaderReplica
  private let parser: XMLPushParser
  private var storedError: XMLReadError?
  private var parserDone = false
  private var inputFinished = false
  /// The namespace URI of the element of the last `startElement` event ``next()`` returned, `nil` when the
  /// element is in no namespace (as ``XMLStreamReader/elementNamespace``).
  package private(set) var elementNamespace: String?

  /// Streams the file at `path` (see ``XMLStreamReader/init(path:digester:)``); `names` are the element
  /// names a scanner tells apart (``scan(_:)``).
  package init(path: String, digester: InputDigester? = nil, names: [String] = []) throws(XMLReadError) {
    let replica = TextReaderReplica(names: names)
    parser = try XMLPushParser(path: path, digester: digester, names: names, handler: replica)
    self.replica = replica
    replica.parser = parser
  }

  /// Reads an in-memory document; `name` is used as `XMLReadError.file`.
  package init(bytes: [UInt8], name: String, names: [String] = []) throws(XMLReadError) {
    let replica = TextReaderReplica(names: names)
    parser = try XMLPushParser(textReaderBytes: bytes, name: name, names: names, handler: replica)
    self.replica = replica
    replica.parser = parser
  }

  /// The next event, or `nil` at the end of the document; as ``XMLStreamReader/next()``.
  package func next() throws(XMLReadError) -> XMLEvent? {
    while true {
      if let (event, namespace) = replica.takeEvent() {
        if case .startElement = event { elementNamespace = namespace }
        return event
      }
      if replica.walkFailed { try fail(parser.readError) }
      if replica.walkEnded {
        if !inputFinished {
          inputFinished = true
          do { try parser.finishInput() } catch { try fail(error) }
        }
        return nil
      }
      try feed()
    }
  }

  /// Hands what follows the start tag ``next()`` just returned, up to and including its end tag, to `scanner`,
  /// as it is read; returns `true` when the scanner got through it (``XMLScanStep/done``), `false` when it gave
  /// up (the stream should then be dropped). Throws on malformed input.
  package func scan(_ scanner: any XMLDirectScanner) throws(XMLReadError) -> Bool {
    replica.beginScan()
    // Events already placed go first, as events, until the walk has placed everything libxml2 has read:
    // from there on the scanner takes the nodes as they come.
    while true {
      while let (event, namespace) = replica.takeEvent() {
        switch replica.convertedStep(event, namespace: namespace, scanner) {
        case .more: continue
        case .done: return true
        case .gaveUp: return false
        }
      }
      if replica.walkEnded { return false }
      if replica.isCaughtUp { break }
      try feed()
    }
    replica.beginDirect(scanner)
    while true {
      try feed()
      switch replica.directOutcome {
      case .more:
        if parserDone { return false }
      case .done: return true
      case .gaveUp: return false
      }
    }
  }

  /// Feeds libxml2 one chunk and lets the replica place what it can.
  private func feed() throws(XMLReadError) {
    if let storedError { throw storedError }
    if parserDone {
      // The walk wants more than the document holds: only after an error, which was thrown.
      replica.endWalk()
      return
    }
    replica.beginChunk()
    do {
      parserDone = try !parser.parseNext()
    } catch {
      try fail(error)
    }
    replica.endChunk(
      line: parser.line, column: parser.column,
      endsPush: parser.lastChunkHadStartTag || parser.lastChunkEndedRead || parserDone,
      terminated: parserDone)
  }

  private func fail(_ error: XMLReadError) throws(XMLReadError) -> Never {
    storedError = error
    throw error
  }
}

/// What ``XMLEventStream/scan(_:)`` hands an element's content to. The stream calls the scanner's type, with
/// ``scanContext``: a call through a protocol-typed reference retains and releases it, once per node.
package protocol XMLDirectScanner: AnyObject {
  /// What the stream passes to the static methods; valid as long as the scanner.
  var scanContext: UnsafeMutableRawPointer { get }
  /// A start tag, straight from libxml2.
  static func startElement(_ context: UnsafeMutableRawPointer, _ element: XMLPushElement) -> XMLScanStep
  /// A start tag placed before scanning began, as an event (`name`: the index of its local name in the
  /// stream's names, or -1).
  static func startElement(_ context: UnsafeMutableRawPointer, _ name: Int, event: XMLEvent, namespace: String?)
    -> XMLScanStep
  static func endElement(_ context: UnsafeMutableRawPointer) -> XMLScanStep
  /// Character data that is not only white space.
  static func text(_ context: UnsafeMutableRawPointer) -> XMLScanStep
}

package enum XMLScanStep {
  case more
  /// The end tag of the element scanned.
  case done
  case gaveUp
}

// MARK: - The replica of xmlTextReader's walk

/// A node of the tree xmlTextReader would build, as far as its walk looks at it (no names, no values).
private struct ReplicaNode {
  enum Kind: UInt8 { case document, element, text, other }
  var kind: Kind
  /// Element written `<a/>` (NODE_IS_EMPTY); text of white space only; text whose run has ended.
  var isEmpty = false
  var isBlank = false
  var isComplete = true
  /// Made while scanning: nothing to hand out. `silentEnd`: the scanned element, whose end tag the scanner took.
  var silent = false
  var silentEnd = false
  /// Links by number (-1: none).
  let parent: Int
  var next = -1
  var firstChild = -1
  // The rest is stored narrow (nodes are copied a lot): libxml2 counts lines in an `int`, and 2^31 chunks
  // of 512 bytes are a terabyte.
  /// The chunk (``XMLPushParser/parseNext()`` call, from 1) during which libxml2 made the node.
  private var created32: Int32
  /// libxml2's line: element, at its start tag's `>`; text, when its first piece arrived.
  private var line32: Int32
  /// Element: the elements open around it (xmlTextReader's depth for it).
  private var depth32: Int32 = 0
  /// Text: line breaks in libxml2's first piece of it (see lineBreaksInFirstPiece), once it is complete.
  private var breaks32: Int32 = 0
  /// Index in ``Replica/payloads`` of what is handed out for it, or -1 (payloads are renumbered as nodes
  /// are dropped, so they stay few).
  private var payload32: Int32 = -1

  init(_ kind: Kind, parent: Int, created: Int, line: Int) {
    self.kind = kind
    self.parent = parent
    created32 = Int32(truncatingIfNeeded: created)
    line32 = Int32(truncatingIfNeeded: line)
  }

  var created: Int { Int(created32) }
  var line: Int { Int(line32) }
  var depth: Int {
    get { Int(depth32) }
    set { depth32 = Int32(truncatingIfNeeded: newValue) }
  }
  var breaks: Int {
    get { Int(breaks32) }
    set { breaks32 = Int32(truncatingIfNeeded: newValue) }
  }
  var payload: Int {
    get { Int(payload32) }
    set { payload32 = Int32(truncatingIfNeeded: newValue) }
  }
}

/// What a node hands out: an element's names and attributes (its end tag takes the name too), or a text.
private enum ReplicaPayload {
  case start(name: String, namespace: String?, attributes: [XMLAttribute])
  case text(String)
}

/// libxml2's state after a chunk at which xmlTextReaderPushData stops (a start tag was read in it, or the
/// input ran out): the only states xmlTextReader's walk ever looks at.
private struct ChunkState {
  var number: Int
  /// ctxt->nodeNr and ctxt->node.
  var depth: Int
  var element: Int
  /// The parse was ended (xmlParseChunk with terminate): instate XML_PARSER_EOF, and xmlTextReader's mode EOF.
  var terminated: Bool
  var line: Int
  var column: Int
}

/// The ``XMLPushNodeHandler`` behind ``XMLEventStream``. Its state lives behind a pointer (``Replica``): a
/// class's stored properties are checked for exclusive access at run time on every use.
private final class TextReaderReplica: XMLPushNodeHandler {
  let state: UnsafeMutablePointer<Replica>

  init(names: [String]) {
    state = .allocate(capacity: 1)
    state.initialize(to: Replica(names: names))
  }

  deinit {
    state.pointee.release()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  /// Set right after the parser is made (it needs this handler first); for the run still open.
  var parser: XMLPushParser? {
    get { state.pointee.parser }
    set { state.pointee.parser = newValue }
  }

  var walkEnded: Bool { state.pointee.walkEnded }
  var isCaughtUp: Bool { state.pointee.isCaughtUp }
  var walkFailed: Bool { state.pointee.walkFailed }
  var directOutcome: XMLScanStep { state.pointee.directOutcome }

  func startElement(_ name: Int, attributes: XMLPushAttributes) -> Bool { true }
  func endElement(_ name: Int) -> Bool { true }
  func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { true }

  var nodeContext: UnsafeMutableRawPointer { UnsafeMutableRawPointer(state) }

  private static func replica(_ context: UnsafeMutableRawPointer) -> UnsafeMutablePointer<Replica> {
    context.assumingMemoryBound(to: Replica.self)
  }
  static func startElement(_ context: UnsafeMutableRawPointer, _ element: XMLPushElement) -> Bool {
    replica(context).pointee.startElement(element)
  }
  static func endElement(_ context: UnsafeMutableRawPointer, _ name: Int) -> Bool {
    replica(context).pointee.endElement()
  }
  static func textRun(
    _ context: UnsafeMutableRawPointer, _ bytes: UnsafeBufferPointer<UInt8>, isBlank: Bool, line: Int
  ) -> Bool {
    replica(context).pointee.textRun(bytes, isBlank: isBlank, line: line)
  }
  static func otherNode(_ context: UnsafeMutableRawPointer) -> Bool { replica(context).pointee.otherNode() }

  func beginChunk() { state.pointee.beginChunk() }
  func endChunk(line: Int, column: Int, endsPush: Bool, terminated: Bool) {
    state.pointee.endChunk(line: line, column: column, endsPush: endsPush, terminated: terminated)
  }
  func takeEvent() -> (XMLEvent, String?)? { state.pointee.takeEvent() }
  func endWalk() { state.pointee.walkEnded = true }
  func beginScan() { state.pointee.beginScan() }
  func beginDirect(_ scanner: any XMLDirectScanner) { state.pointee.beginDirect(scanner) }
  func convertedStep(_ event: XMLEvent, namespace: String?, _ scanner: any XMLDirectScanner) -> XMLScanStep {
    state.pointee.convertedStep(event, namespace: namespace, scanner)
  }
}

/// The model of xmlTextReader's tree and its walk over it (libxml2 2.9.14, xmlreader.c), with
/// ``XMLStreamReader``'s rules for positions on top.
private struct Replica {
  unowned(unsafe) var parser: XMLPushParser?
  private let nameIndexes: [String: Int]

  // The model. Nodes are numbered in the order libxml2 makes them (the document is 0), from `base` in
  // `nodes`; those the walk has passed are dropped, except the elements around it (pinned).
  private var nodes: UnsafeMutablePointer<ReplicaNode>
  private var capacity = 1024
  private var count = 0
  private var base = 0
  private var pinnedIDs: UnsafeMutablePointer<Int>
  private var pinned: UnsafeMutablePointer<ReplicaNode>
  private var pinnedCount = 0
  private var pinnedCapacity = 16
  private var payloads: [ReplicaPayload] = []
  /// The elements libxml2 has open (ctxt->nodeTab), each with its last child so far (-1: none), and the
  /// document's last child.
  private var open: [(id: Int, lastChild: Int)] = []
  private var documentLastChild = -1
  /// The run whose first piece came at a chunk's end (a text node already), while it goes on.
  private var openRunNode = -1

  // Chunks: the one being parsed, and the states the walk may still look at (from `first`).
  private var chunk = 0
  private var states: [ChunkState] = [
    ChunkState(number: 0, depth: 0, element: -1, terminated: false, line: 1, column: 1)
  ]
  /// Index in `states` of the walk's state (xmlTextReader's view of the parser).
  private var current = 0

  // The walk (xmlTextReader's fields).
  private enum State { case element, end, backtrack }
  private enum Phase {
    case idle
    case initial(pushed: Bool)
    case loop
    case expand
  }
  private var started = false
  private var eof = false
  private var node = -1
  private var state = State.element
  private var depth = 0
  private var phase = Phase.idle
  private var oldDepth = 0
  private var oldState = State.element
  /// An empty element handed out: its end comes next, without a read (``XMLStreamReader``'s pendingEnd).
  private var pendingEnd = -1
  var walkEnded = false
  /// The walk ended in an error of xmlTextReader's own (no node to start from): the parser's error stands.
  private(set) var walkFailed = false
  /// ``XMLStreamReader``'s lastLine.
  private var lastLine = 1
  /// The last node the walk has been to.
  private var visited = -1

  /// Events placed and not yet taken.
  private var events: [(XMLEvent, String?)] = []
  /// For each event placed, its node (its element for an end), in step with `events`.
  private var eventNodes: [Int] = []
  /// The element of the last start event taken, and the one ``XMLEventStream/scan(_:)`` scans (the last one
  /// taken before it).
  private var lastTakenStart = -1
  private var scanned = -1
  private var eventHead = 0

  // Scanning (``XMLEventStream/scan(_:)``).
  /// The scanner's type and context while ``scanning`` (the scanner is held by ``XMLEventStream/scan(_:)``).
  private var scanner: (any XMLDirectScanner.Type)?
  private var scanContext: UnsafeMutableRawPointer?
  private var scanning = false
  private(set) var directOutcome = XMLScanStep.more
  /// The last start tag read while scanning in this chunk, and ``XMLStreamReader``'s lastLine just before
  /// it (approximated while scanning: see ``synchronize(at:)``).
  private var scannedStart = -1
  private var scannedLastLineBefore = 1
  private var scanLastLine = 1

  init(names: [String]) {
    var indexes: [String: Int] = [:]
    for (index, name) in names.enumerated() where indexes[name] == nil { indexes[name] = index }
    nameIndexes = indexes
    nodes = .allocate(capacity: capacity)
    pinned = .allocate(capacity: pinnedCapacity)
    pinnedIDs = .allocate(capacity: pinnedCapacity)
    nodes.initialize(to: ReplicaNode(.document, parent: -1, created: 0, line: 0))
    count = 1
  }

  func release() {
    nodes.deallocate()
    pinned.deallocate()
    pinnedIDs.deallocate()
  }

  // MARK: Model access

  /// The node numbered `id` (it must not have been dropped).
  @inline(__always)
  private func at(_ id: Int) -> UnsafeMutablePointer<ReplicaNode> {
    if id >= base { return nodes + (id - base) }
    return pinnedNode(id) ?? { preconditionFailure("XMLEventStream: node \(id) was dropped") }()
  }

  private func pinnedNode(_ id: Int) -> UnsafeMutablePointer<ReplicaNode>? {
    var slot = 0
    while slot < pinnedCount {
      if pinnedIDs[slot] == id { return pinned + slot }
      slot += 1
    }
    return nil
  }

  /// Adds a node under the innermost open element (or the document) and links it in.
  private mutating func add(_ new: ReplicaNode) -> Int {
    if count == capacity {
      let grown = UnsafeMutablePointer<ReplicaNode>.allocate(capacity: capacity * 2)
      grown.moveInitialize(from: nodes, count: count)
      nodes.deallocate()
      nodes = grown
      capacity *= 2
    }
    let id = base + count
    (nodes + count).initialize(to: new)
    count += 1
    let previous: Int
    if open.isEmpty {
      previous = documentLastChild
      documentLastChild = id
    } else {
      previous = open[open.count - 1].lastChild
      open[open.count - 1].lastChild = id
    }
    if previous < 0 {
      at(new.parent).pointee.firstChild = id
    } else if previous >= base {
      nodes[previous - base].next = id
    } else if let sibling = pinnedNode(previous) {
      // Dropped unless the walk is still inside it.
      sibling.pointee.next = id
    }
    return id
  }

  private var innermost: Int { open.isEmpty ? 0 : open[open.count - 1].id }

  // MARK: SAX node events

  mutating func startElement(_ element: XMLPushElement) -> Bool {
    var new = ReplicaNode(.element, parent: innermost, created: chunk, line: element.line)
    new.isEmpty = element.isEmpty
    new.depth = open.count
    if scanning {
      new.silent = true
      if directOutcome == .more {
        directOutcome = scanner.unsafelyUnwrapped.startElement(scanContext.unsafelyUnwrapped, element)
      }
      scannedLastLineBefore = scanLastLine
      scanLastLine = element.line
      let id = add(new)
      scannedStart = id
      open.append((id, -1))
      return true
    }
    new.payload = payloads.count
    payloads.append(
      .start(
        name: element.localNameString, namespace: element.namespace,
        attributes: element.attributes.events(line: 0, column: 0)))
    open.append((add(new), -1))
    return true
  }

  mutating func endElement() -> Bool {
    guard let (id, _) = open.popLast() else { return true }
    if scanning, directOutcome == .more {
      directOutcome = scanner.unsafelyUnwrapped.endElement(scanContext.unsafelyUnwrapped)
      if directOutcome == .done {
        // The scanned element's end: the scanner took it; from here on, events again.
        at(id).pointee.silentEnd = true
        scanning = false
        scanner = nil
      }
    }
    return true
  }

  mutating func textRun(_ bytes: UnsafeBufferPointer<UInt8>, isBlank: Bool, line: Int) -> Bool {
    let id: Int
    if openRunNode >= 0 {
      id = openRunNode
      openRunNode = -1
    } else {
      id = add(ReplicaNode(.text, parent: innermost, created: chunk, line: line))
    }
    let text = at(id)
    text.pointee.isComplete = true
    text.pointee.isBlank = isBlank
    if scanning {
      text.pointee.silent = true
      if isBlank {
        scanLastLine = max(scanLastLine, line)
        // Past line 65535 a start tag's line may come from the text node right after it (see
        // elementLine(_:)); while scanning, only the start tag the walk resumes from needs it.
        if line >= 65535 && id == scannedStart + 1 { text.pointee.breaks = lineBreaksInFirstPiece(bytes) }
      } else {
        if directOutcome == .more { directOutcome = scanner.unsafelyUnwrapped.text(scanContext.unsafelyUnwrapped) }
        text.pointee.breaks = lineBreaksInFirstPiece(bytes)
        scanLastLine = max(scanLastLine, line - text.pointee.breaks)
      }
    } else {
      if !isBlank || line >= 65535 { text.pointee.breaks = lineBreaksInFirstPiece(bytes) }
      if !isBlank {
        text.pointee.payload = payloads.count
        payloads.append(.text(String(decoding: bytes, as: UTF8.self)))
      }
    }
    return true
  }

  mutating func otherNode() -> Bool {
    var new = ReplicaNode(.other, parent: innermost, created: chunk, line: 0)
    new.silent = scanning
    _ = add(new)
    return true
  }

  // MARK: Chunks

  mutating func beginChunk() {
    chunk += 1
    scannedStart = -1
  }

  /// After a chunk: records libxml2's state if xmlTextReaderPushData would stop there (`endsPush`), then walks
  /// as far as that lets xmlTextReader go.
  mutating func endChunk(line: Int, column: Int, endsPush: Bool, terminated: Bool) {
    if openRunNode < 0, let run = parser?.openRun {
      // A run goes on past the chunk: xmlTextReader's tree has its text node already.
      var text = ReplicaNode(.text, parent: innermost, created: chunk, line: run.line)
      text.isComplete = false
      text.silent = scanning
      openRunNode = add(text)
    }
    if endsPush {
      states.append(
        ChunkState(
          number: chunk, depth: open.count, element: open.last?.id ?? -1, terminated: terminated, line: line,
          column: column))
    }
    if scannedStart >= 0 && !open.isEmpty && endsPush { synchronize(at: scannedStart) }
    if !scanning && directOutcome != .gaveUp { walk() }
  }

  /// While scanning, xmlTextReader's walk is not replayed; a start tag read in a chunk after which the root
  /// element is still open is where it would stand right after that chunk (it hands out a start tag as soon
  /// as the chunk that made it is parsed, and never waits beyond, while the root is open): the walk resumes
  /// from the last such tag once scanning ends. Its line, past 65535, depends on ``XMLStreamReader``'s
  /// lastLine before it, which scanning approximates by the lines libxml2 gave (exact below line 65535).
  private mutating func synchronize(at id: Int) {
    states.removeFirst(states.count - 1)
    current = 0
    node = id
    state = .element
    depth = at(id).pointee.depth
    phase = .idle
    lastLine = scannedLastLineBefore
    lastLine = elementLine(id)
    pendingEnd = at(id).pointee.isEmpty ? id : -1
    visited = id
    if id - base > 1024 { compact(keepingFrom: id) }
  }

  // MARK: Handing events out

  mutating func takeEvent() -> (XMLEvent, String?)? {
    guard eventHead < events.count else { return nil }
    let event = events[eventHead]
    if case .startElement = event.0 { lastTakenStart = eventNodes[eventHead] }
    eventHead += 1
    if eventHead == events.count {
      events.removeAll(keepingCapacity: true)
      eventNodes.removeAll(keepingCapacity: true)
      eventHead = 0
    }
    return event
  }

  private mutating func place(_ event: XMLEvent, _ namespace: String?, node: Int) {
    events.append((event, namespace))
    eventNodes.append(node)
  }

  /// Nothing libxml2 has read is left to place: the walk has been to the last node libxml2 made (nodes are
  /// made in the order the walk visits them), and has handed out the end of every element libxml2 closed
  /// (the elements it is inside are those libxml2 has open).
  var isCaughtUp: Bool {
    guard node >= 0 && visited == base + count - 1 && pendingEnd < 0 && !walkEnded else { return false }
    var inside: [Int] = []
    let here = at(node).pointee
    if here.kind == .element && state == .element && !here.isEmpty { inside.append(node) }
    var ancestor = here.parent
    while ancestor > 0 {
      inside.append(ancestor)
      ancestor = at(ancestor).pointee.parent
    }
    return inside.count == open.count && zip(inside.reversed(), open).allSatisfy { $0 == $1.id }
  }

  mutating func beginScan() { scanned = lastTakenStart }

  mutating func beginDirect(_ scanner: any XMLDirectScanner) {
    // The scanned element and the elements open inside it end in the scanner's hands, not as events.
    if let index = open.firstIndex(where: { $0.id == scanned }) {
      for (id, _) in open[index...] { at(id).pointee.silentEnd = true }
    }
    self.scanner = type(of: scanner)
    scanContext = scanner.scanContext
    scanning = true
    directOutcome = .more
    scanLastLine = lastLine
    scannedLastLineBefore = lastLine
  }

  /// An event placed before scanning began, given to `scanner`.
  func convertedStep(_ event: XMLEvent, namespace: String?, _ scanner: any XMLDirectScanner) -> XMLScanStep {
    let type = type(of: scanner)
    let context = scanner.scanContext
    switch event {
    case .startElement(let name, _, _, _, _):
      return type.startElement(context, nameIndexes[name] ?? -1, event: event, namespace: namespace)
    case .endElement: return type.endElement(context)
    case .text: return type.text(context)
    }
  }

  // MARK: The walk

  private var now: ChunkState { states[current] }

  /// The node `id`, if libxml2 had made it by the chunk the walk is at.
  private func seen(_ id: Int) -> Int { id >= 0 && at(id).pointee.created <= now.number ? id : -1 }
  private func next(_ id: Int) -> Int { seen(at(id).pointee.next) }
  private func children(_ id: Int) -> Int { seen(at(id).pointee.firstChild) }

  /// xmlTextReaderPushData: on to the next chunk it stops at; `false` when that is not parsed yet.
  private mutating func push() -> Bool {
    guard current + 1 < states.count else { return false }
    current += 1
    if now.terminated { eof = true }
    return true
  }

  private mutating func walk() {
    while !walkEnded {
      if pendingEnd >= 0 {
        let id = pendingEnd
        pendingEnd = -1
        endEvent(id)
        continue
      }
      guard read() else { break }
    }
    // What the walk can no longer look at.
    if current > 0 {
      states.removeFirst(current)
      current = 0
    }
    if node >= 0 && node - base > 4096 { compact(keepingFrom: node) }
  }

  /// One xmlTextReaderRead, from where it stopped; `false` when it waits for a chunk not yet parsed.
  private mutating func read() -> Bool {
    switch phase {
    case .idle:
      if !started {
        started = true
        phase = .initial(pushed: false)
        return read()
      }
      if node < 0 {
        walkEnded = true
        return true
      }
      oldState = state
      oldDepth = now.depth
      phase = .loop
      return read()
    case .initial(var pushed):
      // Push until libxml2 has the root element open, then start at the document's first node.
      while !pushed || (now.element < 0 && !eof) {
        guard push() else {
          phase = .initial(pushed: pushed)
          return false
        }
        pushed = true
      }
      node = children(0)
      if node < 0 {
        // xmlTextReaderRead returns -1: no node at all.
        walkFailed = true
        walkEnded = true
        return true
      }
      state = .element
      depth = 0
      return found()
    case .loop:
      while waits() {
        guard push() else { return false }
      }
      return move()
    case .expand:
      while !now.terminated && successor(node) < 0 && now.depth >= depth && !eof {
        guard push() else { return false }
      }
      land()
      return true
    }
  }

  /// The condition of xmlTextReaderRead's loop that pushes data before moving on (evaluated in its order:
  /// the first child of an element left behind may be gone from the model).
  private func waits() -> Bool {
    guard next(node) < 0 && now.depth == oldDepth else { return false }
    let here = at(node).pointee
    if oldState != .backtrack && here.kind != .document {
      let child = children(node)
      if child >= 0 && !(at(child).pointee.kind == .text && next(child) < 0) { return false }
    }
    guard now.element < 0 || now.element == node || now.element == here.parent else { return false }
    return !now.terminated
  }

  /// xmlTextReaderRead after its loop: to the first child, the next sibling, the end tag, or the parent.
  private mutating func move() -> Bool {
    let here = at(node).pointee
    if oldState != .backtrack && here.kind != .document {
      let child = children(node)
      if child >= 0 {
        node = child
        depth += 1
        state = .element
        return found()
      }
    }
    let childlessElement = oldState == .element && here.kind == .element && !here.isEmpty && children(node) < 0
    let sibling = next(node)
    if sibling >= 0 {
      if childlessElement {
        state = .end
        return found()
      }
      node = sibling
      state = .element
      return found()
    }
    if childlessElement {
      state = .end
      return found()
    }
    node = here.parent
    if node <= 0 {
      node = -1
      depth = -1
      walkEnded = true
      phase = .idle
      return true
    }
    depth -= 1
    state = .backtrack
    return found()
  }

  /// xmlTextReaderRead's node_found: a text node still being read is read to its end first.
  private mutating func found() -> Bool {
    if at(node).pointee.kind == .text && next(node) < 0 {
      phase = .expand
      return read()
    }
    land()
    return true
  }

  /// xmlTextReaderGetSuccessor.
  private func successor(_ id: Int) -> Int {
    var current = id
    while current >= 0 {
      let sibling = next(current)
      if sibling >= 0 { return sibling }
      current = at(current).pointee.parent
    }
    return -1
  }

  /// The read ends on `node`: ``XMLStreamReader/next()``'s handling of it.
  private mutating func land() {
    phase = .idle
    visited = max(visited, node)
    let here = at(node).pointee
    switch here.kind {
    case .element:
      if state == .element {
        let line = elementLine(node)
        lastLine = line
        if !here.silent && here.payload >= 0,
          case .start(let name, let namespace, var attributes) = payloads[here.payload]
        {
          let column = column(on: line)
          for index in attributes.indices {
            attributes[index].line = line
            attributes[index].column = column
          }
          place(
            .startElement(name: name, attributes: attributes, line: line, column: column, isEmpty: here.isEmpty),
            namespace, node: node)
        }
        if here.isEmpty { pendingEnd = node }
      } else {
        endEvent(node)
      }
    case .text:
      if here.isBlank {
        lastLine = max(lastLine, here.line)
      } else {
        let line = max(lastLine, here.line - here.breaks)
        lastLine = line
        if !here.silent && here.payload >= 0, case .text(let text) = payloads[here.payload] {
          place(.text(text, line: line, column: column(on: line)), nil, node: node)
        }
      }
    case .other, .document:
      break
    }
  }

  private mutating func endEvent(_ id: Int) {
    let element = at(id).pointee
    guard !element.silent && !element.silentEnd && element.payload >= 0,
      case .start(let name, _, _) = payloads[element.payload]
    else { return }
    place(.endElement(name: name), nil, node: id)
  }

  // MARK: Positions (XMLStreamReader's rules)

  /// libxml2's column if its parser is on `line`, else 0.
  private func column(on line: Int) -> Int { now.line == line ? max(0, now.column) : 0 }

  /// XMLStreamReader's elementLine: libxml2's line up to 65535; beyond, from the text right after the start
  /// tag as far as libxml2 had read it, or the last line handed out.
  private func elementLine(_ id: Int) -> Int {
    let element = at(id).pointee
    if element.line > 0 && element.line < 65535 { return element.line }
    let neighbour = element.isEmpty ? next(id) : children(id)
    guard neighbour >= 0, at(neighbour).pointee.kind == .text else { return max(lastLine, 65535) }
    let text = at(neighbour).pointee
    var breaks = text.breaks
    if !text.isComplete, let run = parser?.openRun { breaks = lineBreaksInFirstPiece(run.bytes) }
    return max(lastLine, text.line - breaks)
  }

  // MARK: Dropping what the walk has passed

  /// Drops the nodes before `id`, except the elements around it and those libxml2 has open, and the payloads
  /// of the dropped nodes.
  private mutating func compact(keepingFrom id: Int) {
    guard id > base else { return }
    var keep: [Int] = []
    var ancestor = at(id).pointee.parent
    while ancestor >= 0 {
      if ancestor < id { keep.append(ancestor) }
      ancestor = at(ancestor).pointee.parent
    }
    for (element, _) in open where element < id && !keep.contains(element) { keep.append(element) }
    if openRunNode >= 0 && openRunNode < id && !keep.contains(openRunNode) { keep.append(openRunNode) }
    keep.sort()
    // The nodes kept, with their payloads renumbered.
    var kept = keep.map { at($0).pointee }
    var newPayloads: [ReplicaPayload] = []
    func renumber(_ node: inout ReplicaNode) {
      guard node.payload >= 0 else { return }
      newPayloads.append(payloads[node.payload])
      node.payload = newPayloads.count - 1
    }
    for index in kept.indices { renumber(&kept[index]) }
    let dropped = id - base
    for index in dropped..<count { renumber(&nodes[index]) }
    payloads = newPayloads
    if kept.count > pinnedCapacity {
      pinned.deallocate()
      pinnedIDs.deallocate()
      pinnedCapacity = kept.count * 2
      pinned = .allocate(capacity: pinnedCapacity)
      pinnedIDs = .allocate(capacity: pinnedCapacity)
    }
    for (slot, node) in kept.enumerated() {
      pinned[slot] = node
      pinnedIDs[slot] = keep[slot]
    }
    pinnedCount = kept.count
    // The nodes are plain data: moved down with memmove.
    UnsafeMutableRawPointer(nodes).copyMemory(
      from: nodes + dropped, byteCount: (count - dropped) * MemoryLayout<ReplicaNode>.stride)
    count -= dropped
    base = id
  }
}

/// At least as many line breaks as libxml2's first piece of `text` holds (``XMLStreamReader``'s
/// lineBreaksInFirstPiece, on bytes): those before the first `&` or `<`, or before the first non-ASCII byte
/// if the text starts with ASCII.
private func lineBreaksInFirstPiece(_ text: UnsafeBufferPointer<UInt8>) -> Int {
  guard let first = text.first, text.contains(UInt8(ascii: "\n")) else { return 0 }
  let startsWithASCII = first < 0x80
  var count = 0
  for byte in text {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"): return count
    case 0x80...: if startsWithASCII { return count }
    case UInt8(ascii: "\n"): count += 1
    default: break
    }
  }
  return count
}
