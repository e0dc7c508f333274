/// The parts of a workbook its worksheets' cells need: the sheets' names and parts, the shared strings,
/// which cell styles are dates, and the date system. Every XML part is read with ``XMLStreamReader`` (no
/// DTD, no entities, no network); a sheet is inflated only when it is opened (``input(of:)``), as it is read,
/// and macros (`xl/vbaProject.bin` of an `.xlsm` renamed `.xlsx`) are ignored, never read.
package struct XLSXWorkbook {
  /// The worksheets in the workbook's order: the name the workbook gives (`Sheet1`) and the part's path.
  package var sheets: [(name: String, path: String)]
  /// The first worksheet's name.
  package var sheetName: String { sheets[0].name }
  /// The path of the first worksheet's part, for messages.
  package var sheetPath: String { sheets[0].path }
  package var cells: XLSXCellFormat
  private var archive: XLSXArchive

  /// Opens `bytes` as a workbook and reads everything but the sheet's cells.
  package init(bytes: [UInt8]) throws(XLSXError) {
    var archive = try XLSXArchive(bytes: bytes)
    guard let rootRels = try archive.part("_rels/.rels") else {
      if archive.contains("[Content_Types].xml") || archive.contains("mimetype") {
        throw XLSXError("the zip is an office document but not an Excel workbook (it has no _rels/.rels part)")
      }
      throw XLSXError("the zip is not an Excel workbook (it has no _rels/.rels part); expected an .xlsx file")
    }
    let officeDocument = try Self.relationships(rootRels, part: "_rels/.rels", base: "")
      .first { $0.type.hasSuffix("/officeDocument") }?.target
    guard let workbookPath = officeDocument else {
      throw XLSXError("the zip is not an Excel workbook (_rels/.rels names no office document)")
    }
    guard workbookPath.hasPrefix("xl/") || workbookPath.hasSuffix("workbook.xml") else {
      throw XLSXError(
        "the zip is an office document but not an Excel workbook (its main part is \(workbookPath)); expected an "
          + ".xlsx file")
    }
    guard let workbookXML = try archive.part(workbookPath) else { throw Self.missing(workbookPath) }
    let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
    let relsPath =
      (folder.isEmpty ? "" : folder + "/") + "_rels/"
      + String(workbookPath.split(separator: "/").last ?? "") + ".rels"
    guard let workbookRels = try archive.part(relsPath) else { throw Self.missing(relsPath) }
    let relationships = try Self.relationships(workbookRels, part: relsPath, base: folder)

    // workbook.xml: the date system and the sheets.
    var date1904 = false
    var listed: [(name: String, id: String)] = []
    try Self.events(workbookXML, part: workbookPath) { event in
      guard case .startElement(let name, let attributes, _, _, _) = event else { return }
      if name == "workbookPr", let value = attributes.first(where: { $0.name == "date1904" })?.value {
        date1904 = value == "1" || value == "true"
      } else if name == "sheet" {
        let sheetName = attributes.first { $0.name == "name" && $0.namespace == nil }?.value ?? ""
        let id = attributes.first { $0.name == "id" && $0.namespace != nil }?.value ?? ""
        listed.append((sheetName, id))
      }
    }
    guard !listed.isEmpty else { throw XLSXError("the workbook has no worksheet (\(workbookPath) lists no sheet)") }
    var sheets: [(name: String, path: String)] = []
    for sheet in listed {
      guard let path = relationships.first(where: { $0.id == sheet.id })?.target else {
        throw XLSXError(
          "the sheet \"\(sheet.name)\" has no part (\(relsPath) has no relationship \"\(sheet.id)\")")
      }
      sheets.append((sheet.name, path))
    }

    // Shared strings and styles are optional parts.
    var sharedStrings: [String] = []
    if let path = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target,
      let xml = try archive.part(path)
    {
      sharedStrings = try Self.sharedStrings(xml, part: path)
    }
    var dateStyles: [XLSXCellFormat.NumberKind] = []
    if let path = relationships.first(where: { $0.type.hasSuffix("/styles") })?.target,
      let xml = try archive.part(path)
    {
      dateStyles = try Self.styleKinds(xml, part: path)
    }
    self.sheets = sheets
    self.archive = archive
    cells = XLSXCellFormat(sharedStrings: sharedStrings, styles: dateStyles, date1904: date1904)
  }

  /// The XML of sheet `index` of ``sheets``: inflated as it is read, or (an entry whose name the directory
  /// check could not match) whole. Every sheet opened counts against the archive's inflation budget.
  package mutating func input(of index: Int) throws(XLSXError) -> XLSXSheetReader.Input {
    let path = sheets[index].path
    if let inflater = try archive.stream(path) { return .stream(inflater) }
    if let bytes = try archive.part(path) { return .bytes(bytes) }
    throw Self.missing(path)
  }

  /// A reader of sheet `index`'s rows.
  package mutating func rows(of index: Int) throws(XLSXError) -> XLSXSheetReader {
    XLSXSheetReader(try input(of: index), part: sheets[index].path, format: cells)
  }

  private static func missing(_ path: String) -> XLSXError {
    XLSXError("the workbook has no part \(path) (a damaged or incomplete .xlsx)")
  }

  /// Every event of the XML part `bytes`; a malformed part is one error naming it.
  static func events(_ bytes: [UInt8], part: String, _ body: (XMLEvent) throws(XLSXError) -> Void)
    throws(XLSXError)
  {
    do {
      let reader = try XMLStreamReader(bytes: bytes, name: part)
      while let event = try reader.next() { try body(event) }
    } catch let error as XMLReadError {
      throw malformed(error, part: part)
    } catch let error as XLSXError {
      throw error
    } catch {
      throw XLSXError("cannot read the part \(part): \(error)")
    }
  }

  static func malformed(_ error: XMLReadError, part: String) -> XLSXError {
    let place = error.line > 0 ? " at line \(error.line)" : ""
    return XLSXError("the part \(part) is not well-formed XML\(place): \(error.message)")
  }

  /// A relationships part: id, type and target resolved against `base` (the folder of the part it is for).
  static func relationships(_ bytes: [UInt8], part: String, base: String) throws(XLSXError) -> [(
    id: String, type: String, target: String
  )] {
    var result: [(id: String, type: String, target: String)] = []
    try events(bytes, part: part) { event in
      guard case .startElement("Relationship", let attributes, _, _, _) = event else { return }
      func value(_ name: String) -> String { attributes.first { $0.name == name }?.value ?? "" }
      if value("TargetMode") == "External" { return }
      result.append((value("Id"), value("Type"), resolve(value("Target"), against: base)))
    }
    return result
  }

  /// `target` as a zip path: absolute (`/xl/…`) from the root, otherwise relative to `base`, with `.` and
  /// `..` folded (a target that climbs above the root names no entry).
  static func resolve(_ target: String, against base: String) -> String {
    var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
    for part in target.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        if parts.popLast() == nil { return "../" + target }
        continue
      }
      parts.append(part)
    }
    return parts.joined(separator: "/")
  }

  /// The shared strings in order: each `<si>`'s text, its rich-text runs concatenated, phonetic runs
  /// (`<rPh>`) left out.
  static func sharedStrings(_ bytes: [UInt8], part: String) throws(XLSXError) -> [String] {
    // advance() rather than events: a workbook of 100,000 rows shares 100,000 strings.
    let item = 0
    let text = 1
    let phonetic = 2
    var strings: [String] = []
    var current = ""
    var inItem = false
    var inText = false
    var phoneticDepth = 0
    do {
      let reader = try XMLStreamReader(bytes: bytes, name: part)
      reader.internNames(["si", "t", "rPh"])
      loop: while true {
        switch try reader.advance() {
        case .endOfDocument: break loop
        case .startElement(let isEmpty):
          switch reader.currentName {
          case item:
            current = ""
            inItem = !isEmpty
            if isEmpty { strings.append("") }
          case text: inText = !isEmpty
          case phonetic: if !isEmpty { phoneticDepth += 1 }
          default: break
          }
        case .endElement:
          switch reader.currentName {
          case item where inItem:
            strings.append(current)
            inItem = false
          case text: inText = false
          case phonetic: phoneticDepth = max(0, phoneticDepth - 1)
          default: break
          }
        case .text:
          if inItem && inText && phoneticDepth == 0 { current += reader.currentText }
        }
      }
    } catch {
      throw malformed(error, part: part)
    }
    return strings
  }

  /// For each cell style (`<cellXfs>`'s `<xf>` in order), what kind of number its format shows.
  static func styleKinds(_ bytes: [UInt8], part: String) throws(XLSXError) -> [XLSXCellFormat.NumberKind] {
    var customFormats: [Int: String] = [:]
    var formatIDs: [Int] = []
    var inCellXfs = false
    try events(bytes, part: part) { event in
      switch event {
      case .startElement(let name, let attributes, _, _, _):
        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        switch name {
        case "numFmt":
          if let id = value("numFmtId").flatMap({ Int($0) }) { customFormats[id] = value("formatCode") ?? "" }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: formatIDs.append(value("numFmtId").flatMap { Int($0) } ?? 0)
        default: break
        }
      case .endElement("cellXfs"): inCellXfs = false
      default: break
      }
    }
    return formatIDs.map { XLSXCellFormat.kind(formatID: $0, code: customFormats[$0]) }
  }
}
