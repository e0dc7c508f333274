// The only Swift file of the project that talks to libxml2. Everything that leaves it is a Swift value
// (XMLEvent, XMLAttribute, XMLReadError); no libxml2 pointer, node or global escapes.
@preconcurrency import CLibXML2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A forward-only, constant-memory XML pull reader on top of libxml2's `xmlTextReader`.
///
/// ```swift
/// let reader = try XMLStreamReader(path: "evidence.xml")
/// while let event = try reader.next() { … }
/// ```
///
/// Safety rules it enforces:
/// - The file is opened here (`open(2)`, read-only) and fed to libxml2 through a read callback, so
///   libxml2 never opens a path or URL itself and never gunzips transparently.
/// - No DTD is loaded, no entity is expanded or fetched (no `XML_PARSE_NOENT`, `DTDLOAD`, `DTDATTR`,
///   `XINCLUDE`; network access off; libxml2's external entity loader is replaced, process-wide, by
///   one that refuses everything). Any document with a DOCTYPE, entity declaration or entity
///   reference is rejected with ``XMLReadError/doctypeMessage``.
/// - libxml2 prints nothing: its errors are captured and the first one (level error or fatal, which
///   includes namespace errors such as an undeclared prefix) becomes an ``XMLReadError``.
///   Warnings are ignored. Errors that libxml2 raises outside any reader go to a silent handler
///   installed process-wide (thread default) on first use.
///
/// Event and position semantics are described at ``XMLEvent``. After `next()` has returned `nil` it
/// keeps returning `nil`; after it has thrown it keeps throwing the same error.
///
/// Not thread-safe: use one reader from one task at a time (it is not `Sendable`).
package final class XMLStreamReader {
  private let reader: OpaquePointer
  private let input: ReaderInput
  private let file: String
  private var pendingEnd: String?
  /// advance() stopped on an empty element: its end comes next (the reader is still on it).
  private var pendingEmptyEnd = false
  private var finished = false
  private var storedError: XMLReadError?
  /// Line of the last event handed out or of the end of skipped whitespace: a lower bound for the
  /// line of the next event.
  private var lastLine = 1
  /// Names interned by ``internNames(_:)``: pointers into the reader's own dictionary, which also holds
  /// every element and attribute name the parser reads, so equal names are equal pointers.
  private var internedNames: [UnsafePointer<xmlChar>?] = []
  /// The namespace URI of the element of the last `startElement` event ``next()`` returned, `nil` when
  /// the element is in no namespace. (Names in events are local names; this tells `<appraisal>` from
  /// `<x:appraisal xmlns:x="…">`.)
  package private(set) var elementNamespace: String?

  /// Streams the file at `path`. Throws `cannot open file: <reason>` when it cannot be opened or
  /// is a directory; everything else (including an empty file) is reported by ``next()``. With a
  /// `digester`, every byte read from the file goes into it; once ``next()`` has returned `nil`, the
  /// rest of the file (if libxml2 stopped short of it) has been added too, so it holds the whole file.
  package convenience init(path: String, digester: InputDigester? = nil) throws(XMLReadError) {
    let fd = try openFile(path)
    try self.init(input: ReaderInput(fd: fd, digester: digester), name: path)
  }

  /// Reads an in-memory document (tests, stdin). `name` is used as `XMLReadError.file`.
  package convenience init(bytes: [UInt8], name: String) throws(XMLReadError) {
    try self.init(input: ReaderInput(bytes: bytes), name: name)
  }

  /// Reads a document produced piece by piece (a part of a zip, inflated as the parser asks for it):
  /// `source` fills the buffer it is given and returns how many bytes it wrote, 0 at the end, or -1 on an
  /// error (``next()`` then throws `cannot read file: …`; the source keeps its own reason).
  package convenience init(name: String, source: @escaping (UnsafeMutableRawBufferPointer) -> Int) throws(XMLReadError)
  {
    try self.init(input: ReaderInput(source: source), name: name)
  }

  private init(input: ReaderInput, name: String) throws(XMLReadError) {
    _ = LibXML2.setUp
    // Errors raised while the reader is created (it reads the first 4 bytes to detect the encoding)
    // reach no reader handler yet; they are kept as this thread's last error (unattachedErrorMessage).
    xmlResetLastError()
    let context = Unmanaged.passUnretained(input).toOpaque()
    // The read callback gets no close callback: the descriptor is closed in deinit, whatever happens.
    guard let reader = xmlReaderForIO(readInput, nil, context, name, nil, readerOptions) else {
      input.closeFile()
      throw XMLReadError(file: name, line: 0, column: nil, message: "cannot create an XML reader (out of memory?)")
    }
    xmlTextReaderSetStructuredErrorHandler(reader, recordError, context)
    self.reader = reader
    self.input = input
    self.file = name
  }

  deinit {
    xmlFreeTextReader(reader)
    input.closeFile()
  }

  /// The next event, or `nil` at the end of the document.
  package func next() throws(XMLReadError) -> XMLEvent? {
    if let name = pendingEnd {
      pendingEnd = nil
      return .endElement(name: name)
    }
    if pendingEmptyEnd {
      pendingEmptyEnd = false
      return .endElement(name: localName())
    }
    while let type = try readNode() {
      switch type {
      case NodeType.element:
        return startElement()
      case NodeType.endElement:
        return .endElement(name: localName())
      case NodeType.text, NodeType.cdata:
        guard let value = xmlTextReaderConstValue(reader) else { continue }
        let line = textStartLine(xmlTextReaderCurrentNode(reader), content: value)
        lastLine = line
        return .text(String(cString: value), line: line, column: column(on: line))
      case NodeType.whitespace, NodeType.significantWhitespace:
        // Not reported. It ends where the next construct starts, so its line (kept in full by
        // XML_PARSE_BIG_LINES) is a lower bound for the next event's line.
        if let node = xmlTextReaderCurrentNode(reader) { lastLine = max(lastLine, Int(xmlGetLineNo(node))) }
        continue
      default:
        // Comments, processing instructions.
        continue
      }
    }
    return nil
  }

  /// Moves libxml2's reader on by one node and returns its type, or `nil` at the end of the document.
  /// Throws, and keeps throwing, on malformed input and on any DTD or entity node.
  private func readNode() throws(XMLReadError) -> Int32? {
    if let storedError { throw storedError }
    if finished { return nil }
    let status = xmlTextReaderRead(reader)
    if status < 0 || input.firstError != nil || (status == 0 && input.readErrno != 0) {
      throw fail(currentError())
    }
    if status == 0 {
      finished = true
      if !input.drain() { throw fail(currentError()) }
      return nil
    }
    let type = xmlTextReaderNodeType(reader)
    switch type {
    case NodeType.documentType, NodeType.entityReference, NodeType.entity, NodeType.endEntity, NodeType.notation:
      throw fail(doctypeError(fallbackLine: parserLine, fallbackColumn: nil))
    default:
      return type
    }
  }

  // MARK: - Raw scanning

  /// Interns `names` for ``advance()``'s byte-level access and returns nothing: afterwards
  /// ``currentName`` and ``forEachAttribute(_:)`` identify a name by its index in `names` (or -1),
  /// comparing libxml2's interned name pointers instead of making a `String` per name.
  package func internNames(_ names: [String]) {
    internedNames = names.map { xmlTextReaderConstString(reader, $0) }
  }

  /// Moves to the next element start, element end or non-whitespace text and says which it is,
  /// building no Swift value (hot loops; the values stay with libxml2 until the next move).
  /// ``next()`` and `advance()` may be mixed: each continues where the other stopped.
  package func advance() throws(XMLReadError) -> XMLNodeKind {
    if pendingEnd != nil || pendingEmptyEnd {
      pendingEnd = nil
      pendingEmptyEnd = false
      return .endElement
    }
    while let type = try readNode() {
      switch type {
      case NodeType.element:
        // libxml2 reports no end for an empty element; one is made up, as next() does.
        pendingEmptyEnd = xmlTextReaderIsEmptyElement(reader) == 1
        return .startElement(isEmpty: pendingEmptyEnd)
      case NodeType.endElement: return .endElement
      case NodeType.text, NodeType.cdata: return .text
      default: continue
      }
    }
    return .endOfDocument
  }

  /// The text ``advance()`` stopped on (`.text`): character data or CDATA, as a `String`.
  package var currentText: String {
    xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
  }

  /// The index in ``internNames(_:)``'s list of the current element's local name, or -1.
  package var currentName: Int {
    guard let node = xmlTextReaderCurrentNode(reader) else { return -1 }
    return internedIndex(node.pointee.name)
  }

  /// The namespace URI of the element ``advance()`` stopped on, `nil` when it is in no namespace (then
  /// without making a `String`).
  package var currentNamespace: String? {
    guard let node = xmlTextReaderCurrentNode(reader), let namespace = node.pointee.ns,
      let href = namespace.pointee.href
    else { return nil }
    return String(cString: href)
  }

  /// Calls `body` with each attribute of the current element: the index of its local name among the
  /// interned names (or -1, always for an attribute in a namespace such as `xsi:schemaLocation`) and its
  /// value's UTF-8 bytes, valid only during the call. Stops early when `body` returns `false`, and then
  /// returns `false`.
  package func forEachAttribute(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
    guard let node = xmlTextReaderCurrentNode(reader) else { return true }
    var attribute = node.pointee.properties
    while let current = attribute {
      let name = current.pointee.ns == nil ? internedIndex(current.pointee.name) : -1
      let text = current.pointee.children
      if text == nil {
        if !body(name, UnsafeBufferPointer(start: nil, count: 0)) { return false }
      } else if let text, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE,
        let content = text.pointee.content
      {
        if !body(name, UnsafeBufferPointer(start: content, count: strlen(content))) { return false }
      } else {
        // A value libxml2 keeps in several nodes: join them (rare).
        guard let joined = xmlNodeListGetString(node.pointee.doc, text, 1) else { return false }
        defer { appraise_xmlFree(joined) }
        if !body(name, UnsafeBufferPointer(start: joined, count: strlen(joined))) { return false }
      }
      attribute = current.pointee.next
    }
    return true
  }

  private func internedIndex(_ name: UnsafePointer<xmlChar>?) -> Int {
    guard let name else { return -1 }
    var index = 0
    while index < internedNames.count {
      if internedNames[index] == name { return index }
      index += 1
    }
    return -1
  }

  // MARK: - Events

  private func startElement() -> XMLEvent {
    let name = localName()
    // All must be asked before moving onto the attributes.
    elementNamespace = namespaceURI()
    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
    let line = elementLine(xmlTextReaderCurrentNode(reader), isEmpty: isEmpty)
    let column = column(on: line)
    lastLine = line
    var attributes: [XMLAttribute] = []
    if xmlTextReaderHasAttributes(reader) == 1 {
      attributes.reserveCapacity(Int(xmlTextReaderAttributeCount(reader)))
      while xmlTextReaderMoveToNextAttribute(reader) == 1 {
        if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
        let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
        var attribute = XMLAttribute(name: localName(), value: value, line: line, column: column)
        if let namespace = namespaceURI() {
          attribute.namespace = namespace
          attribute.prefix = xmlTextReaderConstPrefix(reader).map { String(cString: $0) }
        }
        attributes.append(attribute)
      }
      // No xmlTextReaderMoveToElement needed: xmlTextReaderRead starts from the element again.
    }
    if isEmpty { pendingEnd = name }
    return .startElement(name: name, attributes: attributes, line: line, column: column, isEmpty: isEmpty)
  }

  /// Namespace URI of the current node (element or attribute), `nil` when it has none.
  private func namespaceURI() -> String? {
    xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
  }

  /// Local name of the current node (element or attribute); libxml2 interns it, nothing to free.
  /// (A pointer-keyed cache of decoded names was measured slower than decoding: names are short.)
  private func localName() -> String {
    guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
    return String(cString: name)
  }

  // MARK: - Positions

  private var parserLine: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

  /// libxml2's parser column if the parser is still on `line`, else 0 ("unknown"); see XMLEvent.
  private func column(on line: Int) -> Int {
    guard parserLine == line else { return 0 }
    return max(0, Int(xmlTextReaderGetParserColumnNumber(reader)))
  }

  /// Line on which an element's start tag ends. libxml2 keeps element lines in 16 bits, saturating
  /// at 65535, but keeps text-node lines in full (XML_PARSE_BIG_LINES); beyond 65535 the line is
  /// recovered from the text that starts right after the start tag.
  private func elementLine(_ node: xmlNodePtr?, isEmpty: Bool) -> Int {
    guard let node else { return max(lastLine, parserLine) }
    let stored = Int(node.pointee.line)
    if stored > 0 && stored < 65535 { return stored }
    let neighbour = isEmpty ? node.pointee.next : node.pointee.children
    if let neighbour, neighbour.pointee.type == XML_TEXT_NODE, let content = neighbour.pointee.content {
      return textStartLine(neighbour, content: content)
    }
    // Otherwise: where the start tag begins, as far as known (whitespace before it ends there).
    return max(lastLine, 65535)
  }

  /// Line on which a text node starts.
  ///
  /// libxml2 hands text to the tree in pieces and records the node's line at the end of the *first*
  /// piece. Counting at least the line breaks of that piece (lineBreaksInFirstPiece) gives a line
  /// that never lies after the start. It is exact for ASCII text that is neither split by libxml2's
  /// input chunks nor has CRLF line ends; otherwise the last event's line (a lower bound too) usually
  /// makes it exact.
  private func textStartLine(_ node: xmlNodePtr?, content: UnsafePointer<xmlChar>) -> Int {
    guard let node else { return max(lastLine, parserLine) }
    let recorded = Int(xmlGetLineNo(node))
    guard recorded > 0 else { return max(lastLine, 1) }
    return max(lastLine, recorded - lineBreaksInFirstPiece(content))
  }

  // MARK: - Errors

  private func fail(_ error: XMLReadError) -> XMLReadError {
    storedError = error
    finished = true
    return error
  }

  private func currentError() -> XMLReadError {
    input.currentError(file: file, parserLine: parserLine)
  }

  private func doctypeError(fallbackLine: Int, fallbackColumn: Int?) -> XMLReadError {
    input.doctypeError(file: file, fallbackLine: fallbackLine, fallbackColumn: fallbackColumn)
  }
}

