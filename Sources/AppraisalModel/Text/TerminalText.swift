/// Text from an input file made safe to show on a terminal or in a report: every character a terminal
/// would act on instead of showing is written as a visible escape, `\u{1B}`.
///
/// A hostile evidence file must not be able to clear the screen, retitle the terminal, move the cursor
/// or reorder what is shown. Escaped are:
/// - the C0 controls U+0000–U+001F (ESC, BEL, backspace, TAB, CR, LF, …) — line breaks are kept, as a
///   plain LF, where the caller allows them;
/// - DEL U+007F and the C1 controls U+0080–U+009F (CSI U+009B, OSC U+009D, …);
/// - the bidirectional embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, which make
///   a terminal or browser show text in another order than it is stored ("Trojan Source").
///
/// The escape is `\u{` + the scalar's upper-case hexadecimal value (at least two digits) + `}`, as in a
/// Swift string literal. A backslash itself is not escaped, so the function is idempotent: escaped text
/// has nothing left to escape, and a message may pass through it more than once.
public enum TerminalText {
  /// `text` with every control character escaped. With `keepingLineBreaks`, LF, CR LF and a lone CR
  /// become one LF each (a CR on its own would move the cursor back over the line); without, they are
  /// escaped like the others.
  // Inlinable so report renderers in other modules get it specialized for `String` (per-byte protocol calls
  // otherwise).
  @inlinable
  public static func escaping(_ text: some StringProtocol, keepingLineBreaks: Bool = false) -> String {
    // Fast path, on bytes: most text is printable ASCII or has no control character at all.
    guard needsEscaping(text) else { return String(text) }
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      if keepingLineBreaks {
        if scalar == "\n" {
          // CR LF: the CR already became the line feed.
          if !previousWasCR { out.unicodeScalars.append("\n") }
          continue
        }
        if scalar == "\r" {
          out.unicodeScalars.append("\n")
          continue
        }
      }
      if isControl(scalar) {
        out += escape(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether `scalar` is escaped (line breaks included).
  @inlinable
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// Whether `text` holds anything ``escaping(_:keepingLineBreaks:)`` would change (line breaks included).
  @inlinable
  public static func needsEscaping(_ text: some StringProtocol) -> Bool {
    // Most text is native: its bytes are read in place, not through the view's iterator.
    if let found = text.utf8.withContiguousStorageIfAvailable({ needsEscaping(bytes: $0) }) { return found }
    var copy = String(text)
    return copy.withUTF8 { needsEscaping(bytes: $0) }
  }

  /// ``needsEscaping(_:)`` on the UTF-8 bytes of a text: a C1 control is C2 80…9F, a bidirectional
  /// control E2 80 AA…AE or E2 81 A6…A9.
  @usableFromInline
  static func needsEscaping(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case 0x00...0x1F, 0x7F: return true
      case 0xC2:
        if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
        index += 2
      case 0xE2:
        guard index + 2 < bytes.count else { return false }
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        if second == 0x80 && (0xAA...0xAE).contains(third) { return true }
        if second == 0x81 && (0xA6...0xA9).contains(third) { return true }
        index += 3
      default: index += 1
      }
    }
    return false
  }

  /// `\u{1B}` for ESC.
  @usableFromInline
  static func escape(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
  }
}

extension StringProtocol {
  /// The text with every control character, line breaks included, shown as `\u{…}`
  /// (see ``TerminalText``): for text that must stay on one line, such as one line of an error message.
  @inlinable
  public var terminalSafe: String { TerminalText.escaping(self) }

  /// The text with every control character shown as `\u{…}` except line breaks, which become plain LFs
  /// (see ``TerminalText``): for text that may span lines, such as a whole error message.
  @inlinable
  public var terminalSafeLines: String { TerminalText.escaping(self, keepingLineBreaks: true) }
}
