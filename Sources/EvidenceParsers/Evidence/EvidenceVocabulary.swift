import AppraisalModel

/// The words of the evidence format shared by the XML, JSON and CSV readers, so all three accept exactly
/// the same values and word their complaints the same way.
package enum EvidenceVocabulary {
  /// The evidence format versions the readers understand.
  package static let formatVersion = 1
  /// The namespace an XML evidence file's elements may be in; they may also be in none
  /// (docs/evidence-format.md, "XML syntax").
  package static let xmlNamespace = "urn:appraise:evidence:1"
  /// The XML Schema instance namespace (`xsi:`), whose schema-location attributes every XSD processor
  /// accepts on any element, so the evidence reader accepts them too.
  package static let schemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"
  package static let schemaLocationAttributes: Set<String> = ["schemaLocation", "noNamespaceSchemaLocation"]

  package static let characterizations = Dictionary(
    uniqueKeysWithValues: Characterization.allCases.map { ($0.code, $0) })
  package static let indicators = Dictionary(
    uniqueKeysWithValues: EvidenceItem.Indicator.allCases.map { ($0.rawValue, $0) })
  package static let instantiationKinds = Dictionary(
    uniqueKeysWithValues: Instantiation.Kind.allCases.map { ($0.rawValue, $0) })
  package static let impacts = Dictionary(uniqueKeysWithValues: Observation.Impact.allCases.map { ($0.rawValue, $0) })
  package static let observationKinds: [String: Observation.Kind] = ["strength": .strength, "weakness": .weakness]
  package static let representations = ["staged", "continuous"]
  package static let coverageRules = Dictionary(
    uniqueKeysWithValues: CoveragePolicy.Rule.allCases.map { ($0.rawValue, $0) })
  package static let reportStatuses = Dictionary(
    uniqueKeysWithValues: Disclosure.ReportStatus.allCases.map { ($0.rawValue, $0) })

  /// `"1/2"` → 1/2; `nil` when the text is not two integers around a slash.
  package static func fraction(_ text: String) -> CoveragePolicy.Fraction? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let numerator = Int(parts[0].trimmed), let denominator = Int(parts[1].trimmed) else {
      return nil
    }
    return CoveragePolicy.Fraction(numerator, denominator)
  }

  /// The rating target for a representation name and level; `nil` for an unknown representation.
  package static func target(representation: String, level: Int) -> RatingTarget? {
    switch representation {
    case "staged": .maturityLevel(level)
    case "continuous": .capabilityLevel(level)
    default: nil
    }
  }

  /// `"SCON SP 2.3"` → the reference; `nil` unless it is an area id, a space and an `SP`/`GP` id.
  package static func practice(_ text: String) -> PracticeReference? {
    guard let reference = PracticeReference(parsing: text),
      reference.practice.hasPrefix("SP ") || reference.practice.hasPrefix("GP ")
    else { return nil }
    return reference
  }

  /// A space-separated list of ids (`"CAM IRP SD"`).
  package static func list(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
  }

  /// Lower-case messages for values every syntax checks.
  package enum Message {
    package static func notOneOf(_ field: String, _ value: String, _ choices: some Collection<String>) -> String {
      "\(field) is \"\(value)\"; expected one of " + choices.sorted().joined(separator: ", ")
    }
    package static func badPractice(_ value: String) -> String {
      "practice reference \"\(value)\" is malformed; expected a process area, a space and a practice id, e.g. \"SCON SP 2.3\""
    }
    package static func badFraction(_ value: String) -> String {
      // Two numbers too long for an Int are a fraction out of range, not a syntax error.
      let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(\.trimmed)
      let numeric =
        parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
      return numeric
        ? "minimum share \"\(value)\" is out of range; expected \(CoveragePolicy.Fraction.allowedRange)"
        : "minimum share \"\(value)\" is not a fraction; expected e.g. \"1/2\""
    }
    package static func formatVersion(_ value: String) -> String {
      "format version \(value) is not supported; expected \(EvidenceVocabulary.formatVersion)"
    }
  }
}

extension StringProtocol {
  package var trimmed: String {
    // Fast path: most values have no surrounding white space and are checked on two bytes.
    let whole = String(self)
    if let first = whole.utf8.first, let last = whole.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
      return whole
    }
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text = text.dropFirst() }
    while let last = text.last, last.isWhitespace { text = text.dropLast() }
    return String(text)
  }
}
