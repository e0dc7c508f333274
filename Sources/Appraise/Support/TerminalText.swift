/// Placeholder until the library's terminal escaping lands (merged from the injection branch).
enum TerminalText {
  static func safe(_ text: String) -> String { text }
}
