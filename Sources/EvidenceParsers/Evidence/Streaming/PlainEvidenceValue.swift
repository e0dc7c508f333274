import AppraisalModel

/// The byte-level tests the JSON and CSV evidence scanners share: whether a value is plainly valid as
/// it stands, so that the ordinary read could find nothing to say about it.
enum PlainEvidenceValue {
  /// Not empty, and printable ASCII at both ends: readers trim white space (Unicode's included) or
  /// reject blank values, so values that might need either are left to the ordinary read.
  static func isPlain(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = value.first, let last = value.last else { return false }
    return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
  }

  /// Plain and all ASCII: ids, practices and instantiations the ordinary read compares as Swift strings,
  /// where canonically equivalent spellings are equal; bytes compare equal only for ASCII.
  static func isPlainASCII(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    isPlain(value) && value.allSatisfy { $0 < 0x80 }
  }

  /// The indicator spelled exactly `value`, or `nil`.
  static func indicator(_ value: UnsafeBufferPointer<UInt8>) -> EvidenceItem.Indicator? {
    // Four short spellings: comparing them in turn is as quick as hashing, and a shared ``ByteTable``
    // would be written (its last hit) from every thread that reads.
    for (index, spelling) in indicatorSpellings.enumerated() where spelling.count == value.count {
      if spelling.withUnsafeBufferPointer({ ByteHash.equal(value, $0) }) { return indicators[index] }
    }
    return nil
  }

  private static let indicators = EvidenceItem.Indicator.allCases
  private static let indicatorSpellings = indicators.map { Array($0.rawValue.utf8) }

  /// Whether `value` is a calendar date, `YYYY-MM-DD` (``AppraisalValidator/isCalendarDate(utf8:)``).
  static func isCalendarDate(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    AppraisalValidator.isCalendarDate(utf8: value)
  }

  /// Whether `value` is exactly `text`.
  static func equals(_ value: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
    ByteHash.equal(value, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }
}

/// The last spelling looked up and its number: consecutive evidence items mostly share their practice
/// and instantiation, and comparing with the last spelling is cheaper than hashing it.
struct RepeatedSpelling {
  private var bytes: [UInt8] = []
  private var number: Int?
  private var isEmpty = true

  /// The number remembered for `value` if it is spelled as last time (itself `nil` for a spelling that
  /// names nothing), or `nil` (a new spelling).
  func number(of value: UnsafeBufferPointer<UInt8>) -> Int?? {
    guard !isEmpty, bytes.withUnsafeBufferPointer({ ByteHash.equal($0, value) }) else { return nil }
    return .some(number)
  }

  /// Remembers `number` for `value` and returns it.
  @discardableResult
  mutating func remember(_ value: UnsafeBufferPointer<UInt8>, _ number: Int?) -> Int? {
    bytes.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: value)
    self.number = number
    isEmpty = false
    return number
  }
}
