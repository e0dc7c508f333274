/// How a weakness or strength keeps its identity from one appraisal to the next, so that `compare` and
/// `trend` follow one finding rather than seeing one closed and another opened whenever its wording moves.
///
/// Within one appraisal, observations of one kind against one practice are one finding when they share an
/// `id` or their normalized text is equal (the same weakness recorded in several instantiations). Across
/// appraisals, two findings of the same kind and practice are the same finding when
///
/// 1. they share an `id` (the team's label, e.g. `W-12`): matched by id, whatever the text says; or
/// 2. their texts are equal once normalized (case-folded, punctuation removed, white space collapsed):
///    `Peer reviews are not performed.` and `peer reviews are  not performed` are one finding.
///
/// A finding on another practice is never the same finding, even with the same id or text: the practice is
/// part of what the finding says. There is no similarity fallback: wording that changed without an id is a
/// closed finding and a new one.
public enum FindingIdentity {
  /// How two findings were matched.
  public enum Match: String, Hashable, Sendable {
    /// They share an observation id.
    case id
    /// Their normalized texts are equal.
    case text
  }

  /// A finding of one appraisal and its counterpart in another (either may be missing).
  public struct Pair: Hashable, Sendable {
    /// Index into the earlier appraisal's findings.
    public var old: Int?
    /// Index into the later appraisal's findings.
    public var new: Int?
    /// How they were matched; `nil` when one side is missing.
    public var match: Match?

    public init(old: Int?, new: Int?, match: Match? = nil) {
      self.old = old
      self.new = new
      self.match = match
    }
  }

  /// `text` case-folded, with punctuation removed and every run of white space made one space (none at the
  /// ends): the form two wordings must share to be the same finding without an id.
  public static func normalize(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for character in text.lowercased() {
      if character.isWhitespace {
        pendingSpace = !result.isEmpty
      } else if !character.isPunctuation {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }

  /// The findings of `observations` (kind `kind` only), in the order they were first recorded: observations
  /// with a shared id or the same normalized text against the same practice are merged (instantiations,
  /// ids, and the highest impact).
  public static func findings(_ observations: [Observation], kind: Observation.Kind = .weakness) -> [Finding] {
    var findings: [Finding] = []
    // Sized for the worst case up front: growing these tables was most of the grouping's cost.
    var byText: [TextKey: Int] = Dictionary(minimumCapacity: observations.count)
    var byID: [IDKey: Int] = Dictionary(minimumCapacity: observations.count)
    for observation in observations where observation.kind == kind {
      let textKey = TextKey(practice: observation.practice, text: normalize(observation.text))
      let idKey = observation.id.map { IDKey(practice: observation.practice, id: $0) }
      if let index = idKey.flatMap({ byID[$0] }) ?? byText[textKey] {
        findings[index].add(observation)
        byText[textKey] = byText[textKey] ?? index
        if let idKey { byID[idKey] = index }
      } else {
        findings.append(Finding(observation))
        byText[textKey] = findings.count - 1
        if let idKey { byID[idKey] = findings.count - 1 }
      }
    }
    return findings
  }

  /// The weaknesses (or strengths) of a rated appraisal as findings, in catalog order of their practices.
  public static func findings(in result: AppraisalResult, kind: Observation.Kind = .weakness) -> [Finding] {
    let units = result.practiceCharacterizations.flatMap(\.instantiations)
    return findings(units.flatMap { kind == .weakness ? $0.weaknesses : $0.strengths }, kind: kind)
  }

  /// How `lhs` and `rhs` are the same finding, or `nil` when they are not.
  public static func match(_ lhs: Finding, _ rhs: Finding) -> Match? {
    guard lhs.kind == rhs.kind, lhs.practice == rhs.practice else { return nil }
    if !Set(lhs.ids).isDisjoint(with: rhs.ids) { return .id }
    return lhs.normalizedTexts.isDisjoint(with: rhs.normalizedTexts) ? nil : .text
  }

  /// Pairs the findings of an earlier appraisal (`old`) with a later one's (`new`), each at most once: a
  /// shared id first, then equal normalized text. The pairs list the new findings in order (matched or not),
  /// then the old findings left unmatched.
  public static func pair(_ old: [Finding], _ new: [Finding]) -> [Pair] {
    var byID: [IDKey: [Int]] = [:]
    var byText: [TextKey: [Int]] = [:]
    for (index, finding) in old.enumerated() {
      for id in finding.ids { byID[IDKey(practice: finding.practice, id: id), default: []].append(index) }
      for text in finding.normalizedTexts {
        byText[TextKey(practice: finding.practice, text: text), default: []].append(index)
      }
    }
    var taken = Set<Int>()
    var pairs: [Pair] = []
    for (index, finding) in new.enumerated() {
      let byIDCandidates = finding.ids.flatMap { byID[IDKey(practice: finding.practice, id: $0)] ?? [] }
      let byTextCandidates = finding.normalizedTexts.sorted().flatMap {
        byText[TextKey(practice: finding.practice, text: $0)] ?? []
      }
      if let match = byIDCandidates.first(where: { !taken.contains($0) && old[$0].kind == finding.kind }) {
        taken.insert(match)
        pairs.append(Pair(old: match, new: index, match: .id))
      } else if let match = byTextCandidates.first(where: { !taken.contains($0) && old[$0].kind == finding.kind }) {
        taken.insert(match)
        pairs.append(Pair(old: match, new: index, match: .text))
      } else {
        pairs.append(Pair(old: nil, new: index, match: nil))
      }
    }
    pairs += old.indices.filter { !taken.contains($0) }.map { Pair(old: $0, new: nil, match: nil) }
    return pairs
  }

  private struct TextKey: Hashable {
    var practice: PracticeReference
    var text: String
  }

  private struct IDKey: Hashable {
    var practice: PracticeReference
    var id: String
  }
}

/// A weakness or strength of one appraisal: the observations of one kind against one practice that say
/// the same thing (``FindingIdentity``), merged over the instantiations they were recorded in.
public struct Finding: Hashable, Sendable {
  public var kind: Observation.Kind
  public var practice: PracticeReference
  /// The wording as first recorded.
  public var text: String
  /// Every distinct wording recorded, first first.
  public var texts: [String]
  /// The observation ids given, each once.
  public var ids: [String]
  /// The instantiations it was recorded in, in recording order.
  public var instantiations: [String]
  /// Major when any of its observations is major.
  public var impact: Observation.Impact

  public init(_ observation: Observation) {
    kind = observation.kind
    practice = observation.practice
    text = observation.text
    texts = [observation.text]
    ids = observation.id.map { [$0] } ?? []
    instantiations = [observation.instantiation]
    impact = observation.impact
  }

  /// Adds one more observation of the same finding.
  mutating func add(_ observation: Observation) {
    if !texts.contains(observation.text) { texts.append(observation.text) }
    if let id = observation.id, !ids.contains(id) { ids.append(id) }
    if !instantiations.contains(observation.instantiation) { instantiations.append(observation.instantiation) }
    if observation.impact == .major { impact = .major }
  }

  /// Takes in the wordings and ids of the same finding in another appraisal, so that later appraisals can
  /// match any of them (``AppraisalTrender``); the text shown stays the latest.
  mutating func merge(_ later: Finding) {
    text = later.text
    texts = (later.texts + texts).uniqued()
    ids = (later.ids + ids).uniqued()
  }

  /// The normalized form of every wording (``FindingIdentity/normalize(_:)``).
  public var normalizedTexts: Set<String> { Set(texts.map(FindingIdentity.normalize)) }
}
