import AppraisalModel

/// What a spreadsheet makes of the CSV syntax's dates and shares when a file goes through it and is saved
/// again, read back where the original is certain (docs/evidence-format.md, "Spreadsheet round trips").
package enum SpreadsheetValues {
  /// How a date cell reads.
  package enum DateReading: Equatable {
    /// Already `YYYY-MM-DD`, or not a date a spreadsheet writes: left to validation as it is.
    case asWritten
    /// A spreadsheet's local form with one meaning, as the ISO date.
    case converted(String)
    /// Day and month could be swapped (`3/4/2011`): the two ISO dates it may mean.
    case ambiguous(String, String)
  }

  /// Reads `9/30/2011` (month first: the day is above 12), `30/9/2011` (day first), `5/5/2011` (either),
  /// `30.09.2011` (dots: always day first), `2011/09/30`, and two-digit years (`9/30/11`: 30–99 are
  /// 1930–1999, 00–29 are 2000–2029, the window Excel and LibreOffice use). Anything else is as written.
  package static func date(_ text: String) -> DateReading {
    // Most dates are ISO already: checked on the string's bytes, nothing allocated.
    guard text.utf8.count >= 6, text.utf8.count <= 10, !AppraisalValidator.isCalendarDate(utf8: text.utf8) else {
      return .asWritten
    }
    let utf8 = Array(text.utf8)
    let separator: UInt8
    if utf8.contains(UInt8(ascii: "/")) {
      separator = UInt8(ascii: "/")
    } else if utf8.contains(UInt8(ascii: ".")) {
      separator = UInt8(ascii: ".")
    } else {
      return .asWritten
    }
    let parts = utf8.split(separator: separator, omittingEmptySubsequences: false)
    guard parts.count == 3,
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
    else { return .asWritten }
    let numbers = parts.map { Int(String(decoding: $0, as: UTF8.self))! }
    if parts[0].count == 4 {
      // Year first: 2011/09/30.
      return iso(numbers[0], numbers[1], numbers[2]).map(DateReading.converted) ?? .asWritten
    }
    guard parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 || parts[2].count == 4 else {
      return .asWritten
    }
    let year = parts[2].count == 4 ? numbers[2] : (numbers[2] >= 30 ? 1900 : 2000) + numbers[2]
    let dayFirst = iso(year, numbers[1], numbers[0])
    if separator == UInt8(ascii: ".") { return dayFirst.map(DateReading.converted) ?? .asWritten }
    let monthFirst = iso(year, numbers[0], numbers[1])
    switch (monthFirst, dayFirst) {
    case (let month?, let day?): return month == day ? .converted(month) : .ambiguous(month, day)
    case (let month?, nil): return .converted(month)
    case (nil, let day?): return .converted(day)
    case (nil, nil): return .asWritten
    }
  }

  /// `YYYY-MM-DD` when the parts make a calendar date.
  private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let text = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    return AppraisalValidator.isCalendarDate(text) ? text : nil
  }

  /// A share written as a percentage (`50%`, `33.3%`) or a decimal (`0.5`, `0,5`, `1`), as the fraction in
  /// lowest terms; `nil` when it is neither or needs a denominator above
  /// ``CoveragePolicy/Fraction/maximumDenominator``.
  package static func share(_ text: String) -> CoveragePolicy.Fraction? {
    var digits = String(text.map { $0 == "," ? "." : $0 })
    var scale = 1
    if digits.hasSuffix("%") {
      digits.removeLast()
      digits = digits.trimmed
      scale = 100
    }
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !(whole.isEmpty && parts.count == 1),
      parts.allSatisfy({ $0.count <= 4 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
    else { return nil }
    let decimals = parts.count == 2 ? String(parts[1]) : ""
    var denominator = scale
    for _ in decimals { denominator *= 10 }
    let numerator = Int(whole.isEmpty ? "0" : String(whole))! * (denominator / scale) + (Int(decimals) ?? 0)
    let divisor = gcd(numerator, denominator)
    let fraction = CoveragePolicy.Fraction(numerator / divisor, denominator / divisor)
    return fraction.isAllowed ? fraction : nil
  }

  /// Whether a share cell holds what a spreadsheet makes of `1/2` typed into it: a date (`01/02/2026`,
  /// `2-Jan`, `02.01.2026`).
  package static func looksLikeDate(_ text: String) -> Bool {
    if case .asWritten = date(text) {
      let lower = text.lowercased()
      let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
      return AppraisalValidator.isCalendarDate(text) || months.contains { lower.contains($0) }
    }
    return true
  }

  private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? max(a, 1) : gcd(b, a % b) }
}
