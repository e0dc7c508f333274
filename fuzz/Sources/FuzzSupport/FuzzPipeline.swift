import AppraisalModel
import AppraiseKit
import EvidenceParsers

/// What every harness runs on one fuzz input: the library pipeline the `appraise` command runs
/// (``AppraisalPipeline``), from bytes to a rate report and a comparison, entirely in memory.
///
/// - evidence (XML, JSON, CSV): ``AppraisalPipeline/read(bytes:syntax:file:catalog:)`` against the bundled
///   CMMI-SVC V1.3 catalog (decode without locations, and on any problem decode again with the source map,
///   validate, sort), every message rendered as the command would print it; a valid appraisal is rated into
///   a report (``AppraisalPipeline/rate(_:role:catalog:catalogDigest:detail:)``) and compared with the rated
///   sample appraisal (``AppraisalPipeline/compare(before:after:)``).
/// - streaming XML: what `appraise rate FILE.xml` actually runs, ``AppraisalPipeline/read(path:catalog:)``
///   (``EvidenceSummarizer``, ``XMLEvidenceScanner``, then the located read on any doubt), checked against
///   the in-memory read of the same bytes. That API only takes a path, so the input goes through a memfd
///   (see ``MemoryFile``).
/// - catalog: ``AppraisalPipeline/loadCatalog(path:)`` (through a memfd; JSON syntax, walker,
///   ``CatalogValidator``); a valid catalog then rates two appraisals: fixtures/evidence/sample.json, and
///   one generated from the fuzzed catalog itself so that the rater sees the catalog's shapes even when its
///   ids are not CMMI-SVC's.
/// - rendering: ``RenderPipeline``.
///
/// Set `FUZZ_VERBOSE=1` to print on stderr what happened to each input (useful with `run.sh --replay`).
public enum FuzzPipeline {
  /// The bundled catalog and its digest, loaded once on first use as the command loads it.
  static let bundled: (catalog: Catalog, digest: InputDigest) = withoutLeakChecking {
    do throws(ReadFailure) {
      return try AppraisalPipeline.loadCatalog()
    } catch {
      fatalError("fuzz: cannot load the bundled catalog: \(error.errorDescription ?? "\(error)")")
    }
  }

  /// The bundled catalog (CMMI-SVC V1.3).
  public static var bundledCatalog: Catalog { bundled.catalog }

