import AppraisalModel
import Testing

@testable import EvidenceParsers

// MARK: - Helpers

/// Every row of `bytes`, each cell rendered as `line:column "value"` (a `q` marks a quoted cell).
private func cells(_ bytes: [UInt8]) throws(CSVSyntaxError) -> [[String]] {
  try CSVTokenizer.rows(bytes).map { row in row.cells.map { "\($0)" + ($0.isQuoted ? " q" : "") } }
}

private func cells(_ text: String) throws(CSVSyntaxError) -> [[String]] { try cells(Array(text.utf8)) }

/// The error tokenizing `bytes` to the end, or nil.
private func syntaxError(_ bytes: [UInt8]) -> CSVSyntaxError? {
  do {
    _ = try CSVTokenizer.rows(bytes)
    return nil
  } catch {
    return error
  }
}

private func syntaxError(_ text: String) -> CSVSyntaxError? { syntaxError(Array(text.utf8)) }

private func decode(_ text: String) -> AppraisalDecoding {
  CSVAppraisalDecoder.decode(bytes: Array(text.utf8), file: "piid.csv")
}

/// The decoder's problems as `line:column: severity: message`, in the order found.
private func problems(_ decoding: AppraisalDecoding) -> [String] {
  decoding.problems.map { problem in
    let place = problem.location.map { "\($0.line):\($0.column ?? 0)" } ?? "?"
    return "\(place): \(problem.severity.rawValue): \(problem.message)"
  }
}

/// `line:column` of `path` in the decoding's source map.
private func position(_ decoding: AppraisalDecoding, _ path: String) -> String? {
  var components: [ModelPath.Component] = []
  for part in path.split(separator: ".") {
    var name = Substring(part)
    var indices: [Int] = []
    while let open = name.lastIndex(of: "[") {
      indices.insert(Int(name[name.index(after: open)..<name.index(before: name.endIndex)])!, at: 0)
      name = name[..<open]
    }
    components.append(.key(String(name)))
    components += indices.map { .index($0) }
  }
  return decoding.sourceMap.location(of: ModelPath(components)).map { "\($0.line):\($0.column ?? 0)" }
}

private func path(_ text: String) -> ModelPath {
  var components: [ModelPath.Component] = []
  for part in text.split(separator: ".") {
    if let open = part.firstIndex(of: "[") {
      components.append(.key(String(part[..<open])))
      components.append(.index(Int(part[part.index(after: open)..<part.index(before: part.endIndex)])!))
    } else {
      components.append(.key(String(part)))
    }
  }
  return ModelPath(components)
}

private typealias V = EvidenceVocabulary

/// The PIID header row.
/// Format 1's PIID header row, as files written for format 1 have it (a column added later is optional).
private let piidHeader =
  "practice,instantiation,evidenceId,indicator,document,section,version,date,url,note,imported,characterization,"
  + "characterizationNote,weakness,weaknessImpact,strength"

/// A minimal valid settings block (11 lines) followed by the empty row and the header row (line 13).
private let settings = """
  formatVersion,1
  id,t
  name,Test
  organizationalUnit,OU
  date,2011-09-30
  model,CMMI-SVC
  modelVersion,1.3
  representation,continuous
  targetLevel,1
  processAreas,SCON,SD
  instantiation,shop,Web shop,service,,

  \(piidHeader)

  """

/// The CSV example of docs/evidence-format.md, verbatim.
private let specExample = """
  formatVersion,1
  id,company-a-after
  name,"Company A, after the change"
  organizationalUnit,Company A web services
  date,2011-09-30
  model,CMMI-SVC
  modelVersion,1.3
  methodClass,SCAMPI C (gap analysis)
  representation,continuous
  targetLevel,1
  includeAdditions,true
  processAreas,CAM,IRP,SCON,SD,SSD,SST,STSM
  notApplicable,SAM,no suppliers in the organizational unit
  coverage,true,1/2
  instantiation,shop,Web shop service,service,web,CAM IRP SD
  aggregationDecision,SD SP 2.1,LI,the pilot service started only last month
  significanceDecision,SCON,SG 2,true,continuity is contractual

  practice,instantiation,evidenceId,indicator,document,section,version,date,url,note,imported,characterization,characterizationNote,weakness,weaknessImpact,strength
  SCON SP 2.3,shop,E-1,direct-artifact,Continuity training records,2011 Q2,3,2011-06-30,https://wiki.example/continuity,attendance lists of the two continuity drills,,PI,team confirmed in interviews,training effectiveness is never evaluated,major,

  """

