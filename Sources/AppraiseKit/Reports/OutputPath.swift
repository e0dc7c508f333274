/// What an `--output` path's name says.
public enum OutputPath {
  /// The extension of `path`'s file name (`.xlsx`), or `nil` when the name has none (`report`, `.report`).
  public static func fileExtension(_ path: String) -> Substring? {
    let name = path.split(separator: "/").last ?? Substring(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return name[dot...]
  }
}
