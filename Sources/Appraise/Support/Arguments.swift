import AppraiseKit
import ArgumentParser

/// `--format text|markdown|json|csv|html|xlsx|pdf`.
extension ReportFormat: ExpressibleByArgument {}

/// `--paper a4|letter` (pdf only).
extension PrintSettings.Paper: ExpressibleByArgument {}

/// `--fail-on unsatisfied|not-satisfied`.
extension FailCondition: ExpressibleByArgument {}

/// `--detail auto|full|summary`.
extension ReportDetail.Choice: ExpressibleByArgument {}

/// `--itil v2|v3|4`.
extension ITILEdition: ExpressibleByArgument {}

/// `--representation staged|continuous` (`appraise template`).
extension TemplateRequest.Representation: ExpressibleByArgument {}

/// `--format text|csv|json` (`appraise validate --readiness`).
extension ReadinessFormat: ExpressibleByArgument {}

/// `--format text|markdown|csv|json|xlsx` (`appraise plan`).
extension PlanFormat: ExpressibleByArgument {}