// MARK: - SAX push parser

/// What ``XMLPushParser`` hands its events to, as libxml2's SAX2 parser finds them. Each method returns
/// `false` to stop the parse (the handler keeps its own reason). The names and bytes passed are valid only
/// during the call.
package protocol XMLPushHandler: AnyObject {
  /// An element starts. `name` is the index of its local name in the parser's `names`, or -1.
  func startElement(_ name: Int, attributes: XMLPushAttributes) -> Bool
  /// An element ends; an empty one (`<a/>`) ends right after it starts.
  func endElement(_ name: Int) -> Bool
  /// The character data between two pieces of markup, whole: character and predefined entity references
  /// decoded, CDATA sections included. Never white space only: like ``XMLStreamReader``, the parser drops it.
  func text(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool
}

/// The attributes of an element ``XMLPushHandler/startElement(_:attributes:)`` is given (namespace
/// declarations are not attributes).
package struct XMLPushAttributes {
  /// libxml2's SAX2 array: local name, prefix, namespace URI, value start and value end per attribute.
  fileprivate let fields: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  fileprivate let count: Int
  private let names: UnsafeBufferPointer<UnsafePointer<UInt8>?>
  /// The element's local name as libxml2 interned it (see ``elementName``).
  fileprivate var element: UnsafePointer<UInt8>?

  fileprivate init(
    fields: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int, names: UnsafeBufferPointer<UnsafePointer<UInt8>?>
  ) {
    self.fields = fields
    self.count = count
    self.names = names
  }

  /// Calls `body` with each attribute: the index of its local name among the parser's names (-1 for any
  /// other, and always for an attribute in a namespace such as `xml:space`) and its value's UTF-8 bytes,
  /// references decoded. Stops early when `body` returns `false`, and then returns `false`.
  package func visit(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
    visitFields { field, value in body(field[2] == nil ? internedIndex(field[0], in: names) : -1, value) }
  }

  /// Calls `body` with each attribute's libxml2 fields and its value's UTF-8 bytes, references decoded;
  /// stops early when `body` returns `false`, and then returns `false`.
  @inline(__always)
  fileprivate func visitFields(
    _ body: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool {
    guard let fields else { return true }
    for index in 0..<count {
      let field = fields + 5 * index
      guard let start = field[3], let end = field[4] else {
        if !body(field, UnsafeBufferPointer(start: nil, count: 0)) { return false }
        continue
      }
      let value = UnsafeBufferPointer(start: start, count: end - start)
      // Without entity substitution libxml2 hands every `&` of a value on as `&#38;` (its tree builder
      // decodes it again): decode it here (rare in a sheet).
      if memchr(start, Int32(UInt8(ascii: "&")), value.count) != nil {
        let decoded = decodeAmpersands(value)
        if !decoded.withUnsafeBufferPointer({ body(field, $0) }) { return false }
      } else if !body(field, value) {
        return false
      }
    }
    return true
  }
}

extension XMLPushAttributes {
  /// The attributes as ``XMLStreamReader`` hands them out in an ``XMLEvent``, each with `line` and `column`.
  package func events(line: Int, column: Int) -> [XMLAttribute] {
    guard count > 0 else { return [] }
    var result: [XMLAttribute] = []
    result.reserveCapacity(count)
    _ = visitFields { field, value in
      var attribute = XMLAttribute(
        name: field[0].map { String(cString: $0) } ?? "", value: String(decoding: value, as: UTF8.self),
        line: line, column: column)
      if let uri = field[2] {
        attribute.namespace = String(cString: uri)
        attribute.prefix = field[1].map { String(cString: $0) }
      }
      result.append(attribute)
      return true
    }
    return result
  }
}

/// An element an ``XMLPushNodeHandler`` is given: its names, its attributes, and where libxml2 read it.
package struct XMLPushElement {
  /// The index of its local name in the parser's `names`, or -1.
  package let name: Int
  fileprivate let localName: UnsafePointer<UInt8>?
  fileprivate let uri: UnsafePointer<UInt8>?
  package let attributes: XMLPushAttributes
  /// libxml2's line when it had read the start tag up to its `>` (the line xmlTextReader's node records,
  /// here not cut at 65535).
  package let line: Int
  /// Written `<a/>` (xmlTextReader's NODE_IS_EMPTY).
  package let isEmpty: Bool

  /// The local name.
  package var localNameString: String { localName.map { String(cString: $0) } ?? "" }
  /// The namespace URI, `nil` when the element is in no namespace.
  package var namespace: String? { uri.map { String(cString: $0) } }
  /// Whether the element is in no namespace or in the one whose URI is `bytes`, without making a `String`.
  package func isInNoNamespace(or bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let uri else { return true }
    return strlen(uri) == bytes.count && (bytes.isEmpty || memcmp(uri, bytes.baseAddress!, bytes.count) == 0)
  }
}

/// An ``XMLPushHandler`` that also hears what libxml2's tree builder (and so xmlTextReader) would make of the
/// document: each element whole (``XMLPushElement``), every run of character data as one text node, white
/// space too, and every comment and processing instruction. ``XMLEventStream`` replays xmlTextReader's walk
/// over these. For such a handler the parser calls ``startElement(_:)`` instead of
/// ``XMLPushHandler/startElement(_:attributes:)`` and ``textRun(_:isBlank:line:)`` instead of
/// ``XMLPushHandler/text(_:)``.
///
/// The parser calls the handler's type, with ``nodeContext``, rather than the handler: a call through a
/// protocol-typed reference retains and releases it, once per node.
package protocol XMLPushNodeHandler: XMLPushHandler {
  /// What the parser passes to the static methods; valid as long as the handler.
  var nodeContext: UnsafeMutableRawPointer { get }
  static func startElement(_ context: UnsafeMutableRawPointer, _ element: XMLPushElement) -> Bool
  static func endElement(_ context: UnsafeMutableRawPointer, _ name: Int) -> Bool
  /// A run of character data ends (markup follows): whole, references decoded; `isBlank` when it is only
  /// white space; `line` is libxml2's line when its first piece arrived (its text node's line).
  static func textRun(
    _ context: UnsafeMutableRawPointer, _ bytes: UnsafeBufferPointer<UInt8>, isBlank: Bool, line: Int
  ) -> Bool
  /// A comment or processing instruction (a node of its own in the tree).
  static func otherNode(_ context: UnsafeMutableRawPointer) -> Bool
}

/// `&#38;` back to `&`.
private func decodeAmpersands(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
  let reference = Array("&#38;".utf8)
  var result: [UInt8] = []
  result.reserveCapacity(value.count)
  var index = 0
  while index < value.count {
    if value[index] == reference[0] && index + reference.count <= value.count
      && value[index..<(index + reference.count)].elementsEqual(reference)
    {
      result.append(UInt8(ascii: "&"))
      index += reference.count
    } else {
      result.append(value[index])
      index += 1
    }
  }
  return result
}

private func internedIndex(_ name: UnsafePointer<UInt8>?, in names: UnsafeBufferPointer<UnsafePointer<UInt8>?>) -> Int {
  guard let name else { return -1 }
  var index = 0
  while index < names.count {
    if names[index] == name { return index }
    index += 1
  }
  return -1
}

/// A forward-only, constant-memory XML parser on libxml2's SAX2 push parser (`xmlParseChunk`): it builds no
/// node at all, and hands each event to an ``XMLPushHandler`` as raw bytes, names as indexes into a list
/// interned in libxml2's dictionary. The caller pulls: each ``parseNext()`` feeds libxml2 one chunk.
///
/// ```swift
/// let parser = try XMLPushParser(bytes: xml, name: "sheet.xml", names: ["row", "c"], handler: handler)
/// while try parser.parseNext() { … take what the handler collected … }
/// ```
///
/// Same safety and messages as ``XMLStreamReader``: the same parser options (no DTD loaded, no entity
/// substituted or fetched, no network), the process-wide loader that refuses every external entity, a
/// DOCTYPE refused with ``XMLReadError/doctypeMessage`` as soon as it starts, libxml2's first error captured
/// and worded as the reader words it, and a text run longer than the tree builder's 10,000,000-byte limit
/// refused as the reader refuses it.
///
/// Not thread-safe: use one parser from one task at a time (it is not `Sendable`).
package final class XMLPushParser {
  private let parser: xmlParserCtxtPtr
  private let context: PushContext
  /// Owned here: the context only points at it.
  private let handler: any XMLPushHandler
  private let input: ReaderInput
  private let file: String
  private let chunk: UnsafeMutableRawBufferPointer
  private var finished = false
  private var storedError: XMLReadError?
  /// Bytes read at the start but not given to the context (fewer than 4), still at the chunk's start.
  private var early = 0
  /// Set when libxml2 is fed as xmlTextReader feeds it (``init(path:digester:names:handler:)``).
  private let feed: TextReaderFeed?

  /// Parses the in-memory document `bytes`, `chunkSize` bytes at a time. `name` is used as
  /// `XMLReadError.file`.
  package convenience init(
    bytes: [UInt8], name: String, names: [String], chunkSize: Int = 16 * 1024, handler: any XMLPushHandler
  ) throws(XMLReadError) {
    try self.init(input: ReaderInput(bytes: bytes), name: name, names: names, chunkSize: chunkSize, handler: handler)
  }

  /// Parses a document produced piece by piece, as ``XMLStreamReader/init(name:source:)`` reads it: `source`
  /// fills the buffer it is given (at most `chunkSize` bytes) and returns how many bytes it wrote, 0 at the
  /// end, or -1 on an error (``parseNext()`` then throws `cannot read file: …`).
  package convenience init(
    name: String, names: [String], chunkSize: Int = 16 * 1024, handler: any XMLPushHandler,
    source: @escaping (UnsafeMutableRawBufferPointer) -> Int
  ) throws(XMLReadError) {
    try self.init(
      input: ReaderInput(source: source), name: name, names: names, chunkSize: chunkSize, handler: handler)
  }

  /// Parses the file at `path` (opened as ``XMLStreamReader/init(path:digester:)`` opens it, every byte read
  /// going into `digester`), feeding libxml2 exactly as xmlTextReader feeds it: the first 4 bytes, then 512
  /// at a time from 4 KiB reads, a shorter last piece, then the end. libxml2's parser is then in the same
  /// state between two chunks as under xmlTextReader, which is what ``XMLEventStream`` needs to place its
  /// events as ``XMLStreamReader`` places them (see ``line``, ``column``, ``lastChunkHadStartTag``).
  package convenience init(path: String, digester: InputDigester?, names: [String], handler: any XMLPushHandler)
    throws(XMLReadError)
  {
    let fd = try openFile(path)
    try self.init(
      input: ReaderInput(fd: fd, digester: digester), name: path, names: names, chunkSize: 4, handler: handler,
      asTextReader: true)
  }

  /// Parses the in-memory document `bytes` fed as xmlTextReader feeds it (see
  /// ``init(path:digester:names:handler:)``); `name` is used as `XMLReadError.file`.
  package convenience init(textReaderBytes bytes: [UInt8], name: String, names: [String], handler: any XMLPushHandler)
    throws(XMLReadError)
  {
    try self.init(
      input: ReaderInput(bytes: bytes), name: name, names: names, chunkSize: 4, handler: handler, asTextReader: true)
  }

  private init(
    input: ReaderInput, name: String, names: [String], chunkSize: Int, handler: any XMLPushHandler,
    asTextReader: Bool = false
  ) throws(XMLReadError) {
    _ = LibXML2.setUp
    xmlResetLastError()
    let feed = asTextReader ? TextReaderFeed() : nil
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(4, chunkSize), alignment: 16)
    let context = PushContext(input: input, handler: handler, names: names.count)
    var sax = xmlSAXHandler()
    sax.initialized = UInt32(XML_SAX2_MAGIC)
    sax.startElementNs = pushStartElement
    sax.endElementNs = pushEndElement
    sax.characters = pushCharacters
    sax.ignorableWhitespace = pushCharacters
    sax.cdataBlock = pushCharacters
    sax.comment = pushComment
    sax.processingInstruction = pushProcessingInstruction
    sax.internalSubset = pushDoctype
    sax.serror = recordPushError
    // As xmlTextReader does: the context gets the first 4 bytes (to detect the encoding), or none when
    // fewer came (then libxml2 waits for 4 and reports a shorter document as having no root element).
    let headBuffer = (feed?.buffer ?? chunk.baseAddress!).assumingMemoryBound(to: CChar.self)
    let head = input.fill(headBuffer, capacity: 4)
    guard
      let parser = xmlCreatePushParserCtxt(
        &sax, Unmanaged.passUnretained(context).toOpaque(), head >= 4 ? headBuffer : nil, head >= 4 ? 4 : 0, name)
    else {
      chunk.deallocate()
      input.closeFile()
      throw XMLReadError(file: name, line: 0, column: nil, message: "cannot create an XML parser (out of memory?)")
    }
    xmlCtxtUseOptions(parser, readerOptions)
    context.parser = parser
    for (index, name) in names.enumerated() { context.names[index] = xmlDictLookup(parser.pointee.dict, name, -1) }
    self.parser = parser
    self.context = context
    self.handler = handler
    self.input = input
    self.file = name
    self.chunk = UnsafeMutableRawBufferPointer(rebasing: chunk[..<max(1, chunkSize)])
    self.feed = feed
    if head < 0 { storedError = input.currentError(file: name, parserLine: 0) }
    if let feed {
      // xmlTextReader keeps fewer than 4 bytes in its buffer and pushes them later.
      feed.used = max(0, Int(head))
      feed.pushed = head >= 4 ? 4 : 0
    } else if head > 0 && head < 4 {
      early = Int(head)
    }
  }

  deinit {
    xmlFreeParserCtxt(parser)
    UnsafeMutableRawBufferPointer(start: chunk.baseAddress, count: max(4, chunk.count)).deallocate()
    // A file given by path (``init(path:digester:names:handler:)``) is closed here, whatever happened.
    input.closeFile()
  }

  /// Feeds libxml2 the next chunk (the handler is called for every event it completes) and says whether
  /// there is more: `false` once the document has ended or the handler stopped the parse, and from then on.
  /// Throws, and keeps throwing, on malformed input, a DOCTYPE, or a source that failed.
  package func parseNext() throws(XMLReadError) -> Bool {
    if feed != nil { return try parseNextAsTextReader() }
    if let storedError { throw storedError }
    if finished { return false }
    let count: Int
    if early > 0 {
      count = early
      early = 0
    } else {
      count = Int(input.fill(chunk.baseAddress!.assumingMemoryBound(to: CChar.self), capacity: chunk.count))
    }
    if count < 0 { throw fail(currentError()) }
    let status = xmlParseChunk(
      parser, chunk.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(count), count == 0 ? 1 : 0)
    return try afterChunk(status: status, terminated: count == 0)
  }

  /// What a chunk libxml2 parsed with `status` means: `false` once the handler stopped the parse or the
  /// document ended (`terminated`); throws on a DOCTYPE or malformed input.
  private func afterChunk(status: Int32, terminated: Bool) throws(XMLReadError) -> Bool {
    if context.handlerStopped {
      finished = true
      return false
    }
    if input.sawDoctype {
      throw fail(input.doctypeError(file: file, fallbackLine: parserLine, fallbackColumn: nil))
    }
    // As xmlTextReader: any status but 0 (also a warning's) ends the parse.
    if status != 0 || input.firstError != nil || parser.pointee.wellFormed == 0 { throw fail(currentError()) }
    if terminated { finished = true }
    return !finished
  }

  private var parserLine: Int { Int(xmlSAX2GetLineNumber(parser)) }

  private func currentError() -> XMLReadError { input.currentError(file: file, parserLine: parserLine) }

  // MARK: Fed as xmlTextReader feeds libxml2

  /// One chunk as xmlTextReaderPushData gives it to libxml2 (see ``init(path:digester:names:handler:)``).
  private func parseNextAsTextReader() throws(XMLReadError) -> Bool {
    guard let feed else { return false }
    if let storedError { throw storedError }
    if finished { return false }
    context.state.pointee.sawStartInChunk = false
    guard let (start, count, terminate) = feed.next(input) else { throw fail(currentError()) }
    lastChunkEndedRead = terminate || count < TextReaderFeed.chunkSize
    let status = xmlParseChunk(parser, start.assumingMemoryBound(to: CChar.self), Int32(count), terminate ? 1 : 0)
    feed.pushed += count
    return try afterChunk(status: status, terminated: terminate)
  }

  /// After ``parseNext()``: libxml2's line and column, as xmlTextReaderGetParserLineNumber and
  /// xmlTextReaderGetParserColumnNumber would give them there.
  package var line: Int { parserLine }
  package var column: Int { Int(parser.pointee.input?.pointee.col ?? 0) }
  /// The last chunk was one after which xmlTextReaderPushData stops whatever it waits for: the short last
  /// piece of the input, or the end.
  package private(set) var lastChunkEndedRead = false
  /// A start tag was read in the last chunk (xmlTextReaderPushData stops after such a chunk).
  package var lastChunkHadStartTag: Bool { context.state.pointee.sawStartInChunk }
  /// The run of character data not yet ended by markup, as far as it has come, and its text node's line.
  package var openRun: (bytes: UnsafeBufferPointer<UInt8>, line: Int)? { context.state.pointee.openRun }

  /// The error xmlTextReader reports when a read fails with nothing captured (see ``ReaderInput``).
  package var readError: XMLReadError { currentError() }

  /// Reads what is left of the file into the digester (see ``XMLStreamReader/init(path:digester:)``).
  package func finishInput() throws(XMLReadError) {
    if !input.drain() { throw fail(currentError()) }
  }

  private func fail(_ error: XMLReadError) -> XMLReadError {
    storedError = error
    finished = true
    return error
  }
}

/// xmlTextReader's input buffer: what it has read (4 KiB at a time) and how much of it it has pushed.
private final class TextReaderFeed {
  /// xmlTextReader's CHUNK_SIZE.
  static let chunkSize = 512
  private(set) var buffer: UnsafeMutableRawPointer
  private var capacity = 64 * 1024
  /// Bytes read so far (xmlBufUse) and pushed (the reader's `cur`), both from `buffer`.
  var used = 0
  var pushed = 0
  /// A read returned 0: the rest goes with the end.
  private var sawEnd = false

  init() { buffer = .allocate(byteCount: capacity, alignment: 16) }

  deinit { buffer.deallocate() }

  /// The next chunk: 512 bytes while there are, reading 4 KiB when fewer are left; a shorter piece when a
  /// read brought fewer; the rest with `terminate` once a read brought nothing. `nil` when a read failed.
  func next(_ input: ReaderInput) -> (UnsafeMutableRawPointer, Int, Bool)? {
    if used - pushed < Self.chunkSize {
      if sawEnd { return (buffer + pushed, used - pushed, true) }
      if pushed >= 32 * 1024 {
        // Keep the buffer small: what was pushed is libxml2's now.
        (buffer).copyMemory(from: buffer + pushed, byteCount: used - pushed)
        used -= pushed
        pushed = 0
      }
      if used + 4096 > capacity {
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
        grown.copyMemory(from: buffer, byteCount: used)
        buffer.deallocate()
        buffer = grown
        capacity *= 2
      }
      let count = Int(input.fill((buffer + used).assumingMemoryBound(to: CChar.self), capacity: 4096))
      if count < 0 { return nil }
      if count == 0 {
        sawEnd = true
        return (buffer + pushed, used - pushed, true)
      }
      used += count
      if used - pushed < Self.chunkSize { return (buffer + pushed, used - pushed, false) }
    }
    return (buffer + pushed, Self.chunkSize, false)
  }
}

/// What the SAX callbacks see (as an unretained pointer): the handler, the interned names, the text run
/// being collected, and the input for errors.
private final class PushContext {
  let input: ReaderInput
  /// A `let`, so calling it needs no reference counting (the handler never points back at the parser).
  let handler: any XMLPushHandler
  /// The handler's type and context when it is an ``XMLPushNodeHandler`` (see there).
  let nodeHandler: (any XMLPushNodeHandler.Type)?
  let nodeContext: UnsafeMutableRawPointer?
  var parser: xmlParserCtxtPtr?
  /// Pointers into the parser's dictionary, filled once it exists.
  let names: UnsafeMutableBufferPointer<UnsafePointer<UInt8>?>
  /// What changes per event, behind a pointer: a class's `var`s are checked for exclusive access at run time
  /// on every use, which cost a twentieth of the read.
  let state: UnsafeMutablePointer<PushState> = .allocate(capacity: 1)

  init(input: ReaderInput, handler: any XMLPushHandler, names: Int) {
    self.input = input
    self.handler = handler
    let nodes = handler as? any XMLPushNodeHandler
    nodeHandler = nodes.map { type(of: $0) }
    nodeContext = nodes?.nodeContext
    self.names = .allocate(capacity: names)
    self.names.initialize(repeating: nil)
    state.initialize(to: PushState())
  }

  deinit {
    names.deallocate()
    state.pointee.deallocate()
    state.deinitialize(count: 1)
    state.deallocate()
  }

  var handlerStopped: Bool { state.pointee.handlerStopped }

  func startElement(
    _ name: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?, fields: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
    count: Int
  ) {
    if let nodeHandler { return startNode(nodeHandler, name, uri: uri, fields: fields, count: count) }

    guard let text = state.pointee.markup(start: true) else { return }
    if !text.isEmpty && !handler.text(text) { return stopByHandler() }
    let names = UnsafeBufferPointer(names)
    var attributes = XMLPushAttributes(fields: fields, count: count, names: names)
    attributes.element = name
    if !handler.startElement(internedIndex(name, in: names), attributes: attributes) { stopByHandler() }
  }

  func endElement(_ name: UnsafePointer<UInt8>?) {
    if let nodeHandler {
      guard endRun(nodeHandler) else { return }
      state.pointee.openElements -= 1
      if !nodeHandler.endElement(nodeContext!, internedIndex(name, in: UnsafeBufferPointer(names))) {
        stopByHandler()
      }
      return
    }
    guard let text = state.pointee.markup(start: false) else { return }
    if !text.isEmpty && !handler.text(text) { return stopByHandler() }
    if !handler.endElement(internedIndex(name, in: UnsafeBufferPointer(names))) { stopByHandler() }
  }

  /// A comment or processing instruction: it ends the text run.
  func otherMarkup() {
    if let nodeHandler {
      guard endRun(nodeHandler) else { return }
      if !nodeHandler.otherNode(nodeContext!) { stopByHandler() }
      return
    }
    guard let text = state.pointee.markup(start: false) else { return }
    if !text.isEmpty && !handler.text(text) { stopByHandler() }
  }

  func characters(_ bytes: UnsafePointer<UInt8>, count: Int) {
    if !state.pointee.hasRun, let parser, let input = parser.pointee.input {
      // The first piece of a run: libxml2's tree builder gives the text node this line.
      state.pointee.runLine = Int(input.pointee.line)
    }
    if state.pointee.append(bytes, count: count) { return }
    if state.pointee.halted { return }
    // Worded as libxml2's tree builder words it ("xmlSAX2Characters: huge text node", see plainMessage).
    input.record(
      line: Int(xmlSAX2GetLineNumber(parser)), column: Int(xmlSAX2GetColumnNumber(parser)),
      message: plainMessage("huge text node"))
    halt()
  }

  func doctype() {
    input.sawDoctype = true
    halt()
  }

  /// Before libxml2's error is recorded: what it cannot know without a tree.
  func noteState() { input.sawRootElement = state.pointee.sawRoot }

  private func stopByHandler() {
    state.pointee.handlerStopped = true
    halt()
  }

  // MARK: Node handler

  /// A start tag for an ``XMLPushNodeHandler``: the run before it, then the element.
  private func startNode(
    _ handler: any XMLPushNodeHandler.Type, _ name: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?,
    fields: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int
  ) {
    guard endRun(handler) else { return }
    state.pointee.sawRoot = true
    state.pointee.sawStartInChunk = true
    var line = 0
    var column = 0
    var isEmpty = false
    if let parser, let input = parser.pointee.input {
      line = Int(input.pointee.line)
      column = Int(input.pointee.col)
      // As xmlTextReader marks an element NODE_IS_EMPTY: libxml2 stops before "/>".
      if let cursor = input.pointee.cur, cursor[0] == UInt8(ascii: "/") { isEmpty = cursor[1] == UInt8(ascii: ">") }
    }
    // What libxml2's tree builder refuses (xmlSAX2StartElementNs), where it refuses it: a SAX handler would
    // not notice. nodePush: more than xmlParserMaxDepth elements open.
    if state.pointee.openElements > 256 {
      input.record(
        line: line, column: column > 0 ? column : nil, message: plainMessage("excessive depth in document"))
      halt()
      return
    }
    state.pointee.openElements += 1
    if count > 0, let fields { checkXMLIDs(fields, count: count, line: line, column: column) }
    let names = UnsafeBufferPointer(names)
    let element = XMLPushElement(
      name: internedIndex(name, in: names), localName: name, uri: uri,
      attributes: XMLPushAttributes(fields: fields, count: count, names: names), line: line, isEmpty: isEmpty)
    if !handler.startElement(nodeContext!, element) { stopByHandler() }
  }

  /// xmlSAX2AttributeNs on `xml:id` (the tree builder registers it): a value that is not an NCName, or one
  /// given before, is an error (which does not stop the parse).
  private func checkXMLIDs(
    _ fields: UnsafeMutablePointer<UnsafePointer<UInt8>?>, count: Int, line: Int, column: Int
  ) {
    guard let xml = parser?.pointee.str_xml else { return }
    for index in 0..<count {
      let field = fields + 5 * index
      guard field[1] == xml, let name = field[0], strcmp(name, "id") == 0 else { continue }
      // The value as libxml2 hands it over (an `&` still as `&#38;`), as the tree builder takes it.
      var value: [UInt8] = []
      if let start = field[3], let end = field[4] {
        value = Array(UnsafeBufferPointer(start: start, count: end - start))
      }
      let text = String(decoding: value, as: UTF8.self)
      value.append(0)
      let place = (line: line, column: column > 0 ? column : nil)
      if xmlValidateNCName(value, 1) != 0 {
        let raw = "xml:id : attribute value \(text) is not an NCName\n"
        input.record(
          line: place.line, column: place.column, message: plainMessage(normalizedMessage(raw, keeping: [text])))
      }
      if !text.isEmpty && !state.pointee.xmlIDs.insert(text).inserted {
        let raw = "ID \(text) already defined\n"
        input.record(
          line: place.line, column: place.column, message: plainMessage(normalizedMessage(raw, keeping: [text])))
      }
    }
  }

  /// Markup ends the current run: hands it to `handler` (white space too). `false` when the parse is halted
  /// or the handler stopped it.
  private func endRun(_ handler: any XMLPushNodeHandler.Type) -> Bool {
    guard let run = state.pointee.takeRun() else { return false }
    if run.exists && !handler.textRun(nodeContext!, run.bytes, isBlank: run.isBlank, line: run.line) {
      stopByHandler()
      return false
    }
    return true
  }

  private func halt() {
    state.pointee.halted = true
    if let parser { xmlStopParser(parser) }
  }
}

/// The changing part of a ``PushContext``: the character data since the last markup (libxml2 hands it in
/// pieces; xmlTextReader's tree joins them into one text node), and why events stop.
private struct PushState {
  private var text: UnsafeMutablePointer<UInt8> = .allocate(capacity: 4096)
  private var count = 0
  private var capacity = 4096
  private var isBlank = true
  var halted = false
  /// The handler returned `false`.
  var handlerStopped = false
  var sawRoot = false
  /// Character data arrived since the last markup (a text node in xmlTextReader's tree), and libxml2's line
  /// when its first piece came.
  private(set) var hasRun = false
  var runLine = 0
  /// A start tag was read in the chunk being parsed (reset by the parser before each chunk).
  var sawStartInChunk = false
  /// For an ``XMLPushNodeHandler``: the elements open (ctxt->nodeNr under a tree builder), and the `xml:id`
  /// values given so far.
  var openElements = 0
  var xmlIDs: Set<String> = []

  /// libxml2's tree builder refuses a text node longer than this (XML_MAX_TEXT_LENGTH).
  static let maxText = 10_000_000

  func deallocate() { text.deallocate() }

  /// Adds character data to the run; `false` when halted or the run would grow beyond ``maxText``.
  mutating func append(_ bytes: UnsafePointer<UInt8>, count added: Int) -> Bool {
    if halted { return false }
    if added <= 0 { return true }
    hasRun = true
    if count + added > Self.maxText { return false }
    if count + added > capacity {
      while count + added > capacity { capacity *= 2 }
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      grown.update(from: text, count: count)
      text.deallocate()
      text = grown
    }
    (text + count).update(from: bytes, count: added)
    count += added
    if isBlank {
      for index in 0..<added {
        let byte = bytes[index]
        if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
          isBlank = false
          break
        }
      }
    }
    return true
  }

  /// Markup ends the run: its text (empty when there was none or only white space, which is not handed
  /// on), valid until the next ``append(_:count:)``; `nil` when halted.
  mutating func markup(start: Bool) -> UnsafeBufferPointer<UInt8>? {
    if halted { return nil }
    if start { sawRoot = true }
    defer {
      count = 0
      isBlank = true
      hasRun = false
    }
    return UnsafeBufferPointer(start: text, count: isBlank ? 0 : count)
  }

  /// Markup ends the run, for an ``XMLPushNodeHandler``: the whole run, white space too, valid until the next
  /// ``append(_:count:)``; `nil` when halted.
  mutating func takeRun() -> (bytes: UnsafeBufferPointer<UInt8>, isBlank: Bool, line: Int, exists: Bool)? {
    if halted { return nil }
    defer {
      count = 0
      isBlank = true
      hasRun = false
    }
    return (UnsafeBufferPointer(start: text, count: count), isBlank, runLine, hasRun)
  }

  /// The run still open (no markup after it yet), as far as it has come; `nil` when there is none.
  var openRun: (bytes: UnsafeBufferPointer<UInt8>, line: Int)? {
    hasRun && !halted ? (UnsafeBufferPointer(start: text, count: count), runLine) : nil
  }
}

