import AppraisalModel
import EvidenceParsers
import ITSMImport

/// What the ITSM harness runs on one fuzz input: `appraise import` in memory. The first byte picks the
/// export shape (tool and file type, modulo ``shapes``' count; its next bit groups by the tool's
/// alternative field, as `--group-by` does), the rest is the export: one file, or two of the same type
/// split at the first ``separator`` (so that the cross-file look-ups are fuzzed too: a ServiceNow
/// `task_sla` and its incidents, Freshservice's `groups.json` and its tickets). The files go through
/// ``ITSMImportReader`` as one import (both passes, the tool's profile, look-ups), every problem is
/// rendered as the command prints it, and the records that read go through ``EvidenceImporter`` with the bundled mapping.
/// As with `--skip-bad-records`, the records that read are imported even when others could not be used.
///
/// Then two checks the command relies on, each a crash when broken: the imported appraisal passes
/// ``AppraisalValidator`` (the command refuses to write one that does not, so a failure there means an
/// export the importer accepted but turned into unusable evidence), and its XML and JSON renderings
/// (``EvidenceWriter``) read back to the same appraisal, which is then rated.
public enum ITSMPipeline {
  /// The export shapes: tool, file type, and the tool's alternative group field.
  public static let shapes: [(tool: ITSMTool, syntax: String, alternativeGroup: String)] = [
    (.servicenow, "xml", "business_service"), (.servicenow, "json", "business_service"),
    (.jiraSM, "xml", "component"), (.jiraSM, "json", "component"),
    (.bmcHelix, "csv", "service"), (.bmcHelix, "json", "service"),
    (.manageengine, "json", "site"), (.freshservice, "json", "department"),
  ]

  /// The selector byte of an export of `tool` in `syntax` (what `run.sh` prefixes to the ITSM seeds).
  public static func selector(tool: ITSMTool, syntax: String) -> UInt8? {
    shapes.firstIndex { $0.tool == tool && $0.syntax == syntax }.map(UInt8.init)
  }

  /// Splits an input into the export's files (what `run.sh` puts between two seeds of one import).
  public static let separator = Array("\n=== appraise-fuzz next file ===\n".utf8)

  /// Two in-memory files per file type.
  static let files: [String: [MemoryFile]] = withoutLeakChecking {
    Dictionary(
      uniqueKeysWithValues: ["xml", "json", "csv"].map {
        ($0, [MemoryFile(fileExtension: $0), MemoryFile(fileExtension: $0)])
      })
  }

  /// `bytes` cut at the first ``separator``, if any.
  static func split(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    guard bytes.count >= separator.count else { return [bytes] }
    var index = bytes.startIndex
    while index <= bytes.endIndex - separator.count {
      if bytes[index] == separator[0] && bytes[index..<index + separator.count].elementsEqual(separator) {
        return [bytes[..<index], bytes[(index + separator.count)...]]
      }
      index += 1
    }
    return [bytes]
  }

  /// practice-catalogs/mappings/itsm-cmmi-svc-1.3.json, read once against the bundled catalog.
  static let mapping: ImportMapping = withoutLeakChecking {
    let file = FuzzPipeline.repositoryRoot + "/practice-catalogs/mappings/itsm-cmmi-svc-1.3.json"
    do throws(ReadFailure) {
      return try ImportMappingReader.read(path: file, catalog: FuzzPipeline.bundledCatalog)
    } catch {
      fatalError("fuzz: cannot read \(file): \(error.errorDescription ?? "\(error)")")
    }
  }

  /// Imports one export; see the type's documentation.
  public static func run(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let shape = shapes[Int(first) % shapes.count]
    let grouped = (Int(first) / shapes.count) % 2 == 1
    let catalog = FuzzPipeline.bundledCatalog
    let parts = split(bytes.dropFirst())
    let used = zip(files[shape.syntax]!, parts).map { file, part in
      file.replace(with: Array(part))
      return file.path
    }
    let label = "itsm \(shape.tool.rawValue) .\(shape.syntax)"
    var problemCount = 0
    let request = ITSMImportRequest(
      tool: shape.tool, files: used, options: ITSMImportOptions(groupBy: grouped ? [shape.alternativeGroup] : []),
      policy: (Int(first) / (shapes.count * 2)) % 2 == 1 ? .skip : .refuse, organizationalUnit: "fuzz")
    // The command's pipeline (ITSMImportPipeline), as `appraise import` runs it.
    let imported: ITSMImport
    do throws(ITSMImportFailure) {
      imported = try ITSMImportPipeline.read(request, mapping: mapping) { problem in
        problemCount += 1
        FuzzPipeline.sink &+= problem.description.utf8.count
      }
    } catch {
      if case .rejected(let files, _) = error { for file in files { FuzzPipeline.note(label, file) } }
      if FuzzPipeline.verbose { printError("fuzz: \(label): nothing imported (\(error), \(problemCount) problems)") }
      return
    }
    let importer = imported.importer
    let appraisal: Appraisal
    do throws(ITSMImportFailure) {
      appraisal = try ITSMImportPipeline.appraisal(from: imported, request, catalog: catalog, today: "2024-03-01")
    } catch {
      fatalError("fuzz: \(label): the import made evidence that does not validate:\n\(error)")
    }
    for (text, syntax) in [
      (EvidenceWriter.xml(appraisal), EvidenceSyntax.xml), (EvidenceWriter.json(appraisal), .json),
    ] {
      let loaded: AppraisalReader.Loaded
      do throws(ReadFailure) {
        loaded = try AppraisalReader.read(
          bytes: Array(text.utf8), syntax: syntax, file: "import.\(syntax.rawValue)", catalog: catalog)
      } catch {
        fatalError(
          "fuzz: \(label): the written \(syntax.rawValue) does not read back:\n\(error.errorDescription ?? "")\n\(text.prefix(4000))"
        )
      }
      if loaded.appraisal != appraisal {
        fatalError(
          "fuzz: \(label): the written \(syntax.rawValue) reads back as a different appraisal:\n\(text.prefix(4000))")
      }
      if syntax == .json {
        let result = AppraisalRater.rate(loaded.appraisal, catalog: catalog)
        withExtendedLifetime(result) {}
      }
    }
    if FuzzPipeline.verbose {
      printError(
        "fuzz: \(label): \(importer.recordCount) records, \(problemCount) problems, \(appraisal.evidence.count) items, round trip ok"
      )
    }
  }
}
