/// How ``HTMLRenderer`` lays a report out for paper (the page Chromium prints as `--format pdf`): a cover
/// page, CSS paged media with the paper size, a running header and "page N of M".
public struct PrintSettings: Hashable, Sendable {
  /// The paper sizes a PDF report is printed on.
  public enum Paper: String, CaseIterable, Hashable, Sendable {
    case a4, letter

    /// The value of the CSS `@page { size: … }` descriptor.
    var cssSize: String {
      switch self {
      case .a4: "A4"
      case .letter: "letter"
      }
    }
  }

  public var paper: Paper

  public init(paper: Paper = .a4) {
    self.paper = paper
  }

  /// Sections that start on a new page when printed: the long ones, whose tables read best from a page's top,
  /// and every appendix (``startsNewPage(_:)``). A heading not listed here simply follows on (a renamed section
  /// loses its page break, nothing else).
  static let sectionsOnNewPage: Set<String> = [
    "Process area ratings", "Findings", "Practice characterizations", "Goal satisfaction before and after",
    "Practice characterization transitions", "Practice group ratings", "Project characterizations",
    "Weakness risk per project",
  ]

  /// Whether a section headed `text` starts on a new page: a long section, or an appendix.
  static func startsNewPage(_ text: String) -> Bool {
    sectionsOnNewPage.contains(text) || text.hasPrefix("Appendix ")
  }
}
