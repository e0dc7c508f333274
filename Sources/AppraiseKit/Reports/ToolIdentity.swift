/// The tool's name and version, as every report states them (an auditor files which program rated) and as
/// `appraise --version` prints them.
public enum ToolIdentity {
  public static let name = "appraise"
  public static let version = "0.1.0"
  /// `appraise 0.1.0`.
  public static var description: String { "\(name) \(version)" }
}
