import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import AppraiseKit

/// Text from inputs cannot drive a terminal (text report, error messages) nor change a report's
/// structure (Markdown), and spreadsheets cannot read a CSV cell as a formula.
@Suite("Output injection")
struct OutputInjectionTests {
  /// Every control character a hostile file might carry, with nothing else.
  static let controls = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{9D}0;t\u{9C}\u{08}\u{7F}\u{0}\u{202E}"

  /// Whether `text` holds a control character other than LF (ESC, BEL, CR, C1, bidi overrides, …).
  static func rawControls(_ text: String) -> [String] {
    text.unicodeScalars.filter { $0 != "\n" && TerminalText.isControl($0) }.map {
      "U+" + String($0.value, radix: 16, uppercase: true)
    }
  }

  static func document(_ text: String) -> ReportDocument {
    var doc = ReportDocument(title: "Title " + text)
    doc.paragraph("Warning " + text, tone: .warning)
    doc.heading("Heading " + text)
    doc.paragraph("Plain " + text)
    doc.keyValues([("Key " + text, "Value " + text)])
    doc.table(["Header " + text, "Second"], [[.init("Cell " + text, .bad), .init("Other " + text)]])
    doc.list([.init("Item " + text, .warning), .init("Other " + text)])
    return doc
  }

  // MARK: - Text

  @Test("text: control characters from inputs are shown as \\u{…}, with or without colour", arguments: [false, true])
  func textShowsControls(colour: Bool) {
    let out = TextRenderer(colour: colour).render(Self.document(Self.controls + "\r\n" + Self.controls))
    if colour {
      // The only escape sequences left are the renderer's own SGR colour codes.
      let stripped = out.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
      #expect(Self.rawControls(stripped) == [])
    } else {
      #expect(Self.rawControls(out) == [])
    }
    #expect(out.contains(#"\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{9D}0;t\u{9C}\u{08}\u{7F}\u{00}\u{202E}"#))
  }