/// The context of a callback, without reference counting (the parser keeps it alive).
@inline(__always)
private func withPushContext(_ pointer: UnsafeMutableRawPointer, _ body: (PushContext) -> Void) {
  Unmanaged<PushContext>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
}

private let pushStartElement: startElementNsSAX2Func = { context, name, _, uri, _, _, count, _, fields in
  guard let context else { return }
  withPushContext(context) { $0.startElement(name, uri: uri, fields: fields, count: Int(count)) }
}

private let pushEndElement: endElementNsSAX2Func = { context, name, _, _ in
  guard let context else { return }
  withPushContext(context) { $0.endElement(name) }
}

private let pushCharacters: charactersSAXFunc = { context, bytes, count in
  guard let context, let bytes else { return }
  withPushContext(context) { $0.characters(bytes, count: Int(count)) }
}

/// A comment or processing instruction ends a text run, as it splits text nodes in xmlTextReader's tree.
private let pushComment: commentSAXFunc = { context, _ in
  guard let context else { return }
  withPushContext(context) { $0.otherMarkup() }
}

private let pushProcessingInstruction: processingInstructionSAXFunc = { context, _, _ in
  guard let context else { return }
  withPushContext(context) { $0.otherMarkup() }
}

/// Called as soon as `<!DOCTYPE name …` is read, before any internal subset: the parse stops there.
private let pushDoctype: internalSubsetSAXFunc = { context, _, _, _ in
  guard let context else { return }
  withPushContext(context) { $0.doctype() }
}

