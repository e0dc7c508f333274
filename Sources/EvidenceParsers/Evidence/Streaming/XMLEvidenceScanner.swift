import AppraisalModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The hot loop of a streaming XML read: takes the content of `<evidence>` straight from libxml2's SAX
/// callbacks (``XMLEventStream/scan(_:)``), checks each `<item>` and its `<locator>` and counts it in an
/// ``EvidenceSummarizer``, making no `String` and no ``EvidenceItem`` per item.
///
/// It accepts only what is plainly valid — the documented elements (unqualified or in the evidence
/// namespace) and unprefixed attributes, values without surrounding white space, known indicators, calendar
/// dates — and gives up on anything else, leaving the reporting of problems to the ordinary read that
/// follows (``AppraisalReader``).
final class XMLEvidenceScanner: XMLDirectScanner {
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
  fileprivate static let number = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

  /// The numbers of the names the scanner looks for (kept in its state: a static is checked for being set
  /// up on every use).
  private struct Name {
    let item = 0
    let locator = 1
    let note = 2
    let id = number["id"]!
    let practice = number["practice"]!
    let instantiation = number["instantiation"]!
    let indicator = number["indicator"]!
    let document = number["document"]!
  }

  /// A value's kind, checked but not kept.
  private enum Kind { case text, date, boolean, other }

  /// Per name (its number), the kind of the item's and the locator's other attributes, `nil` for a name
  /// the element does not have.
  private static let otherItemAttributes = kinds(
    EvidenceFormat.evidenceItem, except: ["id", "practice", "instantiation", "indicator"])
  private static let otherLocatorAttributes = kinds(EvidenceFormat.locator, except: ["document"])

  private static func kinds<Record>(_ fields: [EvidenceField<Record>], except: Set<String>) -> [Kind?] {
    var kinds = [Kind?](repeating: nil, count: names.count)
    for field in fields where field.xml == .attribute && !except.contains(field.name) {
      kinds[number[field.name]!] =
        switch field.kind {
        case .text: .text
        case .date: .date
        case .boolean: .boolean
        default: .other
        }
    }
    return kinds
  }

  /// Whether `value` is plainly valid for a field of `kind`; values of other kinds are left to the ordinary read.
  private static func accepts(_ value: UnsafeBufferPointer<UInt8>, as kind: Kind) -> Bool {
    switch kind {
    case .text: true
    case .date: value.isEmpty || AppraisalValidator.isCalendarDate(utf8: value)
    case .boolean: equals(value, "true") || equals(value, "false")
    case .other: false
    }
  }

  private static let indicators: [EvidenceItem.Indicator] = EvidenceItem.Indicator.allCases
  nonisolated(unsafe) private static let namespace: UnsafeBufferPointer<UInt8> = {
    let bytes = Array(EvidenceVocabulary.xmlNamespace.utf8)
    let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
    _ = copy.initialize(from: bytes)
    return UnsafeBufferPointer(copy)
  }()

  /// Everything the scanner keeps, behind a pointer: a class's stored properties are checked for exclusive
  /// access at run time on every use.
  private let state: UnsafeMutablePointer<State>

  /// Moved in for the scan and out again (``XMLAppraisalDecoder``).
  var summarizer: EvidenceSummarizer {
    get { state.pointee.summarizer }
    set { state.pointee.summarizer = newValue }
  }

  init(summarizer: EvidenceSummarizer) {
    state = .allocate(capacity: 1)
    state.initialize(to: State(summarizer: summarizer))
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
  }

  // MARK: XMLDirectScanner

  var scanContext: UnsafeMutableRawPointer { UnsafeMutableRawPointer(state) }

  private static func state(_ context: UnsafeMutableRawPointer) -> UnsafeMutablePointer<State> {
    context.assumingMemoryBound(to: State.self)
  }

  static func startElement(_ context: UnsafeMutableRawPointer, _ element: XMLPushElement) -> XMLScanStep {
    let state = state(context)
    // An element in another namespace is reported by the ordinary read.
    guard element.isInNoNamespace(or: state.pointee.namespace) else { return state.pointee.giveUp() }
    return State.start(state, element.name, isEmpty: element.isEmpty, element.attributes)
  }

  static func startElement(_ context: UnsafeMutableRawPointer, _ name: Int, event: XMLEvent, namespace: String?)
    -> XMLScanStep
  {
    let state = state(context)
    guard case .startElement(_, let attributes, _, _, let isEmpty) = event,
      namespace == nil || namespace == EvidenceVocabulary.xmlNamespace
    else { return state.pointee.giveUp() }
    return State.start(state, name, isEmpty: isEmpty, EventAttributes(list: attributes))
  }

  static func endElement(_ context: UnsafeMutableRawPointer) -> XMLScanStep { state(context).pointee.endElement() }

  /// Text belongs only in <note>; the ordinary read reports it anywhere else.
  static func text(_ context: UnsafeMutableRawPointer) -> XMLScanStep {
    let state = state(context)
    return state.pointee.inNote ? .more : state.pointee.giveUp()
  }