/// The JSON example of docs/evidence-format.md, verbatim: the same appraisal.
private let specJSONExample = """
  {
    "formatVersion": 1,
    "header": { "id": "company-a-after", "name": "Company A, after the change",
                "organizationalUnit": "Company A web services", "date": "2011-09-30",
                "model": "CMMI-SVC", "modelVersion": "1.3", "methodClass": "SCAMPI C (gap analysis)" },
    "scope": { "representation": "continuous", "targetLevel": 1, "includeAdditions": true,
               "processAreas": ["CAM", "IRP", "SCON", "SD", "SSD", "SST", "STSM"],
               "notApplicable": [ { "processArea": "SAM", "reason": "no suppliers in the organizational unit" } ],
               "coverage": { "enabled": true, "minimumShare": "1/2" } },
    "instantiations": [ { "id": "shop", "name": "Web shop service", "kind": "service", "subgroup": "web",
                          "processAreas": ["CAM", "IRP", "SD"] } ],
    "evidence": [ { "id": "E-1", "practice": "SCON SP 2.3", "instantiation": "shop", "indicator": "direct-artifact",
                    "locator": { "document": "Continuity training records", "section": "2011 Q2", "version": "3",
                                 "date": "2011-06-30", "url": "https://wiki.example/continuity" },
                    "note": "attendance lists of the two continuity drills" } ],
    "observations": [ { "type": "weakness", "practice": "SCON SP 2.3", "instantiation": "shop", "impact": "major",
                        "text": "training effectiveness is never evaluated" } ],
    "characterizations": [ { "practice": "SCON SP 2.3", "instantiation": "shop", "value": "PI",
                             "note": "team confirmed in interviews" } ],
    "aggregationDecisions": [ { "practice": "SD SP 2.1", "value": "LI",
                                "justification": "the pilot service started only last month" } ],
    "significanceDecisions": [ { "processArea": "SCON", "goal": "SG 2", "significant": true,
                                 "justification": "continuity is contractual" } ]
  }
  """

// MARK: - Tokenizer

@Suite struct CSVTokenizerTests {
  @Test func plainCellsWithPositions() throws {
    #expect(
      try cells("a,bc,\nd") == [
        [#"1:1 "a""#, #"1:3 "bc""#, #"1:6 """#],
        [#"2:1 "d""#],
      ])
  }

  @Test func quotedCellsWithEscapedQuotes() throws {
    #expect(
      try cells(#"x,"say ""hi""","""",y"#) == [
        [#"1:1 "x""#, #"1:3 "say "hi"" q"#, #"1:16 """ q"#, #"1:21 "y""#]
      ])
  }

  @Test func quotedCellWithEmbeddedNewlineAndComma() throws {
    #expect(
      try cells("\"a\nb, c\",d\ne") == [
        ["1:1 \"a\nb, c\" q", #"2:7 "d""#],
        [#"3:1 "e""#],
      ])
  }

  @Test func crlfLineBreaksAndNoRowAfterTheLastBreak() throws {
    #expect(
      try cells("a,b\r\n\"c\r\nd\",e\r\n") == [
        [#"1:1 "a""#, #"1:3 "b""#],
        ["2:1 \"c\r\nd\" q", #"3:4 "e""#],
      ])
  }

  @Test func byteOrderMarkIsSkippedAndNotCounted() throws {
    #expect(try cells([0xEF, 0xBB, 0xBF] + Array("a,b\nc".utf8)) == [[#"1:1 "a""#, #"1:3 "b""#], [#"2:1 "c""#]])
  }

  @Test func emptyLinesAreRowsWithOneEmptyCell() throws {
    #expect(try cells("a\n\nb\n") == [[#"1:1 "a""#], [#"2:1 """#], [#"3:1 "b""#]])
    #expect(try cells("") == [])
  }

  @Test func columnsCountUTF8Bytes() throws {
    #expect(try cells("é,x,\"ü\",y") == [[#"1:1 "é""#, #"1:4 "x""#, #"1:6 "ü" q"#, #"1:11 "y""#]])
  }

  @Test func spacesAroundAQuotedCellAreDropped() throws {
    #expect(try cells(#" "a" , b"#) == [[#"1:1 "a" q"#, #"1:7 " b""#]])
  }

  @Test func loneCRIsALineBreak() throws {
    #expect(try cells("a\rb") == [[#"1:1 "a""#], [#"2:1 "b""#]])
  }

  @Test func unterminatedQuoteIsReportedAtTheOpeningQuote() {
    #expect(
      syntaxError("a,b\nc,\"de\nf,g\n")
        == CSVSyntaxError(
          line: 2, column: 3, message: "quoted cell is not closed before the end of the file; expected a closing '\"'"))
  }

  @Test func quoteInsideAnUnquotedCell() {
    #expect(
      syntaxError("id,x\nname,Company \"A\"\n")
        == CSVSyntaxError(
          line: 2, column: 14,
          message: "'\"' inside an unquoted cell; quote the whole cell (\"…\") and write a quote in it as \"\""))
  }

  @Test func charactersAfterAClosingQuote() {
    #expect(
      syntaxError("a,\"b\"c,d")
        == CSVSyntaxError(
          line: 1, column: 6,
          message: "unexpected 'c' after the closing '\"' of a quoted cell; expected ',' or the end of the line "
            + "(write a quote inside a quoted cell as \"\")"))
  }

