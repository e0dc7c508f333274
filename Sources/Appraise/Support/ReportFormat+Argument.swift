import AppraiseKit
import ArgumentParser

/// `--format text|markdown|json|csv|html`.
extension ReportFormat: ExpressibleByArgument {}
