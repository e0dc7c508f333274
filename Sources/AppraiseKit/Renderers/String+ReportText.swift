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
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
  }
}