  @Test func invalidUTF8InUnquotedAndQuotedCells() {
    #expect(
      syntaxError([0x61, 0x2C, 0x62, 0xE9, 0x0A])
        == CSVSyntaxError(
          line: 1, column: 4, message: "invalid UTF-8 byte 0xE9; expected UTF-8 text (save the file as CSV UTF-8)"))
    #expect(
      syntaxError(Array("x\n\"a\nbc".utf8) + [0xC3, 0x28] + Array("\"".utf8))
        == CSVSyntaxError(
          line: 3, column: 3, message: "invalid UTF-8 byte 0xC3; expected UTF-8 text (save the file as CSV UTF-8)"))
  }

  @Test func nulByteInUnquotedAndQuotedCells() {
    let message = "NUL byte (0x00) in a cell; expected UTF-8 text (is the file binary, or UTF-16? save it as CSV UTF-8)"
    #expect(syntaxError([0x61, 0x2C, 0x62, 0x00, 0x0A]) == CSVSyntaxError(line: 1, column: 4, message: message))
    #expect(
      syntaxError(Array("x\n\"a\nbc".utf8) + [0x00] + Array("\"".utf8))
        == CSVSyntaxError(line: 3, column: 3, message: message))
    // UTF-16 without a byte order mark: every other byte is NUL.
    #expect(syntaxError([0x61, 0x00, 0x2C, 0x00]) == CSVSyntaxError(line: 1, column: 2, message: message))
  }

  @Test func semicolonSeparatedFileIsReadWithSemicolons() throws {
    #expect(syntaxError("\n  \nformatVersion;1\nid;x, y\n") == nil)
    #expect(
      try cells("formatVersion;1\nid;x, y\n") == [
        [#"1:1 "formatVersion""#, #"1:15 "1""#], [#"2:1 "id""#, #"2:4 "x, y""#],
      ])
    // A comma inside quotes does not make the first line comma-separated.
    #expect(try cells("name;\"A, B\";x\n") == [[#"1:1 "name""#, #"1:6 "A, B" q"#, #"1:13 "x""#]])
    // A semicolon in a file whose first line has commas is just text.
    #expect(try cells("formatVersion,1\nname;x\n") == [[#"1:1 "formatVersion""#, #"1:15 "1""#], [#"2:1 "name;x""#]])
  }

  @Test func tabSeparatedAndUTF16FilesAreRecognized() {
    #expect(
      syntaxError("formatVersion\t1\n")
        == CSVSyntaxError(
          line: 1, column: 14,
          message: "the file uses tabs as separator; expected ',' (save as CSV UTF-8 with comma separators)"))
    #expect(
      syntaxError([0xFF, 0xFE, 0x61, 0x00])
        == CSVSyntaxError(
          line: 1, column: 1,
          message: "the file is UTF-16 text; expected UTF-8 (save as CSV UTF-8 with comma separators)"))
  }

  @Test func anErrorIsThrownAgainOnTheNextCall() throws {
    var tokenizer = CSVTokenizer(bytes: Array("a\n\"b".utf8))
    #expect(try tokenizer.nextRow()?.cells.map(\.value) == ["a"])
    #expect(throws: CSVSyntaxError.self) { try tokenizer.nextRow() }
    #expect(throws: CSVSyntaxError.self) { try tokenizer.nextRow() }
  }
}

// MARK: - Decoder

