import Foundation

/// Runs the built `appraise` executable, as a user would, and captures what it prints.
public struct AppraiseRunner {
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// The repository root (found from this file's path); commands run there so relative fixture paths
  /// appear in messages as users would type them.
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The binary under test: `APPRAISE_TEST_BINARY` when set (an installed copy, or another build to
  /// compare against), else the one built beside the test bundle.
  public static var executable: URL {
    if let binary = ProcessInfo.processInfo.environment["APPRAISE_TEST_BINARY"], !binary.isEmpty {
      return URL(fileURLWithPath: binary)
    }
    var folder = Bundle.main.bundleURL
    for candidate in Bundle.allBundles where candidate.bundlePath.hasSuffix(".xctest") {
      folder = candidate.bundleURL.deletingLastPathComponent()
    }
    let direct = folder.appendingPathComponent("appraise")
    if FileManager.default.fileExists(atPath: direct.path) { return direct }
    return folder.deletingLastPathComponent().appendingPathComponent("appraise")
  }

  /// Runs the binary (or `executable`) with `arguments` in `directory` (default: the repository root),
  /// with `environment` added to this process's and the variables in `unset` removed; with
  /// `standardOutput`, stdout goes there and `Result.stdout` is empty. A run longer than `timeout` seconds
  /// is killed (and fails the caller's expectations on its status).
  public static func run(
    _ arguments: [String], environment: [String: String] = [:], unset: [String] = [], executable: URL? = nil,
    directory: URL? = nil, standardOutput: Pipe? = nil, timeout: TimeInterval = 300
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable ?? self.executable
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? root
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    for key in unset { env[key] = nil }
    process.environment = env
    let out = standardOutput ?? Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // SIGKILL: the test runner's children inherit a signal mask that may block SIGTERM.
    let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    defer { watchdog.cancel() }
    // Read both pipes before waiting so a large output cannot block the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let outData = Box()
    let group = DispatchGroup()
    if standardOutput == nil {
      let handle = out.fileHandleForReading
      DispatchQueue.global().async(group: group) { outData.data = handle.readDataToEndOfFile() }
    }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
