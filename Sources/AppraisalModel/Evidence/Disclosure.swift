/// The appraisal disclosure facts: who appraised the organizational unit for whom and when, what the unit
/// is, how its sample was drawn, and the team's own summary findings. Every fact is optional; an appraisal
/// file without any has an empty disclosure. Nothing here changes a rating.
public struct Disclosure: Hashable, Sendable, Codable {
  /// A member of the appraisal team or the sponsor, named by role in the organization (never in findings).
  public struct Person: Hashable, Sendable, Codable {
    public var name: String
    public var organization: String?
    /// The person's role in their organization, e.g. `head of operations`.
    public var role: String?

    public init(name: String, organization: String? = nil, role: String? = nil) {
      self.name = name
      self.organization = organization
      self.role = role
    }
  }

  /// Whether the results are the team's final word.
  public enum ReportStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case draft, final
  }

  /// The size of the organizational unit the sample was drawn from.
  public struct Population: Hashable, Sendable, Codable {
    /// The people in the organizational unit.
    public var people: Int?
    /// The basic units (projects, teams, services) in the organizational unit; the sample is drawn from them.
    public var basicUnits: Int?

    public init(people: Int? = nil, basicUnits: Int? = nil) {
      self.people = people
      self.basicUnits = basicUnits
    }
  }

  /// A factor the sample was stratified by (service type, location, size), and why.
  public struct SamplingFactor: Hashable, Sendable, Codable {
    public var name: String
    /// Why the factor matters for the organizational unit (or why it was judged not to).
    public var rationale: String
    /// The values the factor takes in the organizational unit, as the team writes them.
    public var values: String?

    public init(name: String, rationale: String, values: String? = nil) {
      self.name = name
      self.rationale = rationale
      self.values = values
    }
  }

  /// A sampling subgroup: the basic units that share the values of the sampling factors.
  public struct Subgroup: Hashable, Sendable, Codable {
    /// The name instantiations give in their `subgroup`.
    public var id: String
    public var description: String?
    /// Why the subgroup was formed and sampled as it was.
    public var rationale: String?

    public init(id: String, description: String? = nil, rationale: String? = nil) {
      self.id = id
      self.description = description
      self.rationale = rationale
    }
  }

  /// A summary finding the team wrote for a process area, or for one of its goals.
  public struct TeamFinding: Hashable, Sendable, Codable {
    public var processArea: String
    /// `SG n` or `GG n`; `nil` for a finding about the whole area.
    public var goal: String?
    public var text: String

    public init(processArea: String, goal: String? = nil, text: String) {
      self.processArea = processArea
      self.goal = goal
      self.text = text
    }
  }

  public var teamLeader: Person?
  public var teamMembers: [Person]
  public var sponsor: Person?
  /// ISO 8601 dates (`YYYY-MM-DD`) of the appraisal's first and last day.
  public var startDate: String?
  public var endDate: String?
  public var reportStatus: ReportStatus?
  public var organizationalUnitDescription: String?
  /// Where the organizational unit works (sites, cities).
  public var locations: [String]
  public var population: Population?
  public var samplingFactors: [SamplingFactor]
  public var subgroups: [Subgroup]
  /// The team's summary findings per process area or goal.
  public var findings: [TeamFinding]
  /// Findings about the organizational unit that no model goal covers.
  public var globalFindings: [String]

  public init(
    teamLeader: Person? = nil, teamMembers: [Person] = [], sponsor: Person? = nil, startDate: String? = nil,
    endDate: String? = nil, reportStatus: ReportStatus? = nil, organizationalUnitDescription: String? = nil,
    locations: [String] = [], population: Population? = nil, samplingFactors: [SamplingFactor] = [],
    subgroups: [Subgroup] = [], findings: [TeamFinding] = [], globalFindings: [String] = []
  ) {
    self.teamLeader = teamLeader
    self.teamMembers = teamMembers
    self.sponsor = sponsor
    self.startDate = startDate
    self.endDate = endDate
    self.reportStatus = reportStatus
    self.organizationalUnitDescription = organizationalUnitDescription
    self.locations = locations
    self.population = population
    self.samplingFactors = samplingFactors
    self.subgroups = subgroups
    self.findings = findings
    self.globalFindings = globalFindings
  }

  /// Whether no fact is given (a file without disclosure facts).
  public var isEmpty: Bool { self == Disclosure() }
}
