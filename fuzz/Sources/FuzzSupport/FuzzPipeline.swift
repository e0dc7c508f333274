import AppraisalModel
import EvidenceParsers

/// What every harness runs on one fuzz input: the path the `appraise` command takes from bytes to a
/// rating, entirely in memory.
///
/// - evidence (XML, JSON, CSV): ``AppraisalReader/read(bytes:syntax:file:catalog:)`` against the bundled
///   CMMI-SVC V1.3 catalog (decode without locations, and on any problem decode again with the source map,
///   validate, sort), every message rendered as the command would print it; a valid appraisal is rated
///   with ``AppraisalRater`` and compared with the rated sample appraisal (``AppraisalComparator``).
/// - streaming XML: what `appraise rate FILE.xml` actually runs, ``AppraisalReader/read(path:catalog:streaming:)``
///   with `streaming: true` (``EvidenceSummarizer``, ``XMLEvidenceScanner``, then the located read on any
///   doubt), checked against the in-memory read of the same bytes. That API only takes a path, so the
///   input goes through a memfd (see ``MemoryFile``).
/// - catalog: ``CatalogReader/read(bytes:file:)`` (JSON syntax, walker, ``CatalogValidator``); a valid
///   catalog then rates two appraisals: fixtures/evidence/sample.json, and one generated from the fuzzed
///   catalog itself so that the rater sees the catalog's shapes even when its ids are not CMMI-SVC's.
///
/// Set `FUZZ_VERBOSE=1` to print on stderr what happened to each input (useful with `run.sh --replay`).
public enum FuzzPipeline {
  /// The bundled catalog, loaded once on first use through the same search the command uses.
  public static let bundledCatalog: Catalog = withoutLeakChecking {
    do throws(ReadFailure) {
      return try BundledCatalog.load()
    } catch {
      fatalError("fuzz: cannot load the bundled catalog: \(error.errorDescription ?? "\(error)")")
    }
  }

  /// fixtures/evidence/sample.xml, rated once: the other side of every comparison. (Company A's 80 KB
  /// "before" file would make the comparator a third of every execution.)
  static let baseline: AppraisalResult = withoutLeakChecking {
    let file = repositoryRoot + "/fixtures/evidence/sample.xml"
    do throws(ReadFailure) {
      let loaded = try AppraisalReader.read(path: file, catalog: bundledCatalog)
      return AppraisalRater.rate(loaded.appraisal, catalog: bundledCatalog)
    } catch {
      fatalError("fuzz: cannot read \(file): \(error.errorDescription ?? "\(error)")")
    }
  }

  /// fixtures/evidence/sample.json, rated against every valid fuzzed catalog.
  static let sampleEvidence: [UInt8] = {
    let file = repositoryRoot + "/fixtures/evidence/sample.json"
    guard let bytes = try? readFile(file) else { fatalError("fuzz: cannot read \(file)") }
    return bytes
  }()

