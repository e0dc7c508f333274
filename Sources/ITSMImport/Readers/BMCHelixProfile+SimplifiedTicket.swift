extension BMCHelixProfile {
  /// A ticket of the BMC Helix ITSM simplified REST API (`/api/com.bmc.dsm.itsm.itsm-rest-api/…`), whose
  /// responses are `{"status": "Success", "details": …}`: `details` is one ticket (an object) or a list of
  /// tickets. A `status` other than `Success` rejects the file. The form is named by the ticket number's
  /// prefix (`displayId`, else `id`: `INC`, `PBI`, `PKE`, `CRQ`, `REQ`), and each AR System field by its
  /// label in lower camel case (`Assigned Group` → `assignedGroup`, `Submit Date` → `submitDate`), as the
  /// API's metadata names `Status_Reason`, `Urgency` and `Impact` (`statusReason`, `urgency`, `impact`); the
  /// status fields of every form are `status`. (Envelope and camel-case naming verified from BMC's
  /// metadata example; the ticket field names are assumed, docs/itsm-import.md.)
  enum SimplifiedTicket {
    /// Rejects a response whose `status` is not `Success`.
    static func fileProblem(_ envelope: NativeNode) -> NativeRecordReader.FileProblem? {
      let status = envelope["status"]
      if status.text?.lowercased() == "success" { return nil }
      return .init(
        message: "the response's \"status\" is \(status.jsonDescription); expected \"Success\" (a BMC Helix "
          + "simplified REST response whose \"details\" hold tickets); export the tickets again",
        line: status.exists ? status.line : envelope.line, column: status.exists ? status.column : envelope.column)
    }

    /// The ticket's record number: `displayId`, else `id`.
    static func number(of node: NativeNode) -> String? { node["displayId"].text ?? node["id"].text }

    /// The AR System field `name` of the ticket.
    static func field(_ name: String, of node: NativeNode) -> NativeNode {
      if forms.contains(where: { $0.idField == name }) {
        return node["displayId"].exists ? node["displayId"] : node["id"]
      }
      if statusFields.contains(name) { return node["status"] }
      return node[camelCase(name)]
    }

    static let statusFields: Set<String> = [
      "Status", "Investigation Status", "Known Error Status", "Change Request Status",
    ]

    /// `Assigned Group` → `assignedGroup`, `Status_Reason` → `statusReason`, `Categorization Tier 1` →
    /// `categorizationTier1`.
    static func camelCase(_ label: String) -> String {
      let words = label.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
      guard let first = words.first else { return label }
      return first.lowercased() + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
  }
}
