import Testing

@testable import EvidenceParsers

/// Reads every token of `bytes` and renders each as "line:column token".
private func tokens(_ bytes: [UInt8], maxDepth: Int = JSONReader.defaultMaxDepth)
  throws(JSONSyntaxError) -> [String]
{
  var reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
  var result: [String] = []
  while let (token, position) = try reader.next() {
    result.append("\(position) \(token)")
  }
  return result
}

private func tokens(_ text: String) throws(JSONSyntaxError) -> [String] {
  try tokens(Array(text.utf8))
}

/// The error reading `bytes` to the end, or nil if the document is valid.
private func syntaxError(_ bytes: [UInt8], maxDepth: Int = JSONReader.defaultMaxDepth)
  -> JSONSyntaxError?
{
  do {
    _ = try tokens(bytes, maxDepth: maxDepth)
    return nil
  } catch {
    return error
  }
}

private let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

/// All JSON reader and tree tests, grouped so `--filter JSONReaderTests` selects them.
@Suite struct JSONReaderTests {}

// MARK: - Valid documents

extension JSONReaderTests {
  @Suite struct ValidDocuments {
    @Test func objectWithArrayOnOneLine() throws {
      #expect(
        try tokens(#"{"a": [1, true, null], "b": "x", "c": false}"#) == [
          "1:1 beginObject",
          #"1:2 key("a")"#,
          "1:7 beginArray",
          #"1:8 number("1")"#,
          "1:11 bool(true)",
          "1:17 null",
          "1:21 endArray",
          #"1:24 key("b")"#,
          #"1:29 string("x")"#,
          #"1:34 key("c")"#,
          "1:39 bool(false)",
          "1:44 endObject",
        ])
    }

