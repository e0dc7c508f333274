import AppraiseKit
import ArgumentParser
import EvidenceParsers

/// Commands built on SCAMPI V1.3 ratings (`plan`, `trend`, `template --from`, `import --merge`) refuse a CMMI
/// V3.0 appraisal with a usage error naming it, instead of reading it as SCAMPI and listing its every element.
enum MethodCheck {
  static func requireSCAMPI(_ files: [String], for command: String) throws {
    for file in files where try exitOnFailure({ try AppraisalPipeline.method(of: file) }) == .cmmi30 {
      throw ValidationError(
        "\(command) works on SCAMPI V1.3 appraisals; \(file) is a CMMI V3.0 appraisal (method cmmi-3.0): rate it "
          + "with appraise rate, or compare it with a V1.3 appraisal")
    }
  }
}
