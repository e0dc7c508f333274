import AppraisalModel
import Testing

/// Control characters from inputs are shown, never sent to the terminal.
@Suite("Terminal-safe text")
struct TerminalTextTests {
  @Test(
    "control characters become visible \\u{…} escapes",
    arguments: [
      ("clear\u{1B}[2J\u{1B}[H", "clear\\u{1B}[2J\\u{1B}[H"),
      ("title\u{1B}]0;pwned\u{07}", "title\\u{1B}]0;pwned\\u{07}"),
      ("csi\u{9B}2J", "csi\\u{9B}2J"),
      ("osc\u{9D}0;x\u{9C}", "osc\\u{9D}0;x\\u{9C}"),
      ("nul\u{0}del\u{7F}bs\u{8}", "nul\\u{00}del\\u{7F}bs\\u{08}"),
      ("tab\tcr\rlf\ncrlf\r\n", "tab\\u{09}cr\\u{0D}lf\\u{0A}crlf\\u{0D}\\u{0A}"),
      ("abc\u{202E}fed\u{2066}x\u{2069}", "abc\\u{202E}fed\\u{2066}x\\u{2069}"),
      ("c1 edges \u{80}\u{9F}\u{A0}", "c1 edges \\u{80}\\u{9F}\u{A0}"),
    ] as [(String, String)])
  func escapesControls(input: String, expected: String) {
    #expect(input.terminalSafe == expected)
    #expect(TerminalText.needsEscaping(input))
  }

  @Test(
    "printable text, accents, no-break spaces, emoji and right-to-left letters pass unchanged",
    arguments: ["plain", "Ünit Ops, Zürich", "a\u{00A0}b", "👩‍💻 ok", "עברית", "\u{2028}", "\\u{1B} typed by hand", ""])
  func keepsPrintable(text: String) {
    #expect(text.terminalSafe == text)
    #expect(text.terminalSafeLines == text)
    #expect(!TerminalText.needsEscaping(text))
  }

  @Test("a substring is judged on its own bytes: controls just outside it do not count")
  func substrings() {
    let text = "\u{1B}plain \u{202E}\u{9B}"
    #expect(!TerminalText.needsEscaping(text.dropFirst().dropLast(2)))
    #expect(TerminalText.needsEscaping(text.dropFirst().dropLast()))
    #expect(TerminalText.needsEscaping(text.dropLast(2)))
  }

  @Test("with line breaks kept, LF, CR LF and a lone CR each become one LF; the rest is escaped")
  func keepsLineBreaks() {
    #expect("a\nb\r\nc\rd\u{1B}".terminalSafeLines == "a\nb\nc\nd\\u{1B}")
    #expect("\r\r\n\n".terminalSafeLines == "\n\n\n")
  }

  @Test("escaping is idempotent, so a message may pass through it twice")
  func idempotent() {
    let hostile = "x\u{1B}[31m\u{9B}1;1H\u{7}\r\n\u{202D}y"
    #expect(hostile.terminalSafe.terminalSafe == hostile.terminalSafe)
    #expect(hostile.terminalSafeLines.terminalSafeLines == hostile.terminalSafeLines)
    #expect(!TerminalText.needsEscaping(hostile.terminalSafe))
  }

  @Test("a located problem prints on one line with the file name and message escaped")
  func locatedProblem() {
    let problem = LocatedProblem(
      severity: .error, location: SourceLocation(file: "ev\u{1B}il.json", line: 3, column: 7), file: "ev\u{1B}il.json",
      message: "unknown practice \"SP\u{1B}]0;x\u{7}\nforged: error: line\"")
    #expect(
      problem.description
        == "ev\\u{1B}il.json:3:7: error: unknown practice \"SP\\u{1B}]0;x\\u{07}\\u{0A}forged: error: line\"")
  }
}