private let recordPushError: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  withPushContext(context) {
    $0.noteState()
    $0.input.record(error)
  }
}

// MARK: - libxml2 set-up and callbacks

/// XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES. Never NOENT,
/// DTDLOAD, DTDATTR, DTDVALID or XINCLUDE.
private let readerOptions = Int32(
  bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
    | XML_PARSE_BIG_LINES.rawValue)

/// `xmlTextReaderNodeType` values (xmlReaderTypes).
private enum NodeType {
  static let element = Int32(XML_READER_TYPE_ELEMENT.rawValue)
  static let text = Int32(XML_READER_TYPE_TEXT.rawValue)
  static let cdata = Int32(XML_READER_TYPE_CDATA.rawValue)
  static let entityReference = Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue)
  static let entity = Int32(XML_READER_TYPE_ENTITY.rawValue)
  static let documentType = Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue)
  static let notation = Int32(XML_READER_TYPE_NOTATION.rawValue)
  static let endElement = Int32(XML_READER_TYPE_END_ELEMENT.rawValue)
  static let endEntity = Int32(XML_READER_TYPE_END_ENTITY.rawValue)
  static let whitespace = Int32(XML_READER_TYPE_WHITESPACE.rawValue)
  static let significantWhitespace = Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
}

private enum LibXML2 {
  /// Runs once per process, before the first reader: initialises libxml2 (2.9.14 wants
  /// xmlInitParser before use from several threads), keeps libxml2 from printing errors that have
  /// no reader attached, and makes sure it can never load an external entity or DTD.
  static let setUp: Void = {
    xmlInitParser()
    appraise_silenceDefaultErrorHandlers(ignoreError)
    xmlSetExternalEntityLoader(refuseExternalEntity)
  }()
}

