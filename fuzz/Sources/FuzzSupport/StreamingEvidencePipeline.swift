import AppraisalModel
import AppraiseKit
import EvidenceParsers

extension FuzzPipeline {
  /// The JSON or CSV file read from a path as `appraise rate FILE` reads it (its evidence items counted on
  /// bytes, ``AppraisalPipeline/read(path:catalog:)``), checked against the in-memory read of the same
  /// bytes (items kept), then rated and compared as ``evidence(_:syntax:)`` does.
  ///
  /// Differential check, as for streaming XML: the same problems, or the same digest, warnings, item
  /// count, appraisal apart from its items and rating; any difference stops the run as a crash.
  public static func streamingEvidence(_ bytes: [UInt8], syntax: EvidenceSyntax) {
    let (catalog, digest) = bundled
    let file = streamedFiles[syntax]!
    file.replace(with: bytes)
    let streamed = Result { () throws(ReadFailure) in try AppraisalPipeline.read(path: file.path, catalog: catalog) }
    let ordinary = Result { () throws(ReadFailure) in
      try AppraisalPipeline.read(bytes: bytes, syntax: syntax, file: file.path, catalog: catalog)
    }
    func disagree(_ what: String, _ streamed: String, _ ordinary: String) -> Never {
      fatalError(
        "fuzz: streaming and in-memory \(syntax.rawValue) reads disagree: \(what)\n--- streaming:\n"
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

  /// The memfds behind the path-only streaming reads of JSON and CSV.
  static let streamedFiles: [EvidenceSyntax: MemoryFile] = withoutLeakChecking {
    [.json: MemoryFile(fileExtension: "json"), .csv: MemoryFile(fileExtension: "csv")]
  }
}
