import AppraisalModel

/// One record as a tool exported it, before normalisation: its field names and text values as the
/// tool spells them (nested JSON members joined with dots, e.g. `fields.status.name`), what kind of
/// record the file or element says it is, and where it starts.
struct NativeRecord {
  /// The table, element or array the record came from (`incident`, `change_request`, `tickets`, …).
  var container: String
  var fields: [String: String]
  var line: Int
  var column: Int?

  /// The first non-empty value among `names`.
  func value(_ names: String...) -> String? {
    for name in names { if let value = fields[name], !value.isEmpty { return value } }
    return nil
  }
}

/// What a tool profile makes of a native record.
enum NormalizedRecord {
  case record(ITSMRecord, warnings: [String])
  /// Not a record the import uses (e.g. an issue type it does not know); the reason becomes a warning.
  case skipped(String)
}

/// A tool's knowledge: how its native records become ``ITSMRecord``s.
protocol ITSMProfile {
  /// Native field that groups records into instantiations by default.
  static var defaultGroupField: [String] { get }
  static func normalize(_ native: NativeRecord, groupBy: [String]) -> NormalizedRecord
}

extension ITSMProfile {
  /// The record's group, from the configured fields, or "unassigned" with a warning.
  static func group(_ native: NativeRecord, _ fields: [String], _ warnings: inout [String]) -> String {
    for name in fields { if let value = native.fields[name], !value.isEmpty { return value } }
    warnings.append("record has no \(fields.joined(separator: " or ")); grouped as \"unassigned\"")
    return "unassigned"
  }

  /// Looks a tool state up in `table`; unknown values give `.unknown` and a warning.
  static func state(_ value: String?, _ table: [String: ITSMRecord.State], field: String, _ warnings: inout [String])
    -> ITSMRecord.State
  {
    guard let value else {
      warnings.append("record has no \(field); state counted as unknown")
      return .unknown
    }
    if let state = table[value.lowercased()] { return state }
    warnings.append(
      "\(field) \"\(value)\" is not a known state; expected one of \(table.keys.sorted().joined(separator: ", ")); counted as unknown"
    )
    return .unknown
  }

  /// `YYYY-MM-DD` from the common timestamp spellings (ISO 8601, `2026-10-01 12:00:00`, epoch
  /// milliseconds); `nil` otherwise.
  static func day(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    if value.allSatisfy(\.isNumber), value.count >= 10, let milliseconds = Int(value) {
      return CivilDate(epochSeconds: milliseconds / (value.count >= 13 ? 1000 : 1)).text
    }
    let prefix = String(value.prefix(10))
    return AppraisalValidator.isCalendarDate(prefix) ? prefix : nil
  }
}

/// A Gregorian date from seconds since 1970 (UTC), without Foundation.
struct CivilDate {
  var year: Int
  var month: Int
  var day: Int

  init(epochSeconds: Int) {
    // Howard Hinnant's days-from-civil inverse.
    let days = epochSeconds / 86_400 - (epochSeconds % 86_400 < 0 ? 1 : 0)
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  }

  var text: String {
    func padded(_ number: Int, _ width: Int) -> String {
      String(repeating: "0", count: max(0, width - String(number).count)) + String(number)
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }
}
