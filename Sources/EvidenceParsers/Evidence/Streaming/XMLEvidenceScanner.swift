import AppraisalModel

/// The hot loop of a streaming XML read: walks the `<evidence>` element on bytes (``XMLStreamReader``'s
/// ``XMLStreamReader/advance()``), checks each `<item>` and its `<locator>` and counts it in an
/// ``EvidenceSummarizer``, making no `String` and no ``EvidenceItem`` per item.
///
/// It accepts only what is plainly valid — the documented elements (unqualified or in the evidence
/// namespace) and unprefixed attributes, values without
/// surrounding white space, known indicators, calendar dates — and gives up on anything else, leaving
/// the reporting of problems to the ordinary read that follows (``AppraisalReader``).
struct XMLEvidenceScanner {
  /// Names compared by identity: the elements, then the item's and the locator's attributes
  /// (``EvidenceFormat``); a name's index is its number.
  static let names: [String] = {
    var names = ["item", "locator", "note"]
    for name in EvidenceFormat.evidenceItem.attributeNames() + EvidenceFormat.locator.attributeNames()
    where !names.contains(name) {
      names.append(name)
    }
    return names
  }()
  private static let number = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

  private enum Name {
    static let item = 0
    static let locator = 1
    static let note = 2
    static let id = number["id"]!
    static let practice = number["practice"]!
    static let instantiation = number["instantiation"]!
    static let indicator = number["indicator"]!
    static let document = number["document"]!
  }

  /// The item's and the locator's other attributes and the values they take: checked by kind, not kept.
  private static let otherItemAttributes = kinds(
    EvidenceFormat.evidenceItem, except: ["id", "practice", "instantiation", "indicator"])
  private static let otherLocatorAttributes = kinds(EvidenceFormat.locator, except: ["document"])

  private static func kinds<Record>(_ fields: [EvidenceField<Record>], except: Set<String>) -> [Int: EvidenceField<
    Record
  >.Kind] {
    var kinds: [Int: EvidenceField<Record>.Kind] = [:]
    for field in fields where field.xml == .attribute && !except.contains(field.name) {
      kinds[number[field.name]!] = field.kind
    }
    return kinds
  }

  /// Whether `value` is plainly valid for a field of `kind`; values of other kinds are left to the ordinary read.
  private static func accepts<Record>(_ value: UnsafeBufferPointer<UInt8>, as kind: EvidenceField<Record>.Kind) -> Bool
  {
    switch kind {
    case .text: true
    case .date: value.isEmpty || AppraisalValidator.isCalendarDate(utf8: value)
    case .boolean: equals(value, "true") || equals(value, "false")
    default: false
    }
  }

  private static let indicators: [EvidenceItem.Indicator] = EvidenceItem.Indicator.allCases
  private var indicatorSpellings = ByteTable()

  init() {
    for (index, indicator) in Self.indicators.enumerated() {
      Array(indicator.rawValue.utf8).withUnsafeBufferPointer { indicatorSpellings.set(index, for: $0) }
    }
  }

  /// Reads from just after `<evidence>` up to and including `</evidence>`. Returns `false` as soon as
  /// something is not plainly valid (the summarizer is then abandoned); throws on malformed XML.
  mutating func scan(_ reader: XMLStreamReader, into summarizer: inout EvidenceSummarizer) throws(XMLReadError)
    -> Bool
  {
    reader.internNames(Self.names)
    /// 0: in <evidence>; 1: in <item>; 2: in <locator> or <note>.
    var depth = 0
    var inNote = false
    var item = Item()
    while true {
      switch try reader.advance() {
      case .startElement(let isEmpty):
        // An element in another namespace is reported by the ordinary read.
        if let namespace = reader.currentNamespace, namespace != EvidenceVocabulary.xmlNamespace {
          return give(up: &summarizer)
        }
        let name = reader.currentName
        switch depth {
        case 0:
          guard name == Name.item, !isEmpty, readItem(reader, &item, &summarizer) else { return give(up: &summarizer) }
        case 1:
          if name == Name.locator {
            guard readLocator(reader), !item.hasLocator else { return give(up: &summarizer) }
            item.hasLocator = true
          } else if name == Name.note {
            guard reader.forEachAttribute({ _, _ in false }) else { return give(up: &summarizer) }
            inNote = true
          } else {
            return give(up: &summarizer)
          }
        default:
          return give(up: &summarizer)
        }
        depth += 1
      case .endElement:
        switch depth {
        case 0:
          return true
        case 1:
          guard item.hasLocator else { return give(up: &summarizer) }
          summarizer.add(practice: item.practice, unit: item.unit, idHash: item.idHash, indicator: item.indicator)
          if summarizer.isAbandoned { return false }
          item = Item()
        default:
          inNote = false
        }
        depth -= 1
      case .text:
        // Text belongs only in <note>; the ordinary read reports it anywhere else.
        guard inNote else { return give(up: &summarizer) }
      case .endOfDocument:
        return give(up: &summarizer)
      }
    }
  }

  /// What an `<item>` start tag said, kept until its end tag.
  private struct Item {
    /// The id's ``ByteHash``; ids themselves are not kept.
    var idHash: UInt64?
    var practice = -1
    var unit = -1
    var indicator = EvidenceItem.Indicator.artifact
    var hasLocator = false
  }

  private func give(up summarizer: inout EvidenceSummarizer) -> Bool {
    summarizer.abandon()
    return false
  }

  private mutating func readItem(
    _ reader: XMLStreamReader, _ item: inout Item, _ summarizer: inout EvidenceSummarizer
  ) -> Bool {
    var seenIndicator = false
    let complete = reader.forEachAttribute { name, value in
      guard Self.isPlain(value) else { return false }
      switch name {
      case Name.id:
        item.idHash = ByteHash.fnv1a(value)
      case Name.practice:
        guard let number = summarizer.practice(value) else { return false }
        item.practice = number
      case Name.instantiation:
        guard let number = summarizer.unit(value) else { return false }
        item.unit = number
      case Name.indicator:
        guard let index = indicatorSpellings.value(for: value) else { return false }
        item.indicator = Self.indicators[index]
        seenIndicator = true
      default:
        guard let kind = Self.otherItemAttributes[name] else { return false }
        return Self.accepts(value, as: kind)
      }
      return true
    }
    return complete && item.idHash != nil && item.practice >= 0 && item.unit >= 0 && seenIndicator
  }

  private func readLocator(_ reader: XMLStreamReader) -> Bool {
    var hasDocument = false
    let complete = reader.forEachAttribute { name, value in
      switch name {
      case Name.document:
        hasDocument = Self.isPlain(value)
        return hasDocument
      default:
        guard let kind = Self.otherLocatorAttributes[name] else { return false }
        return Self.accepts(value, as: kind)
      }
    }
    return complete && hasDocument
  }

  /// Not empty, and printable ASCII at both ends: the ordinary read trims white space, Unicode's
  /// included, so values that might need it are left to that read.
  private static func isPlain(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = value.first, let last = value.last else { return false }
    return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
  }

  private static func equals(_ value: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
    ByteHash.equal(value, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }
}