    @Test func multiLineDocumentWithLF() throws {
      let text = "{\n  \"name\": \"CMMI\",\n  \"areas\": [\n    {}, []\n  ]\n}\n"
      #expect(
        try tokens(text) == [
          "1:1 beginObject",
          #"2:3 key("name")"#,
          #"2:11 string("CMMI")"#,
          #"3:3 key("areas")"#,
          "3:12 beginArray",
          "4:5 beginObject",
          "4:6 endObject",
          "4:9 beginArray",
          "4:10 endArray",
          "5:3 endArray",
          "6:1 endObject",
        ])
    }

    @Test func crlfCountsAsOneLineBreak() throws {
      #expect(
        try tokens("[\r\n  1,\r\n\r\n  \"two\"\r\n]\r\n") == [
          "1:1 beginArray",
          #"2:3 number("1")"#,
          #"4:3 string("two")"#,
          "5:1 endArray",
        ])
    }

    @Test func loneCRCountsAsLineBreak() throws {
      #expect(
        try tokens("[\r1,\r\r2]") == [
          "1:1 beginArray", #"2:1 number("1")"#, #"4:1 number("2")"#, "4:2 endArray",
        ])
    }

    @Test func byteOrderMarkIsSkippedAndNotCounted() throws {
      #expect(
        try tokens(bom + Array("{\"k\" :\n 7}".utf8)) == [
          "1:1 beginObject", #"1:2 key("k")"#, #"2:2 number("7")"#, "2:3 endObject",
        ])
    }

    @Test func tabsCountAsOneColumn() throws {
      #expect(try tokens("\t\t[\t1]") == ["1:3 beginArray", #"1:5 number("1")"#, "1:6 endArray"])
    }

    @Test func columnsCountUTF8Bytes() throws {
      // "é" is two bytes, "€" three: the number after them is at byte column 11.
      #expect(
        try tokens("[\"é€\", 1]") == [
          "1:1 beginArray", #"1:2 string("é€")"#, #"1:11 number("1")"#, "1:12 endArray",
        ])
    }

    @Test(arguments: [
      ("0", #"1:1 number("0")"#),
      ("-0", #"1:1 number("-0")"#),
      ("  42  ", #"1:3 number("42")"#),
      ("-1.5e3", #"1:1 number("-1.5e3")"#),
      ("1E+10", #"1:1 number("1E+10")"#),
      ("0.000001e-7", #"1:1 number("0.000001e-7")"#),
      ("123456789012345678901234567890", #"1:1 number("123456789012345678901234567890")"#),
      ("true", "1:1 bool(true)"),
      ("false", "1:1 bool(false)"),
      ("null", "1:1 null"),
      (#""""#, #"1:1 string("")"#),
      ("\n\"top\"", #"2:1 string("top")"#),
    ])
    func topLevelScalar(text: String, expected: String) throws {
      #expect(try tokens(text) == [expected])
    }

    @Test(arguments: [
      (#""a\"b""#, "a\"b"),
      (#""\\\/\b\f\n\r\t""#, "\\/\u{8}\u{C}\n\r\t"),
      (#""\u0041\u00e9\u20AC""#, "Aé€"),
      (#""\u0000""#, "\u{0}"),
      (#""x\uD83D\uDE00y""#, "x😀y"),
      (#""\ud834\udd1e""#, "𝄞"),
      (#""\uDBFF\uDFFF""#, "\u{10FFFF}"),
      (#""raw 😀 é""#, "raw 😀 é"),
      (
        #""long run before an escape: 0123456789\n and after it 0123456789""#,
        "long run before an escape: 0123456789\n and after it 0123456789"
      ),
    ])
    func stringEscapesAndSurrogatePairs(json: String, expected: String) throws {
      #expect(try tokens(json) == ["1:1 \(JSONToken.string(expected))"])
    }

    /// Exercises the 8-byte scan with the closing quote, a backslash and a control character at every offset.
    @Test(arguments: 0..<20)
    func stringScanFindsSpecialBytesAtEveryOffset(length: Int) throws {
      let plain = String(repeating: "a", count: length)
      #expect(try tokens("\"\(plain)\"") == ["1:1 \(JSONToken.string(plain))"])
      #expect(
        try tokens("\"\(plain)\\n\(plain)\"") == ["1:1 \(JSONToken.string(plain + "\n" + plain))"])
      #expect(
        syntaxError(Array("\"\(plain)\u{1}\"".utf8))?.position
          == JSONPosition(line: 1, column: length + 2))
    }

    @Test func endIsSticky() throws {
      var reader = JSONReader(bytes: Array("[]".utf8))
      #expect(try reader.next()?.token == .beginArray)
      #expect(try reader.next()?.token == .endArray)
      #expect(try reader.next() == nil)
      #expect(try reader.next() == nil)
    }

    @Test func depthTracksOpenContainers() throws {
      var reader = JSONReader(bytes: Array(#"[{"a":[]}]"#.utf8))
      var depths: [Int] = []
      while try reader.next() != nil { depths.append(reader.depth) }
      #expect(depths == [1, 2, 2, 3, 2, 1, 0])
    }
  }

}

// MARK: - Rejected documents

extension JSONReaderTests {
  @Suite struct RejectedDocuments {
    struct Case: Sendable, CustomTestStringConvertible {
      var bytes: [UInt8]
      var message: String
      var line: Int
      var column: Int
      var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }

      init(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        self.init(bytes: Array(text.utf8), message, line, column)
      }

      init(bytes: [UInt8], _ message: String, _ line: Int, _ column: Int) {
        self.bytes = bytes
        self.message = message
        self.line = line
        self.column = column
      }
    }

    static let structure: [Case] = [
      Case("", "empty file; expected a JSON value", 1, 1),
      Case(bytes: bom, "empty file; expected a JSON value", 1, 1),
      Case("  \n ", "file contains only whitespace; expected a JSON value", 2, 2),
      Case(
        bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "the file is UTF-16 text; expected UTF-8 (save it as UTF-8)", 1, 1),
      Case(
        bytes: [0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x5D], "the file is UTF-16 text; expected UTF-8 (save it as UTF-8)", 1, 1),
      Case(
        "[1,]",
        "unexpected ']' after ',' in array; expected a value (trailing commas are not allowed)", 1,
        4),
      Case(
        #"{"a":1,}"#,
        "unexpected '}' after ',' in object; expected a member name in double quotes (trailing commas are not allowed)",
        1, 8),
      Case(
        "[\r\n1,\r\n]",
        "unexpected ']' after ',' in array; expected a value (trailing commas are not allowed)", 3,
        1),
      Case(
        "// comment\n1", "unexpected '/'; expected a JSON value (JSON does not allow comments)", 1,
        1),
      Case(
        "[1 /* x */]",
        "unexpected '/' in array; expected ',' or ']' (JSON does not allow comments)", 1, 4),
      Case(
        "# comment", "unexpected '#'; expected a JSON value (JSON does not allow comments)", 1, 1),
      Case(
        "{'a': 1}",
        "unexpected \"'\" in object; expected a member name in double quotes or '}' (JSON strings use double quotes)",
        1, 2),
      Case(
        "['a']",
        "unexpected \"'\" in array; expected a value or ']' (JSON strings use double quotes)", 1, 2),
      Case(
        "{a: 1}",
        "unexpected 'a' in object; expected a member name in double quotes or '}' (member names must be quoted)",
        1, 2),
      Case(#"{"a" 1}"#, "unexpected '1' after member name in object; expected ':'", 1, 6),
      Case(#"{"a":1 "b":2}"#, "unexpected '\"' in object; expected ',' or '}'", 1, 8),
      Case("[1 2]", "unexpected '2' in array; expected ',' or ']'", 1, 4),
      Case(
        "{\n  \"a\": 1,\n  \"b\": ,\n}", "unexpected ',' after ':' in object; expected a value", 3,
        8),
      Case(#"{"a":}"#, "unexpected '}' after ':' in object; expected a value", 1, 6),
      Case("[1]]", "unexpected ']' after the top-level value; expected end of file", 1, 4),
      Case("1 2", "unexpected '2' after the top-level value; expected end of file", 1, 3),
      Case("{}\n\nx", "unexpected 'x' after the top-level value; expected end of file", 3, 1),
      Case("]", "unexpected ']'; expected a JSON value", 1, 1),
      Case("+1", "unexpected '+'; expected a JSON value", 1, 1),
      Case(".5", "unexpected '.'; expected a JSON value", 1, 1),
      Case("tru", "unexpected 'tru'; expected a JSON value", 1, 1),
      Case("truex", "unexpected 'truex'; expected a JSON value", 1, 1),
      Case(
        "[True]",
        "unexpected 'True' in array; expected a value or ']' (JSON literals are lower-case: true, false, null)",
        1, 2),
      Case(
        "NaN",
        "unexpected 'NaN'; expected a JSON value (NaN and Infinity are not valid JSON numbers)", 1,
        1),
      Case(
        "[1, Infinity]",
        "unexpected 'Infinity' after ',' in array; expected a value (NaN and Infinity are not valid JSON numbers)",
        1, 5),
      Case("[1, é]", "unexpected 'é' (U+00E9) after ',' in array; expected a value", 1, 5),
      Case("[\u{A0}1]", "unexpected character U+00A0 in array; expected a value or ']'", 1, 2),
      Case(
        "1\u{FEFF}", "unexpected character U+FEFF after the top-level value; expected end of file",
        1, 2),
      Case(
        "[\u{0}]", "unexpected control character U+0000 in array; expected a value or ']'", 1, 2),
      Case(
        bytes: [0x5B, 0xFF, 0x5D],
        "unexpected byte 0xFF (not UTF-8) in array; expected a value or ']'", 1, 2),
      Case(
        bytes: bom + Array("[,]".utf8), "unexpected ',' in array; expected a value or ']'", 1, 2),
    ]

    static let truncated: [Case] = [
      Case(
        "[",
        "unexpected end of file in array that starts at line 1, column 1; expected a value or ']'",
        1, 2),
      Case(
        "[1, 2",
        "unexpected end of file in array that starts at line 1, column 1; expected ',' or ']'", 1, 6
      ),
      Case(
        "[1,\n",
        "unexpected end of file after ',' in array that starts at line 1, column 1; expected a value",
        2, 1),
      Case(
        "{\n  \"a\": {",
        "unexpected end of file in object that starts at line 2, column 8; expected a member name in double quotes or '}'",
        2, 9),
      Case(
        #"{"a":1,"#,
        "unexpected end of file after ',' in object that starts at line 1, column 1; expected a member name in double quotes",
        1, 8),
      Case(
        #"{"a""#,
        "unexpected end of file after member name in object that starts at line 1, column 1; expected ':'",
        1, 5),
      Case(
        #"{"a":"#,
        "unexpected end of file after ':' in object that starts at line 1, column 1; expected a value",
        1, 6),
      Case(
        #"{"a":1"#,
        "unexpected end of file in object that starts at line 1, column 1; expected ',' or '}'", 1,
        7),
      Case(
        #""abc"#,
        "unexpected end of file inside a string that starts at line 1, column 1; expected a closing '\"'",
        1, 5),
      Case(
        #"["ab\"#,
        "unexpected end of file inside a string that starts at line 1, column 2; expected a closing '\"'",
        1, 6),
      Case(
        #""a\"#,
        "unexpected end of file inside a string that starts at line 1, column 1; expected a closing '\"'",
        1, 4),
      Case(
        #""\u12"#,
        "unexpected end of file inside a string that starts at line 1, column 1; expected a closing '\"'",
        1, 6),
      Case(
        #""\uD83D"#,
        "unexpected end of file inside a string that starts at line 1, column 1; expected a closing '\"'",
        1, 8),
      Case(
        #""\uD83D\"#,
        "unexpected end of file inside a string that starts at line 1, column 1; expected a closing '\"'",
        1, 9),
      Case("-", "invalid number '-'; expected a digit after '-'", 1, 2),
      Case("1.", "invalid number '1.'; expected a digit after '.'", 1, 3),
      Case("[1e", "invalid number '1e'; expected a digit in the exponent", 1, 4),
    ]

    static let numbers: [Case] = [
      Case("01", "invalid number '01'; leading zeros are not allowed", 1, 2),
      Case("[-012]", "invalid number '-012'; leading zeros are not allowed", 1, 4),
      Case("00.5", "invalid number '00.5'; leading zeros are not allowed", 1, 2),
      Case(
        "-Infinity",
        "invalid number '-Infinity'; expected a digit after '-' (NaN and Infinity are not valid JSON numbers)",
        1, 2),
      Case("-a", "invalid number '-a'; expected a digit after '-'", 1, 2),
      Case("1.e5", "invalid number '1.e5'; expected a digit after '.'", 1, 3),
      Case("1e+", "invalid number '1e+'; expected a digit in the exponent", 1, 4),
      Case("1e-x", "invalid number '1e-x'; expected a digit in the exponent", 1, 4),
      Case("[1.5x]", "invalid number '1.5x'; unexpected 'x' after '1.5'", 1, 5),
      Case("0x1F", "invalid number '0x1F'; unexpected 'x' after '0'", 1, 2),
      Case("1.2.3", "invalid number '1.2.3'; unexpected '.' after '1.2'", 1, 4),
      Case("1-2", "invalid number '1-2'; unexpected '-' after '1'", 1, 2),
    ]

    static let strings: [Case] = [
      Case("\"a\tb\"", "unescaped tab (U+0009) in string; expected the escape \\t", 1, 3),
      Case(
        "[\"ab\ncd\"]",
        "unescaped line feed (U+000A) in string; expected the escape \\n or a closing '\"'", 1, 5),
      Case(
        "\"x\\n\r\"",
        "unescaped carriage return (U+000D) in string; expected the escape \\r or a closing '\"'",
        1, 5),
      Case(
        "\"\u{1}\"", "unescaped control character U+0001 in string; expected the escape \\u0001", 1,
        2),
      Case(
        "\"\u{1F}\"", "unescaped control character U+001F in string; expected the escape \\u001F",
        1, 2),
      Case(
        "\"\u{0}\"", "unescaped null character (U+0000) in string; expected the escape \\u0000", 1,
        2),
      Case(
        #""a\x""#,
        #"invalid escape '\x' in string; expected one of \" \\ \/ \b \f \n \r \t \uXXXX"#, 1, 3),
      Case(
        #""\'""#,
        #"invalid escape '\' followed by "'" in string; expected one of \" \\ \/ \b \f \n \r \t \uXXXX"#,
        1, 2),
      Case(
        "\"\\\u{1}\"",
        #"invalid escape '\' followed by control character U+0001 in string; expected one of \" \\ \/ \b \f \n \r \t \uXXXX"#,
        1, 2),
      Case(
        #""\U0041""#,
        #"invalid escape '\U' in string; expected one of \" \\ \/ \b \f \n \r \t \uXXXX"#, 1, 2),
      Case(
        #"{"k\u12G4":1}"#,
        #"invalid escape '\u12' in string: unexpected 'G'; expected four hexadecimal digits after '\u'"#,
        1, 4),
      Case(
        #""\u""#,
        #"invalid escape '\u' in string: unexpected '"'; expected four hexadecimal digits after '\u'"#,
        1, 2),
      Case(
        #""\uD800""#,
        #"lone high surrogate '\uD800' in string; expected a low surrogate escape \uDC00-\uDFFF right after it"#,
        1, 2),
      Case(
        #""ab\ud83dx""#,
        #"lone high surrogate '\ud83d' in string; expected a low surrogate escape \uDC00-\uDFFF right after it"#,
        1, 4),
      Case(
        #""\uD800\u0041""#,
        #"lone high surrogate '\uD800' in string; expected a low surrogate escape \uDC00-\uDFFF right after it"#,
        1, 2),
      Case(
        #""\uD800\uD800""#,
        #"lone high surrogate '\uD800' in string; expected a low surrogate escape \uDC00-\uDFFF right after it"#,
        1, 2),
      Case(
        #""\uD800\n""#,
        #"lone high surrogate '\uD800' in string; expected a low surrogate escape \uDC00-\uDFFF right after it"#,
        1, 2),
      Case(
        #""x\uDC00""#,
        #"lone low surrogate '\uDC00' in string; expected it to follow a high surrogate escape \uD800-\uDBFF"#,
        1, 3),
      Case(
        #""\uD800\uD800\uDC00""#,
        #"lone high surrogate '\uD800' in string; expected a low surrogate escape \uDC00-\uDFFF right after it"#,
        1, 2),
    ]

    static let utf8: [Case] = [
      Case(
        bytes: [0x22, 0x61, 0x62, 0xFF, 0x22],
        "invalid UTF-8 byte 0xFF in string; expected UTF-8 text", 1, 4),
      // "café" in Latin-1.
      Case(
        bytes: Array("[\"caf".utf8) + [0xE9, 0x22, 0x5D],
        "invalid UTF-8 byte 0xE9 in string; expected UTF-8 text", 1, 6),
      // A lone continuation byte after an escape (slow path).
      Case(
        bytes: Array(#""\n"#.utf8) + [0x80, 0x22],
        "invalid UTF-8 byte 0x80 in string; expected UTF-8 text", 1, 4),
      // An escaped quote before the bad byte must not end the search early.
      Case(
        bytes: Array(#""\"x"#.utf8) + [0xC3, 0x28, 0x22],
        "invalid UTF-8 byte 0xC3 in string; expected UTF-8 text", 1, 5),
      // An encoded UTF-16 surrogate (U+D800 as ED A0 80).
      Case(
        bytes: [0x22, 0xED, 0xA0, 0x80, 0x22],
        "invalid UTF-8 byte 0xED in string; expected UTF-8 text", 1, 2),
      // An overlong encoding of "/".
      Case(
        bytes: [0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8 byte 0xC0 in string; expected UTF-8 text",
        1, 2),
      // A truncated 4-byte sequence in a member name, after valid text on a later line.
      Case(
        bytes: Array("{\n \"é".utf8) + [0xF0, 0x9F, 0x98, 0x22, 0x3A, 0x31, 0x7D],
        "invalid UTF-8 byte 0xF0 in string; expected UTF-8 text", 2, 5),
    ]

    @Test(arguments: structure + truncated + numbers + strings + utf8)
    func rejects(_ c: Case) {
      let error = syntaxError(c.bytes)
      #expect(error?.message == c.message)
      #expect(error?.position == JSONPosition(line: c.line, column: c.column))
    }

    @Test func nestingAtTheLimitIsAccepted() throws {
      let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
      let read = try tokens(Array(text.utf8))
      #expect(read.count == 1024)
      #expect(read.last == "1:1024 endArray")
    }

    @Test func nestingBeyondTheLimitIsAnError() {
      let text = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
      let error = syntaxError(Array(text.utf8))
      #expect(
        error?.message
          == "too many nested arrays and objects: '[' opens level 513; expected at most 512 levels")
      #expect(error?.position == JSONPosition(line: 1, column: 513))
    }

    @Test func customDepthLimit() {
      let error = syntaxError(Array(#"{"a":{"b":[1]}}"#.utf8), maxDepth: 2)
      #expect(
        error?.message
          == "too many nested arrays and objects: '[' opens level 3; expected at most 2 levels")
      #expect(error?.position == JSONPosition(line: 1, column: 11))
    }

    @Test func hugeNestingFailsCleanlyInTheTreeBuilder() {
      let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
      #expect(
        throws: JSONSyntaxError(
          position: JSONPosition(line: 1, column: 513),
          message:
            "too many nested arrays and objects: '[' opens level 513; expected at most 512 levels")
      ) {
        try JSONNode.parse(bytes: bytes)
      }
    }

    @Test func errorsAreSticky() throws {
      var reader = JSONReader(bytes: Array("[1,]".utf8))
      #expect(try reader.next()?.token == .beginArray)
      #expect(try reader.next()?.token == .number("1"))
      let first = #expect(throws: JSONSyntaxError.self) { try reader.next() }
      let second = #expect(throws: JSONSyntaxError.self) { try reader.next() }
      #expect(first == second)
      #expect(first?.position == JSONPosition(line: 1, column: 4))
    }

    @Test func diagnosticFormat() {
      let error = syntaxError(Array("{\n  \"a\": 1,\n}".utf8))
      #expect(
        error?.diagnostic(file: "catalog.json")
          == "catalog.json:3:1: error: unexpected '}' after ',' in object; expected a member name in double quotes "
          + "(trailing commas are not allowed)")
      #expect(error.map { "\($0)" }?.hasPrefix("3:1: error: unexpected '}'") == true)
    }
  }

}

// MARK: - The tree

extension JSONReaderTests {
  @Suite struct Tree {
    @Test func treeKeepsOrderDuplicatesAndPositions() throws {
      let text = """
        {
          "id": "PP",
          "goals": [ {"id": "SG 1"}, 2 ],
          "id": "PMC",
          "ok": true,
          "none": null
        }
        """
      let root = try JSONNode.parse(bytes: Array(text.utf8))
      #expect(root.position == JSONPosition(line: 1, column: 1))
      #expect(root.kindDescription == "an object")
      let members = try #require(root.objectMembers)
      #expect(members.map(\.key) == ["id", "goals", "id", "ok", "none"])
      #expect(
        members.map(\.keyPosition) == [2, 3, 4, 5, 6].map { JSONPosition(line: $0, column: 3) })
      #expect(members[0].value == JSONNode(.string("PP"), at: JSONPosition(line: 2, column: 9)))
      #expect(members[2].value == JSONNode(.string("PMC"), at: JSONPosition(line: 4, column: 9)))

      // Duplicates are visible, and member(_:) returns the first.
      #expect(root.member("id")?.stringValue == "PP")
      #expect(root.members(named: "id").map(\.value.stringValue) == ["PP", "PMC"])
      #expect(root.duplicateMembers.map(\.keyPosition) == [JSONPosition(line: 4, column: 3)])

      let goals = try #require(root.member("goals"))
      #expect(goals.position == JSONPosition(line: 3, column: 12))
      #expect(goals.kindDescription == "an array")
      #expect(goals.arrayElements?.count == 2)
      #expect(goals[0]?.position == JSONPosition(line: 3, column: 14))
      #expect(
        goals[0]?.member("id") == JSONNode(.string("SG 1"), at: JSONPosition(line: 3, column: 21)))
      #expect(goals[1] == JSONNode(.number("2"), at: JSONPosition(line: 3, column: 30)))
      #expect(goals[2] == nil)
      #expect(goals[1]?.intValue == 2)

      #expect(root.member("ok")?.boolValue == true)
      #expect(root.member("none")?.isNull == true)
      #expect(root.member("missing") == nil)
      #expect(root.duplicateMembers.count == 1)
    }

    @Test func nestedContainersKeepTheirOwnMemberNames() throws {
      let root = try JSONNode.parse(bytes: Array(#"{"a": {"b": {"c": [1]}, "d": []}, "e": [{"f": 2}]}"#.utf8))
      #expect(root.objectMembers?.map(\.key) == ["a", "e"])
      #expect(root.objectMembers?.map(\.keyPosition.column) == [2, 35])
      #expect(root.member("a")?.objectMembers?.map(\.key) == ["b", "d"])
      #expect(root.member("a")?.member("b")?.member("c")?[0]?.intValue == 1)
      #expect(root.member("a")?.member("d") == JSONNode(.array([]), at: JSONPosition(line: 1, column: 30)))
      #expect(root.member("e")?[0]?.member("f") == JSONNode(.number("2"), at: JSONPosition(line: 1, column: 47)))
    }

    @Test func treeOfScalarAndEmptyContainers() throws {
      #expect(
        try JSONNode.parse(bytes: Array(" -7 ".utf8))
          == JSONNode(.number("-7"), at: JSONPosition(line: 1, column: 2)))
      #expect(
        try JSONNode.parse(bytes: Array("[]".utf8))
          == JSONNode(.array([]), at: JSONPosition(line: 1, column: 1)))
      #expect(
        try JSONNode.parse(bytes: bom + Array("{}".utf8))
          == JSONNode(.object([]), at: JSONPosition(line: 1, column: 1)))
    }

    @Test func treeReportsTheReadersError() {
      #expect(
        throws: JSONSyntaxError(
          position: JSONPosition(line: 2, column: 9),
          message:
            "unexpected ']' after ',' in array; expected a value (trailing commas are not allowed)")
      ) {
        try JSONNode.parse(bytes: Array("{\"a\":\n  [1, 2,]}".utf8))
      }
    }

    @Test(arguments: [
      (JSONValue.object([]), "an object"),
      (.array([]), "an array"),
      (.string("x"), "a string"),
      (.number("3"), "the number 3"),
      (.number("-1.5e3"), "the number -1.5e3"),
      (.bool(true), "true"),
      (.bool(false), "false"),
      (.null, "null"),
    ])
    func kindDescription(value: JSONValue, expected: String) {
      #expect(JSONNode(value, at: JSONPosition(line: 1, column: 1)).kindDescription == expected)
    }

    @Test(arguments: [
      ("0", 0 as Int?),
      ("-0", 0),
      ("42", 42),
      ("-42", -42),
      ("3.0", 3),
      ("3e2", 300),
      ("2.50e1", 25),
      ("1500e-2", 15),
      ("0.0e-5", 0),
      ("0e999999", 0),
      ("9223372036854775807", Int.max),
      ("-9223372036854775808", Int.min),
      ("9223372036854775808", nil),
      ("-9223372036854775809", nil),
      ("1e19", nil),
      ("3.5", nil),
      ("1e-1", nil),
      ("1e400", nil),
    ])
    func intValue(literal: String, expected: Int?) {
      #expect(JSONNode(.number(literal), at: JSONPosition(line: 1, column: 1)).intValue == expected)
    }

    @Test func otherAccessorsReturnNilForTheWrongKind() {
      let string = JSONNode(.string("5"), at: JSONPosition(line: 1, column: 1))
      #expect(string.intValue == nil)
      #expect(string.doubleValue == nil)
      #expect(string.boolValue == nil)
      #expect(string.objectMembers == nil)
      #expect(string.arrayElements == nil)
      #expect(string.numberLiteral == nil)
      #expect(string.member("a") == nil)
      #expect(string.isNull == false)
      let number = JSONNode(.number("-1.5e3"), at: JSONPosition(line: 1, column: 1))
      #expect(number.doubleValue == -1500)
      #expect(number.numberLiteral == "-1.5e3")
      #expect(number.stringValue == nil)
    }
  }
}
