import AppraisalModel

/// How much of the per-instantiation detail a rate report lists: every (practice, instantiation) value,
/// or per practice how many instantiations have each value. Large samples are summarised by default: a
/// matrix of a thousand columns is unreadable and its reports run to hundreds of megabytes.
public enum ReportDetail: String, Sendable, CaseIterable {
  case full, summary

  /// Up to this many instantiations, `--detail auto` lists them all.
  public static let automaticLimit = 50

  /// The detail asked for (`--detail auto|full|summary`): a fixed one, or `auto`, which depends on the
  /// number of instantiations (``resolve(_:instantiations:)``).
  public enum Choice: String, Sendable, CaseIterable {
    case auto, full, summary

    /// The fixed detail; `nil` for `auto`.
    public var fixed: ReportDetail? { ReportDetail(rawValue: rawValue) }
  }

  /// The detail for `choice` (`nil` = auto) and an appraisal of `instantiations` units.
  public static func resolve(_ choice: ReportDetail?, instantiations: Int) -> ReportDetail {
    choice ?? (instantiations > automaticLimit ? .summary : .full)
  }

  /// The codes counted per practice in a summary, in report order; "—" counts the units not characterized.
  static let columns = ["FI", "LI", "PI", "NI", "NY", "—"]

  /// How many of the practice's instantiations have each of ``columns``.
  static func distribution(_ practice: OUCharacterization) -> [Int] {
    // ``InstantiationValues/valueCounts`` counts in the order of ``columns``.
    practice.instantiations.valueCounts
  }
}