@Suite struct CSVAppraisalDecoderTests {
  @Test func specExampleDecodesToTheDocumentedAppraisal() throws {
    let decoding = decode(specExample)
    #expect(problems(decoding) == [])
    #expect(decoding.failedPaths.isEmpty)
    let appraisal = try #require(decoding.appraisal)
    let practice = PracticeReference("SCON", "SP 2.3")
    let expected = Appraisal(
      header: Appraisal.Header(
        id: "company-a-after", name: "Company A, after the change", organizationalUnit: "Company A web services",
        date: "2011-09-30", model: "CMMI-SVC", modelVersion: "1.3", methodClass: "SCAMPI C (gap analysis)"),
      scope: AppraisalScope(
        processAreas: ["CAM", "IRP", "SCON", "SD", "SSD", "SST", "STSM"],
        notApplicable: [.init(processArea: "SAM", reason: "no suppliers in the organizational unit")],
        includesAdditions: true),
      target: .capabilityLevel(1),
      coverage: CoveragePolicy(isEnabled: true, minimumShare: .init(1, 2)),
      instantiations: [
        Instantiation(
          id: "shop", name: "Web shop service", kind: .service, subgroup: "web", processAreas: ["CAM", "IRP", "SD"])
      ],
      evidence: [
        EvidenceItem(
          id: "E-1", practice: practice, instantiation: "shop", indicator: .directArtifact,
          locator: .init(
            document: "Continuity training records", section: "2011 Q2", version: "3", date: "2011-06-30",
            url: "https://wiki.example/continuity"),
          note: "attendance lists of the two continuity drills", imported: false)
      ],
      observations: [.weakness(practice, in: "shop", "training effectiveness is never evaluated", impact: .major)],
      characterizations: [
        TeamCharacterization(
          practice: practice, instantiation: "shop", value: .partiallyImplemented, note: "team confirmed in interviews")
      ],
      aggregationDecisions: [
        AggregationDecision(
          practice: PracticeReference("SD", "SP 2.1"), value: .largelyImplemented,
          justification: "the pilot service started only last month")
      ],
      significanceDecisions: [
        SignificanceDecision(
          processArea: "SCON", goal: "SG 2", significant: true, justification: "continuity is contractual")
      ])
    #expect(appraisal == expected)
  }

