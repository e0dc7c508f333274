import AppraisalModel

/// Decodes the XML syntax of the evidence format (docs/evidence-format.md) into an ``Appraisal``, streaming
/// through ``XMLEventStream`` (libxml2's SAX2 parser, no document tree; events and positions as
/// ``XMLStreamReader`` gives them). Unknown elements and attributes, bad values and missing
/// attributes are all reported with their line; decoding continues past each so every problem is listed.
/// A well-formedness error ends reading (libxml2 cannot recover) and is reported with the problems so far.
package enum XMLAppraisalDecoder {
  /// Decodes an XML appraisal file; `recordLocations: false` skips the source map (see ``SourceMap``).
  /// With `summarizingWith` a catalog, evidence items are checked and counted as they stream past instead
  /// of kept (``EvidenceTally``); if anything is in doubt the result is marked ``AppraisalDecoding/isIncomplete``
  /// and the caller reads the file again without summarizing.
  /// With `keepingItemsUpTo` N, a file that declares at most N instantiations before its `<evidence>`
  /// keeps its items after all (the summarizer is dropped there): a report listing every instantiation
  /// lists the evidence too, and a file that small holds it comfortably.
  /// With a `digester`, every byte read goes into it (see ``XMLStreamReader/init(path:digester:)``).
  /// The evidence items are counted straight from libxml2's callbacks (``XMLEvidenceScanner``).
  package static func decode(
    path: String, recordLocations: Bool = true, summarizingWith catalog: Catalog? = nil,
    keepingItemsUpTo limit: Int? = nil, digester: InputDigester? = nil
  ) -> AppraisalDecoding {
    do {
      return run(
        try XMLEventStream(path: path, digester: digester, names: XMLEvidenceScanner.names), file: path,
        recording: recordLocations, summarizer: catalog.map(EvidenceSummarizer.init), keepingItemsUpTo: limit)
    } catch {
      return failure(error, file: path)
    }
  }

  package static func decode(bytes: [UInt8], file: String, recordLocations: Bool = true) -> AppraisalDecoding {
    do {
      return run(try XMLEventStream(bytes: bytes, name: file), file: file, recording: recordLocations)
    } catch {
      return failure(error, file: file)
    }
  }

  private static func failure(_ error: XMLReadError, file: String) -> AppraisalDecoding {
    AppraisalDecoding(appraisal: nil, sourceMap: SourceMap(file: file), problems: [located(error, file: file)])
  }

  package static func located(_ error: XMLReadError, file: String) -> LocatedProblem {
    LocatedProblem(
      severity: .error,
      location: error.line > 0 ? SourceLocation(file: file, line: error.line, column: error.column) : nil, file: file,
      message: error.message)
  }

  private static func run(
    _ reader: XMLEventStream, file: String, recording: Bool, summarizer: EvidenceSummarizer? = nil,
    keepingItemsUpTo limit: Int? = nil
  ) -> AppraisalDecoding {
    var builder = Builder(file: file, recording: recording)
    builder.summarizer = summarizer
    do {
      while let event = try reader.next() {
        builder.handle(event, namespace: reader.elementNamespace)
        if builder.summarizer != nil, case .startElement("evidence", _, _, _, false) = event,
          builder.stack.count == 2, builder.stack[1].name == "evidence"
        {
          if let limit, builder.instantiations.count <= limit {
            builder.summarizer = nil  // few units: keep the items (see decode(path:…))
            continue
          }
          // Streaming: the items are checked and counted on bytes; on any doubt the read stops here
          // and the caller reads the file again the ordinary way.
          guard try builder.scanEvidence(reader) else { return builder.finish() }
        }
      }
    } catch {
      builder.problems.append(located(error, file: file))
      return AppraisalDecoding(appraisal: nil, sourceMap: builder.sourceMap, problems: builder.problems)
    }
    return builder.finish()
  }

  /// The element currently open, with the text collected inside it.
  fileprivate struct Open {
    var name: String
    var path: ModelPath
    var line: Int
    var text = ""
  }

  /// Each element's attribute names, from ``EvidenceFormat``.
  fileprivate enum Names {
    static let header = EvidenceFormat.header.attributeNames()
    static let scope = EvidenceFormat.scope.attributeNames()
    static let exclusion = EvidenceFormat.exclusion.attributeNames()
    static let areaTarget = EvidenceFormat.areaTarget.attributeNames()
    static let coverage = EvidenceFormat.coverage.attributeNames()
    static let disclosure = EvidenceFormat.disclosure.attributeNames()
    static let person = EvidenceFormat.person.attributeNames()
    static let population = EvidenceFormat.population.attributeNames()
    static let samplingFactor = EvidenceFormat.samplingFactor.attributeNames()
    static let subgroup = EvidenceFormat.subgroup.attributeNames()
    static let finding = EvidenceFormat.finding.attributeNames()
    static let instantiation = EvidenceFormat.instantiation.attributeNames()
    static let item = EvidenceFormat.evidenceItem.attributeNames()
    static let locator = EvidenceFormat.locator.attributeNames()
    static let weakness = EvidenceFormat.observation.attributeNames()
    static let strength = weakness.filter { $0 != "impact" }
    static let characterization = EvidenceFormat.characterization.attributeNames()
    static let aggregation = EvidenceFormat.aggregation.attributeNames()
    static let significance = EvidenceFormat.significance.attributeNames()
  }

  /// Each record's fields read from the table alone (see ``EvidenceField/isGeneric``), filtered once.
  fileprivate enum Generic {
    static let header = generic(EvidenceFormat.header)
    static let exclusion = generic(EvidenceFormat.exclusion)
    static let areaTarget = generic(EvidenceFormat.areaTarget)
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
      fields.filter { $0.xml == .attribute && $0.isGeneric }
    }
  }

  fileprivate struct Builder {
    typealias V = EvidenceVocabulary
    let file: String
    var sourceMap: SourceMap
    var problems: [LocatedProblem] = []
    var failedPaths: Set<ModelPath> = []
    var stack: [Open] = []
    var sawRoot = false
    var seen: Set<String> = []
    var practiceCache: [String: PracticeReference] = [:]
    var summarizer: EvidenceSummarizer?

    var header = Appraisal.Header(id: "", name: "", organizationalUnit: "", date: "", model: "", modelVersion: "")
    var scope = AppraisalScope(processAreas: [])
    var target = RatingTarget.capabilityLevel(1)
    var coverage = CoveragePolicy.standard
    var disclosure = Disclosure()
    var instantiations: [Instantiation] = []
    var evidence: [EvidenceItem] = []
    var observations: [Observation] = []
    var characterizations: [TeamCharacterization] = []
    var aggregations: [AggregationDecision] = []
    var significances: [SignificanceDecision] = []

    init(file: String, recording: Bool) {
      self.file = file
      sourceMap = SourceMap(file: file, recording: recording)
    }

    mutating func problem(_ line: Int, _ column: Int?, _ message: String, failed path: ModelPath? = nil) {
      problems.append(
        LocatedProblem(
          severity: .error, location: SourceLocation(file: file, line: line, column: column), file: file,
          message: message))
      if let path { failedPaths.insert(path) }
    }

    /// Handles one event; `namespace` is the namespace of a start tag's element.
    mutating func handle(_ event: XMLEvent, namespace: String? = nil) {
      switch event {
      case .startElement(let name, let attributes, let line, _, _):
        if let namespace, namespace != V.xmlNamespace {
          // An element of another vocabulary that happens to share a name: not read, its children skipped
          // (inside an unknown element silently, like every child of one).
          if stack.last?.name != "#unknown" {
            problem(line, nil, Message.foreignElement(name, namespace, root: stack.isEmpty))
          }
          stack.append(Open(name: "#unknown", path: .root, line: line))
          return
        }
        start(name, Attributes(attributes, line: line), line: line)
      case .text(let text, _, _):
        if !stack.isEmpty { stack[stack.count - 1].text += text }
      case .endElement:
        if let open = stack.popLast() { end(open) }
      }
    }

    /// Reads a start tag: checks it is allowed under its parent and decodes its attributes.
    mutating func start(_ name: String, _ attributes: Attributes, line: Int) {
      let parent = stack.last?.name
      var path = ModelPath.root
      var known = true
      switch (parent, name) {
      case (nil, "appraisal"):
        sawRoot = true
        var attributes = attributes
        attributes.allow(["formatVersion"])
        if let version = attributes.required("formatVersion", at: .root, &self) {
          if version != String(V.formatVersion) {
            problem(line, nil, V.Message.formatVersion(version), failed: ModelPath.root.appending("formatVersion"))
          }
        }
        finishAttributes(attributes, element: name)
      case (nil, _):
        problem(line, nil, "the root element is <\(name)>; expected <appraisal> (see docs/evidence-format.md)")
        known = false
      case ("appraisal", "header"), ("appraisal", "scope"), ("appraisal", "disclosure"),
        ("appraisal", "instantiations"),
        ("appraisal", "evidence"), ("appraisal", "observations"), ("appraisal", "characterizations"),
        ("appraisal", "judgments"):
        if !seen.insert(name).inserted { problem(line, nil, "<\(name)> appears twice; expected it once") }
        path = ModelPath.root.appending(name)
        if name == "header" { readHeader(attributes, at: path) }
        if name == "scope" { readScope(attributes, at: path) }
        if name == "disclosure" { readDisclosure(attributes, at: path) }
        if ["instantiations", "evidence", "observations", "characterizations", "judgments"].contains(name) {
          finishAttributes(attributes, element: name)
        }
      case ("scope", "notApplicable"), ("scope", "outOfScope"):
        let list: WritableKeyPath<AppraisalScope, [AppraisalScope.Exclusion]> =
          name == "notApplicable" ? \.notApplicable : \.outOfScope
        path = ModelPath.root.appending("scope").appending(name).appending(scope[keyPath: list].count)
        sourceMap.record(path, line: line, column: nil)
        var attributes = attributes
        attributes.allow(Names.exclusion)
        var exclusion = AppraisalScope.Exclusion(processArea: "", reason: "")
        readFields(Generic.exclusion, into: &exclusion, attributes, at: path)
        scope[keyPath: list].append(exclusion)
        finishAttributes(attributes, element: name)
      case ("scope", "areaTarget"):
        path = ModelPath.root.appending("scope").appending("areaTargets").appending(scope.areaTargets.count)
        sourceMap.record(path, line: line, column: nil)
        var attributes = attributes
        attributes.allow(Names.areaTarget)
        var target = AppraisalScope.AreaTarget(processArea: "", level: 1)
        readFields(Generic.areaTarget, into: &target, attributes, at: path)
        target.level = attributes.int("level", at: path, in: 1...5, &self) ?? 1
        scope.areaTargets.append(target)
        finishAttributes(attributes, element: name)
      case ("scope", "coverage"):
        path = ModelPath.root.appending("scope").appending("coverage")
        var attributes = attributes
        attributes.allow(Names.coverage)
        var policy = coverage
        readFields(Generic.coverage, into: &policy, attributes, at: path)
        coverage = policy
        if let rule = attributes.choice("rule", at: path, V.coverageRules, &self, required: false) {
          coverage.rule = rule
        }
        if let text = attributes.optional("minimumShare", at: path, &self) {
          if let share = V.fraction(text) {
            coverage.minimumShare = share
          } else {
            problem(line, nil, V.Message.badFraction(text), failed: path.appending("minimumShare"))
          }
        }
        finishAttributes(attributes, element: name)
      case ("disclosure", _) where Disclosures.elements.contains(name):
        path = readDisclosureChild(name, attributes, line: line)
      case ("instantiations", "instantiation"):
        path = ModelPath.root.appending("instantiations").appending(instantiations.count)
        readInstantiation(attributes, at: path)
      case ("evidence", "item"):
        path = ModelPath.root.appending("evidence").appending(evidence.count)
        readItem(attributes, at: path)
      case ("item", "locator"):
        path = ModelPath.root.appending("evidence").appending(evidence.count - 1).appending("locator")
        readLocator(attributes, at: path)
      case ("item", "note"):
        path = ModelPath.root.appending("evidence").appending(evidence.count - 1).appending("note")
        if attributes.list.first != nil { finishAttributes(attributes, element: name) }
      case ("observations", "weakness"), ("observations", "strength"):
        path = ModelPath.root.appending("observations").appending(observations.count)
        readObservation(name == "weakness" ? .weakness : .strength, attributes, at: path)
      case ("characterizations", "characterization"):
        path = ModelPath.root.appending("characterizations").appending(characterizations.count)
        readCharacterization(attributes, at: path)
      case ("judgments", "aggregation"):
        path = ModelPath.root.appending("aggregationDecisions").appending(aggregations.count)
        readAggregation(attributes, at: path)
      case ("judgments", "significance"):
        path = ModelPath.root.appending("significanceDecisions").appending(significances.count)
        readSignificance(attributes, at: path)
      default:
        known = false
        if let parent, parent != "#unknown" {
          problem(line, nil, Message.unexpectedElement(name, in: parent))
        }
      }
      if known { sourceMap.record(path, line: line, column: nil) }
      // Children of an unknown element are skipped silently: the unknown element itself was reported.
      stack.append(Open(name: known ? name : "#unknown", path: path, line: line))
    }

    mutating func end(_ open: Open) {
      let text = open.text.trimmed
      switch open.name {
      case "notApplicable":
        scope.notApplicable[scope.notApplicable.count - 1].reason = text
      case "outOfScope":
        scope.outOfScope[scope.outOfScope.count - 1].reason = text
      case "note":
        evidence[evidence.count - 1].note = text.isEmpty ? nil : text
      case "weakness", "strength":
        observations[observations.count - 1].text = interned(text)
        if text.isEmpty {
          problem(
            open.line, nil, "<\(open.name)> has no text; expected the finding", failed: open.path.appending("text"))
        }
      case "characterization":
        characterizations[characterizations.count - 1].note = text.isEmpty ? nil : text
      case "aggregation":
        aggregations[aggregations.count - 1].justification = text
      case "significance":
        significances[significances.count - 1].justification = text
      case _ where stack.last?.name == "disclosure":
        endDisclosureChild(open, text: text)
      case "item":
        refuseText(text, in: open)
        if evidence[evidence.count - 1].locator.document.isEmpty
          && !failedPaths.contains(open.path.appending("locator"))
        {
          problem(
            open.line, nil, "evidence item has no <locator>; expected <locator document=\"…\"/>",
            failed: open.path.appending("locator"))
        }
      default:
        if open.name != "#unknown" { refuseText(text, in: open) }
      }
    }

    mutating func refuseText(_ text: String, in open: Open) {
      if !text.isEmpty {
        problem(open.line, nil, "<\(open.name)> holds text \"\(text.prefix(40))\"; expected only elements")
      }
    }

    /// Finding texts repeat (templates, the same weakness in many units): equal texts share one string,
    /// so a large file's observations do not each hold a copy. The table stops growing at 4,096 texts.
    var texts: [String: String] = [:]

    mutating func interned(_ text: String) -> String {
      if let shared = texts[text] { return shared }
      if texts.count < 4096 { texts[text] = text }
      return text
    }

    /// Hands the open `<evidence>` element to an ``XMLEvidenceScanner``; `false` when it gave up.
    mutating func scanEvidence(_ reader: XMLEventStream) throws(XMLReadError) -> Bool {
      if !summarizer!.hasBegun { summarizer!.begin(scope: scope, target: target, instantiations: instantiations) }
      let scanner = XMLEvidenceScanner(summarizer: summarizer!)
      summarizer = nil
      defer { summarizer = scanner.summarizer }
      guard try reader.scan(scanner) else {
        scanner.summarizer.abandon()
        return false
      }
      stack.removeLast()
      return true
    }

    mutating func readHeader(_ attributes: Attributes, at path: ModelPath) {
      var attributes = attributes
      attributes.allow(Names.header)
      var header = self.header
      readFields(Generic.header, into: &header, attributes, at: path)
      self.header = header
      finishAttributes(attributes, element: "header")
    }

    mutating func readScope(_ attributes: Attributes, at path: ModelPath) {
      var attributes = attributes
      attributes.allow(Names.scope)
      let representation = attributes.choice("representation", at: path, V.representations, &self)
      let level = attributes.int("targetLevel", at: path, in: 1...5, &self)
      target = V.target(representation: representation ?? "continuous", level: level ?? 1)!
      scope.includesAdditions = attributes.bool("includeAdditions", at: path, default: true, &self)
      scope.specificGoalsOnly = attributes.bool("specificGoalsOnly", at: path, default: false, &self)
      if let list = attributes.required("processAreas", at: path, &self) {
        scope.processAreas = V.list(list)
        for index in scope.processAreas.indices {
          sourceMap.record(path.appending("processAreas").appending(index), line: attributes.line, column: nil)
        }
      }
      finishAttributes(attributes, element: "scope")
    }

    mutating func readInstantiation(_ attributes: Attributes, at path: ModelPath) {
      var attributes = attributes
      attributes.allow(Names.instantiation)
      var unit = Instantiation(id: "", name: "", kind: .project)
      readFields(Generic.instantiation, into: &unit, attributes, at: path)
      unit.kind = attributes.choice("kind", at: path, V.instantiationKinds, &self) ?? .project
      unit.processAreas = attributes.optional("processAreas", at: path, &self).map(V.list)
      for index in (unit.processAreas ?? []).indices {
        sourceMap.record(path.appending("processAreas").appending(index), line: attributes.line, column: nil)
      }
      instantiations.append(unit)
      finishAttributes(attributes, element: "instantiation")
    }

    mutating func practice(_ attributes: Attributes, at path: ModelPath, key: String = "practice") -> PracticeReference
    {
      guard let text = attributes.required(key, at: path, &self) else { return PracticeReference("", "") }
      if let reference = V.practice(text) { return reference }
      problem(attributes.line, nil, V.Message.badPractice(text), failed: path.appending(key))
      return PracticeReference("", "")
    }

    mutating func readItem(_ attributes: Attributes, at path: ModelPath) {
      var attributes = attributes
      attributes.allow(Names.item)
      var item = EvidenceItem(
        id: "", practice: practice(attributes, at: path), instantiation: "",
        indicator: attributes.choice("indicator", at: path, V.indicators, &self) ?? .artifact,
        locator: .init(document: ""))
      readFields(Generic.evidenceItem, into: &item, attributes, at: path)
      evidence.append(item)
      finishAttributes(attributes, element: "item")
    }

    mutating func readLocator(_ attributes: Attributes, at path: ModelPath) {
      var attributes = attributes
      attributes.allow(Names.locator)
      var locator = EvidenceItem.Locator(document: "")
      readFields(Generic.locator, into: &locator, attributes, at: path)
      evidence[evidence.count - 1].locator = locator
      if evidence[evidence.count - 1].locator.document.isEmpty { failedPaths.insert(path) }
      finishAttributes(attributes, element: "locator")
    }

    mutating func readObservation(_ kind: Observation.Kind, _ attributes: Attributes, at path: ModelPath) {
      var attributes = attributes
      attributes.allow(kind == .weakness ? Names.weakness : Names.strength)
      var observation = Observation(
        id: nil, kind: kind, practice: practice(attributes, at: path), instantiation: "", text: "",
        impact: kind == .weakness
          ? attributes.choice("impact", at: path, V.impacts, &self, required: false) ?? .minor : .minor)
      readFields(Generic.observation, into: &observation, attributes, at: path)
      observations.append(observation)
      finishAttributes(attributes, element: kind == .weakness ? "weakness" : "strength")
    }

    mutating func readCharacterization(_ attributes: Attributes, at path: ModelPath) {
      var attributes = attributes
      attributes.allow(Names.characterization)
      var characterization = TeamCharacterization(
        practice: practice(attributes, at: path), instantiation: "",
        value: attributes.choice("value", at: path, V.characterizations, &self) ?? .notImplemented)
      readFields(Generic.characterization, into: &characterization, attributes, at: path)
      characterizations.append(characterization)
      finishAttributes(attributes, element: "characterization")
    }

    mutating func readAggregation(_ attributes: Attributes, at path: ModelPath) {
      var attributes = attributes
      attributes.allow(Names.aggregation)
      aggregations.append(
        AggregationDecision(
          practice: practice(attributes, at: path),
          value: attributes.choice("value", at: path, V.characterizations, &self) ?? .partiallyImplemented,
          justification: ""))
      finishAttributes(attributes, element: "aggregation")
    }

    mutating func readSignificance(_ attributes: Attributes, at path: ModelPath) {
      var attributes = attributes
      attributes.allow(Names.significance)
      let significant: Bool
      if attributes.value("significant") == nil {
        problem(
          attributes.line, nil, "<significance> has no significant=\"true|false\"",
          failed: path.appending("significant"))
        significant = false
      } else {
        significant = attributes.bool("significant", at: path, default: false, &self)
      }
      var decision = SignificanceDecision(processArea: "", goal: "", significant: significant, justification: "")
      readFields(Generic.significance, into: &decision, attributes, at: path)
      significances.append(decision)
      finishAttributes(attributes, element: "significance")
    }

    /// Reads the fields of `fields` that XML holds as attributes and the table alone describes (text,
    /// optional text, flags); the element's other attributes are read by the caller.
    mutating func readFields<Record>(
      _ fields: [EvidenceField<Record>], into record: inout Record, _ attributes: Attributes, at path: ModelPath
    ) {
      for field in fields {
        switch field.access {
        case .text(let value): record[keyPath: value] = attributes.required(field.name, at: path, &self) ?? ""
        case .optionalText(let value): record[keyPath: value] = attributes.optional(field.name, at: path, &self)
        case .defaultedText(let value, let standard):
          record[keyPath: value] = attributes.optional(field.name, at: path, &self) ?? standard
        case .flag(let value, let standard):
          record[keyPath: value] = attributes.bool(field.name, at: path, default: standard, &self)
        case .optionalNumber(let value):
          guard case .integer(let range) = field.kind else { break }
          record[keyPath: value] = attributes.optionalInt(field.name, at: path, in: range, &self)
        case .special: break
        }
      }
    }

    mutating func finishAttributes(_ attributes: Attributes, element: String) {
      for attribute in attributes.list {
        let column = attribute.column > 0 ? attribute.column : nil
        if let namespace = attribute.namespace {
          // The XSD's attributes are unqualified; an XSD processor accepts xsi:schemaLocation and
          // xsi:noNamespaceSchemaLocation anywhere, and nothing else in a namespace.
          if namespace == V.schemaInstanceNamespace && V.schemaLocationAttributes.contains(attribute.name) { continue }
          problem(attribute.line, column, Message.foreignAttribute(attribute, element, attributes.allowed))
        } else if !attributes.allowed.contains(attribute.name) {
          problem(attribute.line, column, Message.unknownAttribute(attribute.name, element, attributes.allowed))
        }
      }
    }

    mutating func finish() -> AppraisalDecoding {
      var problems = problems
      var failed = failedPaths
      if !sawRoot && problems.isEmpty {
        problems.append(LocatedProblem(severity: .error, location: nil, file: file, message: "no <appraisal> element"))
      }
      for (name, field) in [("header", "header"), ("scope", "scope"), ("instantiations", "instantiations")]
      where !seen.contains(name) && sawRoot {
        problems.append(
          LocatedProblem(
            severity: .error, location: SourceLocation(file: file, line: 1), file: file,
            message: "the appraisal has no <\(name)>; expected one (see docs/evidence-format.md)"))
        failed.insert(ModelPath.root.appending(field))
      }
      observations.shrinkToFit()
      characterizations.shrinkToFit()
      var appraisal = Appraisal(
        header: header, scope: scope, target: target, coverage: coverage, disclosure: disclosure,
        instantiations: instantiations,
        evidence: evidence, observations: observations, characterizations: characterizations,
        aggregationDecisions: aggregations, significanceDecisions: significances)
      var summarizer = summarizer
      summarizer?.finish()
      appraisal.evidenceTally = summarizer?.tally
      var decoding = AppraisalDecoding(
        appraisal: sawRoot ? appraisal : nil, sourceMap: sourceMap, problems: problems, failedPaths: failed)
      decoding.isIncomplete = summarizer?.isAbandoned ?? false
      return decoding
    }
  }

  /// The child elements of `<disclosure>` and the table fields they hold.
  fileprivate enum Disclosures {
    static let elements: Set<String> = Set(
      EvidenceFormat.disclosure.compactMap { field in
        if case .child(let element) = field.xml { return element }
        return nil
      })
    /// The field an element holds, by element name.
    static let fields: [String: EvidenceField<Disclosure>] = Dictionary(
      uniqueKeysWithValues: EvidenceFormat.disclosure.compactMap { field in
        if case .child(let element) = field.xml { return (element, field) }
        return nil
      })
  }

  /// An element's attributes with typed, reporting access.
  fileprivate struct Attributes {
    let list: [XMLAttribute]
    let line: Int
    var allowed: [String] = []

    init(_ list: [XMLAttribute], line: Int) {
      self.list = list
      self.line = line
    }

    mutating func allow(_ names: [String]) { allowed = names }

    /// The unprefixed attribute `name` (a prefixed `p:name` is another attribute).
    func value(_ name: String) -> XMLAttribute? { list.first { $0.name == name && $0.namespace == nil } }

    func record(_ attribute: XMLAttribute, at path: ModelPath, _ builder: inout Builder) {
      builder.sourceMap.record(
        member: attribute.name, of: path, line: attribute.line, column: attribute.column > 0 ? attribute.column : nil)
    }

    func required(_ name: String, at path: ModelPath, _ builder: inout Builder) -> String? {
      guard let attribute = value(name) else {
        builder.problem(line, nil, Message.missingAttribute(name), failed: path.appending(name))
        return nil
      }
      record(attribute, at: path, &builder)
      let text = attribute.value.trimmed
      if text.isEmpty {
        builder.problem(attribute.line, nil, Message.emptyAttribute(name), failed: path.appending(name))
        return nil
      }
      return text
    }

    func optional(_ name: String, at path: ModelPath, _ builder: inout Builder) -> String? {
      guard let attribute = value(name) else { return nil }
      record(attribute, at: path, &builder)
      let text = attribute.value.trimmed
      return text.isEmpty ? nil : text
    }

    func choice<T>(
      _ name: String, at path: ModelPath, _ choices: [String: T], _ builder: inout Builder, required: Bool = true
    )
      -> T?
    {
      guard let text = required ? self.required(name, at: path, &builder) : optional(name, at: path, &builder) else {
        return nil
      }
      if let value = choices[text] { return value }
      builder.problem(
        line, nil, EvidenceVocabulary.Message.notOneOf(name, text, choices.keys), failed: path.appending(name))
      return nil
    }

    func choice(_ name: String, at path: ModelPath, _ choices: [String], _ builder: inout Builder) -> String? {
      choice(name, at: path, Dictionary(uniqueKeysWithValues: choices.map { ($0, $0) }), &builder)
    }

    func int(_ name: String, at path: ModelPath, in range: ClosedRange<Int>, _ builder: inout Builder) -> Int? {
      guard let text = required(name, at: path, &builder) else { return nil }
      if let number = Int(text), range.contains(number) { return number }
      builder.problem(
        line, nil, "\(name) is \"\(text)\"; expected an integer from \(range.lowerBound) to \(range.upperBound)",
        failed: path.appending(name))
      return nil
    }

    /// An optional integer in `range`: `nil` when absent or empty, and (with a problem) when not such an integer.
    func optionalInt(_ name: String, at path: ModelPath, in range: ClosedRange<Int>, _ builder: inout Builder) -> Int? {
      guard let text = optional(name, at: path, &builder) else { return nil }
      if let number = Int(text), range.contains(number) { return number }
      builder.problem(
        line, nil, "\(name) is \"\(text)\"; expected an integer from \(range.lowerBound) to \(range.upperBound)",
        failed: path.appending(name))
      return nil
    }

    func bool(_ name: String, at path: ModelPath, default defaultValue: Bool, _ builder: inout Builder) -> Bool {
      guard let text = optional(name, at: path, &builder) else { return defaultValue }
      switch text {
      case "true": return true
      case "false": return false
      default:
        builder.problem(line, nil, "\(name) is \"\(text)\"; expected true or false", failed: path.appending(name))
        return defaultValue
      }
    }
  }

  enum Message {
    static func noText(_ element: String, expected: String) -> String {
      "<\(element)> has no text; expected \(expected)"
    }
    static func unexpectedElement(_ name: String, in parent: String) -> String {
      "unexpected element <\(name)> in <\(parent)>; see docs/evidence-format.md for what it may contain"
    }
    static func unknownAttribute(_ name: String, _ element: String, _ allowed: [String]) -> String {
      "unknown attribute \(name) on <\(element)>; expected "
        + (allowed.isEmpty ? "no attributes" : "one of " + allowed.sorted().joined(separator: ", "))
    }
    static func foreignAttribute(_ attribute: XMLAttribute, _ element: String, _ allowed: [String]) -> String {
      let namespace = attribute.namespace ?? ""
      let accepted =
        namespace == EvidenceVocabulary.schemaInstanceNamespace
        ? "; of the XML Schema instance attributes only xsi:noNamespaceSchemaLocation and xsi:schemaLocation are "
          + "accepted" : ""
      let expected =
        allowed.isEmpty ? "no attributes" : "one of " + allowed.sorted().joined(separator: ", ") + ", unprefixed"
      return
        "unknown attribute \(attribute.qualifiedName) (namespace \"\(namespace)\") on <\(element)>; expected \(expected)"
        + accepted
    }
    static func foreignElement(_ name: String, _ namespace: String, root: Bool) -> String {
      "\(root ? "the root element" : "element") <\(name)> is in namespace \"\(namespace)\"; expected no namespace or "
        + "\(EvidenceVocabulary.xmlNamespace) (see docs/evidence-format.md)"
    }
    static func missingAttribute(_ name: String) -> String { "missing attribute \(name)" }
    static func emptyAttribute(_ name: String) -> String { "attribute \(name) is empty; expected a value" }
  }
}

