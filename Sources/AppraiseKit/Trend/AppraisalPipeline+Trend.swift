import AppraisalModel

extension AppraisalPipeline {
  /// The trend of rated appraisals of one unit (at least two, in any order): put in date order, with the
  /// warnings between neighbours and the findings followed by identity (``AppraisalTrender``).
  public static func trend(_ reports: [RateReport]) -> TrendReport {
    let trend = AppraisalTrender.trend(reports.map(\.result))
    return TrendReport(trend: trend, points: trend.inputOrder.map { reports[$0] })
  }

  /// The trend report in `format`: text for the text formats, the workbook's bytes for xlsx; `nil` for pdf,
  /// which has no trend layout. Only xlsx can fail.
  public static func render(_ report: TrendReport, format: ReportFormat, colour: Bool = false) throws(RenderFailure)
    -> RenderedReport?
  {
    switch format {
    case .text: return .text(TextRenderer(colour: colour).render(report.document()))
    case .markdown: return .text(MarkdownRenderer().render(report.document()))
    case .html: return .text(HTMLRenderer().render(report.document()))
    case .json: return .text(TrendJSONRenderer().render(report))
    case .csv: return .text(TrendCSVRenderer().render(report))
    case .xlsx:
      do { return .binary(try XLSXRenderer().workbook(report)) } catch { throw .workbook(error) }
    case .pdf: return nil
    }
  }
}