  /// fixtures/evidence/sample.xml, read (streaming, from its path) and rated once: the other side of every
  /// comparison. (Company A's 80 KB "before" file would make the comparator a third of every execution.)
  static let baseline: RateReport = withoutLeakChecking {
    let file = repositoryRoot + "/fixtures/evidence/sample.xml"
    do throws(ReadFailure) {
      return try AppraisalPipeline.rate(
        path: file, role: "before", catalog: bundled.catalog, catalogDigest: bundled.digest)
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
    let (catalog, digest) = bundled
    if let report = rate(bytes, syntax: syntax, catalog: catalog, catalogDigest: digest, label: "evidence") {
      let comparison = AppraisalPipeline.compare(before: baseline, after: report)
      withExtendedLifetime(comparison) {}
    }
  }

  /// The streaming XML read from a path, then rating and comparison as for ``evidence(_:syntax:)``.
  ///
  /// Differential check: ``AppraisalReader/read(path:catalog:streaming:)`` documents that streaming
  /// changes nothing but where the evidence items end up, so the same bytes read in memory (the
  /// ordinary read) must give the same problems, or the same digest, warnings, appraisal apart from its
  /// items and rating; any difference stops the run as a crash.
  public static func streamingXML(_ bytes: [UInt8]) {
    streamingAgainstInMemory(bytes, syntax: .xml, through: evidenceFile, named: "XML")
  }

  /// Reads `bytes` through `memoryFile` as `appraise rate FILE` does and in memory (the ordinary read), and
  /// stops the run as a crash where they differ: in their problems, or in digest, warnings, item count,
  /// appraisal apart from its items or rating. A valid file is then rated and compared. `name` names the
  /// syntax in a crash.
  static func streamingAgainstInMemory(
    _ bytes: [UInt8], syntax: EvidenceSyntax, through memoryFile: MemoryFile, named name: String
  ) {
    let (catalog, digest) = bundled
    memoryFile.replace(with: bytes)
    let file = memoryFile.path
    let streamed = Result { () throws(ReadFailure) in try AppraisalPipeline.read(path: file, catalog: catalog) }
    let ordinary = Result { () throws(ReadFailure) in
      try AppraisalPipeline.read(bytes: bytes, syntax: syntax, file: file, catalog: catalog)
    }
    func disagree(_ what: String, _ streamed: String, _ ordinary: String) -> Never {
      fatalError(
        "fuzz: streaming and in-memory \(name) reads disagree: \(what)\n--- streaming:\n"
          + "\(streamed.prefix(2000))\n--- in memory:\n\(ordinary.prefix(2000))")
    }
    switch (streamed, ordinary) {
    case (.failure(let streamedError), .failure(let ordinaryError)):
      note("streaming \(syntax.rawValue)", streamedError)
      if streamedError != ordinaryError {
        disagree("different problems", streamedError.errorDescription ?? "", ordinaryError.errorDescription ?? "")
      }
    case (.success(let loaded), .success(let reference)):
      if loaded.sha256 != reference.sha256 { disagree("different digests", loaded.sha256, reference.sha256) }
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
      let report = AppraisalPipeline.rate(loaded, catalog: catalog, catalogDigest: digest)
      var referenceResult = AppraisalPipeline.rate(reference, catalog: catalog, catalogDigest: digest).result
      referenceResult.appraisal = report.result.appraisal
      if report.result != referenceResult { disagree("different ratings", "\(report.result)", "\(referenceResult)") }
      for warning in report.warnings { sink &+= warning.utf8.count }
      if verbose {
        printError(
          "fuzz: streaming \(syntax.rawValue) valid (\(loaded.warnings.count) warnings), rated, same as in memory")
      }
      let comparison = AppraisalPipeline.compare(before: baseline, after: report)
      withExtendedLifetime(comparison) {}
    case (.success, .failure(let error)):
      disagree("only the streaming read accepted the file", "valid", error.errorDescription ?? "")
    case (.failure(let error), .success):
      disagree("only the in-memory read accepted the file", error.errorDescription ?? "", "valid")
    }
  }

  /// The memfds behind the path-only reads: streamed evidence, and catalogs (``AppraisalPipeline/loadCatalog(path:)``).
  static let evidenceFile = withoutLeakChecking { MemoryFile(fileExtension: "xml") }
  static let catalogFile = withoutLeakChecking { MemoryFile(fileExtension: "json") }

  /// Loads and validates one catalog as `--catalog FILE` does; a valid one then rates the sample and a
  /// generated appraisal.
  public static func catalog(_ bytes: [UInt8]) {
    catalogFile.replace(with: bytes)
    let loaded: (catalog: Catalog, digest: InputDigest)
    do {
      loaded = try AppraisalPipeline.loadCatalog(path: catalogFile.path)
    } catch {
      note("catalog", error)
      return
    }
    let (catalog, digest) = loaded
    let counts = catalog.counts
    sink &+= counts.processAreas &+ counts.genericPractices &+ catalog.highestCapabilityLevel
    if verbose { printError("fuzz: catalog valid: \(counts)") }
    rate(sampleEvidence, syntax: .json, catalog: catalog, catalogDigest: digest, label: "sample.json")
    rate(
      Array(generatedAppraisal(for: catalog, staged: bytes.count % 2 == 0).utf8), syntax: .json, catalog: catalog,
      catalogDigest: digest, label: "generated appraisal")
  }

  /// The command's read → print problems → rate, in memory; returns the report of a valid file.
  @discardableResult
  static func rate(
    _ bytes: [UInt8], syntax: EvidenceSyntax, catalog: Catalog, catalogDigest: InputDigest, label: String,
    detail: ReportDetail? = nil
  ) -> RateReport? {
    let loaded: AppraisalReader.Loaded
    do {
      loaded = try AppraisalPipeline.read(
        bytes: bytes, syntax: syntax, file: "fuzz-input.\(syntax.rawValue)", catalog: catalog)
    } catch {
      note(label, error)
      return nil
    }
    let report = AppraisalPipeline.rate(loaded, catalog: catalog, catalogDigest: catalogDigest, detail: detail)
    for warning in report.warnings { sink &+= warning.utf8.count }
    if verbose { printError("fuzz: \(label) valid (\(loaded.warnings.count) warnings), rated") }
    return report
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
