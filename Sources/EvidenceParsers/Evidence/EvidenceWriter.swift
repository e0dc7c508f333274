import AppraisalModel

/// Writes an ``Appraisal`` in the evidence format's XML or JSON syntax (docs/evidence-format.md), so
/// that reading the text back gives an equal appraisal. Used by `appraise import`.
public enum EvidenceWriter {
  private typealias Format = EvidenceFormat

  /// The XML syntax, UTF-8, two-space indentation.
  public static func xml(_ appraisal: Appraisal) -> String {
    var out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<appraisal formatVersion=\"\(EvidenceVocabulary.formatVersion)\">\n"
    out += "  <header" + attributes(appraisal.header, Format.header) + "/>\n"
    out += "  <scope" + attributes(appraisal, Format.scope) + ">\n"
    for exclusion in appraisal.scope.notApplicable {
      out +=
        "    <notApplicable" + attributes(exclusion, Format.exclusion) + ">" + escaped(exclusion.reason)
        + "</notApplicable>\n"
    }
    for exclusion in appraisal.scope.outOfScope {
      out +=
        "    <outOfScope" + attributes(exclusion, Format.exclusion) + ">" + escaped(exclusion.reason)
        + "</outOfScope>\n"
    }
    for target in appraisal.scope.areaTargets {
      out += "    <areaTarget" + attributes(target, Format.areaTarget) + "/>\n"
    }
    out += "    <coverage" + attributes(appraisal.coverage, Format.coverage) + "/>\n  </scope>\n"
    if !appraisal.disclosure.isEmpty { out += disclosureXML(appraisal.disclosure) }
    out += "  <instantiations>\n"
    for unit in appraisal.instantiations {
      out += "    <instantiation" + attributes(unit, Format.instantiation) + "/>\n"
    }
    out += "  </instantiations>\n  <evidence>\n"
    for item in appraisal.evidence {
      out +=
        "    <item" + attributes(item, Format.evidenceItem) + ">\n      <locator"
        + attributes(item.locator, Format.locator) + "/>\n"
      if let note = item.note { out += "      <note>" + escaped(note) + "</note>\n" }
      out += "    </item>\n"
    }
    out += "  </evidence>\n  <observations>\n"
    for observation in appraisal.observations {
      let name = observation.kind.rawValue
      out +=
        "    <\(name)" + attributes(observation, Format.observation) + ">" + escaped(observation.text) + "</\(name)>\n"
    }
    out += "  </observations>\n  <characterizations>\n"
    for characterization in appraisal.characterizations {
      out +=
        "    <characterization" + attributes(characterization, Format.characterization) + ">"
        + escaped(characterization.note ?? "") + "</characterization>\n"
    }
    out += "  </characterizations>\n  <judgments>\n"
    for decision in appraisal.aggregationDecisions {
      out +=
        "    <aggregation" + attributes(decision, Format.aggregation) + ">" + escaped(decision.justification)
        + "</aggregation>\n"
    }
    for decision in appraisal.significanceDecisions {
      out +=
        "    <significance" + attributes(decision, Format.significance) + ">" + escaped(decision.justification)
        + "</significance>\n"
    }
    return out + "  </judgments>\n</appraisal>\n"
  }

  /// The JSON syntax, two-space indentation, members in the documented order.
  public static func json(_ appraisal: Appraisal) -> String {
    var scope = members(appraisal, Format.scope)
    if !appraisal.scope.notApplicable.isEmpty {
      scope.append(
        ("notApplicable", .array(appraisal.scope.notApplicable.map { .object(members($0, Format.exclusion)) })))
    }
    if !appraisal.scope.outOfScope.isEmpty {
      scope.append(("outOfScope", .array(appraisal.scope.outOfScope.map { .object(members($0, Format.exclusion)) })))
    }
    if !appraisal.scope.areaTargets.isEmpty {
      scope.append(
        ("areaTargets", .array(appraisal.scope.areaTargets.map { .object(members($0, Format.areaTarget)) })))
    }
    scope.append(("coverage", .object(members(appraisal.coverage, Format.coverage))))
    var top: [(String, JSON)] = [
      ("formatVersion", .number(EvidenceVocabulary.formatVersion)),
      ("header", .object(members(appraisal.header, Format.header))),
      ("scope", .object(scope)),
    ]
    if !appraisal.disclosure.isEmpty { top.append(("disclosure", disclosureJSON(appraisal.disclosure))) }
    top += [
      ("instantiations", .array(appraisal.instantiations.map { .object(members($0, Format.instantiation)) })),
      (
        "evidence",
        .array(
          appraisal.evidence.map { item in
            .object(
              members(item, Format.evidenceItem, nested: ["locator": .object(members(item.locator, Format.locator))]))
          })
      ),
      ("observations", .array(appraisal.observations.map { .object(members($0, Format.observation)) })),
      ("characterizations", .array(appraisal.characterizations.map { .object(members($0, Format.characterization)) })),
      ("aggregationDecisions", .array(appraisal.aggregationDecisions.map { .object(members($0, Format.aggregation)) })),
      (
        "significanceDecisions",
        .array(appraisal.significanceDecisions.map { .object(members($0, Format.significance)) })
      ),
    ]
    let document = JSON.object(top)
    var out = ""
    document.write(to: &out, indent: "")
    return out + "\n"
  }

