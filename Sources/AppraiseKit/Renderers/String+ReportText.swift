import AppraisalModel

extension StringProtocol {
  /// Input text for a place that holds one line (a title, a heading, a table cell): control characters
  /// shown as `\u{…}` (``TerminalText``) and each line break (LF, CR LF, CR) flattened to a space.
  var reportLine: String {
    let text = terminalSafeLines
    guard text.utf8.contains(UInt8(ascii: "\n")) else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
  }

  /// Input text for a place that may span lines (a paragraph, a list item): control characters shown as
  /// `\u{…}` and the text split at its line breaks (LF, CR LF, CR).
  var reportLines: [Substring] {
    let text = terminalSafeLines
    // Most text is one line: no split (and no per-character search) for it.
    guard text.utf8.contains(UInt8(ascii: "\n")) else { return [Substring(text)] }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
  }

  /// The number of characters shown, as `count`, but read from the bytes when the text is ASCII without
  /// a CR (one character per byte) instead of walking grapheme clusters.
  var reportWidth: Int {
    var ascii = true
    for byte in utf8 where byte >= 0x80 || byte == UInt8(ascii: "\r") {
      ascii = false
      break
    }
    return ascii ? utf8.count : count
  }
}
