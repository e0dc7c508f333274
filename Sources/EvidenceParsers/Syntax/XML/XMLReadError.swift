/// Why an XML input could not be read. Carries only Swift values (no libxml2 state).
///
/// - `file`: the path given to ``XMLStreamReader/init(path:)`` or the name given to
///   ``XMLStreamReader/init(bytes:name:)``.
/// - `line`: 1-based line of the problem, or 0 when the error concerns the file as a whole
///   (cannot open/read it, empty file).
/// - `column`: 1-based column (in characters) where libxml2 stopped, which is usually just after the
///   offending construct; `nil` when unknown.
/// - `message`: libxml2's message lower-cased, trimmed and with its whitespace collapsed to single
///   spaces, except that the element/attribute names libxml2 quotes keep their spelling, e.g.
///   `opening and ending tag mismatch: practice line 2 and evidence`; or one of this package's own
///   messages (`cannot open file: …`, `cannot read file: …`, `empty file; expected an XML document`,
///   `premature end of document: element … is not closed`, `document has no root element`,
///   ``XMLReadError/doctypeMessage``, and libxml2's internal wordings said in the user's terms, such as
///   `character reference &#x1B; (&#27;) names U+001B, which XML does not allow; …` for
///   `xmlparsecharref: invalid xmlchar value 27`).
package struct XMLReadError: Error, Equatable, Sendable, CustomStringConvertible {
  package var file: String
  package var line: Int
  package var column: Int?
  package var message: String

  package init(file: String, line: Int, column: Int?, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// The message for any document that declares a DTD (DOCTYPE), entities or entity references.
  package static let doctypeMessage =
    "document type declarations (DOCTYPE) are not accepted: evidence files must not declare DTDs or entities"

  /// True when the file itself could not be opened or read (`cannot open file: …`, `cannot read file: …`),
  /// as opposed to a problem with its content (exit status 66 rather than 65 for a command).
  package var isFileAccessError: Bool {
    line == 0 && (message.hasPrefix("cannot open file: ") || message.hasPrefix("cannot read file: "))
  }

  /// `file:line:column: message`, leaving out the parts that are unknown.
  package var description: String {
    var location = file
    if line > 0 {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    return "\(location): \(message)"
  }
}
