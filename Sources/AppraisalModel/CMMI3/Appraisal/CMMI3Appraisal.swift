/// Everything a team records for a CMMI V3.0 appraisal: the header, the scope settings (type, maturity or
/// capability, view, optional areas, target levels, projects and their per-area scope, organizational
/// processes), the per practice × project inputs, and the team's values and decisions.
///
/// ``CMMI3Validator`` checks it against a ``PracticeAreaCatalog``; ``CMMI3Rater`` rates it.
public struct CMMI3Appraisal: Hashable, Sendable {
  /// Identifies the appraisal and the model it is against.
  public struct Header: Hashable, Sendable {
    public var id: String
    public var name: String
    public var organizationalUnit: String
    /// ISO 8601 date (`YYYY-MM-DD`).
    public var date: String
    /// The catalog's model id: `CMMI`.
    public var model: String
    /// The catalog's model version: `3.0`.
    public var modelVersion: String

    public init(
      id: String, name: String, organizationalUnit: String, date: String, model: String = "CMMI",
      modelVersion: String = "3.0"
    ) {
      self.id = id
      self.name = name
      self.organizationalUnit = organizationalUnit
      self.date = date
      self.model = model
      self.modelVersion = modelVersion
    }
  }

  /// A maturity appraisal rates the organization (ML); a capability appraisal rates each area (CL, at most 3).
  public enum Representation: String, Hashable, Sendable, CaseIterable {
    case maturity
    case capability
  }

  /// The target level, with optional per-area targets.
  public struct Target: Hashable, Sendable {
    /// One area's own target.
    public struct AreaTarget: Hashable, Sendable {
      public var practiceArea: String
      public var level: Int

      public init(practiceArea: String, level: Int) {
        self.practiceArea = practiceArea
        self.level = level
      }
    }

    /// 1–5; a capability appraisal at most ``CMMI3CapabilityLevelRule/highestCapabilityLevel``.
    public var level: Int
    /// Areas whose target differs from ``level`` (capability appraisals: each at most 3).
    public var practiceAreas: [AreaTarget]

    public init(level: Int, practiceAreas: [AreaTarget] = []) {
      self.level = level
      self.practiceAreas = practiceAreas
    }

    /// The target of area `id`: its own if given, else the appraisal's.
    public func level(for id: String) -> Int { practiceAreas.first { $0.practiceArea == id }?.level ?? level }
  }

  /// A sampled project (basic unit).
  public struct Project: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Areas of the appraisal's scope that are out of scope for this project.
    public var outOfScope: [String]
    /// The organizational processes the project uses (its GOV and II values default from theirs).
    public var organizationalProcesses: [String]

    public init(id: String, name: String, outOfScope: [String] = [], organizationalProcesses: [String] = []) {
      self.id = id
      self.name = name
      self.outOfScope = outOfScope
      self.organizationalProcesses = organizationalProcesses
    }

    /// Whether area `id` is examined in this project.
    public func examines(_ id: String) -> Bool { !outOfScope.contains(id) }
  }

  /// An organizational process (for GOV and II, characterized per organizational process).
  public struct OrganizationalProcess: Hashable, Sendable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }

  public var header: Header
  public var type: AppraisalType
  public var representation: Representation
  /// The catalog view: `Core`, `Services`, `All`, …
  public var view: String
  /// The view's optional areas switched on (`["SAM"]` for the Services view with SAM).
  public var optionalAreas: [String]
  /// The areas of the view the appraisal rates, when a gap analysis takes only some (`nil`: the whole view and
  /// the optional areas switched on).
  public var selectedAreas: [String]?
  public var target: Target
  public var projects: [Project]
  public var organizationalProcesses: [OrganizationalProcess]
  public var practiceInputs: [CMMI3PracticeInput]
  public var teamOUValues: [CMMI3TeamOUValue]
  public var practiceGroupDecisions: [PracticeGroupDecision]
  public var organizationalProcessValues: [OrganizationalProcessValue]
  public var teamProjectValues: [CMMI3TeamProjectValue]

  public init(
    header: Header, type: AppraisalType, representation: Representation, view: String, optionalAreas: [String] = [],
    target: Target, projects: [Project], organizationalProcesses: [OrganizationalProcess] = [],
    practiceInputs: [CMMI3PracticeInput] = [], teamOUValues: [CMMI3TeamOUValue] = [],
    practiceGroupDecisions: [PracticeGroupDecision] = [],
    organizationalProcessValues: [OrganizationalProcessValue] = [], teamProjectValues: [CMMI3TeamProjectValue] = []
  ) {
    self.header = header
    self.type = type
    self.representation = representation
    self.view = view
    self.optionalAreas = optionalAreas
    self.target = target
    self.projects = projects
    self.organizationalProcesses = organizationalProcesses
    self.practiceInputs = practiceInputs
    self.teamOUValues = teamOUValues
    self.practiceGroupDecisions = practiceGroupDecisions
    self.organizationalProcessValues = organizationalProcessValues
    self.teamProjectValues = teamProjectValues
    self.selectedAreas = nil
  }

  /// Whether SAM is switched on.
  public var includesSAM: Bool { optionalAreas.contains("SAM") }

  /// The areas this appraisal rates: the view's areas and the optional ones switched on, in catalog order.
  public func practiceAreas(in catalog: PracticeAreaCatalog) -> [PracticeArea] {
    let areas = catalog.practiceAreas(inView: view, includingOptional: optionalAreas)
    guard let selectedAreas else { return areas }
    return areas.filter { selectedAreas.contains($0.id) }
  }

  /// The level up to which area `id` is rated: its target, capped at 3 in a capability appraisal.
  public func ratedLevel(for id: String) -> Int {
    let level = target.level(for: id)
    return representation == .capability ? min(level, CMMI3CapabilityLevelRule.highestCapabilityLevel) : level
  }
}
