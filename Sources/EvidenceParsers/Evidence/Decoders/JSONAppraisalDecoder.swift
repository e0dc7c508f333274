import AppraisalModel

/// Decodes the JSON syntax of the evidence format (docs/evidence-format.md) into an ``Appraisal``.
///
/// Every member is checked for type and name; each problem is recorded with the JSON value's line and
/// column, and decoding goes on past it so the user sees all problems at once.
package enum JSONAppraisalDecoder {
  /// Decodes a JSON appraisal; `recordLocations: false` skips the source map (see ``SourceMap``).
  package static func decode(bytes: [UInt8], file: String, recordLocations: Bool = true) -> AppraisalDecoding {
    decode(bytes: bytes, file: file, recordLocations: recordLocations, summarizingWith: nil)
  }

  /// Decodes a JSON appraisal; with `summarizingWith` a catalog, the evidence items are checked and
  /// counted on bytes as they are read (``JSONEvidenceScanner``) instead of kept: ``Appraisal/evidence``
  /// stays empty and ``Appraisal/evidenceTally`` holds the counts.
  ///
  /// The scanner needs the scope and the instantiations, so they must come before `"evidence"`; if they
  /// do not, if something before it has a problem, if the file declares at most `keepingItemsUpTo`
  /// instantiations, or if an item is not plainly valid, the items are decoded and kept as without a
  /// catalog (``Appraisal/evidenceTally`` is then `nil`), in the same pass.
  package static func decode(
    bytes: [UInt8], file: String, recordLocations: Bool = true, summarizingWith catalog: Catalog?,
    keepingItemsUpTo limit: Int? = nil
  ) -> AppraisalDecoding {
    let walker = JSONModelWalker(file: file, recording: recordLocations)
    let decoder = Decoder(walker: walker)
    // Evidence items, usually most of the file, are decoded as the parser completes each one, so the
    // document is never held as a tree alongside the model.
    var evidence: [EvidenceItem] = []
    var summarizer = catalog.map(EvidenceSummarizer.init)
    let root: JSONNode
    do {
      root = try JSONNode.parse(
        bytes: bytes, streaming: ["evidence"],
        skipping: { _, members, reader in
          // A second "evidence" member is reported as a duplicate; its items are kept meanwhile.
          guard var streaming = summarizer, !streaming.hasBegun else { return false }
          guard begin(&streaming, before: members, file: file, keepingItemsUpTo: limit),
            reader.skipOpenContainer({ JSONEvidenceScanner.scan($0, from: $1, into: &streaming) })
          else {
            summarizer = nil
            return false
          }
          summarizer = streaming
          return true
        },
        visiting: { _, index, node in
          evidence.append(decoder.evidence((ModelPath.root.appending("evidence").appending(index), node)))
        })
    } catch {
      return AppraisalDecoding(
        appraisal: nil, sourceMap: SourceMap(file: file),
        problems: [
          LocatedProblem(
            severity: .error,
            location: SourceLocation(file: file, line: error.position.line, column: error.position.column), file: file,
            message: error.message)
        ])
    }
    var appraisal = decoder.appraisal(root)
    appraisal?.evidence = evidence
    appraisal?.evidenceTally = summarizer?.tally
    return AppraisalDecoding(
      appraisal: appraisal, sourceMap: walker.sourceMap, problems: walker.locatedProblems,
      failedPaths: walker.failedPaths)
  }

  /// Starts `summarizer` from the top-level members read before `"evidence"`; `false` when they are
  /// not all there and fine, or when the items are to be kept.
  private static func begin(
    _ summarizer: inout EvidenceSummarizer, before members: ArraySlice<JSONMember>, file: String,
    keepingItemsUpTo limit: Int?
  ) -> Bool {
    let walker = JSONModelWalker(file: file, recording: false)
    let decoder = Decoder(walker: walker)
    guard
      let top = walker.object(
        JSONNode(.object(Array(members)), at: JSONPosition(line: 1, column: 1)), at: .root, allowed: Members.top,
        what: "the appraisal")
    else { return false }
    let (scope, target, _) = decoder.scope(top)
    let instantiations = top.array("instantiations").map(decoder.instantiation)
    guard walker.problems.isEmpty, limit.map({ instantiations.count > $0 }) ?? true else { return false }
    summarizer.begin(scope: scope, target: target, instantiations: instantiations)
    return true
  }

  /// Member names of the records that repeat per item, built once (not per record).
  /// Each object's member names, from ``EvidenceFormat``.
  private enum Members {
    static let top: Set<String> = [
      "$schema", "formatVersion", "header", "scope", "disclosure", "instantiations", "evidence", "observations",
      "characterizations", "aggregationDecisions", "significanceDecisions",
    ]
    static let header = names(EvidenceFormat.header)
    static let scope = names(EvidenceFormat.scope)
    static let exclusion = names(EvidenceFormat.exclusion)
    static let areaTarget = names(EvidenceFormat.areaTarget)
    static let coverage = names(EvidenceFormat.coverage)
    static let disclosure = names(EvidenceFormat.disclosure)
    static let person = names(EvidenceFormat.person)
    static let population = names(EvidenceFormat.population)
    static let samplingFactor = names(EvidenceFormat.samplingFactor)
    static let subgroup = names(EvidenceFormat.subgroup)
    static let finding = names(EvidenceFormat.finding)
    static let evidenceItem = names(EvidenceFormat.evidenceItem)
    static let locator = names(EvidenceFormat.locator)
    static let observation = names(EvidenceFormat.observation)
    static let characterization = names(EvidenceFormat.characterization)
    static let instantiation = names(EvidenceFormat.instantiation)
    static let aggregation = names(EvidenceFormat.aggregation)
    static let significance = names(EvidenceFormat.significance)

    static func names<Record>(_ fields: [EvidenceField<Record>]) -> Set<String> { Set(fields.map(\.name)) }
  }

  /// Each record's fields read from the table alone (see ``EvidenceField/isGeneric``), filtered once.
  private enum Generic {
    static let header = generic(EvidenceFormat.header)
    static let exclusion = generic(EvidenceFormat.exclusion)
    static let coverage = generic(EvidenceFormat.coverage)
    static let disclosure = generic(EvidenceFormat.disclosure)
    static let person = generic(EvidenceFormat.person)
    static let population = generic(EvidenceFormat.population)
    static let samplingFactor = generic(EvidenceFormat.samplingFactor)
    static let subgroup = generic(EvidenceFormat.subgroup)
    static let finding = generic(EvidenceFormat.finding)
    static let instantiation = generic(EvidenceFormat.instantiation)
    static let evidenceItem = generic(EvidenceFormat.evidenceItem)
    static let locator = generic(EvidenceFormat.locator)
    static let observation = generic(EvidenceFormat.observation)
    static let characterization = generic(EvidenceFormat.characterization)
    static let significance = generic(EvidenceFormat.significance)

    static func generic<Record>(_ fields: [EvidenceField<Record>]) -> [EvidenceField<Record>] {
      fields.filter { $0.xml != .content && $0.isGeneric }
    }
  }

  private struct Decoder {
    let walker: JSONModelWalker
    typealias V = EvidenceVocabulary

    func appraisal(_ root: JSONNode) -> Appraisal? {
      guard
        let top = walker.object(root, at: .root, allowed: Members.top, what: "the appraisal")
      else { return nil }
      if let version = top.int("formatVersion", in: 0...Int.max, expected: "the integer \(V.formatVersion)"),
        version != V.formatVersion
      {
        walker.problem(ModelPath.root.appending("formatVersion"), V.Message.formatVersion("\(version)"))
      }
      let (scope, target, coverage) = self.scope(top)
      return Appraisal(
        header: header(top), scope: scope, target: target, coverage: coverage, disclosure: disclosure(top),
        instantiations: top.array("instantiations").map(instantiation),
        evidence: top.array("evidence", required: false).map(evidence),
        observations: top.array("observations", required: false).map(observation),
        characterizations: top.array("characterizations", required: false).map(characterization),
        aggregationDecisions: top.array("aggregationDecisions", required: false).map(aggregation),
        significanceDecisions: top.array("significanceDecisions", required: false).map(significance))
    }

    func header(_ top: JSONObject) -> Appraisal.Header {
      var header = Appraisal.Header(id: "", name: "", organizationalUnit: "", date: "", model: "", modelVersion: "")
      readFields(
        EvidenceFormat.header, into: &header, top.object("header", allowed: Members.header, what: "the header"))
      return header
    }

    func scope(_ top: JSONObject) -> (AppraisalScope, RatingTarget, CoveragePolicy) {
      guard
        let object = top.object(
          "scope", allowed: Members.scope, what: "the scope")
      else { return (AppraisalScope(processAreas: []), .capabilityLevel(1), .standard) }
      let representation = object.choice(
        "representation", Dictionary(uniqueKeysWithValues: V.representations.map { ($0, $0) }))
      let level = object.int("targetLevel", in: 1...5)
      let target = V.target(representation: representation ?? "continuous", level: level ?? 1)!
      func exclusions(_ key: String, what: String) -> [AppraisalScope.Exclusion] {
        object.array(key, required: false).map { element in
          let item = walker.object(element.node, at: element.path, allowed: Members.exclusion, what: what)
          return AppraisalScope.Exclusion(
            processArea: item?.string("processArea") ?? "", reason: item?.string("reason", allowEmpty: true) ?? "")
        }
      }
      let notApplicable = exclusions("notApplicable", what: "a not-applicable declaration")
      let outOfScope = exclusions("outOfScope", what: "an out-of-scope reason")
      let areaTargets = object.array("areaTargets", required: false).map { element in
        let item = walker.object(
          element.node, at: element.path, allowed: Members.areaTarget, what: "a process area's target level")
        return AppraisalScope.AreaTarget(
          processArea: item?.string("processArea") ?? "", level: item?.int("level", in: 1...5) ?? 1)
      }
      var coverage = CoveragePolicy.standard
      if let policy = object.object(
        "coverage", allowed: Members.coverage, what: "the coverage policy", required: false)
      {
        readFields(Generic.coverage, into: &coverage, policy)
        if let rule = policy.choice("rule", V.coverageRules, required: false) { coverage.rule = rule }
        if let text = policy.string("minimumShare", required: false) {
          if let share = V.fraction(text) {
            coverage.minimumShare = share
          } else {
            walker.problem(policy.path.appending("minimumShare"), V.Message.badFraction(text))
          }
        }
      }
      let scope = AppraisalScope(
        processAreas: object.strings("processAreas"), notApplicable: notApplicable,
        includesAdditions: object.bool("includeAdditions", default: true), outOfScope: outOfScope,
        areaTargets: areaTargets, specificGoalsOnly: object.bool("specificGoalsOnly", default: false))
      return (scope, target, coverage)
    }

    /// The `"disclosure"` object; an empty disclosure when it is absent or `null`.
    func disclosure(_ top: JSONObject) -> Disclosure {
      var disclosure = Disclosure()
      guard
        let object = top.object(
          "disclosure", allowed: Members.disclosure, what: "the disclosure", required: false)
      else { return disclosure }
      readFields(Generic.disclosure, into: &disclosure, object)
      disclosure.reportStatus = object.choice("reportStatus", V.reportStatuses, required: false)
      func person(_ element: (path: ModelPath, node: JSONNode)) -> Disclosure.Person {
        var person = Disclosure.Person(name: "")
        readFields(
          Generic.person, into: &person,
          walker.object(element.node, at: element.path, allowed: Members.person, what: "a person"))
        return person
      }
      func member(_ key: String) -> (path: ModelPath, node: JSONNode)? {
        guard let node = object.node.member(key), !node.isNull else { return nil }
        return (object.path.appending(key), node)
      }
      disclosure.teamLeader = member("teamLeader").map(person)
      disclosure.teamMembers = object.array("teamMembers", required: false).map(person)
      disclosure.sponsor = member("sponsor").map(person)
      disclosure.locations = object.strings("locations", required: false)
      if let population = object.object(
        "population", allowed: Members.population, what: "the population", required: false)
      {
        var counts = Disclosure.Population()
        readFields(Generic.population, into: &counts, population)
        disclosure.population = counts
      }
      disclosure.samplingFactors = object.array("samplingFactors", required: false).map { element in
        let item = walker.object(
          element.node, at: element.path, allowed: Members.samplingFactor, what: "a sampling factor")
        var factor = Disclosure.SamplingFactor(name: "", rationale: item?.string("rationale") ?? "")
        readFields(Generic.samplingFactor, into: &factor, item)
        return factor
      }
      disclosure.subgroups = object.array("subgroups", required: false).map { element in
        let item = walker.object(element.node, at: element.path, allowed: Members.subgroup, what: "a subgroup")
        var subgroup = Disclosure.Subgroup(id: "", rationale: item?.string("rationale", required: false))
        readFields(Generic.subgroup, into: &subgroup, item)
        return subgroup
      }
      disclosure.findings = object.array("findings", required: false).map { element in
        let item = walker.object(element.node, at: element.path, allowed: Members.finding, what: "a team finding")
        var finding = Disclosure.TeamFinding(processArea: "", text: item?.string("text") ?? "")
        readFields(Generic.finding, into: &finding, item)
        return finding
      }
      disclosure.globalFindings = object.strings("globalFindings", required: false)
      return disclosure
    }

    func instantiation(_ element: (path: ModelPath, node: JSONNode)) -> Instantiation {
      let object = walker.object(
        element.node, at: element.path, allowed: Members.instantiation,
        what: "an instantiation")
      var unit = Instantiation(
        id: "", name: "", kind: object?.choice("kind", V.instantiationKinds) ?? .project,
        processAreas: object?.has("processAreas") == true ? object?.strings("processAreas", required: false) : nil)
      readFields(Generic.instantiation, into: &unit, object)
      return unit
    }

    /// Reads the members of `fields` the table alone describes (text, optional text, flags). Fields XML
    /// holds as element content (texts, notes, justifications) are read by the callers, which know
    /// whether an empty one is allowed.
    func readFields<Record>(_ fields: [EvidenceField<Record>], into record: inout Record, _ object: JSONObject?) {
      guard let object else { return }
      for field in fields {
        switch field.access {
        case .text(let value): record[keyPath: value] = object.string(field.name) ?? ""
        case .optionalText(let value): record[keyPath: value] = object.string(field.name, required: false)
        case .defaultedText(let value, let standard):
          record[keyPath: value] = object.string(field.name, required: false) ?? standard
        case .flag(let value, let standard): record[keyPath: value] = object.bool(field.name, default: standard)
        case .optionalNumber(let value):
          guard case .integer(let range) = field.kind else { break }
          record[keyPath: value] = object.int(field.name, in: range, required: false)
        case .special: break
        }
      }
    }

    func practice(_ object: JSONObject?, _ key: String = "practice") -> PracticeReference {
      guard let object, let text = object.string(key) else { return PracticeReference("", "") }
      if let reference = V.practice(text) { return reference }
      walker.problem(object.path.appending(key), V.Message.badPractice(text))
      return PracticeReference("", "")
    }

    func evidence(_ element: (path: ModelPath, node: JSONNode)) -> EvidenceItem {
      let object = walker.object(
        element.node, at: element.path,
        allowed: Members.evidenceItem,
        what: "an evidence item")
      let locator = object?.object(
        "locator", allowed: Members.locator, what: "the locator")
      var item = EvidenceItem(
        id: "", practice: practice(object), instantiation: "",
        indicator: object?.choice("indicator", V.indicators) ?? .artifact, locator: EvidenceItem.Locator(document: ""))
      readFields(Generic.evidenceItem, into: &item, object)
      readFields(Generic.locator, into: &item.locator, locator)
      return item
    }

    func observation(_ element: (path: ModelPath, node: JSONNode)) -> Observation {
      let object = walker.object(
        element.node, at: element.path, allowed: Members.observation,
        what: "an observation")
      let kind = object?.choice("type", V.observationKinds) ?? .weakness
      let impact = object?.choice("impact", V.impacts, required: false) ?? .minor
      if kind == .strength, impact == .major, let object {
        walker.problem(object.path.appending("impact"), "a strength has no impact; \"impact\" is for weaknesses")
      }
      var observation = Observation(
        id: nil, kind: kind, practice: practice(object), instantiation: "", text: object?.string("text") ?? "",
        impact: impact)
      readFields(Generic.observation, into: &observation, object)
      return observation
    }

    func characterization(_ element: (path: ModelPath, node: JSONNode)) -> TeamCharacterization {
      let object = walker.object(
        element.node, at: element.path, allowed: Members.characterization,
        what: "a characterization")
      var characterization = TeamCharacterization(
        practice: practice(object), instantiation: "",
        value: object?.choice("value", V.characterizations) ?? .notImplemented,
        note: object?.string("note", required: false))
      readFields(Generic.characterization, into: &characterization, object)
      return characterization
    }

    func aggregation(_ element: (path: ModelPath, node: JSONNode)) -> AggregationDecision {
      let object = walker.object(
        element.node, at: element.path, allowed: Members.aggregation, what: "an aggregation decision"
      )
      return AggregationDecision(
        practice: practice(object), value: object?.choice("value", V.characterizations) ?? .partiallyImplemented,
        justification: object?.string("justification", allowEmpty: true) ?? "")
    }

    func significance(_ element: (path: ModelPath, node: JSONNode)) -> SignificanceDecision {
      let object = walker.object(
        element.node, at: element.path, allowed: Members.significance,
        what: "a significance decision")
      var significant = false
      if let object {
        if let value = object.node.member("significant"), let flag = value.boolValue {
          significant = flag
        } else {
          walker.problem(
            object.node.member("significant") == nil ? object.path : object.path.appending("significant"),
            "a significance decision needs \"significant\": true or false",
            failedPath: object.path.appending("significant"))
        }
      }
      var decision = SignificanceDecision(
        processArea: "", goal: "", significant: significant,
        justification: object?.string("justification", allowEmpty: true) ?? "")
      readFields(Generic.significance, into: &decision, object)
      return decision
    }
  }
}
