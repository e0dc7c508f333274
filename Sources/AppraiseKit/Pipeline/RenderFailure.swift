/// Why a report could not be rendered: only the binary formats can fail.
public enum RenderFailure: Error, CustomStringConvertible, Sendable {
  /// libxlsxwriter could not write the workbook (`--format xlsx`).
  case workbook(XLSXFailure)
  /// Chromium could not be found or could not print the PDF (`--format pdf`).
  case print(ChromiumPrinter.Failure)

  public var description: String {
    switch self {
    case .workbook(let failure): failure.description
    case .print(let failure): failure.description
    }
  }
}