  /// fuzz/Sources/FuzzSupport/FuzzPipeline.swift → the repository root.
  static let repositoryRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
  }()

  static let verbose = environment("FUZZ_VERBOSE") == "1"

  /// Keeps the rendered messages and results observable so nothing is skipped as unused.
  nonisolated(unsafe) public static var sink = 0

  /// Copies libFuzzer's buffer (its pointer may be anything when `size` is 0).
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// Reads, validates, rates and compares one evidence file of `syntax`.
  public static func evidence(_ bytes: [UInt8], syntax: EvidenceSyntax) {
    let catalog = bundledCatalog
    if let result = rate(bytes, syntax: syntax, catalog: catalog, label: "evidence") {
      let comparison = AppraisalComparator.compare(before: baseline, after: result)
      withExtendedLifetime(comparison) {}
    }
  }

  /// The streaming XML read from a path, then rating and comparison as for ``evidence(_:syntax:)``.
  ///
  /// Differential check: ``AppraisalReader/read(path:catalog:streaming:)`` documents that streaming
  /// changes nothing but where the evidence items end up, so the same bytes read in memory (the
  /// ordinary read) must give the same problems, or the same appraisal apart from its items and the same
  /// rating; any difference stops the run as a crash.
  public static func streamingXML(_ bytes: [UInt8]) {
    let catalog = bundledCatalog
    memoryFile.replace(with: bytes)
    let file = memoryFile.path
    let streamed = Result { () throws(ReadFailure) in
      try AppraisalReader.read(path: file, catalog: catalog, streaming: true)
    }
    let ordinary = Result { () throws(ReadFailure) in
      try AppraisalReader.read(bytes: bytes, syntax: .xml, file: file, catalog: catalog)
    }
    switch (streamed, ordinary) {
    case (.failure(let streamedError), .failure(let ordinaryError)):
      note("streaming xml", streamedError)
      if streamedError != ordinaryError {
        disagree("different problems", streamedError.errorDescription ?? "", ordinaryError.errorDescription ?? "")
      }
    case (.success(let loaded), .success(let reference)):
      for warning in loaded.warnings { sink &+= warning.description.utf8.count }
      if loaded.warnings != reference.warnings {
        disagree("different warnings", "\(loaded.warnings)", "\(reference.warnings)")
      }
      var withoutItems = loaded.appraisal
      var referenceWithoutItems = reference.appraisal
      if withoutItems.evidenceCount != referenceWithoutItems.evidenceCount {
        disagree("different item counts", "\(withoutItems.evidenceCount)", "\(referenceWithoutItems.evidenceCount)")
      }
      (withoutItems.evidence, withoutItems.evidenceTally) = ([], nil)
      (referenceWithoutItems.evidence, referenceWithoutItems.evidenceTally) = ([], nil)
      if withoutItems != referenceWithoutItems {
        disagree("different appraisals", "\(withoutItems)", "\(referenceWithoutItems)")
      }
      let result = AppraisalRater.rate(loaded.appraisal, catalog: catalog)
      var referenceResult = AppraisalRater.rate(reference.appraisal, catalog: catalog)
      referenceResult.appraisal = result.appraisal
      if result != referenceResult { disagree("different ratings", "\(result)", "\(referenceResult)") }
      if verbose {
        printError("fuzz: streaming xml valid (\(loaded.warnings.count) warnings), rated, same as in memory")
      }
      let comparison = AppraisalComparator.compare(before: baseline, after: result)
      withExtendedLifetime(comparison) {}
    case (.success, .failure(let error)):
      disagree("only the streaming read accepted the file", "valid", error.errorDescription ?? "")
    case (.failure(let error), .success):
      disagree("only the in-memory read accepted the file", error.errorDescription ?? "", "valid")
    }
  }

  static func disagree(_ what: String, _ streamed: String, _ ordinary: String) -> Never {
    fatalError(
      "fuzz: streaming and in-memory XML reads disagree: \(what)\n--- streaming:\n\(streamed.prefix(2000))\n--- in memory:\n\(ordinary.prefix(2000))"
    )
  }

  static let memoryFile = withoutLeakChecking { MemoryFile(fileExtension: "xml") }

  /// Reads and validates one catalog; a valid one then rates the sample and a generated appraisal.
  public static func catalog(_ bytes: [UInt8]) {
    let catalog: Catalog
    do {
      catalog = try CatalogReader.read(bytes: bytes, file: "fuzz-input.json")
    } catch {
      note("catalog", error)
      return
    }
    let counts = catalog.counts
    sink &+= counts.processAreas &+ counts.genericPractices &+ catalog.highestCapabilityLevel
    if verbose { printError("fuzz: catalog valid: \(counts)") }
    rate(sampleEvidence, syntax: .json, catalog: catalog, label: "sample.json")
    rate(
      Array(generatedAppraisal(for: catalog, staged: bytes.count % 2 == 0).utf8), syntax: .json, catalog: catalog,
      label: "generated appraisal")
  }

  /// The command's read → print problems → rate, in memory; returns the result of a valid file.
  @discardableResult
  static func rate(_ bytes: [UInt8], syntax: EvidenceSyntax, catalog: Catalog, label: String) -> AppraisalResult? {
    let loaded: AppraisalReader.Loaded
    do {
      loaded = try AppraisalReader.read(
        bytes: bytes, syntax: syntax, file: "fuzz-input.\(syntax.rawValue)", catalog: catalog)
    } catch {
      note(label, error)
      return nil
    }
    for warning in loaded.warnings { sink &+= warning.description.utf8.count }
    let result = AppraisalRater.rate(loaded.appraisal, catalog: catalog)
    if verbose { printError("fuzz: \(label) valid (\(loaded.warnings.count) warnings), rated") }
    return result
  }

  static func note(_ label: String, _ error: ReadFailure) {
    let description = error.errorDescription ?? ""
    sink &+= description.utf8.count
    if verbose { printError("fuzz: \(label) rejected: \(description.prefix(400))") }
  }

  /// An appraisal in JSON syntax for `catalog`: its model, its first two and last process areas in scope,
  /// one service examining them, and evidence for every practice the target rates — both indicator kinds
  /// for every other practice, a direct artifact and a weakness for the rest.
  static func generatedAppraisal(for catalog: Catalog, staged: Bool) -> String {
    let areas = catalog.processAreas
    var picked: [ProcessArea] = Array(areas.prefix(2))
    if let last = areas.last, !picked.contains(where: { $0.id == last.id }) { picked.append(last) }
    let level = staged ? 3 : min(3, max(1, catalog.highestCapabilityLevel))
    let ratedLevels = staged ? [2, 3] : Array(1...level)
    let generic = ratedLevels.compactMap { catalog.genericGoal(forCapabilityLevel: $0) }.flatMap(\.practices)
    var evidence: [String] = []
    var observations: [String] = []
    var number = 0
    for area in picked {
      for (index, practice) in (area.goals.flatMap(\.practices) + generic).enumerated() {
        let reference = json(area.id + " " + practice.id)
        number += 1
        evidence.append(
          #"{"id":"E-\#(number)","practice":\#(reference),"instantiation":"svc","indicator":"direct-artifact","locator":{"document":"doc \#(number)"}}"#
        )
        if index % 2 == 0 {
          number += 1
          evidence.append(
            #"{"id":"E-\#(number)","practice":\#(reference),"instantiation":"svc","indicator":"affirmation","locator":{"document":"interview"}}"#
          )
        } else {
          observations.append(
            #"{"type":"weakness","practice":\#(reference),"instantiation":"svc","impact":"\#(index % 4 == 1 ? "minor" : "major")","text":"gap"}"#
          )
        }
      }
    }
    let ids = picked.map { json($0.id) }.joined(separator: ",")
    return """
      {"formatVersion":1,
      "header":{"id":"fuzz","name":"fuzz","organizationalUnit":"ou","date":"2024-03-01",
      "model":\(json(catalog.model.id)),"modelVersion":\(json(catalog.model.version))},
      "scope":{"representation":"\(staged ? "staged" : "continuous")","targetLevel":\(level),"processAreas":[\(ids)]},
      "instantiations":[{"id":"svc","name":"service","kind":"service","processAreas":[\(ids)]}],
      "evidence":[\(evidence.joined(separator: ","))],
      "observations":[\(observations.joined(separator: ","))]}
      """
  }

  /// `text` as a JSON string literal.
  static func json(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