extension XMLAppraisalDecoder.Builder {
  typealias Format = EvidenceFormat

  /// `<disclosure>`'s attributes: the dates and the report status.
  mutating func readDisclosure(_ attributes: XMLAppraisalDecoder.Attributes, at path: ModelPath) {
    var attributes = attributes
    attributes.allow(XMLAppraisalDecoder.Names.disclosure)
    var disclosure = self.disclosure
    readFields(XMLAppraisalDecoder.Generic.disclosure, into: &disclosure, attributes, at: path)
    disclosure.reportStatus = attributes.choice(
      "reportStatus", at: path, EvidenceVocabulary.reportStatuses, &self, required: false)
    self.disclosure = disclosure
    finishAttributes(attributes, element: "disclosure")
  }

  /// A child element of `<disclosure>`: its record is read from its attributes (its text, if it has one, at its
  /// end). Returns the element's model path.
  mutating func readDisclosureChild(_ name: String, _ attributes: XMLAppraisalDecoder.Attributes, line: Int)
    -> ModelPath
  {
    typealias Names = XMLAppraisalDecoder.Names
    typealias Generic = XMLAppraisalDecoder.Generic
    let field = XMLAppraisalDecoder.Disclosures.fields[name]!
    let base = ModelPath.root.appending("disclosure").appending(field.name)
    if field.kind != .records && field.kind != .texts && !seen.insert("disclosure/" + name).inserted {
      problem(line, nil, "<\(name)> appears twice in <disclosure>; expected it once")
    }
    var attributes = attributes
    var path = base
    switch name {
    case "teamLeader", "teamMember", "sponsor":
      attributes.allow(Names.person)
      var person = Disclosure.Person(name: "")
      if name == "teamMember" { path = base.appending(disclosure.teamMembers.count) }
      readFields(Generic.person, into: &person, attributes, at: path)
      switch name {
      case "teamLeader": disclosure.teamLeader = person
      case "sponsor": disclosure.sponsor = person
      default: disclosure.teamMembers.append(person)
      }
    case "population":
      attributes.allow(Names.population)
      var population = Disclosure.Population()
      readFields(Generic.population, into: &population, attributes, at: path)
      disclosure.population = population
    case "samplingFactor":
      attributes.allow(Names.samplingFactor)
      path = base.appending(disclosure.samplingFactors.count)
      var factor = Disclosure.SamplingFactor(name: "", rationale: "")
      readFields(Generic.samplingFactor, into: &factor, attributes, at: path)
      disclosure.samplingFactors.append(factor)
    case "subgroup":
      attributes.allow(Names.subgroup)
      path = base.appending(disclosure.subgroups.count)
      var subgroup = Disclosure.Subgroup(id: "")
      readFields(Generic.subgroup, into: &subgroup, attributes, at: path)
      disclosure.subgroups.append(subgroup)
    case "finding":
      attributes.allow(Names.finding)
      path = base.appending(disclosure.findings.count)
      var finding = Disclosure.TeamFinding(processArea: "", text: "")
      readFields(Generic.finding, into: &finding, attributes, at: path)
      disclosure.findings.append(finding)
    case "location":
      path = base.appending(disclosure.locations.count)
      disclosure.locations.append("")
    case "globalFinding":
      path = base.appending(disclosure.globalFindings.count)
      disclosure.globalFindings.append("")
    default: break  // organizationalUnitDescription: text only
    }
    finishAttributes(attributes, element: name)
    return path
  }

  /// The text of a child element of `<disclosure>`, where its record keeps it.
  mutating func endDisclosureChild(_ open: XMLAppraisalDecoder.Open, text: String) {
    typealias Message = XMLAppraisalDecoder.Message
    func required(_ what: String, field: String? = nil) {
      if text.isEmpty {
        problem(
          open.line, nil, Message.noText(open.name, expected: what),
          failed: field.map { open.path.appending($0) } ?? open.path)
      }
    }
    switch open.name {
    case "organizationalUnitDescription": disclosure.organizationalUnitDescription = text.isEmpty ? nil : text
    case "location":
      disclosure.locations[disclosure.locations.count - 1] = text
      required("the location")
    case "globalFinding":
      disclosure.globalFindings[disclosure.globalFindings.count - 1] = text
      required("the finding")
    case "samplingFactor":
      disclosure.samplingFactors[disclosure.samplingFactors.count - 1].rationale = text
      required("the rationale", field: "rationale")
    case "subgroup": disclosure.subgroups[disclosure.subgroups.count - 1].rationale = text.isEmpty ? nil : text
    case "finding":
      disclosure.findings[disclosure.findings.count - 1].text = text
      required("the finding", field: "text")
    default: refuseText(text, in: open)
    }
  }
}