private let readInput: xmlInputReadCallback = { context, buffer, length in
  guard let context, let buffer else { return -1 }
  return Unmanaged<ReaderInput>.fromOpaque(context).takeUnretainedValue().fill(buffer, capacity: Int(length))
}

private let recordError: xmlStructuredErrorFunc = { context, error in
  guard let context, let error else { return }
  Unmanaged<ReaderInput>.fromOpaque(context).takeUnretainedValue().record(error)
}

private let ignoreError: xmlStructuredErrorFunc = { _, _ in }

private let refuseExternalEntity: xmlExternalEntityLoader = { _, _, _ in nil }

/// The first libxml2 error of a reader, already turned into Swift values inside the callback
/// (the xmlError and its parser context are only valid there).
private struct CapturedError {
  var line: Int
  var column: Int?
  var message: String
  var sawDoctype: Bool
}

/// What libxml2's callbacks see (as an unretained pointer): the input and the first error.
private final class ReaderInput {
  private(set) var fd: Int32
  /// The document (in-memory input), or the first 64 KiB a `source` gave (for messages about the start).
  private var bytes: [UInt8]
  private var offset = 0
  /// Pulls the document piece by piece (see ``XMLStreamReader/init(name:source:)``).
  private let source: ((UnsafeMutableRawBufferPointer) -> Int)?
  /// File input is read in 64 KiB blocks; libxml2 asks for 4 KiB at a time. With a digester there are two,
  /// taking turns: one is hashed on the digester's thread while the other is read from (``blockBase``).
  private let block: UnsafeMutableRawBufferPointer?
  private static let blockSize = 64 * 1024
  private var half = 0
  private var tickets = (0, 0)
  private var blockStart = 0
  private var blockEnd = 0
  private(set) var bytesRead = 0
  private(set) var readErrno: Int32 = 0
  private(set) var firstError: CapturedError?
  /// Set by ``XMLPushParser``, which builds no document for libxml2 to tell these from: a DOCTYPE began,
  /// the root element began.
  var sawDoctype = false
  var sawRootElement = false