  @Test func specExampleEqualsTheJSONExample() throws {
    let csv = try #require(decode(specExample).appraisal)
    let json = try #require(
      JSONAppraisalDecoder.decode(bytes: Array(specJSONExample.utf8), file: "a.json").appraisal)
    #expect(csv == json)
  }

  @Test func sourceMapPointsAtTheCells() {
    let decoding = decode(specExample)
    #expect(position(decoding, "header.id") == "2:4")
    #expect(position(decoding, "header.name") == "3:6")
    #expect(position(decoding, "formatVersion") == "1:15")
    #expect(position(decoding, "scope.processAreas[2]") == "12:22")
    #expect(position(decoding, "scope.notApplicable[0].processArea") == "13:15")
    #expect(position(decoding, "scope.coverage.minimumShare") == "14:15")
    #expect(position(decoding, "instantiations[0]") == "15:1")
    #expect(position(decoding, "instantiations[0].id") == "15:15")
    #expect(position(decoding, "instantiations[0].processAreas[2]") == "15:57")
    #expect(position(decoding, "aggregationDecisions[0].practice") == "16:21")
    #expect(position(decoding, "aggregationDecisions[0].justification") == "16:34")
    #expect(position(decoding, "significanceDecisions[0].goal") == "17:27")
    #expect(position(decoding, "evidence[0]") == "20:18")
    #expect(position(decoding, "evidence[0].id") == "20:18")
    #expect(position(decoding, "evidence[0].practice") == "20:1")
    #expect(position(decoding, "evidence[0].instantiation") == "20:13")
    #expect(position(decoding, "evidence[0].indicator") == "20:22")
    #expect(position(decoding, "evidence[0].locator.document") == "20:38")
    #expect(position(decoding, "evidence[0].locator.date") == "20:76")
    #expect(position(decoding, "observations[0]") == "20:198")
    #expect(position(decoding, "observations[0].practice") == "20:1")
    #expect(position(decoding, "characterizations[0].value") == "20:166")
    #expect(position(decoding, "characterizations[0].instantiation") == "20:13")
  }

  @Test func validationProblemsLandOnTheCSVCell() throws {
    // The spec example records SCON evidence in "shop", which examines only CAM, IRP and SD.
    let catalog = try BundledCatalog.load()
    #expect {
      _ = try AppraisalReader.read(bytes: Array(specExample.utf8), syntax: .csv, file: "piid.csv", catalog: catalog)
    } throws: { error in
      let failure = error as? ReadFailure
      return failure?.problems.map(\.description).contains(
        "piid.csv:20:13: error: instantiation \"shop\" does not examine SCON; add it to the instantiation's processAreas"
      )
        == true
    }
  }

  @Test func rowsMakeEvidenceObservationsAndCharacterizationsInRowOrder() throws {
    let decoding = decode(
      settings + """
        SCON SP 1.1,shop,E-1,artifact,Plan,,,,,,,,,,,
        SCON SP 1.1,shop,,,,,,,,,,LI,,late updates,,reviewed quarterly
        SD SP 1.1,shop,E-2,affirmation,Interview 3,,,,,,true,,,missing sign-off,major,
        SCON SP 1.1,shop,E-3,direct-artifact,Plan v2,,,,,,,LI,
        """)
    #expect(problems(decoding) == [])
    let appraisal = try #require(decoding.appraisal)
    let scon = PracticeReference("SCON", "SP 1.1")
    let sd = PracticeReference("SD", "SP 1.1")
    #expect(appraisal.evidence.map(\.id) == ["E-1", "E-2", "E-3"])
    #expect(appraisal.evidence.map(\.indicator) == [.artifact, .affirmation, .directArtifact])
    #expect(appraisal.evidence.map(\.imported) == [false, true, false])
    #expect(appraisal.evidence[0].locator == EvidenceItem.Locator(document: "Plan"))
    #expect(
      appraisal.observations == [
        .weakness(scon, in: "shop", "late updates"),
        .strength(scon, in: "shop", "reviewed quarterly"),
        .weakness(sd, in: "shop", "missing sign-off", impact: .major),
      ])
    #expect(
      appraisal.characterizations == [
        TeamCharacterization(practice: scon, instantiation: "shop", value: .largelyImplemented)
      ])
    #expect(position(decoding, "evidence[1].practice") == "16:1")
    #expect(position(decoding, "observations[1]") == "15:45")
    #expect(position(decoding, "characterizations[0]") == "15:27")
  }

  @Test func settingsRowsPaddedByASpreadsheetAreAccepted() throws {
    let decoding = decode(
      """
      formatVersion,1,,,
      id,t,,,
      name,Test,,,
      organizationalUnit,OU,,,
      date,2011-09-30,,,
      model,CMMI-SVC,,,
      modelVersion,1.3,,,
      representation,staged,,,
      targetLevel,2,,,
      includeAdditions,FALSE,,,
      processAreas,SD,WP,,
      coverage,TRUE,,,
      instantiation,shop,Web shop,support-function
      ,,,,
      \(piidHeader),,,
      SD SP 1.1,shop,E-1,artifact,Plan
      """)
    #expect(problems(decoding) == [])
    let appraisal = try #require(decoding.appraisal)
    #expect(appraisal.target == .maturityLevel(2))
    #expect(appraisal.scope.includesAdditions == false)
    #expect(appraisal.scope.processAreas == ["SD", "WP"])
    #expect(appraisal.coverage == .standard)
    #expect(appraisal.instantiations == [Instantiation(id: "shop", name: "Web shop", kind: .supportFunction)])
    #expect(appraisal.evidence.map(\.locator.document) == ["Plan"])
  }

  @Test func cellsAreTrimmed() throws {
    let decoding = decode(settings + "  SCON SP 1.1 , shop ,\" E-1 \", artifact,Plan\u{A0}\n")
    #expect(problems(decoding) == [])
    let item = try #require(decoding.appraisal?.evidence.first)
    #expect(item.id == "E-1")
    #expect(item.practice == PracticeReference("SCON", "SP 1.1"))
    #expect(item.instantiation == "shop")
    #expect(item.locator.document == "Plan")
    #expect(position(decoding, "evidence[0].practice") == "14:3")
    #expect(position(decoding, "evidence[0].indicator") == "14:32")
  }

  @Test func raggedRowsNameTheExtraCell() {
    let decoding = decode(
      """
      formatVersion,1,2
      id,t
      name,Company A, after the change
      organizationalUnit,OU
      date,2011-09-30
      model,CMMI-SVC
      modelVersion,1.3
      representation,continuous
      targetLevel,1
      processAreas,SCON
      instantiation,shop,Web shop,service,,SCON,extra

      \(piidHeader)
      SCON SP 1.1,shop,E-1,artifact,Plan,,,,,,,,,,,,oops
      """)
    #expect(
      problems(decoding) == [
        #"1:17: error: extra cell "2" in the "formatVersion" row; "formatVersion" takes 1 value (the format version, 1)"#,
        #"3:17: error: extra cell "after the change" in the "name" row; "name" takes 1 value (the header value); quote a value that contains a comma"#,
        #"11:43: error: extra cell "extra" in the "instantiation" row; "instantiation" takes 5 values (id, name, kind, subgroup, process areas); quote a value that contains a comma"#,
        #"14:47: error: extra cell "oops" beyond the last column; the header row at line 13 has 16 columns (quote a value that contains a comma)"#,
      ])
    #expect(decoding.appraisal?.header.name == "Company A")
    #expect(decoding.appraisal?.evidence.count == 1)
  }

  @Test func conflictingCharacterizationsNameBothLines() throws {
    let decoding = decode(
      settings + """
        SCON SP 1.1,shop,,,,,,,,,,PI,,gap,,
        SCON SP 1.1,shop,,,,,,,,,,PI,first note,,,
        SCON SP 1.1,shop,,,,,,,,,,LI,,,,
        SCON SP 1.1,shop,,,,,,,,,,,second note,,,
        """)
    #expect(
      problems(decoding) == [
        #"16:27: error: characterization "LI" of SCON SP 1.1 in shop at line 16 conflicts with "PI" at line 14; repeat the same value or leave the cell empty"#,
        #"17:28: warning: characterization note for SCON SP 1.1 in shop differs from the note at line 15; only the first note is kept"#,
      ])
    let appraisal = try #require(decoding.appraisal)
    #expect(
      appraisal.characterizations == [
        TeamCharacterization(
          practice: PracticeReference("SCON", "SP 1.1"), instantiation: "shop", value: .partiallyImplemented,
          note: "first note")
      ])
  }

  @Test func aCharacterizationNoteMayComeBeforeTheValue() throws {
    let decoding = decode(
      settings + """
        SCON SP 1.1,shop,,,,,,,,,,,early note,,,
        SD SP 1.1,shop,,,,,,,,,,NY,,,,
        SCON SP 1.1,shop,,,,,,,,,,FI,,,,
        SD SP 1.2,shop,,,,,,,,,,,orphan note,,,
        """)
    #expect(
      problems(decoding) == [
        #"17:26: error: "characterizationNote" is set but SD SP 1.2 in shop has no characterization; give the value in "characterization""#
      ])
    let appraisal = try #require(decoding.appraisal)
    #expect(appraisal.characterizations.map(\.value) == [.notYet, .fullyImplemented])
    #expect(appraisal.characterizations.map(\.note) == [nil, "early note"])
  }

  @Test func headerRowProblemsAreReportedByName() throws {
    let columns = piidHeader.split(separator: ",").map(String.init)
    var header = columns.filter { $0 != "url" && $0 != "strength" }
    header.swapAt(2, 3)  // indicator before evidenceId
    header.insert("Remarks", at: 5)
    header.append("Note")
    let decoding = decode(
      settings.replacingOccurrences(of: piidHeader, with: header.joined(separator: ","))
        + "SCON SP 1.1,shop,artifact,E-1,Plan\n")
    #expect(
      problems(decoding) == [
        #"13:54: error: unknown column "Remarks"; the header row is \#(CSVAppraisalDecoder.headerRowText)"#,
        #"13:159: error: unknown column "Note" (did you mean "note"?); the header row is \#(CSVAppraisalDecoder.headerRowText)"#,
        #"13:24: error: column "indicator" is out of order; expected "evidenceId" in its place (the header row is \#(CSVAppraisalDecoder.headerRowText))"#,
        #"13:1: error: missing column "url"; the header row is \#(CSVAppraisalDecoder.headerRowText)"#,
        #"13:1: error: missing column "strength"; the header row is \#(CSVAppraisalDecoder.headerRowText)"#,
      ])
    // The columns are still read by name.
    let item = try #require(decoding.appraisal?.evidence.first)
    #expect(item.id == "E-1")
    #expect(item.indicator == .artifact)
  }

  @Test func aRowThatIsNoHeaderRowStopsThePIIDBlock() {
    let decoding = decode(settings.replacingOccurrences(of: piidHeader, with: "SCON SP 1.1,shop,E-1,artifact,Plan"))
    #expect(
      problems(decoding) == [
        #"13:1: error: expected the PIID header row \#(CSVAppraisalDecoder.headerRowText); found "SCON SP 1.1" (the settings block ends at the first empty row)"#
      ])
    #expect(decoding.appraisal?.evidence == [])
  }

  @Test func badValuesLeavePlaceholdersAndFailedPaths() throws {
    let decoding = decode(
      """
      formatVersion,2
      id,t
      name,Test
      organizationalUnit,OU
      date,2011-09-30
      model,CMMI-SVC
      modelVersion,1.3
      representation,stepped
      targetLevel,high
      includeAdditions,yes
      processAreas,SCON
      coverage,maybe,half
      instantiation,shop,Web shop,department,,
      aggregationDecision,SCON 2.1,XI,
      significanceDecision,SCON,SG 1,perhaps,why

      \(piidHeader)
      SCON-SP-1.1,shop,E-1,paper,Plan,,,,,,no,ZZ,,gap,huge,good
      """)
    #expect(
      problems(decoding) == [
        "1:15: error: format version 2 is not supported; expected 1",
        #"8:16: error: representation is "stepped"; expected one of continuous, staged"#,
        #"9:13: error: "targetLevel" is "high"; expected an integer from 1 to 5"#,
        #"10:18: error: "includeAdditions" is "yes"; expected true or false"#,
        #"12:10: error: "enabled" is "maybe"; expected true or false"#,
        #"12:16: error: minimum share "half" is not a fraction; expected e.g. "1/2""#,
        #"13:29: error: kind is "department"; expected one of project, service, support-function, team"#,
        #"14:21: error: practice reference "SCON 2.1" is malformed; expected a process area, a space and a practice id, e.g. "SCON SP 2.3""#,
        #"14:30: error: value is "XI"; expected one of FI, LI, NI, NY, PI"#,
        #"15:32: error: "significant" is "perhaps"; expected true or false"#,
        #"18:1: error: practice reference "SCON-SP-1.1" is malformed; expected a process area, a space and a practice id, e.g. "SCON SP 2.3""#,
        #"18:22: error: indicator is "paper"; expected one of affirmation, artifact, direct-artifact, indirect-artifact"#,
        #"18:38: error: "imported" is "no"; expected true or an empty cell"#,
        #"18:49: error: weaknessImpact is "huge"; expected one of major, minor"#,
        #"18:41: error: characterization is "ZZ"; expected one of FI, LI, NI, NY, PI"#,
      ])
    let appraisal = try #require(decoding.appraisal)
    #expect(appraisal.target == .capabilityLevel(1))
    #expect(appraisal.scope.includesAdditions == true)
    #expect(appraisal.coverage == .standard)
    #expect(appraisal.instantiations[0].kind == .project)
    #expect(appraisal.aggregationDecisions[0].practice == PracticeReference("", ""))
    #expect(appraisal.aggregationDecisions[0].value == .partiallyImplemented)
    #expect(appraisal.significanceDecisions[0].significant == false)
    #expect(appraisal.evidence[0].practice == PracticeReference("", ""))
    #expect(appraisal.evidence[0].indicator == .artifact)
    #expect(appraisal.observations.map(\.kind) == [.weakness, .strength])
    #expect(appraisal.observations[0].impact == .minor)
    #expect(appraisal.characterizations[0].value == .notImplemented)
    #expect(
      decoding.failedPaths
        == Set(
          [
            "formatVersion", "scope.representation", "scope.targetLevel", "scope.includeAdditions",
            "scope.coverage.enabled", "scope.coverage.minimumShare", "instantiations[0].kind",
            "aggregationDecisions[0].practice", "aggregationDecisions[0].value", "significanceDecisions[0].significant",
            "evidence[0].practice", "evidence[0].indicator", "evidence[0].imported", "observations[0].practice",
            "observations[0].impact", "observations[1].practice", "characterizations[0].practice",
            "characterizations[0].value",
          ].map(path)))
  }

  @Test func missingAndRepeatedAndUnknownSettings() throws {
    let decoding = decode(
      """
      formatVersion,1
      id,t
      id,u
      Name,Test
      color,blue
      date,2011-09-30
      model,CMMI-SVC
      modelVersion,1.3
      targetLevel,1
      processAreas,SCON
      instantiation,shop,
      notApplicable,

      """)
    let keys = CSVAppraisalDecoder.settingKeys.sorted().joined(separator: ", ")
    #expect(
      problems(decoding) == [
        #"3:1: error: repeated setting "id"; it is already set at line 2"#,
        #"4:1: error: unknown setting "Name" (did you mean "name"?); expected one of \#(keys)"#,
        #"5:1: error: unknown setting "color"; expected one of \#(keys)"#,
        #"11:20: error: "name" is empty; expected a non-empty string"#,
        #"11:1: error: the "instantiation" row has no "kind" cell; expected id, name, kind, subgroup, process areas"#,
        #"12:15: error: "processArea" is empty; expected a non-empty string"#,
        #"1:1: error: the settings block has no "name" row; add one such as "name,Company A after the change""#,
        #"1:1: error: the settings block has no "organizationalUnit" row; add one such as "organizationalUnit,Company A web services""#,
        #"1:1: error: the settings block has no "representation" row; add one such as "representation,staged""#,
      ])
    let appraisal = try #require(decoding.appraisal)
    #expect(appraisal.header.id == "t")
    #expect(appraisal.header.name == "")
    #expect(appraisal.header.methodClass == Appraisal.Header.defaultMethodClass)
    #expect(appraisal.instantiations == [Instantiation(id: "shop", name: "", kind: .project)])
    #expect(
      decoding.failedPaths
        == Set(
          [
            "header.name", "header.organizationalUnit", "scope.representation", "scope.targetLevel",
            "instantiations[0].name", "instantiations[0].kind", "scope.notApplicable[0].processArea",
          ].map(path)))
  }

  @Test func rowLevelRequirements() throws {
    let decoding = decode(
      settings + """
        ,shop,E-1,artifact,Plan
        SCON SP 1.1,,E-2,,
        SCON SP 1.1,shop,,,Plan,,,,,,,,,,major,
        """)
    #expect(
      problems(decoding) == [
        #"14:1: error: "practice" is empty; expected a practice reference, e.g. "SCON SP 2.3""#,
        #"15:13: error: "instantiation" is empty; expected the id of a declared instantiation"#,
        #"15:18: error: evidence item "E-2" has no indicator; expected one of affirmation, artifact, direct-artifact, indirect-artifact"#,
        #"15:19: error: evidence item "E-2" has no document; expected the document, record set or interview the evidence is in"#,
        #"16:20: error: "document" is set but "evidenceId" is empty; an evidence item needs an id"#,
        #"16:34: error: "weaknessImpact" is "major" but "weakness" is empty; the impact belongs to a weakness"#,
      ])
    #expect(decoding.appraisal?.evidence.count == 2)
    #expect(
      decoding.failedPaths
        == Set(
          [
            "evidence[0].practice", "evidence[1].instantiation", "evidence[1].indicator",
            "evidence[1].locator.document",
          ].map(path)))
  }

  @Test func aMalformedPracticeIsReportedOnEveryRow() throws {
    let decoding = decode(settings + "SCON 1.1,shop,E-1,artifact,Plan\nSCON 1.1,shop,E-2,artifact,Plan\n")
    let message = V.Message.badPractice("SCON 1.1")
    #expect(problems(decoding) == ["14:1: error: \(message)", "15:1: error: \(message)"])
    #expect(decoding.appraisal?.evidence.map(\.practice) == [PracticeReference("", ""), PracticeReference("", "")])
    #expect(decoding.failedPaths == Set(["evidence[0].practice", "evidence[1].practice"].map(path)))
  }

  @Test func emptyFileAndFilesWithoutSettingsHaveNoAppraisal() {
    for text in ["", "\u{FEFF}", "\n,,\n  \n"] {
      let decoding = decode(text)
      #expect(decoding.appraisal == nil)
      #expect(
        problems(decoding) == [
          "1:1: error: empty file; expected the settings block of an appraisal (see docs/evidence-format.md)"
        ])
    }
    let header = decode("\(piidHeader)\nSCON SP 1.1,shop,E-1,artifact,Plan\n")
    #expect(header.appraisal == nil)
    #expect(
      problems(header) == [
        "1:1: error: the file starts with the PIID header row; expected the settings block first (formatVersion, id, "
          + "name, …), then an empty row (see docs/evidence-format.md)"
      ])
  }

  @Test func syntaxErrorsHaveNoAppraisal() {
    let decoding = decode("formatVersion,1\nid,\"t\n")
    #expect(decoding.appraisal == nil)
    #expect(
      problems(decoding) == [
        "2:4: error: quoted cell is not closed before the end of the file; expected a closing '\"'"
      ])
  }

  @Test func missingEmptyRowBeforeTheHeaderIsReportedAndTheRowsStillRead() throws {
    let decoding = decode(
      settings.replacingOccurrences(of: "\n\n", with: "\n") + "SCON SP 1.1,shop,E-1,artifact,Plan\n")
    #expect(
      problems(decoding) == [
        "12:1: error: the PIID header row must follow an empty row; expected an empty row to end the settings block"
      ])
    #expect(decoding.appraisal?.evidence.map(\.id) == ["E-1"])
  }
}
