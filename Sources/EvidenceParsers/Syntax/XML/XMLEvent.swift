/// One attribute of a start tag, as delivered by ``XMLStreamReader``.
package struct XMLAttribute: Sendable, Equatable {
  /// Local name (a namespace prefix is dropped: `p:id` is reported as `id`).
  package var name: String
  /// The attribute value after XML normalisation: character and predefined entity references are
  /// replaced, and literal line breaks and tabs become spaces as the XML specification requires
  /// (a character reference such as `&#10;` stays a line break).
  package var value: String
  /// Same as the owning element's `line`: the line on which the start tag ends.
  package var line: Int
  /// Same as the owning element's `column` (see ``XMLEvent``); 0 when unknown.
  package var column: Int
  /// The namespace URI of a prefixed attribute (`xsi:schemaLocation` →
  /// `http://www.w3.org/2001/XMLSchema-instance`); `nil` for an unprefixed one, which is in no namespace.
  package var namespace: String?
  /// The prefix as written (`xsi`), for messages; `nil` for an unprefixed attribute.
  package var prefix: String?

  package init(name: String, value: String, line: Int, column: Int, namespace: String? = nil, prefix: String? = nil) {
    self.name = name
    self.value = value
    self.line = line
    self.column = column
    self.namespace = namespace
    self.prefix = prefix
  }

  /// The name as written: `prefix:name` or `name`.
  package var qualifiedName: String { prefix.map { "\($0):\(name)" } ?? name }
}

/// One pull-parsing event of ``XMLStreamReader``.
///
/// - Every `startElement` is followed by exactly one matching `endElement`, also for empty elements
///   such as `<flag/>`: those come as `startElement(isEmpty: true)` immediately followed by
///   `endElement`, so consumers may treat `<a/>` and `<a></a>` alike and only look at `isEmpty` if
///   they care about the spelling.
/// - `text` carries character data and CDATA sections (merged into one event when adjacent).
///   Whitespace-only text between or inside elements is not reported. Comments and processing
///   instructions are not reported either.
/// - Names are local names; namespace declarations (`xmlns`, `xmlns:p`) are not reported as attributes.
///   An attribute's namespace is ``XMLAttribute/namespace``; an element's is
///   ``XMLStreamReader/elementNamespace`` right after its `startElement`.
///
/// Positions (libxml2's streaming reader does not record where a node starts; these are derived from
/// what it does record, checked against expat on randomly generated documents):
/// - `line` (1-based) of `startElement` is the line on which the start tag *ends* (its `>`), which is
///   the line it starts on unless the tag is broken over several lines. The `line` of `text` is the line
///   on which the text starts. Both are exact up to line 65535. Beyond it (libxml2 keeps element lines
///   in 16 bits) they are exact for start tags on one line followed by plain text or whitespace, and
///   otherwise may be a few lines early, never late (multi-line start tags, text with character
///   references or CRLF line ends).
/// - `column` (1-based, in characters) is libxml2's parser column, reported only when the parser was
///   still on the event's line: it then points at or after the *end* of the construct on that line
///   (libxml2 parses up to ~512 bytes ahead of the node it hands out). It is 0 when the parser had
///   already moved on to a later line, which is the common case in multi-line documents: treat 0 as
///   "unknown" and do not print it.
package enum XMLEvent: Sendable, Equatable {
  case startElement(name: String, attributes: [XMLAttribute], line: Int, column: Int, isEmpty: Bool)
  case endElement(name: String)
  case text(String, line: Int, column: Int)
}

/// What ``XMLStreamReader/advance()`` moved to.
package enum XMLNodeKind: Sendable, Equatable {
  /// An element's start tag; an empty element (`<a/>`) is followed by an ``endElement`` too.
  case startElement(isEmpty: Bool)
  case endElement
  /// Character data or CDATA, not whitespace only.
  case text
  case endOfDocument
}
