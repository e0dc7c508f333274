/// A practice id of the V2.0/V3.0 form `<PA> <level>.<n>` (`IRP 2.3`), taken apart.
public struct CMMI3PracticeID: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var practiceArea: String
  public var level: Int
  public var number: Int

  public init(practiceArea: String, level: Int, number: Int) {
    self.practiceArea = practiceArea
    self.level = level
    self.number = number
  }

  /// Parses `IRP 2.3`: an acronym of capital letters and digits starting with a letter, one space, a level
  /// 1–5, a dot and a number from 1; `nil` for anything else.
  public init?(_ text: String) {
    let parts = text.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 2, let first = parts[0].first, first.isASCII, first.isUppercase,
      parts[0].allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
    else { return nil }
    let numbers = parts[1].split(separator: ".", omittingEmptySubsequences: false)
    guard numbers.count == 2, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.first != "0" }),
      let level = Int(numbers[0]), let number = Int(numbers[1]), (1...5).contains(level), number >= 1
    else { return nil }
    self.init(practiceArea: String(parts[0]), level: level, number: number)
  }

  public var description: String { "\(practiceArea) \(level).\(number)" }

  public static func < (lhs: CMMI3PracticeID, rhs: CMMI3PracticeID) -> Bool {
    (lhs.practiceArea, lhs.level, lhs.number) < (rhs.practiceArea, rhs.level, rhs.number)
  }
}
