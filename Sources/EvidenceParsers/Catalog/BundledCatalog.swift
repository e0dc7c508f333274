import AppraisalModel
import Foundation

/// Finds the catalogs that ship with appraise: the files of the repository's practice-catalogs/ folder.
///
/// Search order: the folder named by the `APPRAISE_CATALOGS` environment variable; `practice-catalogs/`
/// or `share/appraise/practice-catalogs/` beside or above the running executable (an installed copy);
/// the practice-catalogs/ folder of the source tree this module was built from.
public enum BundledCatalog {
  /// The default catalog: CMMI for Services V1.3.
  public static let defaultFile = "cmmi-svc-1.3.json"

  /// The folders searched, in order.
  public static func searchPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
    var folders: [String] = []
    if let custom = environment["APPRAISE_CATALOGS"], !custom.isEmpty { folders.append(custom) }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    let binDir = executable.deletingLastPathComponent()
    folders.append(binDir.appendingPathComponent("practice-catalogs").path)
    folders.append(binDir.deletingLastPathComponent().appendingPathComponent("share/appraise/practice-catalogs").path)
    // Sources/EvidenceParsers/Catalog/BundledCatalog.swift → the repository root.
    let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    folders.append(sourceRoot.appendingPathComponent("practice-catalogs").path)
    return folders
  }

  /// The path of catalog `file` in the first folder of the search path that has it.
  public static func path(_ file: String = defaultFile) -> String? {
    searchPath().lazy.map { ($0 as NSString).appendingPathComponent(file) }
      .first { FileManager.default.fileExists(atPath: $0) }
  }

  /// The path of the bundled `file`, or a failure naming every folder searched.
  public static func locate(_ file: String = defaultFile) throws(ReadFailure) -> String {
    guard let path = path(file) else {
      throw .cannotOpen(
        file: file,
        reason: "not found in " + searchPath().joined(separator: ", ") + "; set APPRAISE_CATALOGS or use --catalog")
    }
    return path
  }

  /// Loads the bundled catalog `file`.
  public static func load(_ file: String = defaultFile) throws(ReadFailure) -> Catalog {
    try CatalogReader.read(path: try locate(file))
  }
}