  @Test("text: one-line places flatten line breaks; paragraphs and list items keep them, indented under the item")
  func textLineBreaks() {
    var doc = ReportDocument(title: "T\r\nitle")
    doc.heading("Head\ring")
    doc.keyValues([("K\ney", "va\r\nlue")])
    doc.table(["A", "B"], [[.init("x\ry"), .init("z\r\nw")]])
    doc.paragraph("one\rtwo")
    doc.list([.init("first\nsecond\r\n\r\rthird")])
    #expect(
      TextRenderer().render(doc) == """
        T itle
        ======

        Head ing
        --------
        K ey: va lue
        A    B
        ---  ---
        x y  z w
        one
        two
          • first
            second


            third

        """)
  }

  // MARK: - Markdown

  /// The Markdown of a document holding only `block`, without the title line and the final line feed.
  static func markdown(_ block: (inout ReportDocument) -> Void) -> String {
    var doc = ReportDocument(title: "T")
    block(&doc)
    let out = MarkdownRenderer().render(doc)
    #expect(out.hasPrefix("# T\n") && out.hasSuffix("\n"))
    return String(out.dropFirst("# T\n".count).dropLast())
  }

  static let lineStarts: [(String, String)] = [
    ("- forged", #"\- forged"#), ("1. forged", #"1\. forged"#), ("12) forged", #"12\) forged"#),
    ("~~~", #"\~\~\~"#), ("```", #"\`\`\`"#), ("---", #"\---"#), ("===", #"\==="#), ("***", #"\*\*\*"#),
    ("# forged", ##"\# forged"##), ("> forged", #"\> forged"#), ("| a | b |", #"\| a \| b \|"#),
    ("+ forged", #"\+ forged"#), ("* forged", #"\* forged"#), ("    code", "\u{A0}\u{A0}\u{A0}\u{A0}code"),
    ("<div>", #"\<div\>"#), ("[x]: https://evil.example", #"\[x\]: https://evil.example"#), ("", "\u{A0}"),
  ]

  @Test("markdown: a line of a paragraph cannot start a block, whatever the line break", arguments: lineStarts)
  func markdownParagraphLineStart(line: String, escaped: String) {
    for lineBreak in ["\n", "\r\n", "\r"] {
      #expect(
        Self.markdown { $0.paragraph("intro" + lineBreak + line + lineBreak + "end") } == "intro\\\n\(escaped)\\\nend")
    }
  }

  @Test("markdown: a list item's lines stay in the item and cannot start a block", arguments: lineStarts)
  func markdownListLineStart(line: String, escaped: String) {
    #expect(Self.markdown { $0.list([.init("intro\n" + line), .init("next")]) } == "- intro\\\n  \(escaped)\n- next")
    #expect(Self.markdown { $0.list([.init("intro\r\n" + line, .warning)]) } == "- **intro\\\n  \(escaped)**")
  }

  @Test("markdown: a warning's lines stay in its quote and cannot start a block", arguments: lineStarts)
  func markdownQuoteLineStart(line: String, escaped: String) {
    #expect(Self.markdown { $0.paragraph("intro\r" + line, tone: .warning) } == "> **intro\\\n> \(escaped)**")
  }

  @Test("markdown: text that starts a paragraph or list item cannot start a block either")
  func markdownFirstLine() {
    #expect(Self.markdown { $0.paragraph("- forged") } == #"\- forged"#)
    #expect(Self.markdown { $0.paragraph("1986. a good year") } == #"1986\. a good year"#)
    #expect(Self.markdown { $0.list([.init("- nested"), .init("2. numbered")]) } == "- \\- nested\n- 2\\. numbered")
    #expect(Self.markdown { $0.paragraph("~~struck~~") } == #"\~\~struck\~\~"#)
  }

  @Test("markdown: LF, CR LF and CR in cells, keys and headings never split a row or heading")
  func markdownOneLinePlaces() {
    let table = Self.markdown {
      $0.table(["H\r1", "H2"], [[.init("a\rb"), .init("c\r\nd\ne")], [.init("- x\n# y"), .init("|z|")]])
    }
    #expect(table == "| H 1 | H2 |\n|---|---|\n| a b | c d e |\n| - x \\# y | \\|z\\| |")
    #expect(Self.markdown { $0.keyValues([("k\re", "v\r\nw")]) } == "| | |\n|---|---|\n| **k e** | v w |")
    #expect(Self.markdown { $0.heading("one\rtwo\n# three") } == "\n## one two \\# three")
  }

  @Test("markdown: a markup character is escaped when it is a character of its own, not inside a larger one")
  func markdownEscapesWholeCharacters() {
    // ASCII around: escaped byte by byte. A combining mark after `*` or an Arabic number sign (a prepended
    // mark) before `#` makes one character with it, which is not markup and stays as it is.
    #expect(Self.markdown { $0.paragraph("a*b_c|d") } == #"a\*b\_c\|d"#)
    #expect(Self.markdown { $0.paragraph("é*x") } == #"é\*x"#)
    #expect(Self.markdown { $0.paragraph("a*\u{301}b [c]") } == "a*\u{301}b \\[c\\]")
    #expect(Self.markdown { $0.paragraph("\u{600}#1 ~x") } == "\u{600}#1 \\~x")
    #expect(Self.markdown { $0.table(["H"], [[.init("  *é*")]]) } == "| H |\n|---|\n| \u{A0}\u{A0}\\*é\\* |")
  }

  @Test("text: columns line up by characters shown, with non-ASCII text and combined characters")
  func textWidthsByCharacter() {
    var doc = ReportDocument(title: "Tïtle")
    doc.table(["A", "B"], [[.init("é"), .init("x")], [.init("e\u{301}e"), .init("y")], [.init("abc"), .init("z")]])
    #expect(TextRenderer().render(doc) == "Tïtle\n=====\nA    B\n---  -\né    x\ne\u{301}e   y\nabc  z\n")
  }

  @Test("markdown: control characters are shown as \\u{…}")
  func markdownShowsControls() {
    let out = MarkdownRenderer().render(Self.document(Self.controls + "\n" + Self.controls))
    #expect(Self.rawControls(out) == [])
    #expect(out.contains(#"\\u{1B}\]0;pwned\\u{07}"#))
  }

  // MARK: - CSV, HTML, JSON

  @Test(
    "csv: cells starting with = + - @ TAB or CR are defused with a leading quote",
    arguments: [
      ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=cmd", "'\t=cmd"),
      ("\r=cmd", "\"'\r=cmd\""), ("\r\n=cmd", "\"'\r\n=cmd\""), ("plain", "plain"), (" =x", " =x"),
    ] as [(String, String)])
  func csvDefuses(value: String, expected: String) {
    #expect(CSVRenderer.cell(value) == expected)
  }

  @Test("html: control characters are shown as \\u{…}; CR and CR LF become LF")
  func htmlShowsControls() {
    #expect(HTMLRenderer.escape("a\u{1B}[2Jb\rc\r\nd\u{9B}e<\u{202E}") == "a\\u{1B}[2Jb\nc\nd\\u{9B}e&lt;\\u{202E}")
    #expect(Self.rawControls(HTMLRenderer().render(Self.document(Self.controls + "\r" + Self.controls))) == [])
  }

  @Test("json: DEL, C1 controls and bidi overrides are \\u escapes, decoding to the same text")
  func jsonEscapesControls() throws {
    let text = "x" + Self.controls + "\r\n\t\"\\ Zürich"
    let json = try ReportJSONEncoder().encode(["key": text])
    #expect(Self.rawControls(json) == [])
    #expect(json.contains(#"\u009b31m\u009d0;t\u009c"#) && json.contains(#"\u007f"#) && json.contains(#"\u202e"#))
    let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
    #expect(decoded == ["key": text])
  }

  // MARK: - End to end

  static let hostile = "fixtures/hostile/control-characters.json"

  @Test("rate: no raw control character reaches stdout or stderr", arguments: ["text", "markdown", "html", "json"])
  func rateHostileFixture(format: String) throws {
    let result = try AppraiseRunner.run(["rate", Self.hostile, "--format", format])
    #expect(result.status == 0)
    #expect(Self.rawControls(result.stdout) == [])
    #expect(Self.rawControls(result.stderr) == [])
    if format == "text" {
      #expect(result.stdout.contains(#"Sample \u{1B}]0;pwned\u{07}gap analysis"#))
      #expect(result.stdout.contains(#"Ünit Ops\u{1B}[2J\u{1B}[H, Zürich"#))
      #expect(result.stdout.contains(#"no supplier\u{9B}2J agreements\u{202E} in the unit"#))
    }
  }

  /// The block structure of a Markdown document: headings, table rows, list items, quotes and blank
  /// lines, in order; and the lines that would open a fence, a rule or a code block.
  static func structure(_ markdown: String) -> (blocks: [String], forbidden: [String]) {
    var blocks: [String] = []
    var forbidden: [String] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.isEmpty {
        blocks.append("blank")
      } else if line.hasPrefix("#"),
        let level = line.firstIndex(of: " ").map({ line.distance(from: line.startIndex, to: $0) }),
        line.prefix(level).allSatisfy({ $0 == "#" })
      {
        blocks.append("heading \(level)")
      } else if line.hasPrefix("|") {
        blocks.append(line.hasSuffix("|") ? "row" : "broken row")
      } else if line.hasPrefix("- ") {
        blocks.append("item")
      } else if line.hasPrefix("> ") && !(blocks.last ?? "").hasPrefix("quote") {
        blocks.append("quote")
      }
      if line.contains(/^ {0,3}(```|~~~)/) || line.contains(/^ {0,3}([-*_=] *){3,}$/) || line.hasPrefix("    ")
        || line.contains(/^ {0,3}([0-9]{1,9}[.)]|[-+*])( |$)/) && !line.hasPrefix("- ")
      {
        forbidden.append(String(line))
      }
    }
    return (blocks, forbidden)
  }

  @Test("rate --format markdown: the hostile fixture's report has the sample's structure")
  func markdownStructureIntact() throws {
    let hostile = try AppraiseRunner.run(["rate", Self.hostile, "--format", "markdown"])
    let sample = try AppraiseRunner.run(["rate", "fixtures/evidence/sample.json", "--format", "markdown"])
    #expect(hostile.status == 0 && sample.status == 0)
    let expected = Self.structure(sample.stdout)
    let actual = Self.structure(hostile.stdout)
    #expect(expected.forbidden == [])
    #expect(actual.forbidden == [])
    #expect(actual.blocks == expected.blocks)
    #expect(!hostile.stdout.contains("\r"))
  }

  @Test("validate: a message quoting hostile input shows its control characters as \\u{…}")
  func errorMessageShowsControls() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("appraise-inj-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = try String(contentsOf: AppraiseRunner.root.appendingPathComponent(Self.hostile), encoding: .utf8)
    let file = folder.appendingPathComponent("bad.json").path
    try text.replacingOccurrences(
      of: #""instantiation": "desk""#, with: #""instantiation": "d\u001b]0;x\u0007\u009b2J""#
    )
    .write(toFile: file, atomically: true, encoding: .utf8)
    for command in ["validate", "rate"] {
      let result = try AppraiseRunner.run([command, file])
      #expect(result.status == 65)
      #expect(Self.rawControls(result.stderr) == [])
      #expect(result.stderr.contains(#"instantiation "d\u{1B}]0;x\u{07}\u{9B}2J" is not declared"#))
    }
  }
}
