/// How a workbook's cell values become the text of the CSV layout (docs/xlsx.md, "How cells map"):
/// shared strings by index, numbers in their shortest exact form (an integer without `.0`), numbers with
/// a date format as ISO `YYYY-MM-DD` in the workbook's date system, numbers with a fixed number of decimals
/// with those decimals, and numbers with a fraction format
/// (a coverage share `1/2` Excel turned into 0.5) back as a fraction where that is exact.
package struct XLSXCellFormat: Sendable {
  /// What a cell style's number format makes of a number.
  package enum NumberKind: Sendable, Equatable {
    case plain, date, fraction
    /// A fixed number of decimals (`0.0`, `#,##0.00`): `2` shown as `2.0` stays `2.0` (a version number).
    case decimals(Int)
  }

  package var sharedStrings: [String]
  /// The number kind of each cell style (`s` attribute) in order; a style beyond the list is plain.
  package var styles: [NumberKind]
  /// The 1904 date system (`<workbookPr date1904="1"/>`: serial 0 is 1904-01-01).
  package var date1904: Bool

  package init(sharedStrings: [String] = [], styles: [NumberKind] = [], date1904: Bool = false) {
    self.sharedStrings = sharedStrings
    self.styles = styles
    self.date1904 = date1904
  }

  /// The kind of number format `formatID` (a built-in id, or a custom one whose code is `code`).
  ///
  /// Built-in dates are ids 14–22 and 45–47; built-in fractions 12 and 13. A custom code is a date when,
  /// outside quoted text, escapes and `[…]` sections, it has `d` or `y`, or has `m` without `h` or `s`
  /// (`mmm`: a month; `mm:ss`: a time, which is no date); it is a fraction when it has `?/` or `#/`.
  package static func kind(formatID: Int, code: String?) -> NumberKind {
    switch formatID {
    case 14...22, 45...47: return .date
    case 12, 13: return .fraction
    case 2, 4: return .decimals(2)
    default: break
    }
    guard let code else { return .plain }
    var bare: [Character] = []
    var quoted = false
    var bracket = false
    var escaped = false
    for character in code {
      if escaped {
        escaped = false
        continue
      }
      switch character {
      case "\"": quoted.toggle()
      case "\\" where !quoted: escaped = true
      case "[" where !quoted: bracket = true
      case "]" where !quoted: bracket = false
      default: if !quoted && !bracket { bare.append(Character(character.lowercased())) }
      }
    }
    let text = String(bare)
    // `0.0`, `#,##0.00`: digits placeholders, one point, zeros after it (first section only).
    let first = text.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
    if let point = first.firstIndex(of: "."), first[..<point].allSatisfy({ "#,0".contains($0) }),
      first[..<point].contains("0"), first[first.index(after: point)...].allSatisfy({ $0 == "0" }),
      first.index(after: point) < first.endIndex
    {
      return .decimals(first.distance(from: first.index(after: point), to: first.endIndex))
    }
    if text.contains("?/") || text.contains("#/") { return .fraction }
    if text.contains("d") || text.contains("y") { return .date }
    if text.contains("m") && !text.contains("h") && !text.contains("s") { return .date }
    return .plain
  }

  /// The text of a number cell `value` (the `<v>` text) with style `style`; `nil` when it is no number.
  package func number(_ value: String, style: Int) -> String? {
    guard let number = Double(value) ?? Double(value.trimmingASCIISpaces), number.isFinite else { return nil }
    let kind = style >= 0 && style < styles.count ? styles[style] : .plain
    switch kind {
    case .date: if let date = Self.isoDate(serial: number, date1904: date1904) { return date }
    case .fraction: if let fraction = Self.fraction(number) { return fraction }
    case .decimals(let places):
      if let text = Self.fixed(number, places: places) { return text }
    case .plain: break
    }
    return Self.decimal(number)
  }

  /// `2` for 2.0, `0.5` for 0.5: integers without a fraction part, others in Swift's shortest round-trip
  /// form.
  package static func decimal(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
    return String(number)
  }

  /// `number` with exactly `places` decimals, rounded half away from zero as a spreadsheet shows it (`2` →
  /// `2.0`); `nil` beyond 9 places or 1e9 (then the shortest decimal stands). Written by hand: `String(format:)`
  /// cost a twentieth of the read.
  package static func fixed(_ number: Double, places: Int) -> String? {
    guard places >= 1, places <= 9, abs(number) < 1e9 else { return nil }
    var scale: Int64 = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int64((abs(number) * Double(scale)).rounded(.toNearestOrAwayFromZero))
    let fraction = String(scaled % scale)
    let sign = number < 0 && scaled != 0 ? "-" : ""
    return "\(sign)\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
  }

  /// `1/2` for 0.5: the fraction with the smallest denominator up to 100 that is exactly `number`; `nil`
  /// when there is none (then the decimal stands).
  package static func fraction(_ number: Double) -> String? {
    if number == number.rounded() { return nil }
    for denominator in 2...100 {
      let numerator = (number * Double(denominator)).rounded()
      if numerator / Double(denominator) == number { return "\(Int64(numerator))/\(denominator)" }
    }
    return nil
  }

  /// The ISO date of a serial day number (its time of day dropped), or `nil` for a serial that names no
  /// day (below 1 in the 1900 system, negative in the 1904 one).
  ///
  /// The 1900 system counts 1900-01-01 as 1 and, as Lotus 1-2-3 did, has a 29 February 1900 (serial 60);
  /// that day is returned as `1900-02-29`, which date validation then refuses. The 1904 system counts
  /// 1904-01-01 as 0.
  package static func isoDate(serial: Double, date1904: Bool) -> String? {
    let day = Int(serial.rounded(.down))
    guard day >= (date1904 ? 0 : 1), day < 2_958_466 else { return nil }
    if !date1904 && day == 60 { return "1900-02-29" }
    // Days since 1970-01-01.
    let epochDays: Int
    if date1904 {
      epochDays = day - 24_107
    } else {
      epochDays = day - (day > 60 ? 25_569 : 25_568)
    }
    let (year, month, dayOfMonth) = civil(fromDays: epochDays)
    func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(dayOfMonth, 2))"
  }

  /// Year, month and day of `days` since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
  /// `civil_from_days`).
  static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}

extension String {
  /// Without leading and trailing ASCII spaces, tabs and line breaks.
  fileprivate var trimmingASCIISpaces: Substring {
    var slice = self[...]
    while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
      slice = slice.dropFirst()
    }
    while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
      slice = slice.dropLast()
    }
    return slice
  }
}
