/// What an import does with a record it cannot use (no id, an id of the wrong type, a broken row).
public enum BadRecordPolicy: Sendable {
  /// Report it as an error; the import as a whole fails and nothing is written (the default).
  case refuse
  /// Leave it out with a warning and import the other records (`--skip-bad-records`).
  case skip
}