  /// Receives every byte read from the file.
  private let digester: InputDigester?

  init(fd: Int32, digester: InputDigester?) {
    self.fd = fd
    self.digester = digester
    self.source = nil
    self.bytes = []
    self.block = UnsafeMutableRawBufferPointer.allocate(
      byteCount: (digester == nil ? 1 : 2) * Self.blockSize, alignment: 16)
  }

  init(bytes: [UInt8]) {
    self.digester = nil
    self.fd = -1
    self.bytes = bytes
    self.source = nil
    self.block = nil
  }

  init(source: @escaping (UnsafeMutableRawBufferPointer) -> Int) {
    self.digester = nil
    self.fd = -1
    self.bytes = []
    self.source = source
    self.block = nil
  }

  deinit {
    // The digester's thread may still be reading the blocks.
    digester?.wait(for: max(tickets.0, tickets.1))
    block?.deallocate()
  }

  func closeFile() {
    if fd >= 0 {
      close(fd)
      fd = -1
    }
  }

  /// Reads what libxml2 left unread (it may stop before trailing white space) into the digester, so the
  /// digest covers the whole file; `false` when a read failed (``readErrno`` says why).
  func drain() -> Bool {
    guard fd >= 0, digester != nil, block != nil else { return true }
    while true {
      let base = nextBlock()
      let count = read(fd, base, Self.blockSize)
      if count > 0 {
        bytesRead += count
        digest(base, count)
      } else if count == 0 {
        return true
      } else if errno != EINTR {
        readErrno = errno
        return false
      }
    }
  }