  private struct State {
    // The type's tables, copied: a static is checked for being set up on every use.
    let namespace = XMLEvidenceScanner.namespace
    let indicators = XMLEvidenceScanner.indicators
    let otherItemAttributes = XMLEvidenceScanner.otherItemAttributes
    let otherLocatorAttributes = XMLEvidenceScanner.otherLocatorAttributes
    let names = Name()
    var indicatorSpellings = ByteTable()
    var summarizer: EvidenceSummarizer
    /// 0: in <evidence>; 1: in <item>; 2: in <locator> or <note>.
    var depth = 0
    var inNote = false
    var item = Item()

    init(summarizer: EvidenceSummarizer) {
      self.summarizer = summarizer
      for (index, indicator) in XMLEvidenceScanner.indicators.enumerated() {
        Array(indicator.rawValue.utf8).withUnsafeBufferPointer { indicatorSpellings.set(index, for: $0) }
      }
    }

    mutating func endElement() -> XMLScanStep {
      switch depth {
      case 0:
        return .done
      case 1:
        guard item.hasLocator else { return giveUp() }
        summarizer.add(practice: item.practice, unit: item.unit, id: item.id, indicator: item.indicator)
        if summarizer.isAbandoned { return .gaveUp }
        item = Item()
      default:
        inNote = false
      }
      depth -= 1
      return .more
    }

    // MARK: Reading

    // The readers take the state by pointer: a closure capturing a mutating method's `self` copied the
    // properties it called methods on (the whole summarizer), once per attribute.

    static func start<Attributes: ScannedAttributes>(
      _ state: UnsafeMutablePointer<State>, _ name: Int, isEmpty: Bool, _ attributes: Attributes
    ) -> XMLScanStep {
      let names = state.pointee.names
      switch state.pointee.depth {
      case 0:
        guard name == names.item, !isEmpty, readItem(state, attributes) else { return state.pointee.giveUp() }
      case 1:
        if name == names.locator {
          guard readLocator(state, attributes), !state.pointee.item.hasLocator else { return state.pointee.giveUp() }
          state.pointee.item.hasLocator = true
        } else if name == names.note {
          guard attributes.visit({ _, _ in false }) else { return state.pointee.giveUp() }
          state.pointee.inNote = true
        } else {
          return state.pointee.giveUp()
        }
      default:
        return state.pointee.giveUp()
      }
      state.pointee.depth += 1
      return .more
    }

    /// What an `<item>` start tag said, kept until its end tag.
    struct Item {
      /// Where the id is recorded (``IDLog``); ids themselves are not kept.
      var id: IDLog.Key?
      var practice = -1
      var unit = -1
      var indicator = EvidenceItem.Indicator.artifact
      var hasLocator = false
    }

    mutating func giveUp() -> XMLScanStep {
      summarizer.abandon()
      return .gaveUp
    }

    private static func readItem<Attributes: ScannedAttributes>(
      _ state: UnsafeMutablePointer<State>, _ attributes: Attributes
    ) -> Bool {
      var seenIndicator = false
      let names = state.pointee.names
      let ids = state.pointee.summarizer.idLog
      var item = Item()
      let complete = attributes.visit { name, value in
        guard XMLEvidenceScanner.isPlain(value) else { return false }
        switch name {
        case names.id:
          // Only ASCII ids: the full read finds repeats by canonical equivalence, bytes cannot.
          guard PlainEvidenceValue.isPlainASCII(value) else { return false }
          item.id = ids.key(value)
        case names.practice:
          guard let number = state.pointee.summarizer.practice(value) else { return false }
          item.practice = number
        case names.instantiation:
          guard let number = state.pointee.summarizer.unit(value) else { return false }
          item.unit = number
        case names.indicator:
          guard let index = state.pointee.indicatorSpellings.value(for: value) else { return false }
          item.indicator = state.pointee.indicators[index]
          seenIndicator = true
        default:
          guard name >= 0, let kind = state.pointee.otherItemAttributes[name] else { return false }
          return XMLEvidenceScanner.accepts(value, as: kind)
        }
        return true
      }
      state.pointee.item = item
      return complete && item.id != nil && item.practice >= 0 && item.unit >= 0 && seenIndicator
    }

    private static func readLocator<Attributes: ScannedAttributes>(
      _ state: UnsafeMutablePointer<State>, _ attributes: Attributes
    ) -> Bool {
      var hasDocument = false
      let document = state.pointee.names.document
      let complete = attributes.visit { name, value in
        switch name {
        case document:
          hasDocument = XMLEvidenceScanner.isPlain(value)
          return hasDocument
        default:
          guard name >= 0, let kind = state.pointee.otherLocatorAttributes[name] else { return false }
          return XMLEvidenceScanner.accepts(value, as: kind)
        }
      }
      return complete && hasDocument
    }
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

/// An element's attributes as the scanner reads them: each one's name (its number among the scanner's names,
/// -1 for any other and for one in a namespace) and its value's UTF-8 bytes.
protocol ScannedAttributes {
  func visit(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool
}

extension XMLPushAttributes: ScannedAttributes {}

/// The attributes of an event placed before scanning began.
private struct EventAttributes: ScannedAttributes {
  let list: [XMLAttribute]

  func visit(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
    for attribute in list {
      let name = attribute.namespace == nil ? XMLEvidenceScanner.number[attribute.name] ?? -1 : -1
      var value = attribute.value
      if !value.withUTF8({ body(name, $0) }) { return false }
    }
    return true
  }
}
