extension JiraProfile {
  /// A Jira export that holds only part of its search's issues: an RSS export's
  /// `<issue start="0" end="20" total="171574"/>` (the channel's paging element) with `total` above the
  /// items it returned, or a REST search page whose `total` is above `startAt` + `maxResults` (or that
  /// starts after the first issue), or an enhanced-search page (`/search/jql`) with `isLast: false`.
  /// The import goes on with the issues the file holds; the warning says how to get the rest.
  struct PartialExport {
    /// The warning, naming what the file holds and what the search found.
    var message: String

    /// The paging element of an RSS export, when it says the export is partial.
    static func rss(_ node: NativeNode) -> PartialExport? {
      guard let start = Int(node["start"].text ?? ""), let end = Int(node["end"].text ?? ""),
        let total = Int(node["total"].text ?? ""), total > end - start
      else { return nil }
      return PartialExport(
        message: "partial export: the file holds issues \(start + 1)–\(end) of the \(total) the search found "
          + "(<issue start=\"\(start)\" end=\"\(end)\" total=\"\(total)\">); export the rest (Jira's "
          + "jira.search.views.default.max limits an XML export) and import all the files together")
    }

    /// The paging members of a REST search response, when they say the page is partial.
    static func rest(_ envelope: NativeNode) -> PartialExport? {
      if envelope["isLast"].bool == false {
        return PartialExport(
          message: "partial export: \"isLast\" is false, more pages follow (\"nextPageToken\"); fetch every page "
            + "and import the files together")
      }
      guard let total = envelope["total"].integer else { return nil }
      let start = envelope["startAt"].integer ?? 0
      guard let size = envelope["maxResults"].integer else { return nil }
      guard start > 0 || total > start + size else { return nil }
      return PartialExport(
        message: "partial export: the page holds issues \(start + 1)–\(min(total, start + size)) of the \(total) the "
          + "search found (\"startAt\": \(start), \"maxResults\": \(size), \"total\": \(total)); fetch every page "
          + "and import the files together (this warning stays on each page)")
    }
  }
}
