/// The ITIL editions a rate report can be viewed through (`--view itil --itil v2|v3|4`), each named as the
/// bundled cross-model mapping names its framework.
public enum ITILEdition: String, CaseIterable, Sendable {
  case v2, v3
  case v4 = "4"

  /// The framework name for ``AppraisalPipeline/addCrossModelView(to:framework:mappingPath:)``.
  public var framework: String {
    switch self {
    case .v2: "ITIL V2"
    case .v3: "ITIL V3/2011"
    case .v4: "ITIL 4"
    }
  }
}
