import AppraisalModel
import Foundation
import TestSupport
import Testing

@testable import AppraiseKit

/// The print layout of the HTML report (what `--format pdf` prints): the cover, CSS paged media, the page
/// breaks; the screen page stays as it was (its golden files are unchanged).
@Suite("HTML report laid out for print")
struct PrintHTMLTests {
  static func page(_ report: RateReport, paper: PrintSettings.Paper = .a4) -> String {
    HTMLRenderer(print: PrintSettings(paper: paper)).render(report)
  }

  @Test("the cover comes first with the appraisal, the disclosure block, the method statement and signature lines")
  func cover() throws {
    let html = Self.page(try HTMLFixtures.rateReport())
    let cover = try #require(html.range(of: "<section class=\"cover\">"))
    let coverEnd = try #require(html.range(of: "</section>"))
    let summary = try #require(html.range(of: "<h2>Executive summary</h2>"))
    #expect(cover.upperBound < coverEnd.lowerBound && coverEnd.upperBound < summary.lowerBound)
    let text = String(html[cover.lowerBound..<coverEnd.upperBound])
    for expected in [
      "Appraisal rating report", "company-a-after", "Company A web services", "CMMI for Services (CMMI-SVC 1.3)",
      "2011-09-19 – 2011-09-30", "<dt>Report status</dt><dd><span class=\"line\">final</span></dd>",
      "Dana Whitfield (lead appraiser, Northbridge Process Consulting)", "Jonas Eberle (quality manager, Company A)",
      "Priya Raman (appraiser, Northbridge Process Consulting)", "Martina Kessler (head of operations, Company A)",
      "Hamburg (operations and service desk)", "population: 40 people, 5 basic units; sample: 3 instantiations",
      "service type (online shop, payment gateway", "web services — the five web services the unit operates",
      HTMLRenderer.escape(RatingRules.methodStatement), "<p class=\"sign-name\">Dana Whitfield</p>",
      "<p class=\"sign-name\">Martina Kessler</p>", "Appraisal team leader — lead appraiser", "Sponsor — head of",
    ] {
      #expect(text.contains(expected), "the cover has no \(expected)")
    }
    // The title and the method statement are on the cover only; the report proper starts with the summary.
    #expect(HTMLFixtures.count("<h1>", in: html) == 1)
    #expect(HTMLFixtures.count(HTMLRenderer.escape(RatingRules.methodStatement), in: html) == 1)
    #expect(HTMLFixtures.count("class=\"signature\"", in: html) == 2)
  }

  @Test(
    "paged media: paper size, running header with id and status, page N of M, page breaks",
    arguments: [
      (PrintSettings.Paper.a4, "A4"), (.letter, "letter"),
    ])
  func pagedMedia(paper: PrintSettings.Paper, size: String) throws {
    let html = Self.page(try HTMLFixtures.rateReport(), paper: paper)
    let style = HTMLFixtures.styleSheet(html)
    #expect(style.contains("size: \(size); margin:"))
    #expect(style.contains("@top-left { content: \"company-a-after\";"))
    #expect(style.contains("@top-right { content: \"Final report\";"))
    #expect(style.contains("@bottom-center { content: \"page \" counter(page) \" of \" counter(pages);"))
    #expect(style.contains(".cover { break-after: page; }"))
    #expect(html.contains("<h2 class=\"new-page\">Findings</h2>"))
    #expect(html.contains("<h2>Scope and sample</h2>"))
    // The screen style sheet is all there, the print rules after it.
    #expect(style.hasPrefix("\n\(HTMLRenderer.styleSheet)@page {"))
  }

  @Test("the screen page has no print layout and is what HTMLRenderer() always wrote")
  func screenUnchanged() throws {
    let report = try HTMLFixtures.rateReport()
    let screen = HTMLRenderer().render(report)
    #expect(screen == HTMLRenderer(print: nil).render(report))
    #expect(screen == HTMLRenderer().render(report.document()))
    #expect(!screen.contains("@page") && !screen.contains("class=\"cover\"") && !screen.contains("new-page"))
  }

