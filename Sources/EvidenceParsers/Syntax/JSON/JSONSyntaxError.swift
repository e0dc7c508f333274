/// A place in a JSON document.
///
/// Both numbers are 1-based. `column` counts **UTF-8 bytes**, not characters: it is the
/// number of bytes between the start of the line and the position, plus one. For ASCII
/// text this is the column an editor shows; after non-ASCII characters on the same line it
/// is larger (for example, each `é` counts 2). A tab counts as one byte.
///
/// Line breaks are LF, CR LF, and a lone CR; each counts as one line break. A UTF-8 byte
/// order mark at the start of the file is not counted, so the first byte after it is at
/// line 1, column 1.
///
/// Each number is stored in 32 bits to keep tree nodes small; values beyond `UInt32.max`
/// (a line longer than 4 GiB) are clamped to it.
package struct JSONPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
  private var storedLine: UInt32
  private var storedColumn: UInt32

  /// The 1-based line number.
  package var line: Int {
    get { Int(storedLine) }
    set { storedLine = UInt32(clamping: newValue) }
  }

  /// The 1-based column, counted in UTF-8 bytes from the start of the line.
  package var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = UInt32(clamping: newValue) }
  }

  /// Creates a position from a 1-based line and a 1-based byte column.
  package init(line: Int, column: Int) {
    storedLine = UInt32(clamping: line)
    storedColumn = UInt32(clamping: column)
  }

  /// `line:column`, as in a compiler diagnostic (for example `3:14`).
  package var description: String { "\(line):\(column)" }

  /// Orders positions by line, then by column.
  package static func < (lhs: JSONPosition, rhs: JSONPosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// A violation of the JSON grammar (RFC 8259), found by ``JSONReader``.
///
/// `message` is lower-case, names the offending byte or value and says what was expected,
/// for example `unexpected '}' after ',' in object; expected a member name in double quotes`.
/// `position` is where the problem was detected: the offending byte for structural, number,
/// control-character and UTF-8 errors, the backslash for an invalid escape, and the end of
/// the file for a truncated document.
package struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Where the problem was detected.
  package var position: JSONPosition
  /// What is wrong, lower-case, without the position.
  package var message: String

  /// Creates an error at `position` with a lower-case `message`.
  package init(position: JSONPosition, message: String) {
    self.position = position
    self.message = message
  }

  /// `line:column: error: message`.
  package var description: String { "\(position.line):\(position.column): error: \(message)" }

  /// The diagnostic line for `file`: `file:line:column: error: message`.
  package func diagnostic(file: String) -> String {
    "\(file):\(position.line):\(position.column): error: \(message)"
  }
}