  /// The block to read into next: with a digester, the other one, once it is hashed.
  private func nextBlock() -> UnsafeMutableRawPointer {
    guard let digester else { return block!.baseAddress! }
    half ^= 1
    digester.wait(for: half == 0 ? tickets.0 : tickets.1)
    return block!.baseAddress! + half * Self.blockSize
  }

  /// Hands the `count` bytes just read at `base` to the digester's thread.
  private func digest(_ base: UnsafeMutableRawPointer, _ count: Int) {
    guard let digester else { return }
    let ticket = digester.updateLater(UnsafeRawBufferPointer(start: base, count: count))
    if half == 0 { tickets.0 = ticket } else { tickets.1 = ticket }
  }

  /// libxml2's read callback: copies up to `capacity` bytes into `buffer`; 0 at the end, -1 on error.
  func fill(_ buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
    guard capacity > 0 else { return 0 }
    if let source {
      let target = UnsafeMutableRawBufferPointer(start: buffer, count: min(capacity, Int(Int32.max)))
      let count = source(target)
      if count < 0 {
        readErrno = EIO
        return -1
      }
      if bytes.count < 64 * 1024 { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: target[..<count])) }
      bytesRead += count
      return Int32(count)
    }
    if fd >= 0, block != nil {
      if blockStart == blockEnd {
        let base = nextBlock()
        while true {
          let count = read(fd, base, Self.blockSize)
          if count >= 0 {
            blockStart = 0
            blockEnd = count
            bytesRead += count
            digest(base, count)
            break
          }
          if errno == EINTR { continue }
          readErrno = errno
          return -1
        }
        if blockEnd == 0 { return 0 }
      }
      let base = block!.baseAddress! + half * Self.blockSize
      let count = min(capacity, blockEnd - blockStart)
      UnsafeMutableRawPointer(buffer).copyMemory(from: base + blockStart, byteCount: count)
      blockStart += count
      return Int32(count)
    }
    let count = min(capacity, bytes.count - offset)
    guard count > 0 else { return 0 }
    bytes.withUnsafeBytes { source in
      UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
    }
    offset += count
    bytesRead += count
    return Int32(count)
  }

  func record(_ error: UnsafeMutablePointer<xmlError>) {
    guard firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    let code = error.pointee.code
    let parser = appraise_errorParserContext(error)
    var sawDoctype = self.sawDoctype || appraise_parserSawDoctype(parser) != 0
    if code == Int32(XML_ERR_ENTITY_LOOP.rawValue) { sawDoctype = true }
    let message: String
    if code == Int32(XML_ERR_DOCUMENT_END.rawValue), let open = appraise_parserOpenElementName(parser) {
      message = "premature end of document: element \(String(cString: open)) is not closed"
    } else if code == Int32(XML_ERR_DOCUMENT_END.rawValue) && parser != nil
      && !sawRootElement && appraise_parserSawRootElement(parser) == 0
    {
      message = "document has no root element"
    } else {
      let names = [error.pointee.str1, error.pointee.str2, error.pointee.str3].compactMap { $0 }.map {
        String(cString: $0)
      }
      message = normalizedMessage(error.pointee.message.map { String(cString: $0) } ?? "", keeping: names)
    }
    let column = Int(error.pointee.int2)
    firstError = CapturedError(
      line: max(0, Int(error.pointee.line)), column: column > 0 ? column : nil,
      message: message.isEmpty ? "malformed XML" : plainMessage(message), sawDoctype: sawDoctype)
  }

  /// Records an error found outside libxml2's parser (by ``XMLPushParser``), unless one came first.
  func record(line: Int, column: Int?, message: String) {
    guard firstError == nil else { return }
    firstError = CapturedError(line: line, column: column, message: message, sawDoctype: sawDoctype)
  }

  /// For a file that is no XML text at all — gzip data, other binary data — what it looks like, from its
  /// first bytes; `nil` for anything that starts like XML (a byte order mark, `<`, white space).
  func notXMLMessage() -> String? {
    var head = [UInt8](repeating: 0, count: 4)
    let count: Int
    if fd >= 0 {
      count = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 4, 0) }
    } else {
      count = min(4, bytes.count)
      head.replaceSubrange(0..<count, with: bytes.prefix(count))
    }
    guard count >= 2 else { return nil }
    if head[0] == 0x1F && head[1] == 0x8B {
      return "the file is gzip-compressed; expected an uncompressed XML document (gunzip it first)"
    }
    let startsLikeXML: Set<UInt8> = [0x3C, 0xEF, 0xFE, 0xFF, 0x00, 0x20, 0x09, 0x0A, 0x0D]
    if !startsLikeXML.contains(head[0]) {
      let shown = head[0] >= 0x21 && head[0] < 0x7F ? "'\(Character(UnicodeScalar(head[0])))' " : ""
      return
        "the file starts with \(shown)byte 0x\(String(head[0], radix: 16, uppercase: true)); expected an XML document starting with '<'"
    }
    return nil
  }

  /// 1-based line and column of `<!DOCTYPE` within the first 64 KiB, for ASCII-compatible input.
  func locateDoctype() -> (line: Int, column: Int)? {
    let limit = 64 * 1024
    if fd >= 0 {
      var head = [UInt8](repeating: 0, count: limit)
      let count = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, limit, 0) }
      guard count > 0 else { return nil }
      return locate(in: head[..<count])
    }
    return locate(in: bytes.prefix(limit))
  }

  private func locate(in head: ArraySlice<UInt8>) -> (line: Int, column: Int)? {
    let needle = Array("<!DOCTYPE".utf8)
    var line = 1
    var column = 1
    var index = head.startIndex
    while index < head.endIndex {
      if head[index] == needle[0] && head[index...].starts(with: needle) { return (line, column) }
      if head[index] == 0x0A {
        line += 1
        column = 1
      } else if head[index] & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return nil
  }
}

extension ReaderInput {
  /// The error of a reader or parser of this input that failed: the input could not be read, is empty or
  /// no XML, libxml2's first error, or (none captured) its last unattached one.
  func currentError(file: String, parserLine: Int) -> XMLReadError {
    if readErrno != 0 {
      return XMLReadError(file: file, line: 0, column: nil, message: "cannot read file: " + errorText(readErrno))
    }
    if bytesRead == 0 {
      return XMLReadError(file: file, line: 1, column: 1, message: "empty file; expected an XML document")
    }
    if let message = notXMLMessage() {
      return XMLReadError(file: file, line: 1, column: 1, message: message)
    }
    guard let captured = firstError else {
      return XMLReadError(file: file, line: max(1, parserLine), column: nil, message: unattachedErrorMessage())
    }
    if captured.sawDoctype {
      return doctypeError(file: file, fallbackLine: captured.line, fallbackColumn: captured.column)
    }
    return XMLReadError(file: file, line: captured.line, column: captured.column, message: captured.message)
  }

  /// Errors that libxml2 raises without a parser context (text-encoding conversion, I/O) or while the
  /// reader is being created bypass the reader's handler; libxml2 still keeps them as this thread's
  /// last error. Used only when the reader failed without a captured error, and reset afterwards so
  /// that it cannot leak into another reader.
  private func unattachedErrorMessage() -> String {
    defer { xmlResetLastError() }
    guard let last = xmlGetLastError(), last.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
      let text = last.pointee.message
    else { return "malformed XML" }
    let message = normalizedMessage(String(cString: text), keeping: [])
    return message.isEmpty ? "malformed XML" : message
  }

  /// Rejects a document with a DTD, located at its `<!DOCTYPE` when that can be found in the first
  /// 64 KiB (ASCII-compatible encodings), else at the fallback position.
  func doctypeError(file: String, fallbackLine: Int, fallbackColumn: Int?) -> XMLReadError {
    if let (line, column) = locateDoctype() {
      return XMLReadError(file: file, line: line, column: column, message: XMLReadError.doctypeMessage)
    }
    return XMLReadError(
      file: file, line: max(1, fallbackLine), column: fallbackColumn, message: XMLReadError.doctypeMessage)
  }
}

// MARK: - Helpers

