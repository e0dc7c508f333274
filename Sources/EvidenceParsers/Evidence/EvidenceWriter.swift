import AppraisalModel

/// Writes an ``Appraisal`` in the evidence format's XML or JSON syntax (docs/evidence-format.md), so
/// that reading the text back gives an equal appraisal. Used by `appraise import`.
public enum EvidenceWriter {
  /// The XML syntax, UTF-8, two-space indentation.
  public static func xml(_ appraisal: Appraisal) -> String {
    var out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<appraisal formatVersion=\"\(EvidenceVocabulary.formatVersion)\">\n"
    let header = appraisal.header
    out +=
      "  <header"
      + attributes([
        ("id", header.id), ("name", header.name), ("organizationalUnit", header.organizationalUnit),
        ("date", header.date), ("model", header.model), ("modelVersion", header.modelVersion),
        ("methodClass", header.methodClass),
      ]) + "/>\n"
    let (representation, level) = target(appraisal.target)
    out +=
      "  <scope"
      + attributes([
        ("representation", representation), ("targetLevel", String(level)),
        ("includeAdditions", String(appraisal.scope.includesAdditions)),
        ("processAreas", appraisal.scope.processAreas.joined(separator: " ")),
      ]) + ">\n"
    for exclusion in appraisal.scope.notApplicable {
      out +=
        "    <notApplicable" + attributes([("processArea", exclusion.processArea)]) + ">"
        + escaped(exclusion.reason) + "</notApplicable>\n"
    }
    out +=
      "    <coverage"
      + attributes([
        ("enabled", String(appraisal.coverage.isEnabled)), ("minimumShare", fraction(appraisal.coverage.minimumShare)),
      ]) + "/>\n  </scope>\n  <instantiations>\n"
    for unit in appraisal.instantiations {
      out +=
        "    <instantiation"
        + attributes([
          ("id", unit.id), ("name", unit.name), ("kind", unit.kind.rawValue), ("subgroup", unit.subgroup),
          ("processAreas", unit.processAreas?.joined(separator: " ")),
        ]) + "/>\n"
    }
    out += "  </instantiations>\n  <evidence>\n"
    for item in appraisal.evidence {
      out +=
        "    <item"
        + attributes([
          ("id", item.id), ("practice", item.practice.description), ("instantiation", item.instantiation),
          ("indicator", item.indicator.rawValue), ("imported", item.imported ? "true" : nil),
        ]) + ">\n      <locator"
        + attributes([
          ("document", item.locator.document), ("section", item.locator.section), ("version", item.locator.version),
          ("date", item.locator.date), ("url", item.locator.url),
        ]) + "/>\n"
      if let note = item.note { out += "      <note>" + escaped(note) + "</note>\n" }
      out += "    </item>\n"
    }
    out += "  </evidence>\n  <observations>\n"
    for observation in appraisal.observations {
      let name = observation.kind.rawValue
      out +=
        "    <\(name)"
        + attributes([
          ("id", observation.id), ("practice", observation.practice.description),
          ("instantiation", observation.instantiation),
          ("impact", observation.kind == .weakness && observation.impact == .major ? "major" : nil),
        ]) + ">" + escaped(observation.text) + "</\(name)>\n"
    }
    out += "  </observations>\n  <characterizations>\n"
    for characterization in appraisal.characterizations {
      out +=
        "    <characterization"
        + attributes([
          ("practice", characterization.practice.description), ("instantiation", characterization.instantiation),
          ("value", characterization.value.code),
        ]) + ">" + escaped(characterization.note ?? "") + "</characterization>\n"
    }
    out += "  </characterizations>\n  <judgments>\n"
    for decision in appraisal.aggregationDecisions {
      out +=
        "    <aggregation"
        + attributes([
          ("practice", decision.practice.description), ("value", decision.value.code),
        ]) + ">" + escaped(decision.justification) + "</aggregation>\n"
    }
    for decision in appraisal.significanceDecisions {
      out +=
        "    <significance"
        + attributes([
          ("processArea", decision.processArea), ("goal", decision.goal), ("significant", String(decision.significant)),
        ]) + ">" + escaped(decision.justification) + "</significance>\n"
    }
    return out + "  </judgments>\n</appraisal>\n"
  }

