/// The rules the engine applies, in words, for the "rules applied" section every report carries.
public enum RatingRules {
  /// The method statement every report makes.
  public static let methodStatement =
    "SCAMPI-style characterization for gap analysis; not a SCAMPI A / Benchmark rating."

  /// One line per rule, in the order the engine applies them.
  public static func summary(coverage: CoveragePolicy) -> [(rule: String, statement: String)] {
    [
      (
        "Practice characterization",
        "the team's value when recorded; otherwise derived from indicators: artifacts and affirmations without "
          + "weakness FI, with minor weaknesses LI, with a major weakness PI; one kind of evidence only PI; "
          + "weaknesses without evidence NI; nothing recorded: not characterized. NY only from the team."
      ),
      (
        "Aggregation to the organizational unit",
        "all units the same X → X; FI/LI mix → LI; a mix with PI or NI needs team judgment (recorded decision "
          + "taken if allowed, otherwise PI and flagged \"judgment needed\"); NY units left out unless all are NY; "
          + "an uncharacterized unit leaves the practice uncharacterized."
      ),
      (
        "Data coverage",
        !coverage.isEnabled
          ? "not applied in this appraisal (disabled in its scope)."
          : coverage.rule == .perArea
            ? "policy per-area: in each subgroup at least \(coverage.minimumShare) of the units (rounded up) provide "
              + "artifacts and affirmations for the area, or its goals are Not Rated."
            : "policy scampi-1.3: in each subgroup (i) at least one unit provides artifacts and affirmations for the "
              + "area, (ii) at least \(coverage.minimumShare) of the units (rounded up) provide both for some area in "
              + "scope, (iii) every unit provides one or the other for some area in scope; each support function "
              + "provides both for each area it owns; otherwise the area's goals are Not Rated, the reasons naming "
              + "the rule and the units."
      ),
      (
        "Goal rating",
        "Not Rated if a practice is not characterized or NY or coverage fails; Satisfied if every practice is FI "
          + "or LI (provisional until the team judges the weaknesses' significance; judged significant → "
          + "Unsatisfied); Unsatisfied otherwise."
      ),
      (
        "Process area rating",
        "Satisfied if all goals in scope are Satisfied; Unsatisfied if any is; Not Rated otherwise; Not Applicable "
          + "and Out of Scope from the scope."
      ),
      (
        "Capability level",
        "0–3 per area: CL 1 = specific goals Satisfied, CL 2 = + GG 2, CL 3 = + GG 3."
      ),
      (
        "Maturity level",
        "highest level N whose areas (all at ML ≤ N, except Not Applicable and unselected additions) are Satisfied "
          + "with GG 2 (ML 2) or GG 2 + GG 3 (ML 3–5); equivalent staging derives it from the capability profile."
      ),
      ("No averages", "no rating is ever computed from numeric scores or averages."),
    ]
  }
}
