/// Names one practice of one process area: `SSD SP 3.2`, or a generic practice as instantiated in an area,
/// `SCON GP 2.5`.
public struct PracticeReference: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  public var processArea: String
  /// `SP 3.2` or `GP 2.5`.
  public var practice: String

  public init(_ processArea: String, _ practice: String) {
    self.processArea = processArea
    self.practice = practice
  }

  /// Parses `"SSD SP 3.2"` (process area, spaces, the practice id); `nil` when the text has no space.
  /// Works on UTF-8 bytes: readers call it once per evidence item.
  public init?(parsing text: String) {
    let space = UInt8(ascii: " ")
    let tab = UInt8(ascii: "\t")
    let bytes = text.utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, bytes[start] == space || bytes[start] == tab { start = bytes.index(after: start) }
    while end > start, bytes[bytes.index(before: end)] == space || bytes[bytes.index(before: end)] == tab {
      end = bytes.index(before: end)
    }
    guard let gap = bytes[start..<end].firstIndex(of: space) else { return nil }
    var practiceStart = gap
    while practiceStart < end, bytes[practiceStart] == space { practiceStart = bytes.index(after: practiceStart) }
    guard gap > start, practiceStart < end else { return nil }
    self.init(String(text[start..<gap]), String(text[practiceStart..<end]))
  }

  /// Whether this is a generic practice (its id starts with `GP`).
  public var isGeneric: Bool { practice.hasPrefix("GP") }

  public var description: String { "\(processArea) \(practice)" }

  /// Orders by process area, then specific before generic, then by the numbers in the id (SP 1.10 after
  /// SP 1.9).
  public static func < (lhs: PracticeReference, rhs: PracticeReference) -> Bool {
    if lhs.processArea != rhs.processArea { return lhs.processArea < rhs.processArea }
    return PracticeOrdering.precedes(lhs.practice, rhs.practice)
  }
}

/// Orders model ids such as `SP 1.2`, `SG 10`, `GP 2.10` by prefix and then numerically.
public enum PracticeOrdering {
  public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
    let (lp, ln) = split(lhs)
    let (rp, rn) = split(rhs)
    if lp != rp { return rank(lp) < rank(rp) || (rank(lp) == rank(rp) && lp < rp) }
    if ln != rn { return ln.lexicographicallyPrecedes(rn) }
    return lhs < rhs
  }

  private static func rank(_ prefix: String) -> Int {
    switch prefix {
    case "SG": 0
    case "SP": 1
    case "GG": 2
    case "GP": 3
    default: 4
    }
  }

  private static func split(_ id: String) -> (String, [Int]) {
    let parts = id.split(separator: " ", maxSplits: 1)
    let prefix = parts.first.map(String.init) ?? ""
    let numbers = parts.count > 1 ? parts[1].split(separator: ".").map { Int($0) ?? Int.max } : []
    return (prefix, numbers)
  }
}