  /// The JSON syntax, two-space indentation, members in the documented order.
  public static func json(_ appraisal: Appraisal) -> String {
    let header = appraisal.header
    let (representation, level) = target(appraisal.target)
    var scope: [(String, JSON)] = [
      ("representation", .string(representation)), ("targetLevel", .number(level)),
      ("includeAdditions", .bool(appraisal.scope.includesAdditions)),
      ("processAreas", .array(appraisal.scope.processAreas.map(JSON.string))),
    ]
    if !appraisal.scope.notApplicable.isEmpty {
      scope.append(
        (
          "notApplicable",
          .array(
            appraisal.scope.notApplicable.map {
              .object([("processArea", .string($0.processArea)), ("reason", .string($0.reason))])
            })
        ))
    }
    scope.append(
      (
        "coverage",
        .object([
          ("enabled", .bool(appraisal.coverage.isEnabled)),
          ("minimumShare", .string(fraction(appraisal.coverage.minimumShare))),
        ])
      ))
    let document = JSON.object([
      ("formatVersion", .number(EvidenceVocabulary.formatVersion)),
      (
        "header",
        .object(
          [
            ("id", .string(header.id)), ("name", .string(header.name)),
            ("organizationalUnit", .string(header.organizationalUnit)), ("date", .string(header.date)),
            ("model", .string(header.model)), ("modelVersion", .string(header.modelVersion)),
            ("methodClass", .string(header.methodClass)),
          ])
      ),
      ("scope", .object(scope)),
      (
        "instantiations",
        .array(
          appraisal.instantiations.map { unit in
            .object(
              [("id", .string(unit.id)), ("name", .string(unit.name)), ("kind", .string(unit.kind.rawValue))]
                + optional("subgroup", unit.subgroup.map(JSON.string))
                + optional("processAreas", unit.processAreas.map { .array($0.map(JSON.string)) }))
          })
      ),
      (
        "evidence",
        .array(
          appraisal.evidence.map { item in
            .object(
              [
                ("id", .string(item.id)), ("practice", .string(item.practice.description)),
                ("instantiation", .string(item.instantiation)), ("indicator", .string(item.indicator.rawValue)),
                (
                  "locator",
                  .object(
                    [("document", .string(item.locator.document))]
                      + optional("section", item.locator.section.map(JSON.string))
                      + optional("version", item.locator.version.map(JSON.string))
                      + optional("date", item.locator.date.map(JSON.string))
                      + optional("url", item.locator.url.map(JSON.string)))
                ),
              ] + optional("note", item.note.map(JSON.string)) + (item.imported ? [("imported", .bool(true))] : []))
          })
      ),
      (
        "observations",
        .array(
          appraisal.observations.map { observation in
            .object(
              optional("id", observation.id.map(JSON.string)) + [
                ("type", .string(observation.kind.rawValue)), ("practice", .string(observation.practice.description)),
                ("instantiation", .string(observation.instantiation)),
              ]
                + (observation.kind == .weakness && observation.impact == .major
                  ? [("impact", .string("major"))] : []) + [("text", .string(observation.text))])
          })
      ),
      (
        "characterizations",
        .array(
          appraisal.characterizations.map { characterization in
            .object(
              [
                ("practice", .string(characterization.practice.description)),
                ("instantiation", .string(characterization.instantiation)),
                ("value", .string(characterization.value.code)),
              ] + optional("note", characterization.note.map(JSON.string)))
          })
      ),
      (
        "aggregationDecisions",
        .array(
          appraisal.aggregationDecisions.map {
            .object([
              ("practice", .string($0.practice.description)), ("value", .string($0.value.code)),
              ("justification", .string($0.justification)),
            ])
          })
      ),
      (
        "significanceDecisions",
        .array(
          appraisal.significanceDecisions.map {
            .object([
              ("processArea", .string($0.processArea)), ("goal", .string($0.goal)),
              ("significant", .bool($0.significant)),
              ("justification", .string($0.justification)),
            ])
          })
      ),
    ])
    var out = ""
    document.write(to: &out, indent: "")
    return out + "\n"
  }

  // MARK: - Helpers

  private static func target(_ target: RatingTarget) -> (String, Int) {
    switch target {
    case .maturityLevel(let level): ("staged", level)
    case .capabilityLevel(let level): ("continuous", level)
    }
  }

  private static func fraction(_ value: CoveragePolicy.Fraction) -> String { "\(value.numerator)/\(value.denominator)" }

  private static func attributes(_ pairs: [(String, String?)]) -> String {
    pairs.compactMap { name, value in value.map { " \(name)=\"\(escaped($0, attribute: true))\"" } }.joined()
  }

  /// XML character data or attribute value; line breaks and tabs in attributes become character
  /// references so that attribute normalisation gives them back; C0 controls and the noncharacters
  /// U+FFFE and U+FFFF, which XML cannot hold, become U+FFFD.
  static func escaped(_ text: String, attribute: Bool = false) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "\n" where attribute: out += "&#10;"
      case "\r": out += "&#13;"
      case "\t" where attribute: out += "&#9;"
      // XML 1.0 cannot hold other C0 controls, not even as references.
      case let control where control.value < 0x20 && control != "\t" && control != "\n": out += "\u{FFFD}"
      case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func optional(_ key: String, _ value: JSON?) -> [(String, JSON)] { value.map { [(key, $0)] } ?? [] }

  /// A small ordered JSON tree for writing.
  private indirect enum JSON {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSON])
    case object([(String, JSON)])

    func write(to out: inout String, indent: String) {
      switch self {
      case .string(let text): out += Self.quoted(text)
      case .number(let value): out += String(value)
      case .bool(let value): out += value ? "true" : "false"
      case .array(let elements):
        guard !elements.isEmpty else {
          out += "[]"
          return
        }
        out += "[\n"
        for (index, element) in elements.enumerated() {
          out += indent + "  "
          element.write(to: &out, indent: indent + "  ")
          out += index == elements.count - 1 ? "\n" : ",\n"
        }
        out += indent + "]"
      case .object(let members):
        guard !members.isEmpty else {
          out += "{}"
          return
        }
        out += "{\n"
        for (index, (key, value)) in members.enumerated() {
          out += indent + "  " + Self.quoted(key) + ": "
          value.write(to: &out, indent: indent + "  ")
          out += index == members.count - 1 ? "\n" : ",\n"
        }
        out += indent + "}"
      }
    }

    static func quoted(_ text: String) -> String {
      var out = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case let control where control.value < 0x20:
          out +=
            "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count)
            + String(control.value, radix: 16)
        default: out.unicodeScalars.append(scalar)
        }
      }
      return out + "\""
    }
  }
}