/// Opens `path` for reading, failing as ``XMLStreamReader/init(path:digester:)`` fails
/// (`cannot open file: <reason>`, a directory included).
private func openFile(_ path: String) throws(XMLReadError) -> Int32 {
  let fd = open(path, O_RDONLY | O_CLOEXEC)
  if fd < 0 {
    throw XMLReadError(file: path, line: 0, column: nil, message: "cannot open file: " + InputFile.reason(errno))
  }
  var info = stat()
  if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
    close(fd)
    throw XMLReadError(file: path, line: 0, column: nil, message: "cannot open file: " + errorText(EISDIR))
  }
  return fd
}

private func errorText(_ code: Int32) -> String {
  String(cString: strerror(code))
}

/// At least as many line breaks as libxml2's first piece of `text` holds (see textStartLine): those
/// before the first `&` or `<`, or before the first non-ASCII byte if the text starts with ASCII
/// (libxml2's ASCII fast path stops there; text starting with non-ASCII goes to its slow path, which
/// only stops at `&`, `<` or after 300 bytes).
private func lineBreaksInFirstPiece(_ text: UnsafePointer<xmlChar>) -> Int {
  // Most values are one line: let libc's vectorised strchr rule that out first.
  guard strchr(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), 0x0A) != nil else { return 0 }
  let startsWithASCII = text.pointee < 0x80
  var count = 0
  var cursor = text
  while true {
    switch cursor.pointee {
    case 0, UInt8(ascii: "&"), UInt8(ascii: "<"): return count
    case 0x80...: if startsWithASCII { return count }
    case UInt8(ascii: "\n"): count += 1
    default: break
    }
    cursor += 1
  }
}

/// libxml2's messages that name its internals or options, said in the user's terms (checked against
/// Debian's libxml2 2.9.14 wording, already lower-cased by normalizedMessage).
private func plainMessage(_ message: String) -> String {
  if message.hasPrefix("excessive depth in document") {
    return "elements nested deeper than 256 levels; an evidence file needs at most 5"
  }
  if message.hasSuffix("huge text node") {
    return "a text value longer than 10,000,000 bytes; expected shorter text (libxml2's limit)"
  }
  if message.hasPrefix("attvalue: ") {
    return "an attribute value is not closed; expected a closing quote before '<' or the end of the file"
  }
  if let described = characterMessage(message) { return described }
  if message == "char 0x0 out of allowed range" {
    return "NUL byte (0x00); expected XML text (is the file binary, or UTF-16 without a byte order mark?)"
  }
  if message.hasPrefix("input is not proper utf-8, indicate encoding ! bytes: ") {
    let bytes = message.dropFirst("input is not proper utf-8, indicate encoding ! bytes: ".count)
    let first = bytes.split(separator: " ").first.map { $0.uppercased().replacingOccurrences(of: "0X", with: "0x") }
    return "invalid UTF-8 byte \(first ?? "")"
      + "; expected UTF-8 text, or an encoding declaration such as <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
  }
  return message
}

/// libxml2's messages about characters XML does not allow — a character reference to one (`&#x1B;`,
/// `&#0;`), such a character written raw, a reference that is not a number — in the user's terms.
private func characterMessage(_ message: String) -> String? {
  // "xmlparsecharref: invalid xmlchar value 27" (text and attribute values), also from
  // xmlParseStringCharRef; "pcdata invalid char value 27" (the character itself in text).
  for (prefix, isReference) in [
    ("xmlparsecharref: invalid xmlchar value ", true), ("xmlparsestringcharref: invalid xmlchar value ", true),
    ("pcdata invalid char value ", false),
  ] where message.hasPrefix(prefix) {
    guard let value = UInt32(message.dropFirst(prefix.count)) else { return nil }
    let hex = String(value, radix: 16, uppercase: true)
    let codePoint = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    if isReference {
      return "character reference &#x\(hex); (&#\(value);) names \(codePoint), which XML does not allow; "
        + "remove it or write it as text"
    }
    return "character \(codePoint) in text, which XML does not allow; remove it (is the file binary?)"
  }
  switch message {
  case "xmlparsecharref: character reference out of bounds":
    return "a character reference beyond U+10FFFF, the last Unicode character; remove it or write it as text"
  case "charref: invalid decimal value":
    return "a character reference &#…; holds a non-digit; expected &#NNN; (decimal) or &#xHHH; (hexadecimal)"
  case "charref: invalid hexadecimal value":
    return "a character reference &#x…; holds a non-hexadecimal digit; expected &#xHHH; such as &#xE9;"
  case "xmlparseentityref: no name":
    return "a bare '&'; write it as &amp; (XML starts references with '&')"
  case "entityref: expecting ';'":
    return "a reference starting with '&' is not closed by ';'; write a bare '&' as &amp;"
  case "starttag: invalid element name":
    return "'<' starts no element name; write a literal '<' as &lt;"
  default:
    return nil
  }
}

/// Trims libxml2's message, collapses its whitespace (some messages span two lines) and lower-cases
/// it, except for the names libxml2 substituted into it (`names`), which keep their spelling.
private func normalizedMessage(_ raw: String, keeping names: [String]) -> String {
  let words = raw.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
  let text = Array(words.joined(separator: " "))
  let keep = names.filter { !$0.isEmpty && !$0.contains(where: \.isWhitespace) }
    .map(Array.init).sorted { $0.count > $1.count }
  func isNameCharacter(_ character: Character) -> Bool {
    !character.isASCII || character.isLetter || character.isNumber || "_-.:".contains(character)
  }
  var result = ""
  var index = 0
  outer: while index < text.count {
    if index == 0 || !isNameCharacter(text[index - 1]) {
      for name in keep where index + name.count <= text.count && Array(text[index..<index + name.count]) == name {
        let end = index + name.count
        if end == text.count || !isNameCharacter(text[end]) {
          result += String(name)
          index = end
          continue outer
        }
      }
    }
    result += text[index].lowercased()
    index += 1
  }
  return result
}

// MARK: - Push parsing by name and position

extension XMLPushAttributes {
  /// The UTF-8 bytes of the local name of the element these attributes belong to, for names that are not
  /// among the parser's `names` (valid only during the call).
  package var elementName: UnsafeBufferPointer<UInt8> {
    guard let element else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: element, count: strlen(element))
  }

  /// Like ``visit(_:)``, with each attribute's local name as bytes instead of an index (namespace
  /// declarations are not attributes; an attribute in a namespace is given by its local name, as
  /// ``XMLStreamReader`` names it).
  package func visitNamed(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
    visitFields { field, value in
      body(field[0].map { UnsafeBufferPointer(start: $0, count: strlen($0)) } ?? .init(start: nil, count: 0), value)
    }
  }
}

extension XMLPushParser {
  /// Parses the file at `path` as ``XMLStreamReader`` reads it: the first 4 bytes, then `chunkSize` bytes
  /// at a time, every chunk full but the last. With the reader's 512-byte chunks, libxml2 has parsed exactly
  /// as far after each ``parseNext()`` as the reader's parser has when it hands out the first element that
  /// started in that chunk, so ``line`` and ``column`` then give the positions the reader reports. Throws
  /// `cannot open file: <reason>` as ``XMLStreamReader/init(path:digester:)`` does.
  package convenience init(path: String, names: [String], chunkSize: Int = 512, handler: any XMLPushHandler)
    throws(XMLReadError)
  {
    let fd = try openFile(path)
    let file = ChunkedFile(fd: fd)
    try self.init(
      input: ReaderInput(source: { file.fill($0) }), name: path, names: names, chunkSize: chunkSize,
      handler: handler)
  }
}

/// A file read into buffers filled completely (a short read is continued), so the chunks handed to libxml2
/// fall where ``XMLStreamReader``'s do. Read 64 KiB at a time.
private final class ChunkedFile {
  private var fd: Int32
  private let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
  private var start = 0
  private var end = 0

  init(fd: Int32) { self.fd = fd }

  deinit {
    if fd >= 0 { close(fd) }
    block.deallocate()
  }

  /// Fills `buffer` up to its end or the end of the file; the bytes read, or -1 on a read error.
  func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
    guard let target = buffer.baseAddress, let base = block.baseAddress, fd >= 0 else { return 0 }
    var filled = 0
    while filled < buffer.count {
      if start == end {
        let count = read(fd, base, block.count)
        if count < 0 {
          if errno == EINTR { continue }
          return -1
        }
        if count == 0 { break }
        start = 0
        end = count
      }
      let count = min(buffer.count - filled, end - start)
      (target + filled).copyMemory(from: base + start, byteCount: count)
      start += count
      filled += count
    }
    return filled
  }
}