  @Test("a compare report's cover names both appraisals and shows the after appraisal's disclosure")
  func compareCover() throws {
    let html = HTMLRenderer(print: PrintSettings()).render(try HTMLFixtures.compareReport())
    #expect(html.contains("<p class=\"cover-kind\">Before/after comparison</p>"))
    #expect(html.contains("Company A web services — ITIL V2 operations (company-a-before), 2010-11-19"))
    #expect(html.contains("(company-a-after), 2011-09-30"))
    #expect(html.contains("Appraisal disclosure (after)"))
    #expect(html.contains("since 2011 development and test are tied to release management"))
    #expect(
      HTMLFixtures.styleSheet(html).contains("@top-left { content: \"company-a-before \\2192  company-a-after\";"))
    #expect(html.contains("<h2 class=\"new-page\">Goal satisfaction before and after</h2>"))
  }

  @Test("an appraisal without disclosure facts prints \"not stated\" for each, and status not stated")
  func notStated() throws {
    var report = try HTMLFixtures.rateReport()
    report.result.appraisal.disclosure = Disclosure()
    let html = Self.page(report)
    for key in [
      "Team leader", "Team members", "Sponsor", "Organizational unit description", "Locations", "Sampling factors",
      "Subgroups",
    ] {
      #expect(html.contains("<dt>\(key)</dt><dd><span class=\"line\">not stated</span></dd>"), "\(key)")
    }
    #expect(html.contains("(report date; start and end not stated)"))
    #expect(html.contains("population: people not stated, basic units not stated; sample: 3 instantiations"))
    #expect(html.contains("<p class=\"sign-name\">name not stated</p>"))
    #expect(HTMLFixtures.styleSheet(html).contains("@top-right { content: \"Report status not stated\";"))
    // Partial facts: a draft with one end date and a leader without organization or role.
    report.result.appraisal.disclosure = Disclosure(
      teamLeader: .init(name: "Ann"), endDate: "2011-09-30", reportStatus: .draft, population: .init(people: 1))
    let partial = Self.page(report)
    #expect(partial.contains("until 2011-09-30 (start not stated)"))
    #expect(partial.contains("<dt>Team leader</dt><dd><span class=\"line\">Ann</span></dd>"))
    #expect(partial.contains("population: 1 person, basic units not stated"))
    #expect(partial.contains("<p class=\"sign-role\">Appraisal team leader</p>"))
    #expect(HTMLFixtures.styleSheet(partial).contains("@top-right { content: \"Draft report\";"))
  }

  @Test("hostile disclosure text stays text: no markup, and the running header cannot leave its CSS string")
  func hostileText() throws {
    var report = try HTMLFixtures.rateReport()
    let hostile = HTMLFixtures.hostile + " \"; } </style><script>x</script> url(https://evil.example) @import \\"
    report.result.appraisal.header.id = hostile
    report.result.appraisal.disclosure = Disclosure(
      teamLeader: .init(name: hostile, organization: hostile, role: hostile), teamMembers: [.init(name: hostile)],
      sponsor: .init(name: hostile), organizationalUnitDescription: hostile + "\n" + hostile, locations: [hostile],
      samplingFactors: [.init(name: hostile, rationale: hostile, values: hostile)],
      subgroups: [.init(id: hostile, description: hostile, rationale: hostile)])
    let html = Self.page(report)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(HTMLFixtures.count("</style>", in: html) == 1)
    let style = HTMLFixtures.styleSheet(html).lowercased()
    for forbidden in ["url(", "@import", "//", "<", "@font-face"] {
      #expect(!style.contains(forbidden), "style sheet contains \(forbidden)")
    }
    #expect(HTMLRenderer.cssString("a\"b\\c</style>\nd") == "\"a\\22 b\\5C c\\3C \\2F style\\3E  d\"")
  }

  @Test("the print page of Company A after, byte for byte (golden)")
  func golden() throws {
    let (catalog, catalogDigest) = try AppraisalPipeline.loadCatalog()
    var report = try AppraisalPipeline.rate(
      path: HTMLFixtures.path("fixtures/company-a/after.xml"), catalog: catalog, catalogDigest: catalogDigest)
    // Named as the command names them when run from the repository root (like the other goldens).
    for index in report.inputs.indices {
      report.inputs[index].path = report.inputs[index].path.replacingOccurrences(
        of: AppraiseRunner.root.path + "/", with: "")
    }
    try ReportGoldenTests.check(Self.page(report), "rate-after.print.html")
  }

  @Test("the PDF's creation and modification dates become the appraisal's date, in the same number of bytes")
  func stampedDates() {
    let pdf = Array(
      "%PDF-1.4\n<</Creator (x)\n/CreationDate (D:20261207054131+00'00')\n/ModDate (D:20261207054131+01'00')>>\n"
        .utf8)
    let stamped = ChromiumPrinter.stampingDates(pdf, date: "2011-09-30")
    #expect(stamped.count == pdf.count)
    #expect(
      String(decoding: stamped, as: UTF8.self)
        == "%PDF-1.4\n<</Creator (x)\n/CreationDate (D:20110930000000+00'00')\n/ModDate (D:20110930000000+00'00')>>\n")
    #expect(ChromiumPrinter.stampingDates(pdf, date: "30.09.2011") == pdf)
    #expect(ChromiumPrinter.stampingDates(pdf, date: "2011-9-301") == pdf)
    // A value of another length is left alone rather than shifting every offset after it.
    let short = Array("/CreationDate (D:2026)\n".utf8)
    #expect(ChromiumPrinter.stampingDates(short, date: "2011-09-30") == short)
  }
}
