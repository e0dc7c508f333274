import Foundation

/// Runs the built `appraise` executable, as a user would, and captures what it prints.
struct AppraiseRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The repository root (found from this file's path); commands run there so relative fixture paths
  /// appear in messages as users would type them.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The folder holding the built products; the test bundle lives beside the executable.
  static var executable: URL {
    var folder = Bundle.main.bundleURL
    for candidate in Bundle.allBundles where candidate.bundlePath.hasSuffix(".xctest") {
      folder = candidate.bundleURL.deletingLastPathComponent()
    }
    let direct = folder.appendingPathComponent("appraise")
    if FileManager.default.fileExists(atPath: direct.path) { return direct }
    return folder.deletingLastPathComponent().appendingPathComponent("appraise")
  }

  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = root
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes before waiting so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