  // MARK: - Disclosure

  /// `<disclosure>` and its children in table order (the XSD's sequence).
  private static func disclosureXML(_ disclosure: Disclosure) -> String {
    var out = "  <disclosure" + attributes(disclosure, Format.disclosure) + ">\n"
    func element<Record>(_ name: String, _ record: Record, _ fields: [EvidenceField<Record>], text: String? = nil) {
      out += "    <\(name)" + attributes(record, fields)
      out += text.map { ">" + escaped($0) + "</\(name)>\n" } ?? "/>\n"
    }
    func textElement(_ name: String, _ text: String) { out += "    <\(name)>" + escaped(text) + "</\(name)>\n" }
    for field in Format.disclosure {
      guard case .child(let name) = field.xml else { continue }
      switch field.name {
      case "teamLeader": disclosure.teamLeader.map { element(name, $0, Format.person) }
      case "teamMembers": for person in disclosure.teamMembers { element(name, person, Format.person) }
      case "sponsor": disclosure.sponsor.map { element(name, $0, Format.person) }
      case "organizationalUnitDescription": disclosure.organizationalUnitDescription.map { textElement(name, $0) }
      case "locations": for location in disclosure.locations { textElement(name, location) }
      case "population": disclosure.population.map { element(name, $0, Format.population) }
      case "samplingFactors":
        for factor in disclosure.samplingFactors {
          element(name, factor, Format.samplingFactor, text: factor.rationale)
        }
      case "subgroups":
        for subgroup in disclosure.subgroups {
          element(name, subgroup, Format.subgroup, text: subgroup.rationale)
        }
      case "findings": for finding in disclosure.findings { element(name, finding, Format.finding, text: finding.text) }
      case "globalFindings": for finding in disclosure.globalFindings { textElement(name, finding) }
      default: preconditionFailure("EvidenceWriter: the disclosure field \(field.name) is not written")
      }
    }
    return out + "  </disclosure>\n"
  }

  /// The `"disclosure"` object, members in table order; absent facts left out.
  private static func disclosureJSON(_ disclosure: Disclosure) -> JSON {
    func person(_ person: Disclosure.Person) -> JSON { .object(members(person, Format.person)) }
    var nested: [String: JSON] = [:]
    nested["teamLeader"] = disclosure.teamLeader.map(person)
    if !disclosure.teamMembers.isEmpty { nested["teamMembers"] = .array(disclosure.teamMembers.map(person)) }
    nested["sponsor"] = disclosure.sponsor.map(person)
    nested["population"] = disclosure.population.map { .object(members($0, Format.population)) }
    if !disclosure.samplingFactors.isEmpty {
      nested["samplingFactors"] = .array(
        disclosure.samplingFactors.map { .object(members($0, Format.samplingFactor)) })
    }
    if !disclosure.subgroups.isEmpty {
      nested["subgroups"] = .array(disclosure.subgroups.map { .object(members($0, Format.subgroup)) })
    }
    if !disclosure.findings.isEmpty {
      nested["findings"] = .array(disclosure.findings.map { .object(members($0, Format.finding)) })
    }
    return .object(members(disclosure, Format.disclosure, nested: nested))
  }

  // MARK: - Helpers

  /// The XML attributes of `record`: its fields XML holds as attributes, in table order, those without a
  /// value left out.
  private static func attributes<Record>(_ record: Record, _ fields: [EvidenceField<Record>]) -> String {
    attributes(fields.filter { $0.xml == .attribute }.map { ($0.name, $0.value(record).map(text)) })
  }

  /// An attribute value's text: lists space-separated.
  private static func text<Record>(_ value: EvidenceField<Record>.Value) -> String {
    switch value {
    case .text(let text): text
    case .flag(let flag): String(flag)
    case .number(let number): String(number)
    case .list(let list): list.joined(separator: " ")
    }
  }

  /// The JSON members of `record`, in table order; `nested` gives the members that are records.
  private static func members<Record>(
    _ record: Record, _ fields: [EvidenceField<Record>], nested: [String: JSON] = [:]
  ) -> [(String, JSON)] {
    fields.compactMap { field in
      if let value = nested[field.name] { return (field.name, value) }
      return field.value(record).map { value in
        switch value {
        case .text(let text): (field.name, .string(text))
        case .flag(let flag): (field.name, .bool(flag))
        case .number(let number): (field.name, .number(number))
        case .list(let list): (field.name, .array(list.map(JSON.string)))
        }
      }
    }
  }

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
